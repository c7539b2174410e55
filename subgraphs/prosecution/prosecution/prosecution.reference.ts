import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { ProsecutionContext } from '../prosecution.context.js';

/**
 * `_entities` from another subgraph's query: the service applies the same rule as a direct read.
 * Nothing else of the representation is used: this subgraph takes no caller-supplied data (the
 * witnesses' consents are asked of their owner by id).
 */
export const resolveProsecutionReference: ReferenceResolver<ProsecutionContext> = async (reference, context) => {
  if (!isId(reference.id)) return null;
  return context.prosecutions.reference(reference.id.toLowerCase());
};
