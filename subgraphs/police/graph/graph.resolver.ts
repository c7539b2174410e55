import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { PoliceContext } from '../police.context.js';
import { GraphAnchor } from './graph.input.js';
import { NetworkGraph } from './graph.type.js';

@Resolver()
export class NetworkGraphResolver {
  @Query(() => NetworkGraph, {
    description:
      "The network picture around a case, person of interest or smuggling network, for drawing: cases, persons, vessels and networks linked by suspects, detections and attributions, breadth-first to `depth`, at most 200 nodes (`truncated` tells). Each record follows its own rule: a case outside your country's share is a hit (releasable false) and nothing behind it is walked; persons and vessels only through cases you may read. Police, prosecutor and analyst (each sees what its agency reads: an analyst, cases only); IOM, PARTNER and AUDITOR: FORBIDDEN. Logged.",
  })
  networkGraph(
    @Arg('around', () => GraphAnchor, { description: 'Where to start: exactly one of caseId, personId, networkId.' }) around: GraphAnchor,
    @Ctx() context: PoliceContext,
    @Arg('depth', () => Int, { defaultValue: 2, description: 'How many links away from the anchor, 1 to 3; default 2.' }) depth: number,
  ) {
    return context.graph.around(around, depth);
  }
}
