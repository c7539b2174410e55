import { checkReference } from '../../shared/lookup/lookup.server.js';
import type { PoliceContext } from '../police.context.js';

/** Reference check of a suspect (prosecution's addDefendant): the case it belongs to, through the suspect service's own read. */
export const suspectLookup = (context: PoliceContext, id: string) =>
  checkReference(context, { entityType: 'Suspect', read: (suspectId) => context.suspects.reference(suspectId) }, id, (row) => ({
    caseId: row.caseId,
  }));
