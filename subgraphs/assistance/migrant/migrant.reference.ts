import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { resolveByLoader } from '../../shared/reference.js';
import type { AssistanceContext } from '../assistance.context.js';

export const resolveMigrantReference: ReferenceResolver<AssistanceContext> = (reference, context) =>
  resolveByLoader(reference, context.loaders.migrantById);
