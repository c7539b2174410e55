import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import { xContentTypeOptions } from 'helmet';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Config } from './config.js';
import { createErrorFormatter, internalErrorsOf } from './errors.js';
import type { Logger } from './logger.js';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, verifyRequestSignature, type SignatureCheck } from './request-signing.js';
import { activeTraceparent, annotateGraphQLSpan } from './tracing.js';

export interface Readiness {
  ready: boolean;
  details: Record<string, unknown>;
}

/** Every Tidelink request carries an id, echoed in `x-request-id`, in logs and in masked errors. */
export interface RequestScoped {
  requestId: string;
  /**
   * W3C trace context of the request, logged as `traceId`: with tracing on, the request's own span
   * (a child of the caller's trace, or a new trace); with tracing off, what the caller sent, passed
   * on to subgraphs as is (null when none).
   */
  traceparent: string | null;
}

export interface GraphQLHttpServerOptions<Context extends BaseContext & RequestScoped> {
  config: Config;
  logger: Logger;
  port: number;
  host?: string;
  /** A subgraph's schema, or the gateway. */
  source: { schema: GraphQLSchema } | { gateway: ApolloGateway };
  plugins?: ApolloServerPlugin<Context>[];
  validationRules?: ValidationRule[];
  /** Express handlers run on the parsed body before Apollo (e.g. the gateway's token limit). */
  guards?: RequestHandler[];
  /**
   * Subgraphs: /graphql answers only requests signed with this secret (request-signing.ts), at most
   * `maxAgeSeconds` old; anything else is refused with 401 before Apollo parses it. Health, readiness
   * and metrics are not signed (metrics have METRICS_TOKEN).
   */
  requestSignature?: RequestSignatureSettings;
  /** Builds the request context; throwing an AuthenticationError refuses the request with 401. */
  context(request: Request, requestId: string, traceparent: string | null): Promise<Context>;
  /** Extra fields for the one log line each request writes (e.g. the gateway's subgraph timings). */
  logFields?: (context: Context) => Record<string, unknown>;
  /** The gateway's subgraph calls of a request, for the subgraph latency histogram. */
  subgraphTimings?: (context: Context) => Array<{ subgraph: string; ms: number }>;
  /** Name of the service in metrics (`gateway`, `police`, …). */
  service: string;
  /** Registers extra metrics on the server's registry (e.g. a subgraph's database pool). */
  collectors?(registry: Registry): void;
  /** What GET /ready reports; GET /health only says the process answers. */
  readiness(): Promise<Readiness>;
  /** Extra routes (the gateway's example dashboard). */
  routes?(app: express.Express): void;
  /**
   * Compress responses of at least this many bytes for clients that accept it (gzip, brotli); null
   * never compresses (subgraphs: the gateway does not ask, and the hop is inside the deployment).
   */
  compressAbove?: number | null;
  /**
   * The gateway: a document refused before execution is 200 for a caller that asks for
   * application/json (documentRefusalStatus). Subgraphs keep 400, which the gateway reads as refused input.
   */
  documentRefusalsByAccept?: boolean;
}

export interface GraphQLHttpServer {
  url: string;
  port: number;
  /** GraphQL requests received and not yet answered (what a graceful stop waits for). */
  inFlight: () => number;
  stop: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Prometheus metrics of one server, in a registry of its own (one process may hold four servers). */
function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'tidelink_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'tidelink_graphql_errors_total',
      help: 'GraphQL errors returned, by code.',
      labelNames: ['code'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'tidelink_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    subgraphDuration: new Histogram({
      name: 'tidelink_subgraph_request_duration_seconds',
      help: 'Time of each gateway call to a subgraph.',
      labelNames: ['subgraph'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
  };
}
type Metrics = ReturnType<typeof createMetrics>;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Operation names come from callers: bound the label's values so metrics cannot be flooded. */
function operationLabel(seen: Set<string>, name: string | null | undefined): string {
  if (!name || !OPERATION_NAME.test(name)) return name ? 'other' : 'anonymous';
  if (seen.has(name)) return name;
  if (seen.size >= 200) return 'other';
  seen.add(name);
  return name;
}

/** Refusals of a document before execution: parse, validation, variable coercion, operation resolution. */
const DOCUMENT_REFUSALS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The status of a document refused before execution, by what the caller accepts (GraphQL over HTTP,
 * "Status codes"): 200 when it asks for `application/json` and not for
 * `application/graphql-response+json` (the spec's SHOULD for that media type); 400 otherwise, also
 * with no Accept header or only a wildcard, as Tidelink always answered (partners match on it).
 */
export function documentRefusalStatus(accept: string | undefined | null): 200 | 400 {
  if (!accept || /application\/graphql-response\+json/i.test(accept)) return 400;
  return /(^|[\s,])application\/json(\s*[;,]|\s*$)/i.test(accept) ? 200 : 400;
}

/** One structured log line per request (no variables, no data: never personal data), and internal errors with their request id. */
function requestLog<Context extends BaseContext & RequestScoped>(
  logger: Logger,
  logFields: ((context: Context) => Record<string, unknown>) | undefined,
  metrics: Metrics,
  subgraphTimings: ((context: Context) => Array<{ subgraph: string; ms: number }>) | undefined,
  documentRefusalsByAccept: boolean,
): ApolloServerPlugin<Context> {
  const operations = new Set<string>();
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of internalErrorsOf(errors)) {
            logger.error({ requestId: contextValue.requestId, operationName, err: error }, 'internal error');
          }
        },
        async willSendResponse({ request, response, operationName, errors }) {
          // A document refused before execution (a limit, a parse error) is the client's fault, never a 500.
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = sent.map((error) => error.extensions?.code);
          if (
            response.http.status === 500 &&
            codes.length > 0 &&
            codes.every((code) => code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')
          ) {
            response.http.status = 400;
          }
          // GraphQL over HTTP: a document refused before execution (no `data`) is 200 for a caller
          // that asked for application/json, 4xx for application/graphql-response+json or no preference.
          if (
            documentRefusalsByAccept &&
            response.http.status === 400 &&
            response.body.kind === 'single' &&
            response.body.singleResult.data === undefined &&
            codes.length > 0 &&
            codes.every((code) => typeof code === 'string' && DOCUMENT_REFUSALS.has(code))
          ) {
            response.http.status = documentRefusalStatus(request.http?.headers.get('accept'));
          }
          if (response.body.kind === 'single') {
            // A masked error tells the caller which log line to ask about.
            for (const error of response.body.singleResult.errors ?? []) {
              if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') error.extensions.requestId = contextValue.requestId;
            }
          }
          const seconds = (performance.now() - started) / 1000;
          metrics.duration.observe(seconds);
          metrics.requests.inc({ operation: operationLabel(operations, operationName), outcome: sent.length > 0 ? 'error' : 'ok' });
          // Counted per code, then added once per code: a page of cases may carry hundreds of denials.
          const perCode = new Map<string, number>();
          for (const error of sent) {
            // Codes are strings; String() only keeps an odd non-string code from breaking the label.
            // eslint-disable-next-line @typescript-eslint/no-base-to-string
            const code = String(error.extensions?.code ?? 'UNKNOWN');
            perCode.set(code, (perCode.get(code) ?? 0) + 1);
          }
          for (const [code, count] of perCode) metrics.errors.inc({ code }, count);
          for (const timing of subgraphTimings?.(contextValue) ?? [])
            metrics.subgraphDuration.observe({ subgraph: timing.subgraph }, timing.ms / 1000);
          logger.info(
            {
              requestId: contextValue.requestId,
              traceId: contextValue.traceparent?.split('-')[1] ?? null,
              operationName: operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              errors: errors?.length ?? 0,
              ...logFields?.(contextValue),
            },
            'request',
          );
        },
      };
    },
  };
}

/** Body-parser refusals (too large, not JSON) as GraphQL-shaped JSON with a typed code, never an HTML page. */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  } else if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  } else {
    next(error);
  }
}

/** Why a request was refused, as `extensions.reason` (stable names a partner can match on). */
const SIGNATURE_REFUSALS: Record<Exclude<SignatureCheck, { valid: true }>['reason'], { reason: string; message: string }> = {
  UNSIGNED: { reason: 'UNSIGNED_REQUEST', message: 'This service answers only requests signed by the Tidelink gateway' },
  STALE: { reason: 'STALE_SIGNATURE', message: 'The request signature is too old (or from the future)' },
  BAD_SIGNATURE: { reason: 'BAD_SIGNATURE', message: 'The request signature does not match this request' },
};

/** The exact bytes express.json parsed: the signature covers them, not a re-serialisation. */
interface RawBodyRequest extends http.IncomingMessage {
  rawBody?: Buffer;
}

export interface RequestSignatureSettings {
  secret: string;
  maxAgeSeconds: number;
}

/** express.json that keeps the raw bytes for the signature check. */
function jsonKeepingRawBody(limit: number, keep: boolean): RequestHandler {
  return express.json({
    limit,
    ...(keep
      ? {
          verify: (req: RawBodyRequest, _res: http.ServerResponse, raw: Buffer) => {
            req.rawBody = raw;
          },
        }
      : {}),
  });
}

/**
 * Parses a JSON body and refuses the request (401) unless signed as the gateway signs: /graphql on
 * every subgraph, and any other route that must answer only signed calls (e.g. a reference lookup):
 * `app.post('/lookup', signedJson(limit, signing, logger), handler)`. The path signed is the one
 * the subgraph sees (`req.originalUrl`): a proxy in between must not rewrite it.
 */
export function signedJson(limit: number, signing: RequestSignatureSettings, logger: Logger): Array<RequestHandler | ErrorRequestHandler> {
  return [jsonKeepingRawBody(limit, true), bodyErrors, signatureGuard(signing, logger)];
}

/**
 * Refuses a /graphql request the gateway did not sign: over the method, the path with its query
 * string, the Authorization header and the raw body. A GET is thus accepted only when signed over
 * its query string with an empty body (the gateway itself only POSTs).
 */
function signatureGuard(signing: RequestSignatureSettings, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const check = verifyRequestSignature(
      signing.secret,
      { method: req.method, path: req.originalUrl, authorization: req.headers.authorization, body: (req as RawBodyRequest).rawBody ?? '' },
      { signature: header(SIGNATURE_HEADER), timestamp: header(SIGNATURE_TIMESTAMP_HEADER) },
      signing.maxAgeSeconds,
    );
    if (check.valid) return next();
    const refusal = SIGNATURE_REFUSALS[check.reason];
    logger.warn({ requestId: res.locals.requestId, reason: refusal.reason }, 'unsigned or badly signed request refused');
    res.status(401).json({ errors: [{ message: refusal.message, extensions: { code: 'UNAUTHENTICATED', reason: refusal.reason } }] });
  };
}

/**
 * A document whose operation cannot be chosen (an unknown `operationName`, or several operations and
 * none named) is the caller's mistake: HTTP 400 with OPERATION_RESOLUTION_FAILURE, before execution.
 * (The gateway's executor would otherwise throw it as an internal error, a 500 with a logged stack.)
 */
function operationResolution<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const name = request.operationName;
          throw new GraphQLError(
            name
              ? `Unknown operation named ${JSON.stringify(name.slice(0, 100))}`
              : 'Must provide operation name if query contains multiple operations',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      };
    },
  };
}

/**
 * GET /metrics for Prometheus: with METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>`
 * (401 otherwise); unset, open outside production and not served in production (404).
 */
function metricsRoute(config: Config, registry: Registry): RequestHandler {
  // Compared as digests: equal lengths for timingSafeEqual, and no timing clue to the token.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = config.METRICS_TOKEN ? digest(`Bearer ${config.METRICS_TOKEN}`) : null;
  return async (req, res) => {
    if (expected === null && config.NODE_ENV === 'production') {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    if (expected !== null && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.status(401).set('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}

/** Apollo Server on express with /graphql, /health and /ready: the one way every Tidelink process serves. */
export async function serveGraphQL<Context extends BaseContext & RequestScoped>(
  options: GraphQLHttpServerOptions<Context>,
): Promise<GraphQLHttpServer> {
  const { config } = options;
  const app = express();
  app.disable('x-powered-by');
  // No ETag: express would hash every body it sends (SHA-1 of 100 KB for a page of cases) for a
  // conditional GET that GraphQL answers (POSTs, personal data, answers that change) never serve.
  app.set('etag', false);
  // Every answer (JSON included) is read as the type it says, never sniffed into script or HTML.
  // Pages (the gateway's dashboard and IDE) add a full set of headers of their own (gateway/pages.ts).
  app.use(xContentTypeOptions());
  if (options.compressAbove != null) app.use(compression({ threshold: options.compressAbove }));
  const metrics = createMetrics(options.service);
  options.collectors?.(metrics.registry);
  // Timeouts are checked every second (Node's default is 30 s, which would let a dribbled body
  // outlive HTTP_REQUEST_TIMEOUT_MS by as much).
  const httpServer = http.createServer({ connectionsCheckingInterval: 1000 }, app);
  httpServer.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  httpServer.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  const apollo = new ApolloServer<Context>({
    ...options.source,
    csrfPrevention: true,
    // Signals are handled once for the whole process (lifecycle.ts), which stops servers in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: config.NODE_ENV !== 'production',
    // "Did you mean …?" maps the schema for whoever probes it (fields, arguments, enum values): not in production.
    formatError: createErrorFormatter({ hideSuggestions: config.NODE_ENV === 'production' }),
    validationRules: options.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      // Tidelink never reports to Apollo's cloud, even if an APOLLO_KEY is around.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Apollo's own landing page loads Sandbox from Apollo's CDN (agency networks are often offline):
      // the gateway serves GraphiQL from npm instead (gateway/pages.ts), subgraphs nothing.
      ApolloServerPluginLandingPageDisabled(),
      requestLog(options.logger, options.logFields, metrics, options.subgraphTimings, options.documentRefusalsByAccept ?? false),
      operationResolution(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const { ready, details } = await options.readiness();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...details });
  });
  app.get('/metrics', metricsRoute(config, metrics.registry));
  options.routes?.(app);
  let inFlight = 0;
  app.use(
    '/graphql',
    (req: Request, res: Response, next: NextFunction) => {
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
      });
      const given = req.headers['x-request-id'];
      const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.locals.requestId = requestId;
      annotateGraphQLSpan(options.service, req.method);
      const traceparent = req.headers.traceparent;
      res.locals.traceparent =
        activeTraceparent() ?? (typeof traceparent === 'string' && TRACEPARENT.test(traceparent) ? traceparent : null);
      res.setHeader('x-request-id', requestId);
      next();
    },
    ...(options.requestSignature
      ? signedJson(config.MAX_BODY_BYTES, options.requestSignature, options.logger)
      : [jsonKeepingRawBody(config.MAX_BODY_BYTES, false), bodyErrors]),
    ...(options.guards ?? []),
    expressMiddleware(apollo, {
      context: ({ req, res }) => options.context(req, res.locals.requestId as string, res.locals.traceparent as string | null),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/graphql`, port, inFlight: () => inFlight, stop: () => apollo.stop() };
}
