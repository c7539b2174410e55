import { createHmac, createSecretKey, hash, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Gateway → subgraph request signing. The gateway signs every call it makes to a subgraph; a
 * subgraph refuses any request not signed with the shared secret, or signed too long ago, so a
 * caller holding a valid token still cannot talk to a subgraph directly (and cannot forge what the
 * gateway alone sends: `_entities` representations, `@requires` values, `_service`). The subgraph
 * still verifies the caller's JWT on top: the signature says "this came through the gateway", the
 * token says who asked.
 *
 * The MAC covers the method, the path, the timestamp, the Authorization header and the body (each
 * hashed), so a signature cannot be moved to another token, another body or another endpoint.
 * Subgraphs calling an owner subgraph for a reference check (lookups) sign the same way.
 */
export const SIGNATURE_HEADER = 'x-tidelink-signature';
export const SIGNATURE_TIMESTAMP_HEADER = 'x-tidelink-timestamp';
const SCHEME = 'v1';

export interface SignedMaterial {
  method: string;
  /** The request path, without host (e.g. `/graphql`). */
  path: string;
  authorization: string | undefined;
  body: string | Buffer;
}

/** One-shot digest: no Hash object per value (every hop hashes its body and its Authorization). */
function sha256(value: string | Buffer): string {
  return hash('sha256', value, 'hex');
}

/** The secret as a key object, made once per secret rather than once per signature. */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    // A process knows one or two secrets (rotation); the bound only keeps a mistake from growing it.
    if (keys.size >= 16) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

function mac(secret: string, material: SignedMaterial, timestamp: string): Buffer {
  return createHmac('sha256', keyOf(secret))
    .update(
      [SCHEME, material.method.toUpperCase(), material.path, timestamp, sha256(material.authorization ?? ''), sha256(material.body)].join(
        '\n',
      ),
    )
    .digest();
}

/** The two headers a signed request carries. */
export function signRequest(secret: string, material: SignedMaterial, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    [SIGNATURE_TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `${SCHEME}=${mac(secret, material, timestamp).toString('hex')}`,
  };
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'UNSIGNED' | 'STALE' | 'BAD_SIGNATURE' };

/** Checks a request's signature and its age (seconds either way, for clock skew). */
export function verifyRequestSignature(
  secret: string,
  material: SignedMaterial,
  headers: { signature: string | undefined; timestamp: string | undefined },
  maxAgeSeconds: number,
  nowMs = Date.now(),
): SignatureCheck {
  if (!headers.signature || !headers.timestamp) return { valid: false, reason: 'UNSIGNED' };
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { valid: false, reason: 'BAD_SIGNATURE' };
  if (Math.abs(nowMs / 1000 - Number(headers.timestamp)) > maxAgeSeconds) return { valid: false, reason: 'STALE' };
  const match = /^v1=([0-9a-f]{64})$/.exec(headers.signature);
  if (!match) return { valid: false, reason: 'BAD_SIGNATURE' };
  const expected = mac(secret, material, headers.timestamp);
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { valid: true } : { valid: false, reason: 'BAD_SIGNATURE' };
}
