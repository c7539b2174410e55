import { z } from 'zod';
import { ORGANISATION } from './organisation.js';

/** Development-only signing secret: refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'tidelink-development-secret-do-not-use-in-production';
/** Development-only password of the application's database roles (`<database>_app`); refused in production. */
export const DEVELOPMENT_DATABASE_APP_PASSWORD = 'tidelink-app-development-password';
/** Development-only secret the gateway signs subgraph requests with (request-signing.ts); refused in production. */
export const DEVELOPMENT_SUBGRAPH_SIGNING_SECRET = 'tidelink-development-subgraph-signing-do-not-use';

const port = z.coerce.number().int().min(0).max(65535);
/** HMAC keys are bytes: a 32-character secret in a multi-byte script is longer, one in ASCII is exactly 32. */
const MIN_SECRET_BYTES = 32;
const secret = z
  .string()
  .refine((value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes`);
const url = z.url();
// OTLP/HTTP collectors: http(s) only, so a typo like "localhost:4318" is refused rather than ignored.
const httpUrl = z.url().refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL');
const postgresUrl = z.url().refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');
const redisUrl = z.url().refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL');
const perMinute = z.coerce.number().int().min(0).max(1_000_000_000);

/** An organisation's own limits (`org` claim of its tokens); what is left out is the default. */
const organisationLimits = z.object({ requestsPerMinute: perMinute.optional(), costPerMinute: perMinute.optional() }).strict();
/** RATE_LIMITS: JSON, `{ "<organisation>": { "requestsPerMinute": n, "costPerMinute": n } }`. */
const rateLimits = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be JSON: { "<organisation>": { "requestsPerMinute": n, "costPerMinute": n } }' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(ORGANISATION, 'organisation names are 1–64 letters, digits, ".", "_" or "-"'), organisationLimits));

const environment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: port.default(4000),
  POLICE_PORT: port.default(4001),
  ASSISTANCE_PORT: port.default(4002),
  PROSECUTION_PORT: port.default(4003),
  HOST: z.string().min(1).default('0.0.0.0'),
  POLICE_URL: url.optional(),
  ASSISTANCE_URL: url.optional(),
  PROSECUTION_URL: url.optional(),
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  DATABASE_URL: postgresUrl.optional(),
  POLICE_DATABASE_URL: postgresUrl.optional(),
  ASSISTANCE_DATABASE_URL: postgresUrl.optional(),
  PROSECUTION_DATABASE_URL: postgresUrl.optional(),
  // Subgraphs run migrations as the URL's user (the owner), then connect as `<database>_app` with this
  // password: a role that owns nothing and may only read and append the access log.
  DATABASE_APP_PASSWORD: z.string().min(16, 'must be at least 16 characters').optional(),
  // A role made by the operator (managed PostgreSQL): used as is with DATABASE_APP_PASSWORD; nothing is created.
  DATABASE_APP_USER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/, 'must be a PostgreSQL role name')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: port.default(5488),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  JWT_SECRET: secret.optional(),
  // PEM (SPKI) public key for RS256/ES256 tokens; literal "\n" sequences are read as newlines.
  JWT_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY', { error: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)' }).optional(),
  JWT_JWKS_URL: url.optional(),
  JWT_ISSUER: z.string().min(1).default('tidelink'),
  JWT_AUDIENCE: z.string().min(1).default('tidelink'),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  // A token whose exp - iat exceeds this is refused however it was signed (12 hours by default).
  JWT_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(43_200),
  // The gateway signs every subgraph request with this (HMAC-SHA256); subgraphs refuse unsigned or stale ones.
  SUBGRAPH_SIGNING_SECRET: secret.optional(),
  SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  // Loopback port of the signing sidecar next to an Apollo Router (gateway/signing-proxy.ts).
  SIGNING_PROXY_PORT: port.default(4090),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  // Identical reads of the same caller in flight together share one subgraph call (never mutations).
  SUBGRAPH_DEDUPLICATION: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  // Gateway processes sharing its port (node:cluster); 1 runs the gateway in the main process.
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // Gateway responses at least this large are compressed for clients that accept it; 0 turns it off.
  RESPONSE_COMPRESSION_MIN_BYTES: z.coerce.number().int().min(0).max(100_000_000).default(2048),
  // V8 lets the old generation grow to about 4× what survives a full GC under a high allocation rate;
  // the gateway caps that factor at 1 + this/100 (0 leaves V8's default).
  GATEWAY_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(1000).default(100),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(10000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  // A request (headers and body) must have arrived within this, however slowly it keeps coming: a
  // dribbled body cannot hold a connection (Node's server.requestTimeout, 408 past it).
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  // The headers alone within this (Node's server.headersTimeout); at most HTTP_REQUEST_TIMEOUT_MS.
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
  // GET /metrics answers only `Authorization: Bearer <this>`; unset, /metrics is open outside
  // production and not served in production (Prometheus sends it as `authorization.credentials`).
  METRICS_TOKEN: secret.optional(),
  // GraphiQL at GET /graphql (Accept: text/html): always outside production, in production only with IDE=true.
  IDE: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(50),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(10).max(100_000).default(2000),
  QUERY_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  // Per organisation (token `org` claim), and per caller (subject) without one; 0 = no limit (gateway/organisation-limits.ts).
  RATE_LIMIT_REQUESTS_PER_MINUTE: perMinute.default(1200),
  RATE_LIMIT_COST_PER_MINUTE: perMinute.default(2_000_000),
  RATE_LIMITS: rateLimits.optional(),
  // Limits shared by every gateway process through this Redis; unset, each process counts alone (in memory).
  REDIS_URL: redisUrl.optional(),
  RATE_LIMIT_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, 'must be 1–64 letters, digits, ":", ".", "_" or "-"')
    .default('tidelink:limits'),
  // Trusted documents (gateway/trusted-documents.ts); the default depends on NODE_ENV (loadConfig).
  PERSISTED_DOCUMENTS: z.enum(['off', 'allow', 'require']).optional(),
  PERSISTED_DOCUMENTS_SCOPE: z.enum(['partners', 'all']).default('partners'),
  PERSISTED_DOCUMENTS_PATH: z.string().min(1).default('schema/trusted-documents.json'),
  LOG_FILE: z.string().min(1).optional(),
  K_ANONYMITY: z.coerce.number().int().min(2).max(1000).default(11),
  // OpenTelemetry (standard names): tracing is on only when an OTLP endpoint is set (tracing.ts).
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('tidelink'),
  OTEL_SDK_DISABLED: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  OTEL_TRACES_SAMPLER: z
    .enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'])
    .default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(0).max(600_000).default(5000),
});

/** Every variable Tidelink reads (compose and deployment files are checked against this list). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(environment.shape);

/**
 * JWT_SECRET is the development secret outside production when no key of any kind is configured;
 * SUBGRAPH_SIGNING_SECRET is always set (its development value outside production when unset).
 */
export type Config = Omit<z.infer<typeof environment>, 'SUBGRAPH_SIGNING_SECRET' | 'PERSISTED_DOCUMENTS'> & {
  SUBGRAPH_SIGNING_SECRET: string;
  PERSISTED_DOCUMENTS: 'off' | 'allow' | 'require';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; lists every problem rather than stopping at the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`FOO=` in compose files and shells) means "not set".
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environment.safeParse(set);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Checked on the raw values too, so it is listed even when other variables are invalid.
  const anyKey = Boolean(set.JWT_SECRET || set.JWT_PUBLIC_KEY || set.JWT_JWKS_URL);
  if (set.NODE_ENV === 'production') problems.push(...productionSecretProblems(set, anyKey));
  if (parsed.success && parsed.data.HTTP_HEADERS_TIMEOUT_MS > parsed.data.HTTP_REQUEST_TIMEOUT_MS)
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  if (parsed.success) problems.push(...rateLimitProblems(parsed.data));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const production = parsed.data.NODE_ENV === 'production';
  const developmentSecret = !production && !anyKey ? DEVELOPMENT_JWT_SECRET : undefined;
  return {
    ...parsed.data,
    DATABASE_APP_PASSWORD:
      parsed.data.DATABASE_APP_PASSWORD ?? (parsed.data.NODE_ENV !== 'production' ? DEVELOPMENT_DATABASE_APP_PASSWORD : undefined),
    JWT_SECRET: parsed.data.JWT_SECRET ?? developmentSecret,
    // Production without a value was refused above.
    SUBGRAPH_SIGNING_SECRET: parsed.data.SUBGRAPH_SIGNING_SECRET ?? DEVELOPMENT_SUBGRAPH_SIGNING_SECRET,
    // Production refuses documents no known client registered (for partners, by default); development accepts both.
    PERSISTED_DOCUMENTS: parsed.data.PERSISTED_DOCUMENTS ?? (production ? 'require' : 'allow'),
  };
}

/**
 * A cost budget per minute below QUERY_MAX_COST would refuse a query the gateway accepts alone, for
 * ever: listed, for the default and for each organisation.
 */
function rateLimitProblems(data: z.infer<typeof environment>): string[] {
  const problems: string[] = [];
  const check = (name: string, cost: number | undefined) => {
    if (cost !== undefined && cost > 0 && cost < data.QUERY_MAX_COST)
      problems.push(
        `${name}: a cost per minute of ${cost} is below QUERY_MAX_COST (${data.QUERY_MAX_COST}); use at least that, or 0 for no limit`,
      );
  };
  check('RATE_LIMIT_COST_PER_MINUTE', data.RATE_LIMIT_COST_PER_MINUTE);
  for (const [organisation, limits] of Object.entries(data.RATE_LIMITS ?? {}))
    check(`RATE_LIMITS.${organisation}.costPerMinute`, limits.costPerMinute);
  return problems;
}

/**
 * The secrets published in this repository open nothing in production: both development values are
 * refused, and so is a signing secret equal to the JWT secret (one leak must not give both powers).
 * Lengths are checked by the schema, so a short secret is listed there.
 */
function productionSecretProblems(set: NodeJS.ProcessEnv, anyKey: boolean): string[] {
  const problems: string[] = [];
  if (!anyKey) problems.push('JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: one is required when NODE_ENV=production');
  if (set.JWT_SECRET === DEVELOPMENT_JWT_SECRET)
    problems.push('JWT_SECRET: the published development secret is refused when NODE_ENV=production');
  if (!set.SUBGRAPH_SIGNING_SECRET) {
    problems.push('SUBGRAPH_SIGNING_SECRET: required when NODE_ENV=production (subgraphs accept only requests the gateway signed with it)');
  } else if (set.SUBGRAPH_SIGNING_SECRET === DEVELOPMENT_SUBGRAPH_SIGNING_SECRET) {
    problems.push('SUBGRAPH_SIGNING_SECRET: the published development secret is refused when NODE_ENV=production');
  } else if (set.JWT_SECRET && set.SUBGRAPH_SIGNING_SECRET === set.JWT_SECRET) {
    problems.push('SUBGRAPH_SIGNING_SECRET: must differ from JWT_SECRET');
  }
  if (set.METRICS_TOKEN && (set.METRICS_TOKEN === set.JWT_SECRET || set.METRICS_TOKEN === set.SUBGRAPH_SIGNING_SECRET))
    problems.push('METRICS_TOKEN: must differ from JWT_SECRET and SUBGRAPH_SIGNING_SECRET');
  return problems;
}

/** Whether the gateway serves GraphiQL: outside production unless IDE=false, in production only with IDE=true. */
export function ideEnabled(config: Pick<Config, 'NODE_ENV' | 'IDE'>): boolean {
  return config.IDE ?? config.NODE_ENV !== 'production';
}

/** For `main` scripts: print the problems and exit non-zero instead of a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
