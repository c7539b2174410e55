import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import type { Config } from '../platform/config.js';
import type { SubgraphName } from '../platform/subgraph-names.js';
import type { SubgraphContext } from '../subgraphs/shared/context.js';
import type { SubgraphModule } from '../subgraphs/shared/subgraph.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/shared/subgraph-server.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';

// The three subgraphs started together, for the one-loop stack (stack.ts) and npm start's subgraph
// process (subgraph-process.ts). No gateway import here: the subgraph process stays without it.

export interface StartedSubgraphs {
  police: RunningSubgraph;
  assistance: RunningSubgraph;
  prosecution: RunningSubgraph;
}

/**
 * Starts the three in parallel, each on its database and port. Each one that starts is pushed onto
 * `started` at once, so that the caller, on a failure, stops those that did.
 */
export async function startSubgraphs(
  config: Config,
  databaseUrls: Record<SubgraphName, string>,
  ports: Record<SubgraphName, number>,
  started: RunningSubgraph[],
): Promise<StartedSubgraphs> {
  const start = <Context extends SubgraphContext>(module: SubgraphModule<Context>, name: SubgraphName) =>
    startSubgraph(module, { config, databaseUrl: databaseUrls[name], port: ports[name] }).then((running) => {
      started.push(running);
      return running;
    });
  const [police, assistance, prosecution] = await Promise.all([
    start(policeSubgraph, 'police'),
    start(assistanceSubgraph, 'assistance'),
    start(prosecutionSubgraph, 'prosecution'),
  ]);
  // Started in parallel, so each learns its peers' URLs (for reference checks) only now, before any
  // request; POLICE_URL / ASSISTANCE_URL point them elsewhere, as they point the gateway.
  const peers = { police: config.POLICE_URL ?? police.url, assistance: config.ASSISTANCE_URL ?? assistance.url };
  for (const subgraph of [police, assistance, prosecution]) subgraph.setPeers(peers);
  return { police, assistance, prosecution };
}
