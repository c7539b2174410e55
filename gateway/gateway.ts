import { readFile } from 'node:fs/promises';
import { GraphQLError } from 'graphql';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { TokenVerifier, type Viewer } from '../subgraphs/shared/auth.js';
import type { Config } from '../subgraphs/shared/config.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/shared/database.js';
import { serveGraphQL } from '../subgraphs/shared/http-server.js';
import { createLogger } from '../subgraphs/shared/logger.js';

/** What the gateway keeps per request: the verified caller and the header to pass on. */
export interface GatewayContext {
  viewer: Viewer;
  authorization: string;
}

/** Passes the caller's own bearer token to every subgraph, which verifies it again. */
class AuthenticatedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    timeoutMs: number,
  ) {
    super({ url });
    // Every call to the subgraph is bounded: a slow agency costs only its own fields.
    const fetchWithoutTimeout = this.fetcher;
    this.fetcher = (input, init) => fetchWithoutTimeout(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  }

  /**
   * A subgraph that is down, times out or fails (HTTP 5xx) is reported by name, without internals;
   * the gateway still returns what the other subgraphs gave.
   */
  override didEncounterError(error: Error, fetchRequest: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1], fetchResponse?: { status: number }): void {
    if (error instanceof GraphQLError && (fetchResponse === undefined || fetchResponse.status < 500)) throw error;
    const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError' || /timeout|aborted/i.test(error.message);
    throw new GraphQLError(`The ${this.subgraph} subgraph is unavailable${timedOut ? ' (timed out)' : ''}; its fields are null`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph, reason: timedOut ? 'TIMEOUT' : 'UNREACHABLE' },
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if ('authorization' in context && typeof context.authorization === 'string') {
      request.http?.headers.set('authorization', context.authorization);
    }
  }

  /**
   * A subgraph refuses a whole request (HTTP 400) when a value fails its own scalar parsing, such as
   * a CountryCode the gateway cannot check: report that to the caller as BAD_USER_INPUT with the
   * subgraph's message, instead of an internal error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
    const first = isGraphQLErrorBody(body) ? body.errors[0] : undefined;
    const code = first?.extensions?.code;
    if (response.status === 400 && first && (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')) {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT', subgraph: this.subgraph } });
    }
    return error;
  }
}

function isGraphQLErrorBody(body: unknown): body is { errors: Array<{ message: string; extensions?: { code?: unknown } }> } {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { errors?: unknown }).errors) &&
    (body as { errors: unknown[] }).errors.length > 0
  );
}

export interface GatewayOptions {
  config: Config;
  port: number;
  /** Subgraph URLs that replace those in the supergraph file (env POLICE_URL etc., or a test's). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function subgraphUrlOverrides(config: Config): Partial<Record<SubgraphName, string>> {
  const overrides: Partial<Record<SubgraphName, string>> = {};
  if (config.POLICE_URL) overrides.police = config.POLICE_URL;
  if (config.ASSISTANCE_URL) overrides.assistance = config.ASSISTANCE_URL;
  if (config.PROSECUTION_URL) overrides.prosecution = config.PROSECUTION_URL;
  return overrides;
}

/** The gateway: a static supergraph file, JWT verification, token forwarding, /health and /ready. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const logger = createLogger('gateway', config.LOG_LEVEL);
  // @apollo/gateway sends anonymous usage data unless this is set; Tidelink never phones home.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const supergraphSdl = await readFile(config.SUPERGRAPH_PATH, 'utf8');
  const resolvedUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name as SubgraphName] ?? url;
      if (!target) throw new Error(`subgraph ${name} has no URL`);
      resolvedUrls.set(name, target);
      return new AuthenticatedSubgraph(name, target, config.SUBGRAPH_TIMEOUT_MS);
    },
  });

  const verifier = new TokenVerifier(config);
  const server = await serveGraphQL<GatewayContext>({
    config,
    logger,
    port: options.port,
    source: { gateway },
    context: async (req) => {
      const authorization = req.headers.authorization;
      const viewer = await verifier.verifyAuthorization(authorization);
      return { viewer, authorization: authorization ?? '' };
    },
    readiness: async () => {
      const subgraphs = Object.fromEntries(
        await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await probe(resolvedUrls.get(name))] as const)),
      );
      return { ready: Object.values(subgraphs).every((status) => status === 'ready'), details: { supergraph: 'loaded', subgraphs } };
    },
  });
  logger.info({ port: server.port, subgraphs: Object.fromEntries(resolvedUrls) }, 'gateway listening');
  return {
    url: server.url,
    port: server.port,
    stop: async () => {
      await server.stop();
      logger.info('gateway stopped');
    },
  };
}

/** A subgraph is ready when its own /ready answers (its database reachable), within a second. */
async function probe(graphqlUrl: string | undefined): Promise<'ready' | 'unreachable'> {
  if (!graphqlUrl) return 'unreachable';
  try {
    const response = await fetch(new URL('/ready', graphqlUrl), { signal: AbortSignal.timeout(1000) });
    return response.ok ? 'ready' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
