import { enforce } from '../../shared/access.js';
import { createOnce, lockRow, presetId, type Preset } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { CaseEntity } from '../case/case.entity.js';
import { SmugglingNetworkEntity } from '../network/network.entity.js';
import type { AddSuspectInput } from './suspect.input.js';
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

  /** Adds a suspect to a case (police only), once per idempotency key. */
  async add(input: AddSuspectInput, idempotencyKey: string | null | undefined, preset?: Preset) {
    enforce(policePolicy.write(this.request.viewer));
    const caseId = assertId(input.caseId, 'caseId');
    const networkId = input.networkId ? assertId(input.networkId, 'networkId') : null;
    const id = await createOnce(this.request, 'addSuspect', idempotencyKey, input, async (manager) => {
      await lockRow(manager, CaseEntity, 'case.lock', caseId, 'caseId');
      if (networkId) await lockRow(manager, SmugglingNetworkEntity, 'network.lock', networkId, 'networkId');
      return this.request.stores.suspects.insert(manager, {
        ...presetId(preset),
        caseId,
        networkId,
        alias: input.alias,
        nationality: input.nationality ?? null,
        role: input.role,
      });
    });
    return this.request.loaders.suspectById.load(id);
  }

  case(root: SuspectEntity) {
    return this.request.loaders.caseById.load(root.caseId);
  }

  network(root: SuspectEntity) {
    return root.networkId ? this.request.loaders.networkById.load(root.networkId) : null;
  }
}
