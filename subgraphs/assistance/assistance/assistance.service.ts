import { InvalidInputError, type FieldProblem } from '../../../platform/errors.js';
import {
  assertTransition,
  assertVersion,
  createOnce,
  lockRow,
  truncateToMilliseconds,
  updateVersioned,
  type Transitions,
} from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import type { AssistanceCall } from '../assistance.call.js';
import { guard } from '../../shared/policy.js';
import { assistancePolicy } from '../assistance.policy.js';
import { AssistanceStatus } from '../enums.js';
import { MigrantEntity } from '../migrant/migrant.entity.js';
import type { RecordAssistanceInput } from './assistance.input.js';
import { AssistanceEntity } from './assistance.entity.js';

export const ASSISTANCE_TRANSITIONS: Transitions<AssistanceStatus> = {
  [AssistanceStatus.PLANNED]: [AssistanceStatus.IN_PROGRESS, AssistanceStatus.DECLINED],
  [AssistanceStatus.IN_PROGRESS]: [AssistanceStatus.COMPLETED, AssistanceStatus.DECLINED],
  [AssistanceStatus.COMPLETED]: [],
  [AssistanceStatus.DECLINED]: [],
};

/** Dates that must agree with the status. */
function datesProblems(status: AssistanceStatus, startedAt: Date | null, completedAt: Date | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if ((status === AssistanceStatus.IN_PROGRESS || status === AssistanceStatus.COMPLETED) && !startedAt) {
    problems.push({ field: 'startedAt', reasons: [`startedAt is required when status is ${status}`] });
  }
  if (status === AssistanceStatus.COMPLETED && !completedAt)
    problems.push({ field: 'completedAt', reasons: ['completedAt is required when status is COMPLETED'] });
  if (status !== AssistanceStatus.COMPLETED && completedAt)
    problems.push({ field: 'completedAt', reasons: ['completedAt is only for COMPLETED assistance'] });
  if (startedAt && completedAt && completedAt < startedAt)
    problems.push({ field: 'completedAt', reasons: ['completedAt must not be before startedAt'] });
  return problems;
}

export class AssistanceService {
  constructor(private readonly request: AssistanceCall) {}

  async record(input: RecordAssistanceInput, idempotencyKey: string | null | undefined) {
    guard(this.request, assistancePolicy.write, undefined);
    const migrantId = assertId(input.migrantId, 'migrantId');
    const problems = datesProblems(input.status, input.startedAt ?? null, input.completedAt ?? null);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const id = await createOnce(this.request, 'recordAssistance', idempotencyKey, input, async (manager) => {
      await lockRow(manager, MigrantEntity, 'migrant.lock', migrantId, 'migrantId');
      return this.request.stores.assistance.insert(manager, {
        id: this.request.recordIds.next('assistance'),
        migrantId,
        type: input.type,
        status: input.status,
        provider: input.provider,
        startedAt: input.startedAt ? truncateToMilliseconds(input.startedAt) : null,
        completedAt: input.completedAt ? truncateToMilliseconds(input.completedAt) : null,
      });
    });
    const [record] = await this.request.stores.assistance.byIds([id]);
    return record;
  }

  /** Moves assistance along ASSISTANCE_TRANSITIONS (starting it sets startedAt, completing it completedAt). */
  async update(id: string, version: number, status: AssistanceStatus) {
    guard(this.request, assistancePolicy.write, undefined);
    const recordId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const record = await lockRow(manager, AssistanceEntity, 'assistance.lock', recordId, 'id');
      assertVersion(record, version);
      assertTransition('Assistance', ASSISTANCE_TRANSITIONS, record.status, status);
      const now = truncateToMilliseconds(new Date());
      await updateVersioned(manager, AssistanceEntity, 'assistance.update', recordId, version, {
        status,
        startedAt: record.startedAt ?? (status === AssistanceStatus.DECLINED ? null : now),
        completedAt: status === AssistanceStatus.COMPLETED ? now : null,
      });
    });
    const [record] = await this.request.stores.assistance.byIds([recordId]);
    return record;
  }
}
