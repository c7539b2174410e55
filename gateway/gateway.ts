import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DirectiveLocation, GraphQLError, specifiedDirectives, visit, type DocumentNode, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Counter } from 'prom-client';
import { Agent } from 'undici';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { RequestHandler } from 'express';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { TokenVerifier, type Viewer } from '../platform/auth.js';
import type { Config } from '../platform/config.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/subgraph-names.js';
import { documentRefusalStatus, serveGraphQL } from '../platform/http-server.js';
import { createLogger } from '../platform/logger.js';
import { tracingEnabled } from '../platform/tracing.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { badUserInput, fieldProblemsOf } from '../platform/errors.js';
import { apolloTelemetryDisabled } from './process-settings.js';
import { servePages } from './pages.js';
import { subgraphFetcher } from './subgraph-fetcher.js';
import { OrganisationLimiter, operationCost } from './organisation-limits.js';
import { checkTrusted, persistedDocumentGuard, TrustedDocuments } from './trusted-documents.js';

/** What the gateway keeps per request: the verified caller and the header to pass on. */
export interface GatewayContext {
  viewer: Viewer;
  authorization: string;
  requestId: string;
  traceparent: string | null;
  /** Milliseconds each subgraph call of this request took, for the request's log line. */
  subgraphTimings: Array<{ subgraph: string; ms: number }>;
}

/** One keep-alive pool per process for every subgraph call (idle sockets do not hold the process open). */
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });

/** Passes the caller's own bearer token to every subgraph, which verifies it again. */
class AuthenticatedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    fetcher: Fetcher,
  ) {
    super({ url });
    this.fetcher = fetcher;
  }

  /**
   * A subgraph that is down, times out or fails (HTTP 5xx) is reported by name, without internals;
   * the gateway still returns what the other subgraphs gave.
   */
  override didEncounterError(
    error: Error,
    fetchRequest: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1],
    fetchResponse?: { status: number },
  ): void {
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
    if ('requestId' in context && typeof context.requestId === 'string') request.http?.headers.set('x-request-id', context.requestId);
    // Trace context goes on to the subgraphs, so their log lines join the caller's trace. With tracing
    // on, the undici instrumentation sends the gateway's own span as the parent instead: a second
    // header from here would conflict with it.
    if (!tracingEnabled() && 'traceparent' in context && typeof context.traceparent === 'string') {
      request.http?.headers.set('traceparent', context.traceparent);
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const started = performance.now();
    try {
      return await super.process(options);
    } finally {
      if ('subgraphTimings' in options.context && Array.isArray(options.context.subgraphTimings)) {
        options.context.subgraphTimings.push({ subgraph: this.subgraph, ms: Math.round(performance.now() - started) });
      }
    }
  }

  /**
   * A subgraph refuses a whole request (HTTP 400) when a value fails its own scalar parsing, such as
   * a CountryCode the gateway cannot check: report that to the caller as BAD_USER_INPUT with the
   * subgraph's message and refused fields (the one shape), instead of an internal error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
    const first = isGraphQLErrorBody(body) ? body.errors[0] : undefined;
    const code = first?.extensions?.code;
    if (response.status === 400 && first && (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')) {
      return new GraphQLError(first.message, {
        extensions: { ...badUserInput(fieldProblemsOf(first.message, first.extensions?.fields)), subgraph: this.subgraph },
      });
    }
    return error;
  }
}

function isGraphQLErrorBody(
  body: unknown,
): body is { errors: Array<{ message: string; extensions?: { code?: unknown; fields?: unknown } }> } {
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
  /** GraphQL requests received and not yet answered. */
  inFlight(): number;
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
  const logger = createLogger('gateway', config.LOG_LEVEL, config.LOG_FILE);
  // A new entry point that forgot the process settings would phone home: refuse instead.
  if (!apolloTelemetryDisabled()) {
    throw new Error('Apollo telemetry is not disabled: call configureGatewayProcess (gateway/process-settings.ts) in the entry point');
  }
  const supergraphSdl = await readFile(config.SUPERGRAPH_PATH, 'utf8');
  const resolvedUrls = new Map<string, string>();
  const deduplicated = new Counter({
    name: 'tidelink_subgraph_deduplicated_total',
    help: 'Subgraph calls answered by an identical call of the same caller already in flight.',
    labelNames: ['subgraph'],
    registers: [],
  });
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name as SubgraphName] ?? url;
      if (!target) throw new Error(`subgraph ${name} has no URL`);
      resolvedUrls.set(name, target);
      const fetcher = subgraphFetcher(agent, {
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        deduplicate: config.SUBGRAPH_DEDUPLICATION,
        signingSecret: config.SUBGRAPH_SIGNING_SECRET,
        onDeduplicated: () => deduplicated.inc({ subgraph: name }),
      });
      return new AuthenticatedSubgraph(name, target, fetcher);
    },
  });

  const verifier = new TokenVerifier(config);
  const limiter = new OrganisationLimiter(config, logger);
  const documents =
    config.PERSISTED_DOCUMENTS === 'off' ? null : TrustedDocuments.load(path.resolve(PROJECT_ROOT, config.PERSISTED_DOCUMENTS_PATH));
  const server = await serveGraphQL<GatewayContext>({
    config,
    logger,
    port: options.port,
    source: { gateway },
    // Query limits (graphql-armor): depth, aliases, directives, tokens and cost, before any subgraph is called.
    ...withCostBudget(armorFor(config), limiter),
    guards: [
      ...(documents ? [persistedDocumentGuard(documents, config.PERSISTED_DOCUMENTS === 'require' ? 'require' : 'allow')] : []),
      documentGuard(config.QUERY_MAX_TOKENS),
    ],
    context: async (req, requestId, traceparent) => {
      const authorization = req.headers.authorization;
      const viewer = await verifier.verifyAuthorization(authorization);
      // Every authenticated request counts, a refused document too; its cost counts once it is resolved.
      await limiter.consumeRequest(viewer);
      if (documents) checkTrusted(config, viewer, req.res, documentRefusalStatus(req.headers.accept));
      return { viewer, authorization: authorization ?? '', requestId, traceparent, subgraphTimings: [] };
    },
    service: 'gateway',
    logFields: (context) => ({ subgraphs: context.subgraphTimings }),
    subgraphTimings: (context) => context.subgraphTimings,
    routes: (app) => servePages(app, config, logger),
    documentRefusalsByAccept: true,
    compressAbove: config.RESPONSE_COMPRESSION_MIN_BYTES > 0 ? config.RESPONSE_COMPRESSION_MIN_BYTES : null,
    collectors: (registry) => registry.registerMetric(deduplicated),
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
    inFlight: server.inFlight,
    stop: async () => {
      await server.stop();
      await limiter.close();
      logger.info('gateway stopped');
    },
  };
}

function armorFor(config: Config): { plugins: ApolloServerPlugin<GatewayContext>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: config.QUERY_MAX_DEPTH },
    // Every alias counts, `__typename` ones too (armor lets those through by default: 660 passed).
    maxAliases: { n: config.QUERY_MAX_ALIASES, allowList: [] },
    maxDirectives: { n: config.QUERY_MAX_DIRECTIVES },
    // Tokens are counted before Apollo (tokenLimit): armor's Apollo hook answers an overlong document with a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: config.QUERY_MAX_COST },
    // "Did you mean …?" helps attackers map the schema; off in production, with introspection.
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  }).protect();
  return { plugins: plugins, validationRules };
}

/**
 * Charges the estimated cost of each operation (graphql-armor's) to the caller's budget per minute,
 * once the operation is resolved and before any subgraph is called.
 */
function withCostBudget(
  armor: { plugins: ApolloServerPlugin<GatewayContext>[]; validationRules: ValidationRule[] },
  limiter: OrganisationLimiter,
): { plugins: ApolloServerPlugin<GatewayContext>[]; validationRules: ValidationRule[] } {
  const costBudget: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return;
          await limiter.consumeCost(contextValue.viewer, operationCost(schema, document, operation));
        },
      };
    },
  };
  return { plugins: [...armor.plugins, costBudget], validationRules: armor.validationRules };
}

/** The directives a caller may write in an operation: the executable ones of the spec (`@include`, `@skip`). */
const EXECUTABLE_LOCATIONS = new Set<string>([
  DirectiveLocation.QUERY,
  DirectiveLocation.MUTATION,
  DirectiveLocation.SUBSCRIPTION,
  DirectiveLocation.FIELD,
  DirectiveLocation.FRAGMENT_DEFINITION,
  DirectiveLocation.FRAGMENT_SPREAD,
  DirectiveLocation.INLINE_FRAGMENT,
  DirectiveLocation.VARIABLE_DEFINITION,
]);
const KNOWN_DIRECTIVES = new Set(
  specifiedDirectives
    .filter((directive) => directive.locations.some((location) => EXECUTABLE_LOCATIONS.has(location)))
    .map(({ name }) => name),
);

/** The first directive of the document the gateway does not know, if any. */
function unknownDirective(document: DocumentNode): string | undefined {
  let unknown: string | undefined;
  visit(document, {
    Directive(node) {
      if (KNOWN_DIRECTIVES.has(node.name.value)) return undefined;
      unknown = node.name.value;
      return false;
    },
  });
  return unknown;
}

/**
 * Before a document is parsed for execution, by POST as by GET: refuses more than `limit` tokens
 * (armor's own counting lexer), and an unknown directive once (graphql-js would report every
 * occurrence, which graphql-cop reads as directive overloading); both a 400 with GRAPHQL_VALIDATION_FAILED.
 */
function documentGuard(limit: number): RequestHandler {
  return (req, res, next) => {
    const query = req.method === 'GET' ? (req.query as { query?: unknown }).query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    const refuse = (message: string) => {
      res
        .status(documentRefusalStatus(req.headers.accept))
        .json({ errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    };
    let document: DocumentNode;
    try {
      document = new MaxTokensParserWLexer(query, { n: limit }).parseDocument();
    } catch (error) {
      if (error instanceof GraphQLError && /Token limit/.test(error.message)) return refuse(error.message);
      // Other syntax errors are Apollo's to report (GRAPHQL_PARSE_FAILED).
      return next();
    }
    const directive = unknownDirective(document);
    if (directive !== undefined) return refuse(`Unknown directive "@${directive.slice(0, 100)}"`);
    next();
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
