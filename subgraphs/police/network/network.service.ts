import { enforce } from '../../shared/access.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';
import type { SmugglingNetworkEntity } from './network.entity.js';

/** Networks are analysis of suspects: the suspects rule applies. */
export class SmugglingNetworkService {
  constructor(private readonly request: PoliceRequest) {}

  all() {
    enforce(policePolicy.suspects(this.request.viewer));
    return this.request.stores.networks.all();
  }

  suspects(root: SmugglingNetworkEntity) {
    return this.request.loaders.suspectsByNetwork.load(root.id);
  }
}
