import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { ProsecutionContext } from '../prosecution.context.js';

/** `_entities` from another subgraph's query: the service applies the same rule as a direct read. */
export const resolveProsecutionReference: ReferenceResolver<ProsecutionContext> = (reference, context) =>
  isId(reference.id) ? context.prosecutions.reference(reference.id.toLowerCase()) : null;
