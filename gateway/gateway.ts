import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DirectiveLocation, GraphQLError, specifiedDirectives, visit, type DocumentNode, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Counter } from 'prom-client';
import { Agent } from 'undici';
import { LRUCache } from 'lru-cache';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { RequestHandler } from 'express';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { TokenVerifier, type Viewer } from '../platform/auth.js';
import type { Config } from '../platform/config.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/subgraph-names.js';
import { documentRefusalStatus, serveGraphQL } from '../platform/http-server.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { tracingEnabled } from '../platform/tracing.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { badUserInput, fieldProblemsOf } from '../platform/errors.js';
import { apolloTelemetryDisabled } from './process-settings.js';
import { servePages } from './pages.js';
import { subgraphFetcher } from './subgraph-fetcher.js';
import { gatewayOperationsCached } from './operation-cache.js';
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

/** What a subgraph call answers the executor. */
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Passes the caller's own bearer token to every subgraph, which verifies it again. */
class AuthenticatedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    fetcher: Fetcher,
    private readonly logger: Logger,
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
    _fetchRequest: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1],
    fetchResponse?: { status: number },
  ): void {
    this.failed(error, fetchResponse);
  }

  private failed(error: unknown, fetchResponse: { status: number } | undefined): never {
    if (error instanceof GraphQLError && (fetchResponse === undefined || fetchResponse.status < 500)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : '';
    const timedOut = name === 'AbortError' || name === 'TimeoutError' || /timeout|aborted/i.test(message);
    // The caller is told only that the subgraph is unavailable; the operator needs to know why.
    const body = error instanceof GraphQLError ? (error.extensions.response as { body?: unknown } | undefined)?.body : undefined;
    this.logger.warn(
      { subgraph: this.subgraph, status: fetchResponse?.status ?? null, cause: message, body: JSON.stringify(body ?? null).slice(0, 500) },
      'subgraph call failed',
    );
    throw new GraphQLError(`The ${this.subgraph} subgraph is unavailable${timedOut ? ' (timed out)' : ''}; its fields are null`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph, reason: timedOut ? 'TIMEOUT' : 'UNREACHABLE' },
    });
  }

  /**
   * RemoteGraphQLDataSource.process, less what this gateway never uses and pays for on every call:
   * a node-fetch Headers to gather the headers and a node-fetch Request (which copies the body) only
   * to hand to didEncounterError, which does not read it; no APQ. The same body (query first, which
   * deduplication reads), the same headers, the same errors and cache-control handling.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    try {
      const response = await this.send(options);
      if (response.errors && response.errors.length > 0) response.errors = SubgraphErrors.from(response.errors);
      return response;
    } finally {
      if ('subgraphTimings' in options.context && Array.isArray(options.context.subgraphTimings)) {
        options.context.subgraphTimings.push({ subgraph: this.subgraph, ms: Math.round(performance.now() - started) });
      }
    }
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    // What the executor asks for (a federated trace, when usage reporting is on: never here, but kept).
    for (const [name, value] of request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    if ('authorization' in context && typeof context.authorization === 'string') headers.authorization = context.authorization;
    if ('requestId' in context && typeof context.requestId === 'string') headers['x-request-id'] = context.requestId;
    // Trace context goes on to the subgraphs, so their log lines join the caller's trace. With tracing
    // on, the undici instrumentation sends the gateway's own span as the parent instead: a second
    // header from here would conflict with it.
    if (!tracingEnabled() && 'traceparent' in context && typeof context.traceparent === 'string') {
      headers.traceparent = context.traceparent;
    }
    // As RemoteGraphQLDataSource sends it: the query first, then the rest of the request but its `http`.
    const body = JSON.stringify({ query: request.query, ...request, http: undefined });
    const init = { method: 'POST', headers, body };
    let fetchResponse: FetcherResponse | undefined;
    let response: GatewayGraphQLResponse;
    try {
      fetchResponse = await this.fetcher(this.url, init);
      if (!fetchResponse.ok) throw await this.errorFromResponse(fetchResponse);
      const parsed = await this.parseBody(fetchResponse);
      // As the stock data source: only a JSON object is an answer (null or an array would leave the subgraph's fields null with no error).
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('Expected a JSON object as the response body');
      response = { ...parsed, http: fetchResponse };
    } catch (error) {
      this.failed(error, fetchResponse);
    }
    if (this.honorSubgraphCacheControlHeader && 'incomingRequestContext' in options) {
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy as unknown, fetchResponse.headers.get('cache-control'));
    }
    return response;
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

/**
 * A subgraph's errors as the gateway's executor gets them. It turns each into a GraphQLError (one
 * `map`, downstreamServiceError) and each of those captures a stack trace twice (Error's constructor,
 * then GraphQLError's own captureStackTrace): about two thirds of an error's cost, for a stack of the
 * gateway's await continuation that says nothing about the subgraph. A deep cases(first: 100) read
 * by a prosecutor passes about 300 denials on, a FollowCase a dozen. That map runs with stack traces
 * off, only for its own length; messages, codes, paths and extensions are untouched.
 */
class SubgraphErrors<T> extends Array<T> {
  // map, filter and the like return plain arrays (not this class), so the trick stays on the one array.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  override map<U>(callback: (value: T, index: number, array: T[]) => U, thisArg?: unknown): U[] {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return super.map(callback, thisArg);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/**
 * What RemoteGraphQLDataSource does with a subgraph's Cache-Control: the request's overall cache
 * policy is restricted to the subgraph's max-age (0 when it sends none) and scope.
 */
function restrictCachePolicy(policy: unknown, header: string | null): void {
  if (typeof policy !== 'object' || policy === null || !('restrict' in policy) || typeof policy.restrict !== 'function') return;
  const directives = new Map<string, string | true>();
  for (const part of header ? header.trim().split(/\s*,\s*/) : []) {
    const [key, value] = part.split(/\s*=\s*/, 2);
    directives.set(key, value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  const hint: { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } = {
    maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
  };
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  (policy.restrict as (hint: { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' }) => void).call(policy, hint);
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
  if (!gatewayOperationsCached()) logger.warn('the executor builds each operation again per request (operation-cache.ts not reaching it)');
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
      return new AuthenticatedSubgraph(name, target, fetcher, logger);
    },
  });

  const verifier = new TokenVerifier(config);
  const limiter = new OrganisationLimiter(config, logger);
  // With REDIS_URL, the first requests are counted in the shared store, not in this process alone.
  await limiter.ready();
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
  // The verdict on each text seen lately ('' goes on, else the refusal's message): callers send the
  // same few operations again and again, and lexing and visiting a FollowCase on every request cost
  // more than the rest of the gateway's own checks. Keyed by the text itself (at most 8 MB of them).
  const verdicts = new LRUCache<string, string>({ max: 2000, maxSize: 8_000_000, sizeCalculation: (_verdict, text) => text.length + 1 });
  const verdictOf = (query: string): string => {
    let document: DocumentNode;
    try {
      document = new MaxTokensParserWLexer(query, { n: limit }).parseDocument();
    } catch (error) {
      if (error instanceof GraphQLError && /Token limit/.test(error.message)) return error.message;
      // Other syntax errors are Apollo's to report (GRAPHQL_PARSE_FAILED).
      return '';
    }
    const directive = unknownDirective(document);
    return directive === undefined ? '' : `Unknown directive "@${directive.slice(0, 100)}"`;
  };
  return (req, res, next) => {
    const query = req.method === 'GET' ? (req.query as { query?: unknown }).query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    let verdict = verdicts.get(query);
    if (verdict === undefined) {
      verdict = verdictOf(query);
      // A text too large to keep is judged again next time (lru-cache refuses it).
      verdicts.set(query, verdict);
    }
    if (verdict === '') return next();
    res
      .status(documentRefusalStatus(req.headers.accept))
      .json({ errors: [{ message: verdict, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
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
