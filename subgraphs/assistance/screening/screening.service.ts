import { assertVersion, createOnce, lockRow, truncateToMilliseconds, updateVersioned } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { guard } from '../../shared/policy.js';
import type { AssistanceCall } from '../assistance.call.js';
import { assistancePolicy } from '../assistance.policy.js';
import { MigrantEntity } from '../migrant/migrant.entity.js';
import type { RecordScreeningInput } from './screening.input.js';

/** Screenings are IOM's to record; the latest becomes the migrant's current assessment. */
export class ScreeningService {
  constructor(private readonly request: AssistanceCall) {}

  /** Records a screening (IOM only); it becomes the migrant's current vulnerabilities and trafficking status. */
  async record(input: RecordScreeningInput, idempotencyKey: string | null | undefined) {
    guard(this.request, assistancePolicy.write, undefined);
    const migrantId = assertId(input.migrantId, 'migrantId');
    const id = await createOnce(this.request, 'recordScreening', idempotencyKey, input, async (manager) => {
      const migrant = await lockRow(manager, MigrantEntity, 'migrant.lock', migrantId, 'migrantId');
      assertVersion(migrant, input.migrantVersion);
      const screeningId = await this.request.stores.screenings.insert(manager, {
        id: this.request.recordIds.next('screening'),
        migrantId,
        screenedAt: truncateToMilliseconds(input.screenedAt),
        screenedBy: input.screenedBy,
        vulnerabilities: input.vulnerabilities,
        traffickingStatus: input.traffickingStatus,
      });
      await updateVersioned(manager, MigrantEntity, 'migrant.screened', migrantId, input.migrantVersion, {
        vulnerabilities: input.vulnerabilities,
        traffickingStatus: input.traffickingStatus,
      });
      return screeningId;
    });
    const [screening] = await this.request.stores.screenings.byIds([id]);
    return screening;
  }
}
