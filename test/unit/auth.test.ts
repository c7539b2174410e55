import { SignJWT } from 'jose';
import { mintToken, TokenVerifier } from '../../subgraphs/shared/auth.js';
import { loadConfig } from '../../subgraphs/shared/config.js';

const config = loadConfig({});
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
