import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { PoliceContext } from '../police.context.js';

/** `_entities` from another subgraph's query: the service applies the same rule as a direct read. */
export const resolveSuspectReference: ReferenceResolver<PoliceContext> = (reference, context) =>
  isId(reference.id) ? context.suspects.reference(reference.id.toLowerCase()) : null;
