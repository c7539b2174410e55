import 'reflect-metadata';
import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';
import { loadConfigOrExit } from '../platform/config.js';
import { stopOnSignals } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';
import { subgraphDatabaseUrl } from '../subgraphs/shared/database.js';
import { startSubgraph } from '../subgraphs/shared/subgraph-server.js';

/** What the store layer counted so far, summed over the three subgraphs (sent to the bench on request). */
export interface StoreTotals {
  statements: number;
  waitedMs: number;
}

/** The benchmark's subgraph process: the three subgraphs, apart from any gateway's event loop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const url = (name: 'police' | 'assistance' | 'prosecution') => subgraphDatabaseUrl(name, { shared: config.DATABASE_URL }) as string;
  const running = await Promise.all([
    startSubgraph(policeSubgraph, { config, databaseUrl: url('police'), port: config.POLICE_PORT, seedDemo: false }),
    startSubgraph(assistanceSubgraph, { config, databaseUrl: url('assistance'), port: config.ASSISTANCE_PORT, seedDemo: false }),
    startSubgraph(prosecutionSubgraph, { config, databaseUrl: url('prosecution'), port: config.PROSECUTION_PORT, seedDemo: false }),
  ]);
  // The bench asks over IPC (when it started us with a channel) for the store layer's counts.
  process.on('message', (message) => {
    if (message !== 'store-totals' || !process.send) return;
    const totals: StoreTotals = { statements: 0, waitedMs: 0 };
    for (const subgraph of running) {
      totals.statements += subgraph.database.statements.count;
      totals.waitedMs += subgraph.database.statements.waitedMs;
    }
    process.send(totals);
  });
  // A clean exit on SIGTERM, so that --cpu-prof writes its profile.
  stopOnSignals(
    async () => {
      await Promise.all(running.map((subgraph) => subgraph.stop()));
    },
    createLogger('bench-subgraphs', config.LOG_LEVEL),
  );
  process.stdout.write('subgraphs ready\n');
}

void main();
