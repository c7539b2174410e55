import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import type { Case } from './case.type.js';

/**
 * Cases live in the police database; this subgraph only adds fields keyed by the case id, so a
 * reference needs no SQL. A malformed id is a dangling reference: null.
 */
export const resolveCaseReference: ReferenceResolver<ProsecutionContext> = (reference): Case | null =>
  isId(reference.id) ? { id: reference.id } : null;
