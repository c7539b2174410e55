import { loadConfigOrExit } from '../platform/config.js';
import { stopOnSignals } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';
import { startSigningProxy } from './signing-proxy.js';

/**
 * The signing sidecar for Apollo Router (signing-proxy.ts): POLICE_URL, ASSISTANCE_URL and
 * PROSECUTION_URL name the real subgraphs; it listens on 127.0.0.1:SIGNING_PROXY_PORT.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('signing-proxy', config.LOG_LEVEL, config.LOG_FILE);
  const { POLICE_URL, ASSISTANCE_URL, PROSECUTION_URL } = config;
  if (!POLICE_URL || !ASSISTANCE_URL || !PROSECUTION_URL) {
    process.stderr.write(
      'Invalid configuration:\n  - POLICE_URL, ASSISTANCE_URL and PROSECUTION_URL: all three are required by the signing proxy\n',
    );
    process.exit(1);
  }
  const proxy = await startSigningProxy({
    port: config.SIGNING_PROXY_PORT,
    upstreams: { police: POLICE_URL, assistance: ASSISTANCE_URL, prosecution: PROSECUTION_URL },
    secret: config.SUBGRAPH_SIGNING_SECRET,
    maxBodyBytes: config.MAX_BODY_BYTES,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    logger,
  });
  stopOnSignals(() => proxy.stop(), logger);
  logger.info({ port: proxy.port }, 'signing proxy listening on loopback');
}

void main();
