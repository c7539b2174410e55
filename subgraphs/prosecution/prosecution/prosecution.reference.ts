import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { ProsecutionContext } from '../prosecution.context.js';

/** `_entities` from another subgraph's query: the service applies the same rule as a direct read. */
export const resolveProsecutionReference: ReferenceResolver<ProsecutionContext> = async (reference, context) => {
  if (!isId(reference.id)) return null;
  const row = await context.prosecutions.reference(reference.id.toLowerCase());
  // Fields the gateway brought from other subgraphs for @requires (the witnesses' testimony consent).
  const { witnessMigrants } = reference as { witnessMigrants?: Array<{ testimonyConsent?: boolean | null }> };
  return row && witnessMigrants ? { ...row, witnessMigrants } : row;
};
