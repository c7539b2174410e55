import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import type { Logger } from '../platform/logger.js';
import { signRequest } from '../platform/request-signing.js';
import type { SubgraphName } from '../platform/subgraph-names.js';

/**
 * For running the subgraphs behind Apollo Router: a sidecar in the Router's pod that signs each
 * subgraph call on its way out. Router cannot sign in Tidelink's format itself: Rhai has no keyed
 * HMAC, and a coprocessor at the subgraph request stage sees the body as parsed JSON that Router
 * serialises again afterwards, so a MAC over the exact bytes cannot be promised there. The sidecar
 * sees those exact bytes.
 *
 * Router's `override_subgraph_url` points each subgraph at `http://127.0.0.1:<port>/<subgraph>`; the
 * sidecar signs (method, the upstream path, Authorization, body) and forwards to the real subgraph.
 * It listens on loopback only: whoever can reach it gets signatures, so only the Router's pod may.
 */
export interface SigningProxyOptions {
  port: number;
  upstreams: Record<SubgraphName, string>;
  secret: string;
  maxBodyBytes: number;
  timeoutMs: number;
  logger: Logger;
}

export interface SigningProxy {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** What a subgraph needs from the caller's request; nothing else is passed on. */
const FORWARDED = ['authorization', 'content-type', 'accept', 'x-request-id', 'traceparent', 'apollo-require-preflight'] as const;

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export async function startSigningProxy(options: SigningProxyOptions): Promise<SigningProxy> {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const targets = new Map(Object.entries(options.upstreams).map(([name, url]) => [`/${name}`, new URL(url)]));

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"status":"ok"}');
      }
      const target = targets.get((req.url ?? '').split('?')[0]);
      if (!target) return refuse(res, 404, 'NOT_FOUND', 'Unknown subgraph');
      if (req.method !== 'POST') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Only POST is signed');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > options.maxBodyBytes) return refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large');
        chunks.push(chunk as Buffer);
      }
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const name of FORWARDED) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      Object.assign(
        headers,
        signRequest(options.secret, {
          method: 'POST',
          path: `${target.pathname}${target.search}`,
          authorization: headers.authorization,
          body,
        }),
      );
      try {
        const answer = await request(target, {
          method: 'POST' as Dispatcher.HttpMethod,
          headers,
          body,
          dispatcher: agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const contentType = answer.headers['content-type'];
        res.writeHead(answer.statusCode, typeof contentType === 'string' ? { 'content-type': contentType } : {});
        res.end(Buffer.from(await answer.body.arrayBuffer()));
      } catch (error) {
        options.logger.warn({ err: error, subgraph: target.href }, 'subgraph unreachable through the signing proxy');
        refuse(res, 502, 'SUBGRAPH_UNAVAILABLE', 'The subgraph is unavailable');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await agent.close();
    },
  };
}
