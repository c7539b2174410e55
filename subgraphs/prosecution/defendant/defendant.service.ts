import { InvalidInputError } from '../../../platform/errors.js';
import { createOnce } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { lockProsecution, writableProsecution } from '../prosecution/prosecution.guard.js';
import type { AddDefendantInput } from './defendant.input.js';

/** Defendants: police suspects of the prosecuted case, added by the prosecution's jurisdiction. */
export class DefendantService {
  constructor(private readonly request: ProsecutionCall) {}

  async add(input: AddDefendantInput, key: string | null | undefined) {
    const prosecutionId = assertId(input.prosecutionId, 'prosecutionId');
    const suspectId = assertId(input.suspectId, 'suspectId');
    const prosecution = await writableProsecution(this.request, prosecutionId, 'prosecutionId');
    if (this.request.references) {
      // Smuggling Protocol Art. 5: a migrant is never a defendant; only a police suspect of this very case is.
      const found = (await this.request.references.lookup('suspect', [suspectId]))[suspectId];
      if (!found) {
        throw new InvalidInputError([
          {
            field: 'suspectId',
            reasons: [
              'not a police suspect (or none you may see): only a suspect can be a defendant, never a migrant (Smuggling Protocol Art. 5)',
            ],
          },
        ]);
      }
      if (found.caseId !== prosecution.caseId) {
        throw new InvalidInputError([
          { field: 'suspectId', reasons: ['this suspect belongs to another police case than the one prosecuted'] },
        ]);
      }
    }
    const stores = this.request.stores;
    const id = await createOnce(this.request, 'addDefendant', key, input, async (manager) => {
      await lockProsecution(manager, prosecutionId, 'prosecutionId');
      if (await stores.defendants.exists(manager, prosecutionId, suspectId)) {
        throw new InvalidInputError([{ field: 'suspectId', reasons: ['this suspect is already a defendant in this prosecution'] }]);
      }
      return stores.defendants.insert(manager, {
        id: this.request.recordIds.next('defendant'),
        prosecutionId,
        suspectId,
        liability: input.liability,
      });
    });
    const [defendant] = await stores.defendants.byIds([id]);
    return defendant;
  }
}
