import { ConfigError, DEVELOPMENT_DATABASE_APP_PASSWORD, type Config } from '../../platform/config.js';
import { appUrl, subgraphDatabaseUrl, type AppRole, type SubgraphName } from './database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import type { Logger } from '../../platform/logger.js';

export interface ResolvedDatabases {
  urls: Record<SubgraphName, string>;
  /** The embedded server started because no URL was configured; stop it when done. */
  embedded: EmbeddedPostgres | null;
}

function urlsFrom(config: Config, sharedUrl: string | undefined) {
  return {
    police: subgraphDatabaseUrl('police', { shared: sharedUrl, own: config.POLICE_DATABASE_URL }),
    assistance: subgraphDatabaseUrl('assistance', { shared: sharedUrl, own: config.ASSISTANCE_DATABASE_URL }),
    prosecution: subgraphDatabaseUrl('prosecution', { shared: sharedUrl, own: config.PROSECUTION_DATABASE_URL }),
  };
}

/**
 * Each subgraph's database: its own URL, else on DATABASE_URL's server, else on the embedded
 * PostgreSQL, started here (databases tidelink_police, tidelink_assistance, tidelink_prosecution).
 */
export async function resolveDatabases(config: Config, logger: Logger): Promise<ResolvedDatabases> {
  const configured = urlsFrom(config, config.DATABASE_URL);
  if (configured.police && configured.assistance && configured.prosecution) {
    return { urls: { police: configured.police, assistance: configured.assistance, prosecution: configured.prosecution }, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
  const server = new URL(embedded.url);
  server.pathname = '/tidelink';
  const urls = urlsFrom(config, server.toString());
  return { urls: urls as Record<SubgraphName, string>, embedded };
}

/**
 * The role a subgraph's pool connects as: the operator's DATABASE_APP_USER as is, or `<database>_app`
 * made by the owner. Production needs a password of its own (only subgraphs need it, so it is
 * checked where they start, not for the gateway).
 */
export function appRoleFor(config: Config, ownerUrl: string): AppRole {
  const password = config.DATABASE_APP_PASSWORD;
  if (!password || (config.NODE_ENV === 'production' && password === DEVELOPMENT_DATABASE_APP_PASSWORD)) {
    throw new ConfigError(['DATABASE_APP_PASSWORD: required when NODE_ENV=production (the password of the application database role)']);
  }
  return config.DATABASE_APP_USER ? { url: appUrl(ownerUrl, config.DATABASE_APP_USER, password) } : { password };
}
