import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '../shared/context.js';
import { groupLoader, rowLoader } from '../shared/loaders.js';
import { CaseService } from './case/case.service.js';
import { CaseStore } from './case/case.store.js';
import { DetectionService } from './detection/detection.service.js';
import { DetectionStore } from './detection/detection.store.js';
import { IntelligenceService } from './intelligence/intelligence.service.js';
import { IntelligenceStore } from './intelligence/intelligence.store.js';
import { SmugglingNetworkService } from './network/network.service.js';
import { SmugglingNetworkStore } from './network/network.store.js';
import { OperationService } from './operation/operation.service.js';
import { OperationStore } from './operation/operation.store.js';
import { DetectionStatisticsService } from './statistics/detection-statistics.service.js';
import { SuspectService } from './suspect/suspect.service.js';
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
    operationById: byId((ids) => stores.operations.byIds(ids)),
    intelligenceByCase: groupLoader(
      (ids) => stores.intelligence.byCaseIds(ids),
      (row) => row.caseId,
    ),
  };
}
export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;

/** What the police services share for one request. */
export interface PoliceRequest extends SubgraphContext {
  stores: PoliceStores;
  loaders: PoliceLoaders;
}

export interface PoliceContext extends PoliceRequest {
  cases: CaseService;
  detections: DetectionService;
  intelligence: IntelligenceService;
  suspects: SuspectService;
  networks: SmugglingNetworkService;
  operations: OperationService;
  statistics: DetectionStatisticsService;
}

export function createPoliceContext(base: SubgraphContext): PoliceContext {
  const stores = createPoliceStores(base.dataSource);
  const request: PoliceRequest = { ...base, stores, loaders: createPoliceLoaders(stores) };
  const cases = new CaseService(request);
  return {
    ...request,
    cases,
    detections: new DetectionService(request, cases),
    intelligence: new IntelligenceService(request),
    suspects: new SuspectService(request, cases),
    networks: new SmugglingNetworkService(request),
    operations: new OperationService(request),
    statistics: new DetectionStatisticsService(request),
  };
}
