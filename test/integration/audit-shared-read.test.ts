import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { subgraphFetcher } from '../../gateway/subgraph-fetcher.js';
import { verifyRequestSignature } from '../../platform/request-signing.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The gateway's side of logging shared reads, against a stand-in subgraph on a real socket: it
 * holds a read until the test lets it go (so identical calls join it) and answers with
 * `x-tidelink-logged`, and copies the rows or fails, as told.
 */
const SECRET = 'a-signing-secret-for-this-test-only-0123456789';
const BODY = JSON.stringify({ query: 'query Follow__assistance__0 { migrants { identity { givenName } } }' });

let copyStatus = 200;
/** Reads are answered once this resolves: a test holds them until the calls it sends have joined. */
let held: Promise<void> = Promise.resolve();
let reads = 0;
function holdReads(): () => void {
  let release: () => void = () => undefined;
  held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => release();
}
const copies: Array<{ body: unknown; signed: boolean; authorization: string | undefined }> = [];
let server: http.Server;
let url: string;
const agent = new Agent({ connections: 8 });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/access-log/shared-read') {
        const check = verifyRequestSignature(
          SECRET,
          { method: 'POST', path: '/access-log/shared-read', authorization: req.headers.authorization, body },
          { signature: req.headers['x-tidelink-signature'] as string, timestamp: req.headers['x-tidelink-timestamp'] as string },
          30,
        );
        const parsed = JSON.parse(body.toString()) as { requestIds: string[] };
        copies.push({ body: parsed, signed: check.valid, authorization: req.headers.authorization });
        res.writeHead(copyStatus, { 'content-type': 'application/json' });
        res.end(JSON.stringify(copyStatus === 200 ? { copied: 3 * parsed.requestIds.length } : { errors: [{ message: 'down' }] }));
        return;
      }
      reads += 1;
      void held.then(() => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-tidelink-logged': '3',
          'x-tidelink-call': '5b0e2f4e-1d7a-4c1e-9d55-1f2a3b4c5d6e',
        });
        res.end(JSON.stringify({ data: { migrants: [] } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
});

function fetcher() {
  let shared = 0;
  const fetch = subgraphFetcher(agent, { timeoutMs: 5000, deduplicate: true, signingSecret: SECRET, onDeduplicated: () => (shared += 1) });
  const read = (requestId: string) =>
    fetch(url, {
      method: 'POST',
      body: BODY,
      headers: { 'content-type': 'application/json', authorization: 'Bearer same-token', 'x-request-id': requestId },
    });
  return { read, shared: () => shared };
}

describe('a read shared in flight is logged for the callers that joined it', () => {
  it("asks the subgraph once, signed with the callers' token, to copy the rows under every joiner's request id", async () => {
    copyStatus = 200;
    copies.length = 0;
    const { read, shared } = fetcher();
    const release = holdReads();
    const readsBefore = reads;
    const pending = Promise.all([read('request-first-0001'), read('request-join-0002'), read('request-join-0003')]);
    await waitFor(() => reads - readsBefore === 1 && shared() === 2, { what: 'the two later reads to join the first' });
    release();
    const answers = await pending;
    expect(reads - readsBefore).toBe(1);
    expect(shared()).toBe(2);
    expect(await Promise.all(answers.map((answer) => answer.json()))).toEqual(
      Array.from({ length: 3 }, () => ({ data: { migrants: [] } })),
    );
    expect(copies).toEqual([
      {
        body: { from: '5b0e2f4e-1d7a-4c1e-9d55-1f2a3b4c5d6e', requestIds: ['request-join-0002', 'request-join-0003'] },
        signed: true,
        authorization: 'Bearer same-token',
      },
    ]);
  });

  it('gives the joiners an error, not the data, when the copy fails; the first caller still gets its answer', async () => {
    copyStatus = 500;
    copies.length = 0;
    const { read, shared } = fetcher();
    const release = holdReads();
    const pending = Promise.allSettled([read('request-first-0004'), read('request-join-0005')]);
    await waitFor(() => shared() === 1, { what: 'the second read to join the first' });
    release();
    const [first, joiner] = await pending;
    expect(first.status).toBe('fulfilled');
    expect(joiner.status).toBe('rejected');
    expect(String((joiner as PromiseRejectedResult).reason)).toMatch(/logged null of 3 shared reads/);
    expect(copies).toHaveLength(1);
  });

  it("gives the joiners SERVICE_UNAVAILABLE, the data withheld, when the subgraph's database is down for the copy (its 503)", async () => {
    // The database stopped between the shared call and the copy: what the joiner's own call would
    // have answered when its log row could not be written (a state to retry, not the subgraph unreachable).
    copyStatus = 503;
    copies.length = 0;
    const { read, shared } = fetcher();
    const release = holdReads();
    const pending = Promise.all([read('request-first-0007'), read('request-join-0008')]);
    await waitFor(() => shared() === 1, { what: 'the second read to join the first' });
    release();
    const [first, joiner] = await pending;
    expect(await first.json()).toEqual({ data: { migrants: [] } });
    expect(joiner.status).toBe(200);
    expect(joiner.headers.get('x-tidelink-logged')).toBeNull();
    expect(await joiner.json()).toEqual({
      data: null,
      errors: [{ message: 'This service cannot reach its database right now; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(copies).toHaveLength(1);
  });

  it('asks nothing when nobody joined the call', async () => {
    copies.length = 0;
    const { read, shared } = fetcher();
    holdReads()();
    // A lone call: nobody joined, nothing to copy.
    await read('request-alone-0006');
    expect(shared()).toBe(0);
    expect(copies).toEqual([]);
  });
});
