import { createHash } from 'node:crypto';
import { Client, escapeLiteral } from 'pg';
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../../platform/logger.js';

import type { SubgraphName } from '../../platform/subgraph-names.js';
export { SUBGRAPH_NAMES, type SubgraphName } from '../../platform/subgraph-names.js';

/**
 * Counts the SQL statements a data source sends, for tests and benchmarks that prove batching
 * (the count of a query must not grow with the rows it returns).
 */
export class StatementCounter {
  count = 0;
  /**
   * Milliseconds the store waited for PostgreSQL's answers (TypeORM's own per-statement timing, whole
   * milliseconds, so only a sum over many statements means anything): the benchmark's SQL time where
   * the server has no pg_stat_statements.
   */
  waitedMs = 0;
  /** When set, the statements themselves are kept too (the benchmark EXPLAINs them). */
  recorded: Array<{ query: string; parameters: unknown[] }> | null = null;
  reset(): void {
    this.count = 0;
    this.waitedMs = 0;
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
export function subgraphDatabaseUrl(subgraph: SubgraphName, urls: { shared?: string; own?: string }): string | undefined {
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

/**
 * The role the application connects as on one database: `<database>_app`, within PostgreSQL's 63
 * characters (a long name keeps a prefix and a hash, so two databases never share a role).
 */
export function appRoleName(database: string): string {
  const role = `${database}_app`;
  if (role.length <= 63) return role;
  return `${database.slice(0, 50)}_${createHash('sha256').update(database).digest('hex').slice(0, 8)}_app`;
}

/** Drops a database (tests), closing any connection still open to it, and its application role (roles are cluster-wide). */
export function dropDatabase(databaseUrl: string): Promise<void> {
  return onServer(databaseUrl, async (client, name) => {
    await client.query(`/* database.drop */ DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`/* database.dropAppRole */ DROP ROLE IF EXISTS "${appRoleName(name)}"`);
  });
}

/**
 * How the application connects after migrations: as `<database>_app`, which the owner creates or
 * updates with this password; or with a URL whose role an operator made (nothing is created then).
 */
export type AppRole = { password: string } | { url: string };

export interface DatabaseOptions {
  /** The owner's URL: migrations run as this user. */
  url: string;
  poolSize: number;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  logger: Logger;
  /** The role the pool connects as; absent (operator scripts: seed, bench), the pool is the owner's. */
  appRole?: AppRole;
}

/** Tables whose rows are history: the application may read and append, never change or remove. */
const APPEND_ONLY_TABLES = ['access_log'];

/**
 * Creates or updates the application role and sets its privileges, as the owner, after migrations:
 * read and write the data tables, only read and append the log, no TRUNCATE, no TRIGGER, no DDL
 * (it owns nothing, so it cannot ALTER, DISABLE TRIGGER or DROP anything). Re-run at every start,
 * so tables added by new migrations are covered. Serialised per role, for replicas starting together.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<string> {
  const url = new URL(ownerUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!DATABASE_NAME.test(database)) throw new Error(`database name "${database}" must match ${DATABASE_NAME}`);
  const role = appRoleName(database);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('/* appRole.lock */ SELECT pg_advisory_xact_lock(hashtext($1))', [`tidelink.app-role.${role}`]);
    const existing = await client.query('/* appRole.exists */ SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${escapeLiteral(password)}`;
    try {
      await client.query(
        existing.rowCount === 0
          ? `/* appRole.create */ CREATE ROLE "${role}" ${attributes}`
          : `/* appRole.update */ ALTER ROLE "${role}" ${attributes}`,
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      throw new Error(
        `the database owner (${decodeURIComponent(url.username) || 'the URL user'}) may not create or alter role ${role}: grant it CREATEROLE, or have an operator make the role and set DATABASE_APP_USER`,
        { cause: error },
      );
    }
    const tables: Array<{ tablename: string }> = (
      await client.query<{ tablename: string }>(
        "/* appRole.tables */ SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
    ).rows;
    const statements = [
      `GRANT CONNECT ON DATABASE "${database}" TO "${role}"`,
      // PostgreSQL before 15 lets every role create objects in public, which it would then own.
      'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
      `GRANT USAGE ON SCHEMA public TO "${role}"`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${role}"`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`,
      ...tables.map(({ tablename }) =>
        tablename === 'migrations'
          ? null
          : APPEND_ONLY_TABLES.includes(tablename)
            ? `GRANT SELECT, INSERT ON "${tablename}" TO "${role}"`
            : `GRANT SELECT, INSERT, UPDATE, DELETE ON "${tablename}" TO "${role}"`,
      ),
    ].filter((statement): statement is string => statement !== null);
    for (const statement of statements) await client.query(`/* appRole.grant */ ${statement}`);
    await client.query('COMMIT');
    return role;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The owner's URL with the application role's credentials. */
export function appUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
}

function dataSourceFor(url: string, poolSize: number, options: DatabaseOptions, statements: StatementCounter): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    poolSize,
    maxQueryExecutionTime: 1000,
    logger: new SqlLogger(options.logger, statements),
    extra: { application_name: 'tidelink', connectionTimeoutMillis: 5000 },
  });
}

/** TypeORM rebuilds its subscriber list on initialize(), so the timer is added after it. */
async function initialized(dataSource: DataSource, statements: StatementCounter): Promise<DataSource> {
  await dataSource.initialize();
  dataSource.subscribers.push({
    afterQuery: (event) => {
      statements.waitedMs += event.executionTime ?? 0;
    },
  });
  return dataSource;
}

/**
 * Connects, creating the database if needed, and applies the subgraph's migrations as the owner
 * (never synchronize); then, with `appRole`, the pool connects as the application role instead.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  await ensureDatabase(options.url);
  const statements = new StatementCounter();
  const owner = await initialized(dataSourceFor(options.url, options.appRole ? 1 : options.poolSize, options, statements), statements);
  try {
    await owner.runMigrations();
  } catch (error) {
    await owner.destroy();
    throw error;
  }
  if (!options.appRole) return { dataSource: owner, statements };
  await owner.destroy();
  const appRole = options.appRole;
  const url = 'url' in appRole ? appRole.url : appUrl(options.url, await ensureAppRole(options.url, appRole.password), appRole.password);
  const dataSource = await initialized(dataSourceFor(url, options.poolSize, options, statements), statements);
  statements.reset();
  return { dataSource, statements };
}
