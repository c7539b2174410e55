import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '../shared/context.js';
import { groupLoader, rowLoader } from '../shared/loaders.js';
import { AssistanceStore } from './assistance/assistance.store.js';
import { ConsentStore } from './consent/consent.store.js';
import { MigrantIdentityStore } from './identity/identity.store.js';
import { MigrantStore } from './migrant/migrant.store.js';
import { ScreeningStore } from './screening/screening.store.js';

export function createAssistanceStores(dataSource: DataSource) {
  return {
    migrants: new MigrantStore(dataSource),
    identities: new MigrantIdentityStore(dataSource),
    consents: new ConsentStore(dataSource),
    screenings: new ScreeningStore(dataSource),
    assistance: new AssistanceStore(dataSource),
  };
}
export type AssistanceStores = ReturnType<typeof createAssistanceStores>;

/** Per-request batching: every entity reference and relation of a query costs one statement per level. */
export function createAssistanceLoaders(stores: AssistanceStores, references: SubgraphContext['references']) {
  return {
    /**
     * Whether the police case's owner released it to this caller, asked of police (the owner decides)
     * once per request level, for all the cases of that level. No reference client (the demo seed):
     * nothing is read for a caller, so nothing is withheld.
     */
    caseReleased: new DataLoader<string, boolean>(async (caseIds) => {
      if (!references) return caseIds.map(() => true);
      const facts = await references.lookup('case', caseIds);
      return caseIds.map((id) => facts[id.toLowerCase()]?.releasable === true);
    }),
    migrantById: rowLoader(
      (ids) => stores.migrants.byIds(ids),
      (row) => row.id,
    ),
    migrantsByCase: groupLoader(
      (ids) => stores.migrants.byCaseIds(ids),
      (row) => row.caseId,
    ),
    identityByMigrant: rowLoader(
      (ids) => stores.identities.byMigrantIds(ids),
      (row) => row.migrantId,
    ),
    consentsByMigrant: groupLoader(
      (ids) => stores.consents.byMigrantIds(ids),
      (row) => row.migrantId,
    ),
    screeningsByMigrant: groupLoader(
      (ids) => stores.screenings.byMigrantIds(ids),
      (row) => row.migrantId,
    ),
    assistanceByMigrant: groupLoader(
      (ids) => stores.assistance.byMigrantIds(ids),
      (row) => row.migrantId,
    ),
  };
}
export type AssistanceLoaders = ReturnType<typeof createAssistanceLoaders>;

/**
 * One call to the assistance subgraph: the verified caller, its access log, the stores and
 * DataLoaders of this request. The services take it (type-only, so no service imports the GraphQL
 * context that holds the services).
 */
export interface AssistanceCall extends SubgraphContext {
  stores: AssistanceStores;
  loaders: AssistanceLoaders;
}

export function createAssistanceCall(base: SubgraphContext): AssistanceCall {
  const stores = createAssistanceStores(base.dataSource);
  return { ...base, stores, loaders: createAssistanceLoaders(stores, base.references) };
}
