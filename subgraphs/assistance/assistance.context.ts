import type { SubgraphContext } from '../shared/context.js';
import { createAssistanceCall, type AssistanceCall } from './assistance.call.js';
import { AssistanceService } from './assistance/assistance.service.js';
import { ConsentService } from './consent/consent.service.js';
import { MigrantService } from './migrant/migrant.service.js';
import { ScreeningService } from './screening/screening.service.js';
import { MigrantStatisticsService } from './statistics/migrant-statistics.service.js';

/** The GraphQL context of the assistance subgraph: the call and the services its resolvers use. */
export interface AssistanceContext extends AssistanceCall {
  migrants: MigrantService;
  screenings: ScreeningService;
  consents: ConsentService;
  assistance: AssistanceService;
  statistics: MigrantStatisticsService;
}

export function createAssistanceContext(base: SubgraphContext): AssistanceContext {
  const call = createAssistanceCall(base);
  return {
    ...call,
    migrants: new MigrantService(call),
    screenings: new ScreeningService(call),
    consents: new ConsentService(call),
    assistance: new AssistanceService(call),
    statistics: new MigrantStatisticsService(call),
  };
}
