import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { AssistanceContext } from '../assistance.context.js';

/** `_entities` from another subgraph's query: the service applies the same rule as a direct read. */
export const resolveMigrantReference: ReferenceResolver<AssistanceContext> = (reference, context) =>
  isId(reference.id) ? context.migrants.reference(reference.id.toLowerCase()) : null;
