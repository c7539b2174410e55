import type { ReferenceResolver } from '../../shared/federated-schema.js';
import { resolveByLoader } from '../../shared/reference.js';
import type { PoliceContext } from '../police.context.js';

export const resolveCaseReference: ReferenceResolver<PoliceContext> = (reference, context) =>
  resolveByLoader(reference, context.loaders.caseById);
