import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  SignJWT,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { AuthenticationError } from './errors.js';
import { isCountryCode } from './country-code.js';
import { ORGANISATION } from './organisation.js';
import type { Config } from './config.js';

export const AGENCIES = ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER', 'AUDITOR'] as const;
export type Agency = (typeof AGENCIES)[number];

/** The authenticated caller, as every subgraph and the gateway see it. */
export interface Viewer {
  subject: string;
  agency: Agency;
  country: string;
  /** The partner organisation the token speaks for (`org` claim), if any: the gateway's limits count per organisation. */
  organisation?: string;
}

const claims = z.object({
  sub: z.string().min(1),
  agency: z.enum(AGENCIES),
  country: z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-3 code'),
  org: z.string().regex(ORGANISATION, 'must be 1–64 letters, digits, ".", "_" or "-"').optional(),
});

type TokenSettings = Pick<
  Config,
  | 'JWT_SECRET'
  | 'JWT_PUBLIC_KEY'
  | 'JWT_JWKS_URL'
  | 'JWT_ISSUER'
  | 'JWT_AUDIENCE'
  | 'JWT_CLOCK_TOLERANCE_SECONDS'
  | 'JWT_MAX_LIFETIME_SECONDS'
>;

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];

/**
 * A verified token is remembered for at most this long (and never past its expiry): a client sends
 * the same token on every request, and each hop verifies it, so this saves a signature check (WebCrypto,
 * the largest single CPU cost per request at the gateway) without letting a rotated-out key live long.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Verifies bearer tokens for the configured issuer and audience, on every hop. HS256 with
 * JWT_SECRET; RS256 (and other asymmetric algorithms) with JWT_PUBLIC_KEY or the keys published at
 * JWT_JWKS_URL. An algorithm without a configured key is refused.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array | null;
  private publicKey: ReturnType<typeof importSPKI> | null = null;
  private readonly jwks: JWTVerifyGetKey | null;
  /** Only successful verifications, keyed by the whole token: a per-process cache that only saves work. */
  private readonly verified = new LRUCache<string, Viewer>({ max: VERIFIED_TOKENS_KEPT, ttl: VERIFIED_TOKEN_TTL_MS });

  constructor(private readonly settings: TokenSettings) {
    this.secret = settings.JWT_SECRET ? new TextEncoder().encode(settings.JWT_SECRET) : null;
    this.jwks = settings.JWT_JWKS_URL ? createRemoteJWKSet(new URL(settings.JWT_JWKS_URL)) : null;
  }

  async verifyAuthorization(header: string | undefined): Promise<Viewer> {
    if (!header) throw new AuthenticationError('missing Authorization header');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthenticationError('Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Viewer> {
    const known = this.verified.get(token);
    if (known) return known;
    const { viewer, expiresAtMs } = await this.verifySignature(token);
    const remainingMs = Math.min(VERIFIED_TOKEN_TTL_MS, expiresAtMs - Date.now());
    // lru-cache reads a ttl of 0 as "forever": a token accepted only through clock tolerance is not kept.
    if (remainingMs >= 1000) this.verified.set(token, viewer, { ttl: remainingMs });
    return viewer;
  }

  private async verifySignature(token: string): Promise<{ viewer: Viewer; expiresAtMs: number }> {
    let payload: unknown;
    try {
      const { alg } = decodeProtectedHeader(token);
      const options = {
        issuer: this.settings.JWT_ISSUER,
        audience: this.settings.JWT_AUDIENCE,
        clockTolerance: this.settings.JWT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
      };
      if (alg === 'HS256' && this.secret) {
        ({ payload } = await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] }));
      } else if (alg && ASYMMETRIC.includes(alg) && this.jwks) {
        ({ payload } = await jwtVerify(token, this.jwks, { ...options, algorithms: ASYMMETRIC }));
      } else if (alg && ASYMMETRIC.includes(alg) && this.settings.JWT_PUBLIC_KEY) {
        ({ payload } = await jwtVerify(token, await this.key(alg), { ...options, algorithms: [alg] }));
      } else {
        throw new AuthenticationError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted here`);
      }
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(describeJoseError(error));
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) {
      throw new AuthenticationError(
        `invalid claims (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
      );
    }
    // exp and iat are required and numeric (jwtVerify); the tolerance is deliberately not added to exp here.
    const { exp, iat } = payload as { exp: number; iat: number };
    this.checkLifetime(iat, exp);
    const expiresAtMs = exp * 1000;
    const { sub: subject, agency, country, org } = parsed.data;
    return { viewer: { subject, agency, country, ...(org !== undefined ? { organisation: org } : {}) }, expiresAtMs };
  }

  /**
   * A stolen long-lived token stays useful for its whole life, so a token may live at most
   * JWT_MAX_LIFETIME_SECONDS from its issue; one issued in the future (beyond the clock tolerance)
   * would extend that window, and is refused too.
   */
  private checkLifetime(iat: number, exp: number): void {
    const nowSeconds = Date.now() / 1000;
    if (iat > nowSeconds + this.settings.JWT_CLOCK_TOLERANCE_SECONDS)
      throw new AuthenticationError('token issued in the future (iat)', 'TOKEN_ISSUED_IN_FUTURE');
    if (exp - iat > this.settings.JWT_MAX_LIFETIME_SECONDS) {
      throw new AuthenticationError(
        `token lifetime (exp - iat) exceeds ${this.settings.JWT_MAX_LIFETIME_SECONDS} seconds`,
        'TOKEN_LIFETIME_TOO_LONG',
      );
    }
  }

  private key(alg: string): ReturnType<typeof importSPKI> {
    this.publicKey ??= importSPKI((this.settings.JWT_PUBLIC_KEY ?? '').replace(/\\n/g, '\n'), alg);
    return this.publicKey;
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" ${error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no published key matches the token';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  return 'malformed or unverifiable token';
}

export interface TokenRequest {
  subject: string;
  agency: Agency;
  country: string;
  expiresIn?: string;
  /** The `org` claim: the partner organisation the token speaks for. */
  organisation?: string;
}

/** Mints a signed demo token with JWT_SECRET (HS256): the `npm run token` script and tests. */
export async function mintToken(
  settings: Pick<Config, 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>,
  request: TokenRequest,
): Promise<string> {
  if (!settings.JWT_SECRET) throw new Error('minting demo tokens needs JWT_SECRET (or no key configured, outside production)');
  return new SignJWT({
    agency: request.agency,
    country: request.country,
    ...(request.organisation !== undefined ? { org: request.organisation } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(settings.JWT_ISSUER)
    .setAudience(settings.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(settings.JWT_SECRET));
}
