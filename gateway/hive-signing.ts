import type { GatewayPlugin } from '@graphql-hive/gateway';
import { signRequest } from '../platform/request-signing.js';

/**
 * For running the subgraphs behind The Guild's Hive Gateway instead of Tidelink's own: signs every
 * upstream call in Tidelink's format (request-signing.ts), which Hive's own `hmacSignature` option
 * does not produce (it signs the execution parameters into the body's extensions, and the subgraph
 * side of it is a Yoga plugin). Use in `gateway.config.ts`:
 *
 *   plugins: () => [useTidelinkSigning(process.env.SUBGRAPH_SIGNING_SECRET ?? '')]
 *
 * It wraps the fetch that actually sends the call, so it signs the final URL, headers and body,
 * after every other `onFetch` hook (header propagation included) has run.
 */
export function useTidelinkSigning(secret: string): GatewayPlugin {
  if (Buffer.byteLength(secret) < 32) throw new Error('useTidelinkSigning: the signing secret must be at least 32 bytes');
  return {
    onFetch({ fetchFn, setFetchFn }) {
      setFetchFn((url, options = {}, context, info) => {
        const body = options.body ?? '';
        if (typeof body !== 'string') throw new Error('useTidelinkSigning: only string bodies can be signed');
        const headers = new Headers(options.headers);
        const { pathname, search } = new URL(url);
        const signature = signRequest(secret, {
          method: options.method ?? 'GET',
          path: `${pathname}${search}`,
          authorization: headers.get('authorization') ?? undefined,
          body,
        });
        for (const [name, value] of Object.entries(signature)) headers.set(name, value);
        return fetchFn(url, { ...options, headers: Object.fromEntries(headers.entries()) }, context, info);
      });
    },
  };
}
