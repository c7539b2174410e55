import { createHash } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

/** A raw POST (fetch would decompress silently): status, headers and the bytes as sent. */
function post(
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      tidelink.stack.gateway.url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('response compression', () => {
  it('gzips a large answer for a client that accepts it, and the JSON inside is the same', async () => {
    const authorization = `Bearer ${await tidelink.token('IOM', 'DOM')}`;
    const request = { query: FOLLOW_CASE, variables: { id: MONA_PASSAGE_CASE_ID } };
    const plain = await post(request, { authorization, 'accept-encoding': 'identity' });
    const gzipped = await post(request, { authorization, 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(plain.bytes.length).toBeGreaterThan(tidelink.config.RESPONSE_COMPRESSION_MIN_BYTES);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(JSON.parse(gunzipSync(gzipped.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()));
    expect((JSON.parse(plain.bytes.toString()) as { data: { case: { reference: string } } }).data.case.reference).toBe('DOM-2026-0142');
  });

  it('leaves small answers alone', async () => {
    const small = await post({ query: '{ __typename }' }, { authorization: `Bearer ${await tidelink.token()}`, 'accept-encoding': 'gzip' });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('automatic persisted queries', () => {
  it('a client registers FollowCase once, then sends only its hash', async () => {
    const token = await tidelink.token('PROSECUTOR', 'DOM');
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(FOLLOW_CASE).digest('hex') };
    const send = (withQuery: boolean) =>
      fetch(tidelink.stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          ...(withQuery ? { query: FOLLOW_CASE } : {}),
          variables: { id: MONA_PASSAGE_CASE_ID },
          extensions: { persistedQuery },
        }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { data?: { case?: { reference?: string } }; errors?: Array<{ extensions?: { code?: string } }> },
      }));

    const unknown = await send(false);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await send(true);
    expect(registered.body.data?.case?.reference).toBe('DOM-2026-0142');
    const byHash = await send(false);
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);
  });

  it('refuses a query whose hash does not match it', async () => {
    const response = await fetch(tidelink.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token()}` },
      body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(response.status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });
});
