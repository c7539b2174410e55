import { request, type Dispatcher } from 'undici';
import { signRequest } from './request-signing.js';

export interface SignedAnswer {
  status: number;
  /** The parsed JSON body; null when the body was empty or not JSON. */
  body: unknown;
}

/**
 * POSTs JSON to another Tidelink service signed as the gateway signs (request-signing.ts): for a
 * subgraph that asks an owner subgraph to check a reference. `authorization` is the caller's own
 * header, passed on so the owner verifies who asked and logs it under them; the signature covers it,
 * so the call cannot be replayed under another token. The body is serialised once and that exact
 * string is both signed and sent.
 */
export async function signedJsonPost(
  url: string,
  body: unknown,
  authorization: string | undefined,
  secret: string,
  timeoutMs: number,
  dispatcher?: Dispatcher,
  /** Headers outside the signature (e.g. `x-request-id`, which correlates logs only). */
  extraHeaders: Record<string, string> = {},
): Promise<SignedAnswer> {
  const text = JSON.stringify(body);
  const { pathname, search } = new URL(url);
  const response = await request(url, {
    method: 'POST',
    headers: {
      ...extraHeaders,
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...signRequest(secret, { method: 'POST', path: `${pathname}${search}`, authorization, body: text }),
    },
    body: text,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    signal: AbortSignal.timeout(timeoutMs),
    ...(dispatcher ? { dispatcher } : {}),
  });
  const raw = await response.body.text();
  let parsed: unknown = null;
  try {
    parsed = raw.length > 0 ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  return { status: response.statusCode, body: parsed };
}
