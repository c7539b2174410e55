import { InvalidInputError, NotFoundError } from '../../../platform/errors.js';
import { assertTransition, assertVersion, createOnce, lockRow, updateVersioned } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { decide, guard } from '../../shared/policy.js';
import { MLA_STATUS_TRANSITIONS, MlaStatus } from '../enums.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { prosecutionPolicy } from '../prosecution.policy.js';
import { lockProsecution, ownCountry, writableProsecution } from '../prosecution/prosecution.guard.js';
import { MlaRequestEntity } from './mla.entity.js';
import type { CreateMlaRequestInput } from './mla.input.js';

/** Mutual legal assistance requests (UNTOC Art. 18): drafted by the prosecuting State, moved by either side. */
export class MlaRequestService {
  constructor(private readonly request: ProsecutionCall) {}

  async create(input: CreateMlaRequestInput, key: string | null | undefined) {
    const prosecutionId = assertId(input.prosecutionId, 'prosecutionId');
    // The requesting State is the prosecuting State, which is the caller's (only its prosecutors write here).
    const requestingCountry = ownCountry(this.request, input.requestingCountry, 'requestingCountry', 'the requesting State');
    if (requestingCountry === input.requestedCountry) {
      throw new InvalidInputError([{ field: 'requestedCountry', reasons: ['the requested State must differ from the requesting one'] }]);
    }
    await writableProsecution(this.request, prosecutionId, 'prosecutionId');
    const stores = this.request.stores;
    const id = await createOnce(this.request, 'createMlaRequest', key, input, async (manager) => {
      await lockProsecution(manager, prosecutionId, 'prosecutionId');
      return stores.mlaRequests.insert(manager, {
        id: this.request.recordIds.next('mla'),
        prosecutionId,
        type: input.type,
        status: MlaStatus.DRAFT,
        requestingCountry,
        requestedCountry: input.requestedCountry,
        subject: input.subject,
      });
    });
    const [mla] = await stores.mlaRequests.byIds([id]);
    return mla;
  }

  /** The requesting State transmits or withdraws; the requested State acknowledges, executes, refuses… */
  async advance(id: string, version: number, status: MlaStatus) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const mlaId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const row = await lockRow(manager, MlaRequestEntity, 'mla.lock', mlaId, 'id');
      // A State party to neither side learns nothing of the request, not even that it exists.
      if (!decide(this.request.viewer, prosecutionPolicy.mlaRequest, row).allowed) throw new NotFoundError('MlaRequest', 'id');
      assertVersion(row, version);
      assertTransition('MlaRequest', MLA_STATUS_TRANSITIONS, row.status, status);
      // Both States read the request; which of them makes this move depends on the move.
      // The rule reads the row's fields and the move; a plain copy of the entity is what it needs.
      // eslint-disable-next-line @typescript-eslint/no-misused-spread
      guard(this.request, prosecutionPolicy.advanceMlaRequest, { ...row, to: status });
      await updateVersioned(manager, MlaRequestEntity, 'mla.advance', mlaId, version, { status });
    });
    const [mla] = await this.request.stores.mlaRequests.byIds([mlaId]);
    return mla;
  }
}
