import 'reflect-metadata';
import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';
import { loadConfigOrExit } from '../platform/config.js';
import { subgraphDatabaseUrl } from '../subgraphs/shared/database.js';
import { startSubgraph } from '../subgraphs/shared/subgraph-server.js';

/** The benchmark's subgraph process: the three subgraphs, apart from any gateway's event loop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const url = (name: 'police' | 'assistance' | 'prosecution') => subgraphDatabaseUrl(name, { shared: config.DATABASE_URL }) as string;
  await Promise.all([
    startSubgraph(policeSubgraph, { config, databaseUrl: url('police'), port: config.POLICE_PORT, seedDemo: false }),
    startSubgraph(assistanceSubgraph, { config, databaseUrl: url('assistance'), port: config.ASSISTANCE_PORT, seedDemo: false }),
    startSubgraph(prosecutionSubgraph, { config, databaseUrl: url('prosecution'), port: config.PROSECUTION_PORT, seedDemo: false }),
  ]);
  process.stdout.write('subgraphs ready\n');
}

void main();
