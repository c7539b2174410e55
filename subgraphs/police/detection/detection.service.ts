import { guard } from '../../shared/policy.js';
import { ForbiddenError, InvalidInputError, type FieldProblem } from '../../../platform/errors.js';
import { createOnce, lockRow, truncateToMilliseconds } from '../../shared/mutation/mutation.js';
import { assertId, isId } from '../../shared/pagination.js';
import { OperationEntity } from '../operation/operation.entity.js';
import type { OpenCaseInput } from '../case/case.input.js';
import type { CaseService } from '../case/case.service.js';
import type { RecordDetectionInput } from './detection.input.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import type { DetectionEntity } from './detection.entity.js';
import type { Position } from './detection.type.js';
import type { VesselService } from '../vessel/vessel.service.js';

export class DetectionService {
  constructor(
    private readonly request: PoliceCall,
    private readonly cases: CaseService,
    private readonly vessels: VesselService,
  ) {}

  /**
   * Records a detection at sea (police only), with its vessel, on an existing case or on one it
   * opens, all in one transaction and once per idempotency key.
   */
  async record(input: RecordDetectionInput, idempotencyKey: string | null | undefined) {
    guard(this.request, policePolicy.policeWrite, undefined);
    const problems: FieldProblem[] = [];
    if (Boolean(input.caseId) === Boolean(input.openCase)) {
      problems.push({ field: 'caseId', reasons: ['give either caseId (an existing case) or openCase (a new one), not both'] });
    }
    if (input.caseId && !isId(input.caseId)) problems.push({ field: 'caseId', reasons: ['caseId must be a UUID'] });
    if (input.deaths + (input.missing ?? 0) > input.personsOnBoard) {
      problems.push({ field: 'deaths', reasons: ['deaths and missing together cannot exceed personsOnBoard'] });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    const id = await createOnce(this.request, 'recordDetection', idempotencyKey, input, async (manager) => {
      const operationId = input.operationId ? assertId(input.operationId, 'operationId') : null;
      if (operationId) await lockRow(manager, OperationEntity, 'operation.lock', operationId, 'operationId');
      // On an existing case: its owner's only. A case it opens is the caller's country's.
      const caseId = input.caseId
        ? (await this.cases.lockForOwner(manager, input.caseId.toLowerCase(), 'caseId')).id
        : await this.cases.insert(manager, input.openCase as OpenCaseInput);
      // A vessel already known by an exact identifier is linked, not recorded again.
      const vesselId = input.vessel ? await this.vessels.matchOrRecord(manager, input.vessel) : null;
      const detectionId = await this.request.stores.detections.insert(manager, {
        id: this.request.recordIds.next('detection'),
        caseId,
        vesselId,
        operationId,
        detectedAt: truncateToMilliseconds(input.detectedAt),
        seaArea: input.seaArea,
        latitude: input.position.latitude,
        longitude: input.position.longitude,
        detectingCountry: input.detectingCountry,
        outcome: input.outcome,
        personsOnBoard: input.personsOnBoard,
        deaths: input.deaths,
        missing: input.missing ?? 0,
      });
      // The detecting country is now involved in the case.
      await this.request.stores.cases.refreshReleasable(manager, caseId);
      return detectionId;
    });
    return this.request.loaders.detectionById.load(id);
  }

  get(id: string) {
    return this.released(assertId(id));
  }

  /** For `_entities` calls (a migrant's detection, from assistance): the same rule as a direct read. */
  reference(id: string) {
    return this.released(id);
  }

  /** A detection follows its case: refused NOT_RELEASABLE outside the owner's scope (cases load batched). */
  private async released(id: string): Promise<DetectionEntity | null> {
    guard(this.request, policePolicy.caseHit, undefined);
    const detection = await this.request.loaders.detectionById.load(id);
    if (!detection) return null;
    await this.caseOf(detection, policePolicy.caseRecord);
    return detection;
  }

  private async caseOf(root: DetectionEntity, rule: typeof policePolicy.caseRecord | typeof policePolicy.vesselAndPosition) {
    const owning = await this.request.loaders.caseById.load(root.caseId);
    // A detection always has its case (foreign key); a missing one is refused rather than served unscoped.
    if (!owning) throw ForbiddenError.of('NOT_RELEASABLE');
    guard(this.request, rule, owning);
    return owning;
  }

  async position(root: DetectionEntity): Promise<Position> {
    await this.caseOf(root, policePolicy.vesselAndPosition);
    return { latitude: root.latitude, longitude: root.longitude };
  }

  async vessel(root: DetectionEntity) {
    await this.caseOf(root, policePolicy.vesselAndPosition);
    return root.vesselId ? this.request.loaders.vesselById.load(root.vesselId) : null;
  }

  case(root: DetectionEntity) {
    return this.request.loaders.caseById.load(root.caseId);
  }

  operation(root: DetectionEntity) {
    guard(this.request, policePolicy.operations, undefined);
    return root.operationId ? this.request.loaders.operationById.load(root.operationId) : null;
  }
}
