import { InvalidInputError } from '../../../platform/errors.js';
import { createOnce } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { lockProsecution, writableProsecution } from '../prosecution/prosecution.guard.js';
import type { AddWitnessInput } from './witness.input.js';

/** Witnesses: migrants of the prosecuted case (checked with migrant assistance), added by the prosecution's jurisdiction. */
export class WitnessService {
  constructor(private readonly request: ProsecutionCall) {}

  async add(input: AddWitnessInput, key: string | null | undefined) {
    const prosecutionId = assertId(input.prosecutionId, 'prosecutionId');
    const migrantId = assertId(input.migrantId, 'migrantId');
    const prosecution = await writableProsecution(this.request, prosecutionId, 'prosecutionId');
    if (this.request.references) {
      const found = (await this.request.references.lookup('migrant', [migrantId]))[migrantId];
      if (!found)
        throw new InvalidInputError([
          {
            field: 'migrantId',
            reasons: ['not a migrant registered by IOM (or none you may see): a witness here is a migrant of the case'],
          },
        ]);
      if (found.caseId !== prosecution.caseId) {
        throw new InvalidInputError([
          { field: 'migrantId', reasons: ['this migrant belongs to another police case than the one prosecuted'] },
        ]);
      }
    }
    const stores = this.request.stores;
    const id = await createOnce(this.request, 'addWitness', key, input, async (manager) => {
      await lockProsecution(manager, prosecutionId, 'prosecutionId');
      if (await stores.witnesses.exists(manager, prosecutionId, migrantId)) {
        throw new InvalidInputError([{ field: 'migrantId', reasons: ['this migrant is already a witness in this prosecution'] }]);
      }
      return stores.witnesses.insert(manager, {
        id: this.request.recordIds.next('witness'),
        prosecutionId,
        migrantId,
        role: input.role,
        protectiveMeasures: input.protectiveMeasures ?? [],
      });
    });
    const [witness] = await stores.witnesses.byIds([id]);
    return witness;
  }
}
