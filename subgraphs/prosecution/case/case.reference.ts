import type { ReferenceResolver } from '../../shared/federated-schema.js';
import type { Aggravation, Offence } from '../../shared/offence.js';
import { isId } from '../../shared/pagination.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import type { Case } from './case.type.js';

/**
 * Cases live in the police database; this subgraph only adds fields keyed by the case id (and, for
 * `relevantCaseLaw`, the offences and aggravations the gateway brings from police), so a reference
 * needs no SQL. A malformed id is a dangling reference: null.
 */
export const resolveCaseReference: ReferenceResolver<ProsecutionContext> = (reference): Case | null => {
  if (!isId(reference.id)) return null;
  const { offences, aggravations } = reference as { offences?: Offence[]; aggravations?: Aggravation[] };
  return { id: reference.id, offences, aggravations };
};
