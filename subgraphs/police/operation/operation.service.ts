import { guard } from '../../shared/policy.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';

export class OperationService {
  constructor(private readonly request: PoliceCall) {}

  all() {
    guard(this.request, policePolicy.operations, undefined);
    return this.request.stores.operations.all();
  }
}
