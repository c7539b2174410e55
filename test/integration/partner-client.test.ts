import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { run, TidelinkError, type ClientReport } from '../../examples/partner-client/client.js';
import { prosecutionSubgraph } from '../../subgraphs/prosecution/prosecution.subgraph.js';
import { startSubgraph } from '../../subgraphs/shared/subgraph-server.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The typed partner client (examples/partner-client) against the real stack: as a program, with its
 * token and URL from the environment (compiled to dist/ by the test run's global setup).
 */
const MAIN = path.join(__dirname, '..', '..', 'dist', 'examples', 'partner-client', 'main.js');

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

async function runProgram(env: Record<string, string>): Promise<{ report: ClientReport; log: string }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [MAIN], { env: { ...process.env, ...env } });
  return { report: JSON.parse(stdout) as ClientReport, log: stderr };
}

/** Every case a Dominican officer may list with hits, newest first, straight from the gateway. */
async function visibleCases(): Promise<{ all: string[]; hits: string[] }> {
  const body = await tidelink.queryAs<{ cases: { nodes: Array<{ reference: string; releasable: boolean }> } }>(
    'POLICE',
    'DOM',
    '{ cases(first: 100, filter: { includeHits: true }) { nodes { reference releasable } } }',
  );
  const nodes = body.data?.cases.nodes ?? [];
  return { all: nodes.map((node) => node.reference), hits: nodes.filter((node) => !node.releasable).map((node) => node.reference) };
}

describe('the partner client example', () => {
  it('pages through every case it may see, reads statistics, and reports the withheld fields of hits (FORBIDDEN)', async () => {
    const { report, log } = await runProgram({
      TIDELINK_URL: tidelink.stack.gateway.url,
      TIDELINK_TOKEN: await tidelink.token('POLICE', 'DOM'),
      TIDELINK_PAGE_SIZE: '2',
    });
    const expected = await visibleCases();
    expect(expected.hits).toContain('ITA-2026-0311');
    expect(report.cases.references).toEqual(expected.all);
    expect(report.cases.totalCount).toBe(expected.all.length);
    expect(report.cases.pages).toBe(Math.ceil(expected.all.length / 2));
    expect(report.cases.hits).toEqual(expected.hits);
    // A hit's summary is withheld: null with FORBIDDEN NOT_RELEASABLE, the rest of the page kept.
    expect(report.withheld).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'FORBIDDEN',
          reason: 'NOT_RELEASABLE',
          path: expect.stringMatching(/^cases\.edges\.\d+\.node\.summary$/),
        }),
      ]),
    );
    expect(report.withheld.every((entry) => entry.code === 'FORBIDDEN')).toBe(true);
    expect(report.unavailable).toEqual([]);
    expect(report.statistics?.detections).toBeGreaterThan(0);
    expect(report.statistics?.k).toBeGreaterThan(1);
    expect(log).toMatch(/withheld: cases\.edges\.\d+\.node\.summary \(FORBIDDEN NOT_RELEASABLE\)/);
    expect(log).toMatch(/detections by sea area: \d+ detections/);
  });

  it('without TIDELINK_TOKEN, says so and exits 1', async () => {
    const env: Record<string, string | undefined> = { ...process.env, TIDELINK_URL: tidelink.stack.gateway.url };
    delete env.TIDELINK_TOKEN;
    await expect(promisify(execFile)(process.execPath, [MAIN], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('NO_TOKEN'),
    });
  });

  it('with prosecution down, still pages through every case and says which subgraph is unavailable (SUBGRAPH_UNAVAILABLE)', async () => {
    const prosecution = tidelink.stack.subgraphs.prosecution;
    const port = prosecution.port;
    await prosecution.stop();
    try {
      const { report, log } = await runProgram({
        TIDELINK_URL: tidelink.stack.gateway.url,
        TIDELINK_TOKEN: await tidelink.token('POLICE', 'DOM'),
        TIDELINK_PAGE_SIZE: '3',
      });
      expect(report.cases.references).toEqual((await visibleCases()).all);
      expect(report.unavailable.length).toBeGreaterThan(0);
      expect(new Set(report.unavailable.map((entry) => entry.subgraph))).toEqual(new Set(['prosecution']));
      expect(log).toMatch(/partial data: the prosecution subgraph is unavailable/);
      expect(report.statistics?.detections).toBeGreaterThan(0);
    } finally {
      tidelink.stack.subgraphs.prosecution = await startSubgraph(prosecutionSubgraph, {
        config: tidelink.config,
        databaseUrl: prosecution.databaseUrl,
        port,
        seedDemo: false,
      });
    }
  });
});

/**
 * RATE_LIMITED as the gateway's limiter answers it (HTTP 429, Retry-After, GraphQL error
 * RATE_LIMITED), from a real HTTP server in front of the gateway until the limiter is on this
 * branch: it refuses the first `refusals` requests, then passes requests through.
 */
async function limitedFront(
  refusals: number,
  retryAfter: string,
): Promise<{ url: string; seen: () => number; close: () => Promise<void> }> {
  let seen = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen += 1;
      if (seen <= refusals) {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter });
        response.end(JSON.stringify({ errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] }));
        return;
      }
      void fetch(tidelink.stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
        body: Buffer.concat(chunks),
      }).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(await answer.text());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    seen: () => seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the partner client under a rate limit', () => {
  it('waits Retry-After and retries, then completes', async () => {
    const front = await limitedFront(1, '1');
    try {
      const lines: string[] = [];
      const started = Date.now();
      const report = await run({
        url: front.url,
        token: await tidelink.token('POLICE', 'DOM'),
        pageSize: 100,
        log: (line) => lines.push(line),
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(report.rateLimitedRetries).toBe(1);
      expect(report.cases.references).toEqual((await visibleCases()).all);
      expect(lines[0]).toMatch(/rate-limited \(RATE_LIMITED\): waiting 1 s/);
    } finally {
      await front.close();
    }
  });

  it('gives up with RATE_LIMITED after a bounded number of retries', async () => {
    const front = await limitedFront(100, '0');
    try {
      const attempt = run({ url: front.url, token: await tidelink.token('POLICE', 'DOM'), maxRetries: 2 });
      await expect(attempt).rejects.toBeInstanceOf(TidelinkError);
      await expect(attempt).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      expect(front.seen()).toBe(3);
    } finally {
      await front.close();
    }
  });
});
