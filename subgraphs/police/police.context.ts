import type { SubgraphContext } from '../shared/context.js';
import { CaseService } from './case/case.service.js';
import { DetectionService } from './detection/detection.service.js';
import { NetworkGraphService } from './graph/graph.service.js';
import { IntelligenceService } from './intelligence/intelligence.service.js';
import { LinkService } from './link/link.service.js';
import { SmugglingNetworkService } from './network/network.service.js';
import { OperationService } from './operation/operation.service.js';
import { PersonService } from './person/person.service.js';
import { createPoliceLoaders, createPoliceStores, type PoliceCall } from './police.call.js';
import { SearchService } from './search/search.service.js';
import { DetectionStatisticsService } from './statistics/detection-statistics.service.js';
import { SuspectService } from './suspect/suspect.service.js';
import { VesselService } from './vessel/vessel.service.js';

/** The GraphQL context police resolvers receive: the call, and the services that decide on it. */
export interface PoliceContext extends PoliceCall {
  cases: CaseService;
  detections: DetectionService;
  vessels: VesselService;
  intelligence: IntelligenceService;
  suspects: SuspectService;
  persons: PersonService;
  networks: SmugglingNetworkService;
  operations: OperationService;
  statistics: DetectionStatisticsService;
  search: SearchService;
  links: LinkService;
  graph: NetworkGraphService;
}

export function createPoliceContext(base: SubgraphContext): PoliceContext {
  const stores = createPoliceStores(base.dataSource);
  const call: PoliceCall = { ...base, stores, loaders: createPoliceLoaders(stores) };
  const cases = new CaseService(call);
  const vessels = new VesselService(call, cases);
  const persons = new PersonService(call);
  return {
    ...call,
    cases,
    persons,
    detections: new DetectionService(call, cases, vessels),
    vessels,
    intelligence: new IntelligenceService(call),
    suspects: new SuspectService(call, cases, persons),
    networks: new SmugglingNetworkService(call),
    operations: new OperationService(call),
    statistics: new DetectionStatisticsService(call),
    search: new SearchService(call, cases),
    links: new LinkService(call, cases),
    graph: new NetworkGraphService(call, cases, persons),
  };
}
