import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from './logger.js';

import type { SubgraphName } from './subgraph-names.js';
export { SUBGRAPH_NAMES, type SubgraphName } from './subgraph-names.js';

/**
 * Counts the SQL statements a data source sends, for tests and benchmarks that prove batching
 * (the count of a query must not grow with the rows it returns).
 */
export class StatementCounter {
  count = 0;
  /** When set, the statements themselves are kept too (the benchmark EXPLAINs them). */
  recorded: Array<{ query: string; parameters: unknown[] }> | null = null;
  reset(): void {
    this.count = 0;
    if (this.recorded) this.recorded = [];
  }
}

class SqlLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: Logger,
    private readonly counter: StatementCounter,
  ) {}
  logQuery(query: string, parameters?: unknown[]): void {
    this.counter.count += 1;
    this.counter.recorded?.push({ query, parameters: parameters ?? [] });
  }
  logQueryError(error: string | Error, query: string): void {
    // The statement's name comment identifies it without logging parameters (which may be personal data).
    this.logger.warn({ statement: statementName(query), error: String(error) }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ statement: statementName(query), ms: time }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message: String(message) }, 'typeorm');
  }
}

function statementName(query: string): string {
  return /^\s*\/\*\s*([\w.:-]+)\s*\*\//.exec(query)?.[1] ?? 'unnamed';
}

/**
 * The database URL of each subgraph: its own variable wins; otherwise DATABASE_URL names the server
 * and its database name is the prefix (`…/tidelink` → `tidelink_police`, …).
 */
export function subgraphDatabaseUrl(
  subgraph: SubgraphName,
  urls: { shared?: string; own?: string },
): string | undefined {
  if (urls.own) return urls.own;
  if (!urls.shared) return undefined;
  const url = new URL(urls.shared);
  const prefix = url.pathname.replace(/^\//, '') || 'tidelink';
  url.pathname = `/${prefix}_${subgraph}`;
  return url.toString();
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs `work` on the server's `postgres` database, for the URL's (validated) database name. */
async function onServer(databaseUrl: string, work: (client: Client, name: string) => Promise<void>): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!DATABASE_NAME.test(name)) throw new Error(`database name "${name}" must match ${DATABASE_NAME}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the URL's database on its server if it is missing. */
export function ensureDatabase(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, async (client, name) => {
    const existing = await client.query('/* database.exists */ SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) {
      try {
        await client.query(`/* database.create */ CREATE DATABASE "${name}"`);
      } catch (error) {
        // Another process may have created it between the check and the create.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  });
}

/** Drops a database (tests), closing any connection still open to it. */
export function dropDatabase(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, async (client, name) => {
    await client.query(`/* database.drop */ DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  logger: Logger;
}

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
}

/** Connects, creating the database if needed, and applies the subgraph's migrations (never synchronize). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  await ensureDatabase(options.url);
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    poolSize: options.poolSize,
    maxQueryExecutionTime: 1000,
    logger: new SqlLogger(options.logger, statements),
    extra: { application_name: 'tidelink', connectionTimeoutMillis: 5000 },
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return { dataSource, statements };
}
