import {
  signRequest,
  verifyRequestSignature,
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  type SignedMaterial,
} from '../../platform/request-signing.js';

const SECRET = 's'.repeat(40);
const NOW = 1_780_000_000_000;
const material: SignedMaterial = { method: 'POST', path: '/graphql', authorization: 'Bearer abc', body: '{"query":"{ __typename }"}' };

function check(changed: Partial<SignedMaterial>, options: { signedAt?: number; checkedAt?: number; secret?: string } = {}) {
  const headers = signRequest(options.secret ?? SECRET, material, options.signedAt ?? NOW);
  return verifyRequestSignature(
    SECRET,
    { ...material, ...changed },
    { signature: headers[SIGNATURE_HEADER], timestamp: headers[SIGNATURE_TIMESTAMP_HEADER] },
    30,
    options.checkedAt ?? NOW,
  );
}

describe('request signing (gateway → subgraph)', () => {
  it('accepts the very request signed, in seconds, with a v1 scheme', () => {
    expect(check({})).toEqual({ valid: true });
    const headers = signRequest(SECRET, material, NOW);
    expect(headers[SIGNATURE_TIMESTAMP_HEADER]).toBe(String(NOW / 1000));
    expect(headers[SIGNATURE_HEADER]).toMatch(/^v1=[0-9a-f]{64}$/);
    // Buffer and string bodies with the same bytes sign alike (the subgraph checks the raw bytes).
    expect(check({ body: Buffer.from(material.body as string) })).toEqual({ valid: true });
  });

  it.each<[string, Partial<SignedMaterial>]>([
    ['another body', { body: '{"query":"{ _service { sdl } }"}' }],
    ['another token', { authorization: 'Bearer xyz' }],
    ['no token', { authorization: undefined }],
    ['another path', { path: '/graphql?x=1' }],
    ['another method', { method: 'GET' }],
  ])('refuses the signature moved to %s', (_name, changed) => {
    expect(check(changed)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses another secret, and tolerates the method case', () => {
    expect(check({}, { secret: 'o'.repeat(40) })).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(check({ method: 'post' })).toEqual({ valid: true });
  });

  it('is stale beyond the maximum age either way, not within it', () => {
    expect(check({}, { checkedAt: NOW + 30_000 })).toEqual({ valid: true });
    expect(check({}, { checkedAt: NOW + 31_000 })).toEqual({ valid: false, reason: 'STALE' });
    expect(check({}, { checkedAt: NOW - 31_000 })).toEqual({ valid: false, reason: 'STALE' });
  });

  it('reads missing headers as unsigned and malformed ones as bad', () => {
    const verify = (signature: string | undefined, timestamp: string | undefined) =>
      verifyRequestSignature(SECRET, material, { signature, timestamp }, 30, NOW);
    expect(verify(undefined, String(NOW / 1000))).toEqual({ valid: false, reason: 'UNSIGNED' });
    expect(verify('v1=00', undefined)).toEqual({ valid: false, reason: 'UNSIGNED' });
    expect(verify(`v1=${'0'.repeat(64)}`, 'soon')).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verify(`v2=${'0'.repeat(64)}`, String(NOW / 1000))).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verify(`v1=${'0'.repeat(64)}`, String(NOW / 1000))).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
  });
});
