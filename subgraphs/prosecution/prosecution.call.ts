import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { CaseLawEntity } from './case-law/case-law.entity.js';
import type { SubgraphContext } from '../shared/context.js';
import { groupLoader, rowLoader } from '../shared/loaders.js';
import { OwnerUnavailableError, type ReferenceLookup } from '../shared/lookup/lookup.client.js';
import { MAX_LOOKUP_IDS } from '../shared/lookup/lookup.protocol.js';
import { CaseLawStore } from './case-law/case-law.store.js';
import { ChargeStore } from './charge/charge.store.js';
import { DefendantStore } from './defendant/defendant.store.js';
import { MlaRequestStore } from './mla/mla.store.js';
import { ProsecutionStore } from './prosecution/prosecution.store.js';
import { WitnessStore } from './witness/witness.store.js';

export function createProsecutionStores(dataSource: DataSource) {
  return {
    prosecutions: new ProsecutionStore(dataSource),
    defendants: new DefendantStore(dataSource),
    charges: new ChargeStore(dataSource),
    witnesses: new WitnessStore(dataSource),
    mlaRequests: new MlaRequestStore(dataSource),
    caseLaw: new CaseLawStore(dataSource),
  };
}
export type ProsecutionStores = ReturnType<typeof createProsecutionStores>;

/** Per-request batching: every entity reference and relation of a query costs one statement per level. */
export function createProsecutionLoaders(stores: ProsecutionStores, references: ReferenceLookup | null) {
  return {
    prosecutionById: rowLoader(
      (ids) => stores.prosecutions.byIds(ids),
      (row) => row.id,
    ),
    prosecutionByCase: rowLoader(
      (ids) => stores.prosecutions.earliestByCaseIds(ids),
      (row) => row.caseId,
    ),
    defendantsByProsecution: groupLoader(
      (ids) => stores.defendants.byProsecutionIds(ids),
      (row) => row.prosecutionId,
    ),
    chargesByDefendant: groupLoader(
      (ids) => stores.charges.byDefendantIds(ids),
      (row) => row.defendantId,
    ),
    witnessesByProsecution: groupLoader(
      (ids) => stores.witnesses.byProsecutionIds(ids),
      (row) => row.prosecutionId,
    ),
    mlaRequestsByProsecution: groupLoader(
      (ids) => stores.mlaRequests.byProsecutionIds(ids),
      (row) => row.prosecutionId,
    ),
    // The case-law table is small reference data: read once per request, whatever the number of cases.
    allCaseLaw: new DataLoader<'all', CaseLawEntity[]>(async (keys) => {
      const all = await stores.caseLaw.all();
      return keys.map(() => all);
    }),
    caseLawLinksByProsecution: groupLoader(
      (ids) => stores.caseLaw.byProsecutionIds(ids),
      (row) => row.prosecutionId,
    ),
    // Witnesses' TESTIMONY consent, asked of assistance by migrant id: one signed lookup per request level.
    testimonyConsentByMigrant: new DataLoader<string, boolean>(
      async (migrantIds) => {
        if (!references) throw new OwnerUnavailableError('assistance');
        const facts = await references.lookup('testimonyConsent', migrantIds);
        return migrantIds.map((id) => facts[id.toLowerCase()]?.consent === true);
      },
      { maxBatchSize: MAX_LOOKUP_IDS },
    ),
  };
}
export type ProsecutionLoaders = ReturnType<typeof createProsecutionLoaders>;

/**
 * One call to the prosecution subgraph: the verified caller, its access log, the stores and
 * DataLoaders of this request. The services take it (type-only, so no service imports the GraphQL
 * context that holds the services).
 */
export interface ProsecutionCall extends SubgraphContext {
  stores: ProsecutionStores;
  loaders: ProsecutionLoaders;
}

export function createProsecutionCall(base: SubgraphContext): ProsecutionCall {
  const stores = createProsecutionStores(base.dataSource);
  return { ...base, stores, loaders: createProsecutionLoaders(stores, base.references) };
}
