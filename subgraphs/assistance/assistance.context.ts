import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '../shared/context.js';
import { groupLoader, rowLoader } from '../shared/loaders.js';
import { AssistanceService } from './assistance/assistance.service.js';
import { AssistanceStore } from './assistance/assistance.store.js';
import { ConsentService } from './consent/consent.service.js';
import { ConsentStore } from './consent/consent.store.js';
import { MigrantIdentityStore } from './identity/identity.store.js';
import { MigrantService } from './migrant/migrant.service.js';
import { MigrantStore } from './migrant/migrant.store.js';
import { ScreeningStore } from './screening/screening.store.js';
import { MigrantStatisticsService } from './statistics/migrant-statistics.service.js';

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
export function createAssistanceLoaders(stores: AssistanceStores) {
  return {
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

/** What the assistance services share for one request. */
export interface AssistanceRequest extends SubgraphContext {
  stores: AssistanceStores;
  loaders: AssistanceLoaders;
}

export interface AssistanceContext extends AssistanceRequest {
  migrants: MigrantService;
  consents: ConsentService;
  assistance: AssistanceService;
  statistics: MigrantStatisticsService;
}

export function createAssistanceContext(base: SubgraphContext): AssistanceContext {
  const stores = createAssistanceStores(base.dataSource);
  const request: AssistanceRequest = { ...base, stores, loaders: createAssistanceLoaders(stores) };
  return {
    ...request,
    migrants: new MigrantService(request),
    consents: new ConsentService(request),
    assistance: new AssistanceService(request),
    statistics: new MigrantStatisticsService(request),
  };
}
