import { checkReference } from '../../shared/lookup/lookup.server.js';
import type { PoliceContext } from '../police.context.js';

/** Reference check of a case (prosecution's openProsecution, assistance's registerMigrant): through the case service's own read. */
export const caseLookup = (context: PoliceContext, id: string) =>
  checkReference(context, { entityType: 'Case', read: (caseId) => context.cases.reference(caseId) }, id, (row) => ({
    status: row.status,
    leadCountry: row.leadCountry,
    releasable: context.cases.releasable(row),
  }));
