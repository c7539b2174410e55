import { guard, permits } from '../../shared/policy.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import type { SuspectEntity } from '../suspect/suspect.entity.js';
import type { SmugglingNetworkEntity } from './network.entity.js';

/** Networks are analysis of suspects across cases: shared as such, but each suspect follows its case's scope. */
export class SmugglingNetworkService {
  constructor(private readonly request: PoliceCall) {}

  all() {
    guard(this.request, policePolicy.networks, undefined);
    return this.request.stores.networks.all();
  }

  /** The network's suspects whose cases the reader may read; the others are left out (their cases load in one batch). */
  async suspects(root: SmugglingNetworkEntity): Promise<SuspectEntity[]> {
    guard(this.request, policePolicy.networks, undefined);
    const suspects = await this.request.loaders.suspectsByNetwork.load(root.id);
    const cases = await this.request.loaders.caseById.loadMany([...new Set(suspects.map((suspect) => suspect.caseId))]);
    const readable = new Set(
      cases.flatMap((owning) =>
        owning && !(owning instanceof Error) && permits(this.request, policePolicy.suspects, owning) ? [owning.id] : [],
      ),
    );
    return suspects.filter((suspect) => readable.has(suspect.caseId));
  }
}
