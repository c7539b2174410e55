import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { trace } from '@opentelemetry/api';
import { mintToken } from '../../platform/auth.js';
import { loadConfig } from '../../platform/config.js';
import { dropDatabase, SUBGRAPH_NAMES, subgraphDatabaseUrl } from '../../subgraphs/shared/database.js';
import { createLogger } from '../../platform/logger.js';
import { activeTraceparent, startTracing, tracingEnabled } from '../../platform/tracing.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Tracing end to end. Instrumentation patches http and pg as they load, which jest's module registry
 * gets in the way of, so the whole stack runs as a child process (`dist/launcher/start.js`, what
 * `npm start` runs) with tracing on, exporting to a small OTLP/HTTP receiver run here.
 */

const ROOT = path.join(__dirname, '..', '..');
const SERVER = 2;
const CLIENT = 3;

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpExport {
  resourceSpans: Array<{ resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ scope: { name: string }; spans: OtlpSpan[] }> }>;
}
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: number;
  scope: string;
  serviceName: unknown;
  attributes: Record<string, unknown>;
}

const valueOf = (value: OtlpValue): unknown =>
  value.stringValue ?? value.intValue ?? value.doubleValue ?? value.boolValue ?? value.arrayValue?.values?.map(valueOf);
const attributesOf = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map((attribute) => [attribute.key, valueOf(attribute.value)]));

/** A real OTLP/HTTP endpoint on a free port: keeps every export's raw body and its spans. */
async function startReceiver() {
  const exports: Array<{ path: string | undefined; contentType: string | undefined; body: string }> = [];
  const spans: Span[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      exports.push({ path: request.url, contentType: request.headers['content-type'], body });
      if (request.headers['content-type'] === 'application/json') {
        for (const resourceSpans of (JSON.parse(body) as OtlpExport).resourceSpans) {
          const serviceName = attributesOf(resourceSpans.resource.attributes)['service.name'];
          for (const scopeSpans of resourceSpans.scopeSpans) {
            for (const span of scopeSpans.spans) {
              spans.push({
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                kind: span.kind,
                scope: scopeSpans.scope.name,
                serviceName,
                attributes: attributesOf(span.attributes),
              });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `node dist/launcher/start.js`; resolves with the gateway URL from its "Tidelink ready" log line. */
function startChild(env: Record<string, string>, output: string[]): Promise<{ child: ChildProcess; gatewayUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'launcher', 'start.js')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the stack did not start: ${output.join('\n').slice(-2000)}`)), 90_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const parsed = parseLine(line);
        if (parsed?.msg === 'Tidelink ready' && typeof parsed.gateway === 'string') {
          clearTimeout(timer);
          resolve({ child, gatewayUrl: parsed.gateway });
        }
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited (${code}): ${output.join('\n').slice(-2000)}`));
    });
  });
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Every value of the given keys anywhere in a JSON value. */
function valuesOfKeys(value: unknown, keys: string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesOfKeys(item, keys));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    keys.includes(key) && typeof item === 'string' ? [item] : valuesOfKeys(item, keys),
  );
}

describe('tracing on: spans from the gateway through the subgraphs to SQL', () => {
  const databasePrefix = `tidelink_tracing_${process.pid}_${randomBytes(3).toString('hex')}`;
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  const output: string[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let child: ChildProcess | undefined;
  let gatewayUrl: string;
  let token: string;
  let responseText: string;
  let spans: Span[];

  // The child runs the compiled stack (jest's global setup builds dist/).
  beforeAll(async () => {
    receiver = await startReceiver();
    const server = new URL(process.env.DATABASE_URL as string);
    server.pathname = `/${databasePrefix}`;
    ({ child, gatewayUrl } = await startChild(
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        LOG_FILE: '',
        HOST: '127.0.0.1',
        DATABASE_URL: server.toString(),
        POLICE_DATABASE_URL: '',
        ASSISTANCE_DATABASE_URL: '',
        PROSECUTION_DATABASE_URL: '',
        POLICE_URL: '',
        ASSISTANCE_URL: '',
        PROSECUTION_URL: '',
        PORT: '0',
        POLICE_PORT: '0',
        ASSISTANCE_PORT: '0',
        PROSECUTION_PORT: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
        OTEL_SERVICE_NAME: 'tidelink-tracing-test',
        OTEL_SDK_DISABLED: '',
        OTEL_TRACES_SAMPLER: '',
        OTEL_TRACES_SAMPLER_ARG: '',
        // Exported within a fraction of a second rather than the default 5 s.
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      output,
    ));
    token = await mintToken(loadConfig({ NODE_ENV: 'test' }), { subject: 'test-iom', agency: 'IOM', country: 'DOM' });
    // IOM sees identities: the names go through the stack, so their absence from spans means something.
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${callerSpanId}-01` },
      body: JSON.stringify({ query: FOLLOW_CASE, variables: { id: MONA_PASSAGE_CASE_ID }, operationName: 'FollowCase' }),
    });
    expect(response.status).toBe(200);
    responseText = await response.text();
    // Wait until the gateway's and every subgraph's server span have arrived, and every span received
    // has its parent received too (the caller's span aside): no part of the tree still in a batch.
    const complete = () => {
      const received = new Set(receiver.spans.map((span) => span.spanId));
      return (
        ['gateway', ...SUBGRAPH_NAMES].every((service) =>
          receiver.spans.some((span) => span.kind === SERVER && span.attributes['tidelink.service'] === service),
        ) &&
        receiver.spans.every(
          (span) => span.parentSpanId === callerSpanId || (span.parentSpanId !== undefined && received.has(span.parentSpanId)),
        )
      );
    };
    await waitFor(complete, { what: 'the request’s spans to be exported', interval: 100 });
    spans = [...receiver.spans];
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await receiver?.close();
    const server = new URL(process.env.DATABASE_URL as string);
    server.pathname = `/${databasePrefix}`;
    for (const name of SUBGRAPH_NAMES) await dropDatabase(subgraphDatabaseUrl(name, { shared: server.toString() }) as string);
  }, 60_000);

  const byId = () => new Map(spans.map((span) => [span.spanId, span]));
  /** The span's parent, grandparent, … as far as the received spans go. */
  const ancestors = (span: Span): Span[] => {
    const index = byId();
    const chain: Span[] = [];
    for (
      let parent = span.parentSpanId && index.get(span.parentSpanId);
      parent;
      parent = parent.parentSpanId && index.get(parent.parentSpanId)
    ) {
      chain.push(parent);
    }
    return chain;
  };
  const serverSpan = (service: string) => spans.filter((span) => span.kind === SERVER && span.attributes['tidelink.service'] === service);

  it('exports OTLP/HTTP JSON to the configured endpoint, every span in the caller’s trace', () => {
    expect(spans.length).toBeGreaterThan(0);
    for (const exported of receiver.exports)
      expect({ path: exported.path, contentType: exported.contentType }).toEqual({ path: '/v1/traces', contentType: 'application/json' });
    expect([...new Set(spans.map((span) => span.traceId))]).toEqual([traceId]);
    expect([...new Set(spans.map((span) => span.serviceName))]).toEqual(['tidelink-tracing-test']);
  });

  it('has the gateway’s server span as a child of the caller’s span, with Apollo’s own spans under it', () => {
    const [gateway, ...others] = serverSpan('gateway');
    expect(others).toEqual([]);
    expect(gateway).toMatchObject({ name: 'POST /graphql', parentSpanId: callerSpanId });
    const request = spans.find((span) => span.name === 'gateway.request');
    expect(request?.parentSpanId).toBe(gateway.spanId);
    expect(request?.attributes['graphql.operation.name']).toBe('FollowCase');
    const fetches = spans.filter((span) => span.name === 'gateway.fetch');
    expect(fetches.length).toBeGreaterThanOrEqual(3);
    for (const fetchSpan of fetches) expect(ancestors(fetchSpan)).toContain(gateway);
  });

  it.each(SUBGRAPH_NAMES)('has a %s server span whose parent is the gateway’s client call, under a gateway.fetch span', (service) => {
    const [gateway] = serverSpan('gateway');
    const subgraphSpans = serverSpan(service);
    expect(subgraphSpans.length).toBeGreaterThan(0);
    for (const subgraph of subgraphSpans) {
      const chain = ancestors(subgraph);
      expect(chain[0]).toMatchObject({ kind: CLIENT, scope: '@opentelemetry/instrumentation-undici' });
      expect(chain[1]?.name).toBe('gateway.fetch');
      expect(chain[1]?.attributes.service).toBe(service);
      expect(chain.at(-1)).toBe(gateway);
    }
  });

  it.each(SUBGRAPH_NAMES)('has %s SQL statements as spans under that subgraph’s server span, named after the statement', (service) => {
    const statements = spans.filter(
      (span) => span.attributes['db.system.name'] === 'postgresql' && typeof span.attributes['db.query.text'] === 'string',
    );
    const own = statements.filter(
      (span) => ancestors(span).find((ancestor) => ancestor.kind === SERVER)?.attributes['tidelink.service'] === service,
    );
    expect(own.length).toBeGreaterThan(0);
    for (const statement of own) {
      expect(statement.kind).toBe(CLIENT);
      expect(statement.attributes['db.namespace']).toBe(`${databasePrefix}_${service}`);
      expect(statement.attributes['db.query.text']).toMatch(new RegExp(`^\\s*/\\* ${statement.name.replace(/\./g, '\\.')} \\*/`));
    }
  });

  it('records no bound parameter, no token and no personal data', () => {
    const names = valuesOfKeys(JSON.parse(responseText), ['givenName', 'familyName']);
    expect(names.length).toBeGreaterThan(0);
    const exported = receiver.exports.map((entry) => entry.body).join('\n');
    expect(exported).not.toContain(token);
    expect(exported).not.toMatch(/bearer/i);
    // The case id is bound as a parameter of the statements that read the case.
    expect(exported).not.toContain(MONA_PASSAGE_CASE_ID);
    for (const name of names) expect(exported).not.toContain(name);
    for (const span of spans) expect(Object.keys(span.attributes).filter((key) => /values|header/.test(key))).toEqual([]);
  });

  it('logs the trace id on the request lines of the gateway and of each subgraph', () => {
    const requestLines = output.map(parseLine).filter((line) => line?.msg === 'request' && line.traceId === traceId);
    expect([...new Set(requestLines.map((line) => line?.service))].sort()).toEqual([
      'gateway',
      'subgraph-assistance',
      'subgraph-police',
      'subgraph-prosecution',
    ]);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const running = child as ChildProcess;
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});

describe('tracing off (the default)', () => {
  it('starts no SDK without an OTLP endpoint: the API stays a no-op and nothing is exported', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(startTracing(config, createLogger('tracing', 'silent'))).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const span = trace.getTracer('tidelink-test').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe('0'.repeat(32));
    span.end();
    expect(activeTraceparent()).toBeNull();
  });
});
