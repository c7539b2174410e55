import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { AssistanceContext } from '../assistance.context.js';

/** The case is police's; this subgraph only needs its id to add the migrants. */
export const resolveCaseReference: ReferenceResolver<AssistanceContext> = (reference) =>
  isId(reference.id) ? { id: reference.id.toLowerCase() } : null;
