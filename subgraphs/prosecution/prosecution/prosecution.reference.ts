import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { resolveByLoader } from '../../shared/reference.js';
import type { ProsecutionContext } from '../prosecution.context.js';

export const resolveProsecutionReference: ReferenceResolver<ProsecutionContext> = (reference, context) =>
  resolveByLoader(reference, context.loaders.prosecutionById);
