import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { PoliceContext } from '../police.context.js';

/** `_entities` from another subgraph's query: the service applies the same rule as a direct read. */
export const resolveCaseReference: ReferenceResolver<PoliceContext> = (reference, context) =>
  isId(reference.id) ? context.cases.reference(reference.id.toLowerCase()) : null;
