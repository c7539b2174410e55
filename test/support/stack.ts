import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '../../launcher/stack.js';
import { mintToken, type Agency } from '../../platform/auth.js';
import { loadConfig, type Config } from '../../platform/config.js';
import { dropDatabase, SUBGRAPH_NAMES, subgraphDatabaseUrl } from '../../subgraphs/shared/database.js';
import { signRequest } from '../../platform/request-signing.js';
import type { SubgraphName } from '../../platform/subgraph-names.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  body: {
    data?: Data | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

export interface TestStack {
  stack: Stack;
  config: Config;
  token(agency?: Agency, country?: string): Promise<string>;
  /** POSTs to the gateway's /graphql as a partner would. */
  query<Data = Record<string, unknown>>(
    query: string,
    options?: { variables?: Record<string, unknown>; token?: string | null; url?: string; operationName?: string },
  ): Promise<GraphQLResponse<Data>>;
  /**
   * POSTs straight to one subgraph's /graphql, signed as the gateway signs (the subgraphs refuse
   * anything else). `signed: false` sends it unsigned; `sign` alters what is signed (another body,
   * token or time) to probe the subgraph's checks; `headers` are added last.
   */
  subgraphQuery<Data = Record<string, unknown>>(
    subgraph: SubgraphName,
    query: string,
    options?: {
      variables?: Record<string, unknown>;
      token?: string | null;
      signed?: boolean;
      sign?: { body?: string; authorization?: string; nowMs?: number; secret?: string };
      headers?: Record<string, string>;
    },
  ): Promise<GraphQLResponse<Data>>;
  /** `query` with a demo token of `agency` and `country`; the answer must be HTTP 200. */
  queryAs<Data = Record<string, unknown>>(
    agency: Agency,
    country: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>['body']>;
  stop(): Promise<void>;
}

/**
 * The real stack (gateway + three subgraphs) on free ports, on three freshly created databases
 * named for this test file; `stop` drops them, and their application roles. They are made on the
 * run's server (DATABASE_URL), or on `options.server`, a PostgreSQL a test runs for itself.
 */
export async function startTestStack(overrides: Record<string, string> = {}, options: { server?: string } = {}): Promise<TestStack> {
  const server = options.server ?? process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is not set (jest globalSetup sets it)');
  const url = new URL(server);
  url.pathname = `/tidelink_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    DATABASE_URL: url.toString(),
    POLICE_DATABASE_URL: '',
    ASSISTANCE_DATABASE_URL: '',
    PROSECUTION_DATABASE_URL: '',
    POLICE_URL: '',
    ASSISTANCE_URL: '',
    PROSECUTION_URL: '',
    // The application role's password (required in production, which some tests start).
    DATABASE_APP_PASSWORD: 'tidelink-test-application-role',
    // Test files send hundreds of requests with one demo token a minute: no limits unless a test sets them.
    RATE_LIMIT_REQUESTS_PER_MINUTE: '0',
    RATE_LIMIT_COST_PER_MINUTE: '0',
    RATE_LIMITS: '',
    REDIS_URL: '',
    ...overrides,
  });
  const stack = await startStack(config, { ports: { gateway: 0, police: 0, assistance: 0, prosecution: 0 } });
  let stopped = false;
  const token = (agency: Agency = 'POLICE', country = 'DOM') =>
    mintToken(config, { subject: `test-${agency.toLowerCase()}`, agency, country });
  const testStack: TestStack = {
    stack,
    config,
    token,
    async queryAs<Data = Record<string, unknown>>(
      agency: Agency,
      country: string,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<GraphQLResponse<Data>['body']> {
      const { status, body } = await testStack.query<Data>(query, { token: await token(agency, country), variables });
      // The errors ride along in the comparison so a failure says why, not only that the status differed.
      expect({ status, errors: status === 200 ? undefined : body.errors }).toEqual({ status: 200, errors: undefined });
      return body;
    },
    async query(query, options = {}) {
      const bearer = options.token === undefined ? await token() : options.token;
      const response = await fetch(options.url ?? stack.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: JSON.stringify({ query, variables: options.variables, operationName: options.operationName }),
      });
      return { status: response.status, body: await response.json() };
    },
    async subgraphQuery(subgraph, query, options = {}) {
      const bearer = options.token === undefined ? await token() : options.token;
      const authorization = bearer ? `Bearer ${bearer}` : undefined;
      const body = JSON.stringify({ query, variables: options.variables });
      const url = stack.subgraphs[subgraph].url;
      const signature =
        options.signed === false
          ? {}
          : signRequest(
              options.sign?.secret ?? config.SUBGRAPH_SIGNING_SECRET,
              {
                method: 'POST',
                path: new URL(url).pathname,
                authorization: options.sign?.authorization ?? authorization,
                body: options.sign?.body ?? body,
              },
              options.sign?.nowMs,
            );
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
          ...signature,
          ...options.headers,
        },
        body,
      });
      return { status: response.status, body: await response.json() };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stack.stop();
      await Promise.all(SUBGRAPH_NAMES.map((name) => dropDatabase(subgraphDatabaseUrl(name, { shared: url.toString() }) as string)));
    },
  };
  return testStack;
}
