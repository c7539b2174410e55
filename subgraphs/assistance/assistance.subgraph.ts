import { AccessLogEntity } from '../shared/access-log/access-log.entity.js';
import { AccessLog1764400000000 } from '../shared/access-log/access-log.migration.js';
import { AccessLogEntityIndex1764600000010 } from '../shared/access-log/access-log-entity-index.migration.js';
import { AccessLogWrites1765000000050 } from '../shared/access-log/access-log-writes.migration.js';
import { Idempotency1764500000000 } from '../shared/mutation/idempotency.migration.js';
import { createAccessLogResolver } from '../shared/access-log/access-log.resolver.js';
import { buildFederatedSchema } from '../shared/federated-schema.js';
import type { SubgraphModule } from '../shared/subgraph.js';
import { migrantLookup, testimonyConsentLookup } from './migrant/migrant.lookup.js';
import { createAssistanceContext, type AssistanceContext } from './assistance.context.js';
import { AssistanceEntity } from './assistance/assistance.entity.js';
import { AssistanceResolver } from './assistance/assistance.resolver.js';
import { resolveCaseReference } from './case/case.reference.js';
import { CaseMigrantsResolver } from './case/case.resolver.js';
import { ConsentEntity } from './consent/consent.entity.js';
import { ConsentResolver } from './consent/consent.resolver.js';
import { MigrantIdentityEntity } from './identity/identity.entity.js';
import { AssistanceInitial1764300000001 } from './migrations/1764300000001-assistance-initial.js';
import { AssistanceReferenceIndexes1764600000001 } from './migrations/1764600000001-assistance-reference-indexes.js';
import { ConsentRecipient1765000000401 } from './migrations/1765000000401-consent-recipient.js';
import { MigrantEntity } from './migrant/migrant.entity.js';
import { resolveMigrantReference } from './migrant/migrant.reference.js';
import { MigrantResolver } from './migrant/migrant.resolver.js';
import { MigrantConnectionResolver } from './migrant/migrant.type.js';
import { ScreeningEntity } from './screening/screening.entity.js';
import { ScreeningResolver } from './screening/screening.resolver.js';
import { seedAssistanceDemo } from './seed/demo.js';
import { MigrantStatisticsResolver } from './statistics/migrant-statistics.resolver.js';

const AssistanceAccessLogResolver = createAccessLogResolver('assistance');

/** Migrant assistance: pseudonymised migrants, identity, consent, screening and assistance. */
export const assistanceSubgraph: SubgraphModule<AssistanceContext> = {
  name: 'assistance',
  entities: [AccessLogEntity, MigrantEntity, MigrantIdentityEntity, ConsentEntity, ScreeningEntity, AssistanceEntity],
  migrations: [
    AssistanceInitial1764300000001,
    AccessLog1764400000000,
    Idempotency1764500000000,
    AssistanceReferenceIndexes1764600000001,
    AccessLogEntityIndex1764600000010,
    ConsentRecipient1765000000401,
    AccessLogWrites1765000000050,
  ],
  buildSchema: () =>
    buildFederatedSchema<AssistanceContext>({
      resolvers: [
        MigrantResolver,
        MigrantConnectionResolver,
        ScreeningResolver,
        ConsentResolver,
        AssistanceResolver,
        CaseMigrantsResolver,
        AssistanceAccessLogResolver,
        MigrantStatisticsResolver,
      ],
      references: { Case: resolveCaseReference, Migrant: resolveMigrantReference },
    }),
  createContext: createAssistanceContext,
  seedDemo: seedAssistanceDemo,
  // Reference checks other subgraphs make before storing a migrant id (POST /lookup).
  lookups: { migrant: migrantLookup, testimonyConsent: testimonyConsentLookup },
};
