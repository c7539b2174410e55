import { enforce } from '../../shared/access.js';
import { assertId } from '../../shared/pagination.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';
import type { DetectionEntity } from './detection.entity.js';
import type { Position } from './detection.type.js';

export class DetectionService {
  constructor(private readonly request: PoliceRequest) {}

  get(id: string) {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.loaders.detectionById.load(assertId(id));
  }

  /** For `_entities` calls: the same rule as a direct read. */
  async reference(id: string) {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.loaders.detectionById.load(id);
  }

  position(root: DetectionEntity): Position {
    enforce(policePolicy.vesselAndPosition(this.request.viewer));
    return { latitude: root.latitude, longitude: root.longitude };
  }

  vessel(root: DetectionEntity) {
    enforce(policePolicy.vesselAndPosition(this.request.viewer));
    return root.vesselId ? this.request.loaders.vesselById.load(root.vesselId) : null;
  }

  case(root: DetectionEntity) {
    return this.request.loaders.caseById.load(root.caseId);
  }

  operation(root: DetectionEntity) {
    return root.operationId ? this.request.loaders.operationById.load(root.operationId) : null;
  }
}
