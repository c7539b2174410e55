import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { useTidelinkSigning } from '../gateway/hive-signing.js';
import { loadConfigOrExit } from '../platform/config.js';

/**
 * The second peer: The Guild's Hive Gateway with its defaults on the same supergraph and subgraphs,
 * passing the caller's token on and signing each call (the subgraphs answer nothing else), as in
 * test/integration/hive-gateway.test.ts. HIVE_DEDUPLICATION=true keeps in-flight deduplication on
 * both sides (identical subgraph calls in flight, Hive's default, and identical incoming requests of
 * the same caller, opt-in); false turns both off.
 */
function main(): void {
  const { SUBGRAPH_SIGNING_SECRET } = loadConfigOrExit();
  const deduplication = process.env.HIVE_DEDUPLICATION === 'true';
  const entry = (location: string | undefined) => ({
    ...(location ? { location } : {}),
    options: { deduplicateInflightRequests: deduplication },
  });
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(process.env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql', 'utf8'),
    transportEntries: {
      police: entry(process.env.POLICE_URL),
      assistance: entry(process.env.ASSISTANCE_URL),
      prosecution: entry(process.env.PROSECUTION_URL),
    },
    // Keyed on every header by default, so only the same caller's identical requests are shared.
    inboundInflightRequestDeduplication: deduplication,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
    },
    plugins: () => [useTidelinkSigning(SUBGRAPH_SIGNING_SECRET)],
    logging: false,
  });
  // Hive's runtime is a Node request listener by design (its documented use) and answers its own errors.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const server = createServer(runtime);
  server.listen(Number(process.env.PORT ?? 4305), '127.0.0.1', () => {
    process.stdout.write(`hive ready (deduplication ${deduplication ? 'on' : 'off'})\n`);
  });
  // A clean exit on SIGTERM, so that --cpu-prof could write a profile.
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void Promise.resolve(runtime.dispose()).finally(() => process.exit(0)));
  });
}

main();
