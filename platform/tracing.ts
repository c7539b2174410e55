import { diag, DiagLogLevel, isSpanContextValid, trace } from '@opentelemetry/api';
import type { IncomingMessage } from 'node:http';
import type { Sampler } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/**
 * OpenTelemetry tracing, once per process: HTTP server spans (gateway and subgraphs), the gateway's
 * own spans (@apollo/gateway: request, plan, execute, fetch), its undici calls to the subgraphs,
 * and every SQL statement (pg). W3C trace context only. Off unless an OTLP endpoint is configured.
 *
 * One process may host several services (`npm start` runs all four): the resource's service.name is
 * OTEL_SERVICE_NAME (default `tidelink`), and each GraphQL server span says which service answered
 * in `tidelink.service` (gateway, police, assistance, prosecution).
 */

export interface TracingSettings {
  /** OTLP/HTTP (JSON) traces URL. */
  tracesUrl: string;
  serviceName: string;
  sampler: Config['OTEL_TRACES_SAMPLER'];
  samplerRatio: number;
  scheduleDelayMs: number;
}

/** What tracing would run with, or null when it is off (no OTLP endpoint, or OTEL_SDK_DISABLED=true). */
export function tracingSettings(config: Config): TracingSettings | null {
  if (config.OTEL_SDK_DISABLED) return null;
  // As the OTLP specification says: the per-signal URL is used as is, the base one gets /v1/traces.
  const tracesUrl =
    config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (config.OTEL_EXPORTER_OTLP_ENDPOINT ? `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!tracesUrl) return null;
  return {
    tracesUrl,
    serviceName: config.OTEL_SERVICE_NAME,
    sampler: config.OTEL_TRACES_SAMPLER,
    samplerRatio: config.OTEL_TRACES_SAMPLER_ARG,
    scheduleDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
  };
}

let provider: NodeTracerProvider | null = null;

const STATEMENT_NAME = /^\s*\/\*\s*([A-Za-z0-9_.:-]{1,100})\s*\*\//;

export function tracingEnabled(): boolean {
  return provider !== null;
}

/**
 * Starts the SDK and the instrumentations when tracing is configured; returns whether it runs.
 * Must run before http, pg and express are loaded (see instrument.ts). A second call does nothing.
 */
export function startTracing(config: Config, logger: Logger): boolean {
  if (provider) return true;
  const settings = tracingSettings(config);
  if (!settings) return false;
  // Loaded only when tracing is on: otherwise no SDK code runs and the API stays a no-op.
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');

  // Export failures (collector down) reach the logs as warnings, message only.
  const toLog = (message: string) => logger.warn({ otel: message }, 'OpenTelemetry SDK warning');
  diag.setLogger(
    { error: toLog, warn: toLog, info: () => {}, debug: () => {}, verbose: () => {} },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );

  const tracerProvider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': settings.serviceName })),
    sampler: buildSampler(settings),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl }), { scheduledDelayMillis: settings.scheduleDelayMs }),
    ],
  });
  tracerProvider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({
    tracerProvider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and metrics scrapes would be a trace each: only the GraphQL endpoint is traced.
        ignoreIncomingRequestHook: (request: IncomingMessage) => !(request.url ?? '').startsWith('/graphql'),
        requireParentforOutgoingSpans: true,
        // A GraphQL GET carries the document and its variables in the query string: never recorded.
        startIncomingSpanHook: (request: IncomingMessage) => ((request.url ?? '').includes('?') ? { 'url.query': 'REDACTED' } : {}),
        // headersToSpanAttributes stays unset: no header, the Authorization header above all, is recorded.
      }),
      // The gateway's calls to subgraphs (undici's request) and its readiness probes (fetch); only
      // those made inside a traced request.
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new PgInstrumentation({
        // Statements of a request only (not migrations, seeding or pool housekeeping).
        requireParentSpan: true,
        // Bound parameter values are personal data: never recorded (this is the default, kept explicit).
        enhancedDatabaseReporting: false,
        // Every statement starts with its name (`/* case.byIds */ SELECT …`): the span is named after it.
        requestHook: (span, { query }) => {
          const name = STATEMENT_NAME.exec(query.text)?.[1];
          if (!name) return;
          span.setAttribute('db.query.summary', name);
          span.updateName(name);
        },
      }),
    ],
  });
  provider = tracerProvider;
  logger.info({ tracesUrl: settings.tracesUrl, serviceName: settings.serviceName, sampler: settings.sampler }, 'tracing on');
  return true;
}

function buildSampler(settings: TracingSettings): Sampler {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  switch (settings.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(settings.samplerRatio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.samplerRatio) });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * Flushes the spans not yet exported and stops the SDK; never throws, and gives up after
 * `timeoutMs` so a collector that is down cannot hold a stopping process.
 */
export async function stopTracing(timeoutMs = 5000): Promise<void> {
  const running = provider;
  provider = null;
  if (!running) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    running.shutdown().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

/** The active span's W3C traceparent while tracing is on; null when off or outside a span. */
export function activeTraceparent(): string | null {
  if (!provider) return null;
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return null;
  return `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/**
 * Names the request's HTTP server span (`POST /graphql`) and records which Tidelink service
 * answered it. A no-op when tracing is off.
 */
export function annotateGraphQLSpan(service: string, method: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute('tidelink.service', service);
  span.setAttribute('http.route', '/graphql');
  span.updateName(`${method} /graphql`);
}
