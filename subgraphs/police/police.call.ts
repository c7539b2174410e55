import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '../shared/context.js';
import { groupLoader, rowLoader } from '../shared/loaders.js';
import { CaseStore } from './case/case.store.js';
import { DetectionStore } from './detection/detection.store.js';
import { IntelligenceStore } from './intelligence/intelligence.store.js';
import { MAX_LINKS_PER_CASE, ROUTE_DISTANCE_KM } from './link/link.enums.js';
import { LinkStore } from './link/link.store.js';
import { SmugglingNetworkStore } from './network/network.store.js';
import { OperationStore } from './operation/operation.store.js';
import { SearchStore } from './search/search.store.js';
import { PersonStore } from './person/person.store.js';
import { SuspectStore } from './suspect/suspect.store.js';
import { VesselStore } from './vessel/vessel.store.js';

export function createPoliceStores(dataSource: DataSource) {
  return {
    cases: new CaseStore(dataSource),
    detections: new DetectionStore(dataSource),
    vessels: new VesselStore(dataSource),
    suspects: new SuspectStore(dataSource),
    networks: new SmugglingNetworkStore(dataSource),
    operations: new OperationStore(dataSource),
    intelligence: new IntelligenceStore(dataSource),
    search: new SearchStore(dataSource),
    persons: new PersonStore(dataSource),
    links: new LinkStore(dataSource),
  };
}
export type PoliceStores = ReturnType<typeof createPoliceStores>;

/** Per-request batching: every entity reference and relation of a query costs one statement per level. */
export function createPoliceLoaders(stores: PoliceStores) {
  const byId = <Row extends { id: string }>(fetch: (ids: readonly string[]) => Promise<Row[]>) => rowLoader(fetch, (row) => row.id);
  return {
    caseById: byId((ids) => stores.cases.byIds(ids)),
    detectionById: byId((ids) => stores.detections.byIds(ids)),
    detectionsByCase: groupLoader(
      (ids) => stores.detections.byCaseIds(ids),
      (row) => row.caseId,
    ),
    vesselById: byId((ids) => stores.vessels.byIds(ids)),
    detectionsByVessel: groupLoader(
      (ids) => stores.detections.byVesselIds(ids),
      (row) => row.vesselId ?? '',
    ),
    suspectById: byId((ids) => stores.suspects.byIds(ids)),
    suspectsByCase: groupLoader(
      (ids) => stores.suspects.byCaseIds(ids),
      (row) => row.caseId,
    ),
    suspectsByNetwork: groupLoader(
      (ids) => stores.suspects.byNetworkIds(ids),
      (row) => row.networkId ?? '',
    ),
    networkById: byId((ids) => stores.networks.byIds(ids)),
    casesByNetwork: groupLoader(
      (ids) => stores.cases.byNetworkIds(ids),
      (row) => row.networkId ?? '',
    ),
    operationById: byId((ids) => stores.operations.byIds(ids)),
    intelligenceByCase: groupLoader(
      (ids) => stores.intelligence.byCaseIds(ids),
      (row) => row.caseId,
    ),
    personById: byId((ids) => stores.persons.byIds(ids)),
    suspectsByPerson: groupLoader(
      (ids) => stores.suspects.byPersonIds(ids),
      (row) => row.personId ?? '',
    ),
    phonesByPerson: groupLoader(
      (ids) => stores.persons.phonesByPersonIds(ids),
      (row) => row.personId,
    ),
    documentsByPerson: groupLoader(
      (ids) => stores.persons.documentsByPersonIds(ids),
      (row) => row.personId,
    ),
    candidatesByPerson: groupLoader(
      (ids) => stores.persons.candidates(ids),
      (row) => row.personId,
    ),
    linksByCase: groupLoader(
      (ids) => stores.links.byCaseIds(ids, ROUTE_DISTANCE_KM, MAX_LINKS_PER_CASE),
      (row) => row.caseId,
    ),
  };
}
export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;

/**
 * One call to the police subgraph: the verified caller, its access log, the stores and the
 * DataLoaders of this request. The services take it (and import only this file), so no service
 * depends on the context that assembles them.
 */
export interface PoliceCall extends SubgraphContext {
  stores: PoliceStores;
  loaders: PoliceLoaders;
}
