import type { DataSource } from 'typeorm';
import type { Viewer } from '../shared/auth.js';
import type { SubgraphContext } from '../shared/context.js';
import { groupLoader, rowLoader } from '../shared/loaders.js';
import { CaseLawStore } from './case-law/case-law.store.js';
import { ChargeStore } from './charge/charge.store.js';
import { DefendantStore } from './defendant/defendant.store.js';
import { MlaRequestStore } from './mla/mla.store.js';
import { ProsecutionService } from './prosecution/prosecution.service.js';
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
export function createProsecutionLoaders(stores: ProsecutionStores) {
  return {
    prosecutionById: rowLoader((ids) => stores.prosecutions.byIds(ids), (row) => row.id),
    prosecutionByCase: rowLoader((ids) => stores.prosecutions.earliestByCaseIds(ids), (row) => row.caseId),
    defendantsByProsecution: groupLoader((ids) => stores.defendants.byProsecutionIds(ids), (row) => row.prosecutionId),
    chargesByDefendant: groupLoader((ids) => stores.charges.byDefendantIds(ids), (row) => row.defendantId),
    witnessesByProsecution: groupLoader((ids) => stores.witnesses.byProsecutionIds(ids), (row) => row.prosecutionId),
    mlaRequestsByProsecution: groupLoader((ids) => stores.mlaRequests.byProsecutionIds(ids), (row) => row.prosecutionId),
    caseLawLinksByProsecution: groupLoader((ids) => stores.caseLaw.byProsecutionIds(ids), (row) => row.prosecutionId),
  };
}
export type ProsecutionLoaders = ReturnType<typeof createProsecutionLoaders>;

export interface ProsecutionContext extends SubgraphContext {
  stores: ProsecutionStores;
  loaders: ProsecutionLoaders;
  prosecutions: ProsecutionService;
}

export function createProsecutionContext(dataSource: DataSource, viewer: Viewer, operationName: string | null): ProsecutionContext {
  const stores = createProsecutionStores(dataSource);
  const loaders = createProsecutionLoaders(stores);
  return { viewer, operationName, stores, loaders, prosecutions: new ProsecutionService(stores.prosecutions, loaders) };
}
