import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { isId } from '../../shared/pagination.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import type { Migrant } from './migrant.type.js';

/** Migrants live in the assistance database; here a reference is just its id (no SQL). */
export const resolveMigrantReference: ReferenceResolver<ProsecutionContext> = (reference): Migrant | null =>
  isId(reference.id) ? { id: reference.id } : null;
