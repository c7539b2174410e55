import { enforce } from '../../shared/access.js';
import { assertId } from '../../shared/pagination.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';
import type { SuspectEntity } from './suspect.entity.js';

export class SuspectService {
  constructor(private readonly request: PoliceRequest) {}

  get(id: string) {
    enforce(policePolicy.suspects(this.request.viewer));
    return this.request.loaders.suspectById.load(assertId(id));
  }

  /** For `_entities` calls (a defendant's suspect, from prosecution): the same rule as a direct read. */
  async reference(id: string) {
    enforce(policePolicy.suspects(this.request.viewer));
    return this.request.loaders.suspectById.load(id);
  }

  case(root: SuspectEntity) {
    return this.request.loaders.caseById.load(root.caseId);
  }

  network(root: SuspectEntity) {
    return root.networkId ? this.request.loaders.networkById.load(root.networkId) : null;
  }
}
