import type { SubgraphContext } from '../shared/context.js';
import { ChargeService } from './charge/charge.service.js';
import { DefendantService } from './defendant/defendant.service.js';
import { MlaRequestService } from './mla/mla.service.js';
import { createProsecutionCall, type ProsecutionCall } from './prosecution.call.js';
import { ProsecutionService } from './prosecution/prosecution.service.js';
import { ProsecutionStatisticsService } from './statistics/prosecution-statistics.service.js';
import { WitnessService } from './witness/witness.service.js';

/** The GraphQL context of the prosecution subgraph: the call and the services its resolvers use. */
export interface ProsecutionContext extends ProsecutionCall {
  prosecutions: ProsecutionService;
  defendants: DefendantService;
  charges: ChargeService;
  witnesses: WitnessService;
  mlaRequests: MlaRequestService;
  statistics: ProsecutionStatisticsService;
}

export function createProsecutionContext(base: SubgraphContext): ProsecutionContext {
  const call = createProsecutionCall(base);
  return {
    ...call,
    prosecutions: new ProsecutionService(call),
    defendants: new DefendantService(call),
    charges: new ChargeService(call),
    witnesses: new WitnessService(call),
    mlaRequests: new MlaRequestService(call),
    statistics: new ProsecutionStatisticsService(call),
  };
}
