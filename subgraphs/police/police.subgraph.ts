import { AccessLogEntity } from '../shared/access-log/access-log.entity.js';
import { AccessLog1764400000000 } from '../shared/access-log/access-log.migration.js';
import { AccessLogEntityIndex1764600000010 } from '../shared/access-log/access-log-entity-index.migration.js';
import { AccessLogWrites1765000000050 } from '../shared/access-log/access-log-writes.migration.js';
import { Idempotency1764500000000 } from '../shared/mutation/idempotency.migration.js';
import { createAccessLogResolver } from '../shared/access-log/access-log.resolver.js';
import { buildFederatedSchema } from '../shared/federated-schema.js';
import type { SubgraphModule } from '../shared/subgraph.js';
import { CaseEntity } from './case/case.entity.js';
import { resolveCaseReference } from './case/case.reference.js';
import { CaseConnectionResolver, CaseMutationResolver, CaseResolver } from './case/case.resolver.js';
import { DetectionEntity } from './detection/detection.entity.js';
import { resolveDetectionReference } from './detection/detection.reference.js';
import { DetectionResolver } from './detection/detection.resolver.js';
import { NetworkGraphResolver } from './graph/graph.resolver.js';
import { IntelligenceItemEntity } from './intelligence/intelligence.entity.js';
import { IntelligenceResolver } from './intelligence/intelligence.resolver.js';
import { CaseLinksResolver } from './link/link.resolver.js';
import { PoliceInitial1764300000000 } from './migrations/1764300000000-police-initial.js';
import { PoliceReferenceIndexes1764600000000 } from './migrations/1764600000000-police-reference-indexes.js';
import { PoliceCaseSharing1765000000020 } from './migrations/1765000000020-police-case-sharing.js';
import { PoliceSearch1765200000030 } from './migrations/1765200000030-police-search.js';
import { PolicePersons1765200000042 } from './migrations/1765200000042-police-persons.js';
import { PoliceLinks1765300000050 } from './migrations/1765300000050-police-links.js';
import { PoliceSearchIdentifiers1765300000060 } from './migrations/1765300000060-police-search-identifiers.js';
import { SmugglingNetworkEntity } from './network/network.entity.js';
import { SmugglingNetworkResolver } from './network/network.resolver.js';
import { OperationEntity } from './operation/operation.entity.js';
import { OperationResolver } from './operation/operation.resolver.js';
import { PersonEntity } from './person/person.entity.js';
import { PersonResolver } from './person/person.resolver.js';
import { createPoliceContext, type PoliceContext } from './police.context.js';
import { seedPoliceDemo } from './seed/demo.js';
import { DetectionStatisticsResolver } from './statistics/detection-statistics.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { SuspectEntity } from './suspect/suspect.entity.js';
import { resolveSuspectReference } from './suspect/suspect.reference.js';
import { SuspectResolver } from './suspect/suspect.resolver.js';
import { VesselEntity } from './vessel/vessel.entity.js';
import { VesselResolver } from './vessel/vessel.resolver.js';
import { PoliceVesselIdentifiers1765100000010 } from './migrations/1765100000010-police-vessel-identifiers.js';
import { caseLookup } from './case/case.lookup.js';
import { suspectLookup } from './suspect/suspect.lookup.js';

const PoliceAccessLogResolver = createAccessLogResolver('police');

/** Police intelligence: cases, detections at sea, vessels, suspects, networks, operations, intelligence. */
export const policeSubgraph: SubgraphModule<PoliceContext> = {
  name: 'police',
  entities: [
    AccessLogEntity,
    CaseEntity,
    DetectionEntity,
    VesselEntity,
    SuspectEntity,
    SmugglingNetworkEntity,
    OperationEntity,
    IntelligenceItemEntity,
    PersonEntity,
  ],
  migrations: [
    PoliceInitial1764300000000,
    AccessLog1764400000000,
    Idempotency1764500000000,
    PoliceReferenceIndexes1764600000000,
    AccessLogEntityIndex1764600000010,
    PoliceCaseSharing1765000000020,
    AccessLogWrites1765000000050,
    PoliceVesselIdentifiers1765100000010,
    PoliceSearch1765200000030,
    PolicePersons1765200000042,
    PoliceLinks1765300000050,
    PoliceSearchIdentifiers1765300000060,
  ],
  buildSchema: () =>
    buildFederatedSchema<PoliceContext>({
      resolvers: [
        CaseResolver,
        CaseMutationResolver,
        CaseConnectionResolver,
        DetectionResolver,
        VesselResolver,
        SuspectResolver,
        PersonResolver,
        IntelligenceResolver,
        SmugglingNetworkResolver,
        OperationResolver,
        PoliceAccessLogResolver,
        DetectionStatisticsResolver,
        SearchResolver,
        CaseLinksResolver,
        NetworkGraphResolver,
      ],
      references: {
        Case: resolveCaseReference,
        Detection: resolveDetectionReference,
        Suspect: resolveSuspectReference,
      },
    }),
  createContext: createPoliceContext,
  seedDemo: seedPoliceDemo,
  // Reference checks other subgraphs make before storing a police id (POST /lookup).
  lookups: { case: caseLookup, suspect: suspectLookup },
};
