import { AccessLogEntity } from '../shared/access-log/access-log.entity.js';
import { AccessLog1764400000000 } from '../shared/access-log/access-log.migration.js';
import { AccessLogEntityIndex1764600000010 } from '../shared/access-log/access-log-entity-index.migration.js';
import { AccessLogWrites1765000000050 } from '../shared/access-log/access-log-writes.migration.js';
import { Idempotency1764500000000 } from '../shared/mutation/idempotency.migration.js';
import { createAccessLogResolver } from '../shared/access-log/access-log.resolver.js';
import { buildFederatedSchema } from '../shared/federated-schema.js';
import type { SubgraphModule } from '../shared/subgraph.js';
import { resolveCaseReference } from './case/case.reference.js';
import { CaseResolver } from './case/case.resolver.js';
import { CaseLawEntity, ProsecutionCaseLawEntity } from './case-law/case-law.entity.js';
import { CaseLawResolver } from './case-law/case-law.resolver.js';
import { ChargeEntity } from './charge/charge.entity.js';
import { ChargeResolver } from './charge/charge.resolver.js';
import { DefendantEntity } from './defendant/defendant.entity.js';
import { DefendantResolver } from './defendant/defendant.resolver.js';
import { ProsecutionInitial1764300000002 } from './migrations/1764300000002-prosecution-initial.js';
import { resolveMigrantReference } from './migrant/migrant.reference.js';
import { MlaRequestEntity } from './mla/mla.entity.js';
import { MlaRequestResolver } from './mla/mla.resolver.js';
import { createProsecutionContext, type ProsecutionContext } from './prosecution.context.js';
import { ProsecutionEntity } from './prosecution/prosecution.entity.js';
import { resolveProsecutionReference } from './prosecution/prosecution.reference.js';
import { ProsecutionResolver } from './prosecution/prosecution.resolver.js';
import { ProsecutionConnectionResolver } from './prosecution/prosecution.type.js';
import { seedProsecutionDemo } from './seed/demo.js';
import { ProsecutionStatisticsResolver } from './statistics/prosecution-statistics.resolver.js';
import { WitnessEntity } from './witness/witness.entity.js';
import { WitnessResolver } from './witness/witness.resolver.js';

/** Prosecutor support: prosecutions, defendants, charges, witnesses, MLA requests, case law. */
const ProsecutionAccessLogResolver = createAccessLogResolver('prosecution');

export const prosecutionSubgraph: SubgraphModule<ProsecutionContext> = {
  name: 'prosecution',
  entities: [
    AccessLogEntity,
    ProsecutionEntity,
    DefendantEntity,
    ChargeEntity,
    WitnessEntity,
    MlaRequestEntity,
    CaseLawEntity,
    ProsecutionCaseLawEntity,
  ],
  migrations: [
    ProsecutionInitial1764300000002,
    AccessLog1764400000000,
    Idempotency1764500000000,
    AccessLogEntityIndex1764600000010,
    AccessLogWrites1765000000050,
  ],
  buildSchema: () =>
    buildFederatedSchema<ProsecutionContext>({
      resolvers: [
        ProsecutionResolver,
        ProsecutionConnectionResolver,
        DefendantResolver,
        ChargeResolver,
        WitnessResolver,
        CaseLawResolver,
        CaseResolver,
        ProsecutionAccessLogResolver,
        ProsecutionStatisticsResolver,
        MlaRequestResolver,
      ],
      references: {
        Prosecution: resolveProsecutionReference,
        Case: resolveCaseReference,
        Migrant: resolveMigrantReference,
      },
    }),
  createContext: createProsecutionContext,
  seedDemo: seedProsecutionDemo,
};
