import { ForbiddenError } from '../../../platform/errors.js';
import { assertVersion, createOnce, lockRow } from '../../shared/mutation/mutation.js';
import type { PersonService } from '../person/person.service.js';
import { assertId } from '../../shared/pagination.js';
import { guard } from '../../shared/policy.js';
import type { CaseService } from '../case/case.service.js';
import { SmugglingNetworkEntity } from '../network/network.entity.js';
import type { AddSuspectInput } from './suspect.input.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import { SuspectEntity } from './suspect.entity.js';

export class SuspectService {
  constructor(
    private readonly request: PoliceCall,
    private readonly cases: CaseService,
    private readonly persons: PersonService,
  ) {}

  get(id: string) {
    return this.released(assertId(id));
  }

  /** For `_entities` calls (a defendant's suspect, from prosecution): the same rule as a direct read. */
  reference(id: string) {
    return this.released(id);
  }

  /** A suspect follows its case: refused NOT_RELEASABLE outside the owner's scope (cases load batched). */
  private async released(id: string): Promise<SuspectEntity | null> {
    guard(this.request, policePolicy.networks, undefined);
    const suspect = await this.request.loaders.suspectById.load(id);
    if (!suspect) return null;
    const owning = await this.request.loaders.caseById.load(suspect.caseId);
    // A suspect always has its case (foreign key); a missing one is refused rather than served unscoped.
    if (!owning) throw ForbiddenError.of('NOT_RELEASABLE');
    guard(this.request, policePolicy.suspects, owning);
    return suspect;
  }

  /**
   * Adds a suspect to a case (its owner's police only), once per idempotency key, as the person an
   * exact identifier points to or as a new person (PersonService.identify decides).
   */
  async add(input: AddSuspectInput, idempotencyKey: string | null | undefined) {
    guard(this.request, policePolicy.policeWrite, undefined);
    const caseId = assertId(input.caseId, 'caseId');
    const networkId = input.networkId ? assertId(input.networkId, 'networkId') : null;
    const id = await createOnce(this.request, 'addSuspect', idempotencyKey, input, async (manager) => {
      const owning = await this.cases.lockForOwner(manager, caseId, 'caseId');
      if (networkId) await lockRow(manager, SmugglingNetworkEntity, 'network.lock', networkId, 'networkId');
      const personId = await this.persons.identify(
        manager,
        {
          alias: input.alias.trim(),
          nationality: input.nationality ?? null,
          yearOfBirth: input.yearOfBirth ?? null,
          phones: input.phones ?? [],
          documents: input.documents ?? [],
        },
        owning.leadCountry,
      );
      return this.request.stores.suspects.insert(manager, {
        id: this.request.recordIds.next('suspect'),
        caseId,
        networkId,
        personId,
        alias: input.alias.trim(),
        nationality: input.nationality ?? null,
        role: input.role,
      });
    });
    return this.request.loaders.suspectById.load(id);
  }

  /**
   * An officer confirms that a suspect is a known person (police of the suspect's case's owner
   * country only, to a person they may see). Optimistic on the suspect's version; linking again to
   * the same person changes nothing.
   */
  async link(suspectId: string, personId: string, version: number): Promise<SuspectEntity | null> {
    guard(this.request, policePolicy.policeWrite, undefined);
    const id = assertId(suspectId, 'suspectId');
    const target = assertId(personId, 'personId');
    await this.request.dataSource.transaction(async (manager) => {
      const suspect = await lockRow(manager, SuspectEntity, 'suspect.lock', id, 'suspectId');
      await this.cases.lockForOwner(manager, suspect.caseId, 'suspectId');
      if (suspect.personId === target) return;
      assertVersion(suspect, version);
      await this.persons.confirm(manager, suspect, target);
    });
    this.request.loaders.personById.clearAll();
    return this.request.loaders.suspectById.clear(id).load(id);
  }

  case(root: SuspectEntity) {
    return this.request.loaders.caseById.load(root.caseId);
  }

  network(root: SuspectEntity) {
    guard(this.request, policePolicy.networks, undefined);
    return root.networkId ? this.request.loaders.networkById.load(root.networkId) : null;
  }
}
