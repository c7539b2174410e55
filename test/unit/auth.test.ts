import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { mintToken, TokenVerifier } from '../../platform/auth.js';
import { loadConfig } from '../../platform/config.js';

const config = loadConfig({});
type CryptoKeyLike = Parameters<SignJWT['sign']>[0];
const verifier = new TokenVerifier(config);

async function sign(claims: Record<string, unknown>, options: { secret?: string; audience?: string; expires?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(config.JWT_ISSUER)
    .setAudience(options.audience ?? config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? config.JWT_SECRET));
}

async function reasonFor(header: string | undefined): Promise<string> {
  try {
    await verifier.verifyAuthorization(header);
    return 'accepted';
  } catch (error) {
    expect((error as { extensions: { code: string } }).extensions.code).toBe('UNAUTHENTICATED');
    return (error as Error).message;
  }
}

describe('token verification', () => {
  it('accepts a minted token and exposes sub, agency and country', async () => {
    const token = await mintToken(config, { subject: 'officer-7', agency: 'POLICE', country: 'DOM' });
    await expect(verifier.verifyAuthorization(`Bearer ${token}`)).resolves.toEqual({
      subject: 'officer-7',
      agency: 'POLICE',
      country: 'DOM',
    });
  });

  it.each([
    ['no header', undefined, /missing Authorization/],
    ['not a bearer header', 'Basic abc', /Bearer/],
    ['garbage', 'Bearer not.a.jwt', /malformed/],
  ])('refuses %s', async (_name, header, reason) => {
    expect(await reasonFor(header)).toMatch(reason);
  });

  it('carries the organisation of an `org` claim, and refuses one that is not a name', async () => {
    const token = await mintToken(config, { subject: 'partner-1', agency: 'PARTNER', country: 'DOM', organisation: 'unhcr-data' });
    await expect(verifier.verifyAuthorization(`Bearer ${token}`)).resolves.toEqual({
      subject: 'partner-1',
      agency: 'PARTNER',
      country: 'DOM',
      organisation: 'unhcr-data',
    });
    const odd = await sign({ agency: 'PARTNER', country: 'DOM', org: 'a b/c' });
    expect(await reasonFor(`Bearer ${odd}`)).toMatch(/org/);
  });

  it('refuses a token signed with another secret (forged)', async () => {
    const forged = await sign({ agency: 'POLICE', country: 'DOM' }, { secret: 'an-attacker-chosen-secret-of-enough-length' });
    expect(await reasonFor(`Bearer ${forged}`)).toMatch(/signature/);
  });

  it('refuses an expired token, a wrong audience and unknown claims', async () => {
    const expired = await sign({ agency: 'POLICE', country: 'DOM' }, { expires: '-10m' });
    expect(await reasonFor(`Bearer ${expired}`)).toMatch(/expired/);
    const otherAudience = await sign({ agency: 'POLICE', country: 'DOM' }, { audience: 'someone-else' });
    expect(await reasonFor(`Bearer ${otherAudience}`)).toMatch(/aud/);
    const badAgency = await sign({ agency: 'JOURNALIST', country: 'DOM' });
    expect(await reasonFor(`Bearer ${badAgency}`)).toMatch(/agency/);
    const badCountry = await sign({ agency: 'IOM', country: 'XX' });
    expect(await reasonFor(`Bearer ${badCountry}`)).toMatch(/country/);
  });
});

describe('verified-token cache', () => {
  it('never outlives the token: a cached token is refused once it expires', async () => {
    const fresh = new TokenVerifier({ ...config, JWT_CLOCK_TOLERANCE_SECONDS: 0 });
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const soon = await new SignJWT({ agency: 'POLICE', country: 'DOM' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(config.JWT_SECRET));
    await expect(fresh.verify(soon)).resolves.toMatchObject({ agency: 'POLICE' });
    await expect(fresh.verify(soon)).resolves.toMatchObject({ agency: 'POLICE' });
    // A sleep on purpose: time passing is what is tested (the cache must not outlive `exp`). It lasts
    // until the expiry second has begun, no longer.
    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 10));
    await expect(fresh.verify(soon)).rejects.toThrow(/expired/);
  });

  it('keys on the whole token: a cached token with its signature altered is refused', async () => {
    const fresh = new TokenVerifier(config);
    const token = await mintToken(config, { subject: 'officer-7', agency: 'POLICE', country: 'DOM' });
    await fresh.verify(token);
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(fresh.verify(altered)).rejects.toThrow(/signature|malformed/);
    const otherClaims = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), agency: 'AUDITOR' }),
    ).toString('base64url');
    await expect(fresh.verify(`${header}.${otherClaims}.${signature}`)).rejects.toThrow(/signature/);
  });
});

describe('asymmetric tokens (RS256)', () => {
  const settings = { ...loadConfig({}), JWT_SECRET: undefined };
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  beforeAll(async () => {
    keys = await generateKeyPair('RS256', { extractable: true });
  });

  const rs256 = (key: CryptoKeyLike, claims: Record<string, unknown> = { agency: 'PROSECUTOR', country: 'ITA' }, kid = 'k1') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('pm-agrigento')
      .setIssuer(settings.JWT_ISSUER)
      .setAudience(settings.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('verifies with a PEM public key, and refuses HS256 when no secret is configured', async () => {
    const verifier = new TokenVerifier({ ...settings, JWT_PUBLIC_KEY: await exportSPKI(keys.publicKey) });
    await expect(verifier.verify(await rs256(keys.privateKey))).resolves.toEqual({
      subject: 'pm-agrigento',
      agency: 'PROSECUTOR',
      country: 'ITA',
    });
    const hs = await mintToken(loadConfig({}), { subject: 'x', agency: 'POLICE', country: 'DOM' });
    await expect(verifier.verify(hs)).rejects.toThrow(/HS256 are not accepted/);
    const other = await generateKeyPair('RS256');
    await expect(verifier.verify(await rs256(other.privateKey))).rejects.toThrow(/signature/);
  });

  it('verifies against the keys a JWKS URL publishes (a real HTTP server on loopback)', async () => {
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const verifier = new TokenVerifier({ ...settings, JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
      await expect(verifier.verify(await rs256(keys.privateKey))).resolves.toMatchObject({ agency: 'PROSECUTOR' });
      await expect(verifier.verify(await rs256(keys.privateKey, { agency: 'PROSECUTOR', country: 'ITA' }, 'unknown-kid'))).rejects.toThrow(
        /no published key/,
      );
    } finally {
      server.close();
    }
  });

  it('tolerates only the configured clock skew', async () => {
    const verifier = new TokenVerifier({ ...loadConfig({}), JWT_CLOCK_TOLERANCE_SECONDS: 5 });
    const justExpired = await new SignJWT({ agency: 'IOM', country: 'DOM' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3)
      .sign(new TextEncoder().encode(config.JWT_SECRET));
    await expect(verifier.verify(justExpired)).resolves.toMatchObject({ agency: 'IOM' });
    const longExpired = await new SignJWT({ agency: 'IOM', country: 'DOM' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 30)
      .sign(new TextEncoder().encode(config.JWT_SECRET));
    await expect(verifier.verify(longExpired)).rejects.toThrow(/expired/);
  });
});

describe('token lifetime (JWT_MAX_LIFETIME_SECONDS) and issue time', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const timed = (iat: number | null, exp: number) => {
    const jwt = new SignJWT({ agency: 'POLICE', country: 'DOM' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setExpirationTime(exp);
    if (iat !== null) jwt.setIssuedAt(iat);
    return jwt.sign(new TextEncoder().encode(config.JWT_SECRET));
  };
  const refusal = async (token: string) => {
    try {
      await new TokenVerifier(config).verify(token);
      return null;
    } catch (error) {
      return { message: (error as Error).message, extensions: (error as { extensions: Record<string, unknown> }).extensions };
    }
  };

  it('defaults to 12 hours', () => {
    expect(config.JWT_MAX_LIFETIME_SECONDS).toBe(43_200);
  });

  it('refuses a 100-year token, with the reason', async () => {
    const refused = await refusal(await timed(now(), now() + 100 * 365 * 24 * 3600));
    expect(refused?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_LIFETIME_TOO_LONG' });
    expect(refused?.message).toMatch(/lifetime \(exp - iat\) exceeds 43200 seconds/);
  });

  it('accepts exactly the maximum lifetime and refuses one second more', async () => {
    const issued = now() - 10;
    expect(await refusal(await timed(issued, issued + 43_200))).toBeNull();
    expect((await refusal(await timed(issued, issued + 43_201)))?.extensions.reason).toBe('TOKEN_LIFETIME_TOO_LONG');
    // The limit is configurable.
    const strict = new TokenVerifier({ ...config, JWT_MAX_LIFETIME_SECONDS: 3600 });
    await expect(strict.verify(await timed(issued, issued + 7200))).rejects.toThrow(/exceeds 3600 seconds/);
  });

  it('requires iat: without it a lifetime cannot be bounded', async () => {
    expect((await refusal(await timed(null, now() + 600)))?.message).toMatch(/"iat" missing/);
  });

  it('refuses a token issued in the future beyond the clock tolerance, and tolerates the skew within it', async () => {
    const refused = await refusal(await timed(now() + 3600, now() + 7200));
    expect(refused?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_ISSUED_IN_FUTURE' });
    // Within JWT_CLOCK_TOLERANCE_SECONDS (30): a clock a few seconds ahead at the issuer.
    expect(await refusal(await timed(now() + 10, now() + 600))).toBeNull();
    expect((await refusal(await timed(now() + 60, now() + 600)))?.extensions.reason).toBe('TOKEN_ISSUED_IN_FUTURE');
  });

  it('refuses lower-case country codes in tokens', async () => {
    const lower = await sign({ agency: 'POLICE', country: 'dom' });
    await expect(verifier.verify(lower)).rejects.toThrow(/country/);
  });

  it('the demo token (npm run token, mintToken) lives 8 hours and passes', async () => {
    const token = await mintToken(config, { subject: 'demo', agency: 'IOM', country: 'DOM' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(8 * 3600);
    await expect(new TokenVerifier(config).verify(token)).resolves.toMatchObject({ agency: 'IOM' });
  });
});
