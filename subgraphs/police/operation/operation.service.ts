import { enforce } from '../../shared/access.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';

export class OperationService {
  constructor(private readonly request: PoliceRequest) {}

  all() {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.stores.operations.all();
  }
}
