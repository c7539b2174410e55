import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { isISO31661Alpha3 } from 'class-validator';
import { AuthenticationError } from './errors.js';
import type { Config } from './config.js';

export const AGENCIES = ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER', 'AUDITOR'] as const;
export type Agency = (typeof AGENCIES)[number];

/** The authenticated caller, as every subgraph and the gateway see it. */
export interface Viewer {
  subject: string;
  agency: Agency;
  country: string;
}

const claims = z.object({
  sub: z.string().min(1),
  agency: z.enum(AGENCIES),
  country: z.string().refine(isISO31661Alpha3, 'must be an ISO 3166-1 alpha-3 code'),
});

type TokenSettings = Pick<Config, 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_CLOCK_TOLERANCE_SECONDS'>;

/** Verifies bearer tokens (HS256) for the issuer and audience configured; every caller, every hop. */
export class TokenVerifier {
  private readonly key: Uint8Array;

  constructor(private readonly settings: TokenSettings) {
    this.key = new TextEncoder().encode(settings.JWT_SECRET);
  }

  async verifyAuthorization(header: string | undefined): Promise<Viewer> {
    if (!header) throw new AuthenticationError('missing Authorization header');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthenticationError('Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Viewer> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.settings.JWT_ISSUER,
        audience: this.settings.JWT_AUDIENCE,
        clockTolerance: this.settings.JWT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new AuthenticationError(describeJoseError(error));
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) {
      throw new AuthenticationError(
        `invalid claims (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
      );
    }
    return { subject: parsed.data.sub, agency: parsed.data.agency, country: parsed.data.country };
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" ${error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  return 'malformed or unverifiable token';
}

export interface TokenRequest {
  subject: string;
  agency: Agency;
  country: string;
  expiresIn?: string;
}

/** Mints a signed demo token (the `npm run token` script and tests). */
export async function mintToken(settings: TokenSettings, request: TokenRequest): Promise<string> {
  return new SignJWT({ agency: request.agency, country: request.country })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(settings.JWT_ISSUER)
    .setAudience(settings.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(settings.JWT_SECRET));
}
