import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { LookupPeers, OwnerUnavailableError, ReferenceLookup } from '../../subgraphs/shared/lookup/lookup.client.js';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, verifyRequestSignature } from '../../platform/request-signing.js';

/** The lookup client against real HTTP servers: an owner slow, failing or answering. */
const SECRET = 'unit-test-subgraph-signing-secret-0123456789';
const CASE = 'ca5e0000-0000-4000-8000-000000000001';
const servers: http.Server[] = [];

async function owner(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

function client(url: string | undefined, timeoutMs = 400) {
  return new ReferenceLookup(
    { SUBGRAPH_SIGNING_SECRET: SECRET, SUBGRAPH_TIMEOUT_MS: timeoutMs },
    new LookupPeers({ police: url }),
    'Bearer t',
    pino({ level: 'silent' }),
    'unit',
  );
}

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('lookup client', () => {
  it('an owner that never answers: SERVICE_UNAVAILABLE within half the subgraph timeout', async () => {
    const url = await owner(() => undefined);
    const started = Date.now();
    const error = await client(url, 400)
      .lookup('case', [CASE])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OwnerUnavailableError);
    expect((error as OwnerUnavailableError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', subgraph: 'police' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('an owner that fails or answers garbage: SERVICE_UNAVAILABLE, never its text', async () => {
    const failing = await owner((_req, res) => res.writeHead(500).end('stack trace at owner.ts:1'));
    await expect(client(failing).lookup('case', [CASE])).rejects.toThrow(OwnerUnavailableError);
    const garbage = await owner((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"facts":{"x":{"status":1}}}'),
    );
    await expect(client(garbage).lookup('case', [CASE])).rejects.toThrow(OwnerUnavailableError);
  });

  it('no peer configured: SERVICE_UNAVAILABLE', async () => {
    await expect(client(undefined).lookup('suspect', [CASE])).rejects.toThrow(OwnerUnavailableError);
  });

  it("signs the call with the caller's Authorization, and an id the owner leaves out counts as not found", async () => {
    let valid = false;
    const url = await owner((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const check = verifyRequestSignature(
          SECRET,
          { method: 'POST', path: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks) },
          { signature: req.headers[SIGNATURE_HEADER] as string, timestamp: req.headers[SIGNATURE_TIMESTAMP_HEADER] as string },
          30,
        );
        valid = check.valid && req.url === '/lookup' && req.headers.authorization === 'Bearer t';
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ facts: {} }));
      });
    });
    expect(await client(url).lookup('case', [CASE.toUpperCase()])).toEqual({ [CASE]: null });
    expect(valid).toBe(true);
  });
});
