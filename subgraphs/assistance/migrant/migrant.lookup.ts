import { checkReference } from '../../shared/lookup/lookup.server.js';
import type { AssistanceContext } from '../assistance.context.js';

/** Reference check of a migrant (prosecution's addWitness): the case it belongs to, through the migrant service's own read. */
export const migrantLookup = (context: AssistanceContext, id: string) =>
  checkReference(context, { entityType: 'Migrant', read: (migrantId) => context.migrants.reference(migrantId) }, id, (row) => ({
    caseId: row.caseId,
  }));

/**
 * A witness's testimony consent (prosecution's `testifyingWitnesses`), asked by id: read through the
 * migrant service, which applies the consent rule and logs the `testimonyConsent` read.
 */
export const testimonyConsentLookup = (context: AssistanceContext, id: string) =>
  checkReference(
    context,
    {
      entityType: 'Migrant',
      read: async (migrantId) => {
        const row = await context.migrants.reference(migrantId);
        return row ? { consent: await context.migrants.testimonyConsent(row) } : null;
      },
    },
    id,
    (facts) => facts,
  );
