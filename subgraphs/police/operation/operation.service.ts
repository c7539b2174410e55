import { guard } from '../../shared/policy.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';

export class OperationService {
  constructor(private readonly request: PoliceRequest) {}

  all() {
    guard(this.request, policePolicy.operations, undefined);
    return this.request.stores.operations.all();
  }
}
