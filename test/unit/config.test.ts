import { ConfigError, DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SUBGRAPH_SIGNING_SECRET, loadConfig } from '../../platform/config.js';
import { tracingSettings } from '../../platform/tracing.js';

describe('configuration', () => {
  it('uses the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect([config.POLICE_PORT, config.ASSISTANCE_PORT, config.PROSECUTION_PORT]).toEqual([4001, 4002, 4003]);
    expect(config.SUPERGRAPH_PATH).toBe('schema/supergraph.graphql');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('reads per-organisation limits from RATE_LIMITS and lists every problem in it', () => {
    const config = loadConfig({ RATE_LIMITS: '{"acme":{"requestsPerMinute":60},"big":{"costPerMinute":500000}}' });
    expect(config.RATE_LIMITS).toEqual({ acme: { requestsPerMinute: 60 }, big: { costPerMinute: 500000 } });
    expect([config.RATE_LIMIT_REQUESTS_PER_MINUTE, config.RATE_LIMIT_COST_PER_MINUTE]).toEqual([1200, 2_000_000]);
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problemsOf({ RATE_LIMITS: 'acme=60' })).toEqual([expect.stringMatching(/^RATE_LIMITS: must be JSON/)]);
    const problems = problemsOf({
      RATE_LIMITS: '{"acme":{"requestsPerMinute":-1,"burst":3},"b c":{},"ok":{"costPerMinute":10}}',
      REDIS_URL: 'http://cache',
    });
    expect(problems.join('\n')).toMatch(/RATE_LIMITS\.acme\.requestsPerMinute/);
    expect(problems.join('\n')).toMatch(/RATE_LIMITS\.acme: Unrecognized key/);
    expect(problems.join('\n')).toMatch(/RATE_LIMITS\.b c/);
    expect(problems.join('\n')).toMatch(/REDIS_URL: must be a redis/);
    // A budget below one query's largest cost would refuse that query for ever.
    expect(problemsOf({ RATE_LIMITS: '{"ok":{"costPerMinute":10}}' })).toEqual([
      expect.stringMatching(/^RATE_LIMITS\.ok\.costPerMinute: a cost per minute of 10 is below QUERY_MAX_COST/),
    ]);
  });

  it('requires trusted documents in production (for partners) and allows any document in development', () => {
    expect(loadConfig({}).PERSISTED_DOCUMENTS).toBe('allow');
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), SUBGRAPH_SIGNING_SECRET: 's'.repeat(40) });
    expect([production.PERSISTED_DOCUMENTS, production.PERSISTED_DOCUMENTS_SCOPE]).toEqual(['require', 'partners']);
    expect(loadConfig({ PERSISTED_DOCUMENTS: 'off' }).PERSISTED_DOCUMENTS).toBe('off');
  });

  it('lists every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'loud', NODE_ENV: 'production' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const variable of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL']) expect(problems).toContain(variable);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32 bytes/);
  });

  it('refuses production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: one is required/);
    const signing = { SUBGRAPH_SIGNING_SECRET: 's'.repeat(40) };
    expect(loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', ...signing }).JWT_SECRET).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ...signing }).JWT_SECRET).toBe('x'.repeat(40));
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', POLICE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('turns tracing on only with an OTLP endpoint, with the standard variables', () => {
    expect(tracingSettings(loadConfig({}))).toBeNull();
    expect(tracingSettings(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }))).toBeNull();
    // The base endpoint gets the signal path; the per-signal one is used as is and wins.
    expect(tracingSettings(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/' }))).toEqual({
      tracesUrl: 'http://jaeger:4318/v1/traces',
      serviceName: 'tidelink',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      scheduleDelayMs: 5000,
    });
    const traces = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces',
      OTEL_SERVICE_NAME: 'tidelink-police',
    });
    expect(tracingSettings(traces)).toMatchObject({ tracesUrl: 'https://b/otlp/traces', serviceName: 'tidelink-police' });
    expect(tracingSettings(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' }))).toBeNull();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });
});

describe('production secrets', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };
  const good = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), SUBGRAPH_SIGNING_SECRET: 's'.repeat(40) };

  it('starts with two distinct secrets of 32 bytes or more', () => {
    expect(loadConfig(good).SUBGRAPH_SIGNING_SECRET).toBe('s'.repeat(40));
    expect(loadConfig({ ...good, JWT_SECRET: 'j'.repeat(32) }).JWT_SECRET).toBe('j'.repeat(32));
    expect(loadConfig(good).SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS).toBe(30);
  });

  it('lists every secret problem at once: the development secret, a 31-byte secret, no signing secret', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET, PORT: 'eighty' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^JWT_SECRET: the published development secret is refused/),
        expect.stringMatching(/^SUBGRAPH_SIGNING_SECRET: required when NODE_ENV=production/),
        expect.stringMatching(/^PORT:/),
      ]),
    );
    const short = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(31), SUBGRAPH_SIGNING_SECRET: 's'.repeat(31) });
    expect(short).toEqual(['JWT_SECRET: must be at least 32 bytes', 'SUBGRAPH_SIGNING_SECRET: must be at least 32 bytes']);
  });

  it('counts bytes, not characters', () => {
    // 16 two-byte characters: 32 bytes, accepted; 31 bytes refused however many characters.
    expect(loadConfig({ ...good, JWT_SECRET: 'é'.repeat(16) }).JWT_SECRET).toBe('é'.repeat(16));
    expect(problemsOf({ ...good, JWT_SECRET: `${'é'.repeat(15)}x` })).toEqual(['JWT_SECRET: must be at least 32 bytes']);
  });

  it('refuses the development signing secret, and a signing secret equal to the JWT secret', () => {
    expect(problemsOf({ ...good, SUBGRAPH_SIGNING_SECRET: DEVELOPMENT_SUBGRAPH_SIGNING_SECRET })).toEqual([
      'SUBGRAPH_SIGNING_SECRET: the published development secret is refused when NODE_ENV=production',
    ]);
    expect(problemsOf({ ...good, SUBGRAPH_SIGNING_SECRET: good.JWT_SECRET })).toEqual([
      'SUBGRAPH_SIGNING_SECRET: must differ from JWT_SECRET',
    ]);
  });

  it('outside production uses a fixed development signing secret, distinct from the JWT one', () => {
    const config = loadConfig({});
    expect(config.SUBGRAPH_SIGNING_SECRET).toBe(DEVELOPMENT_SUBGRAPH_SIGNING_SECRET);
    expect(config.SUBGRAPH_SIGNING_SECRET).not.toBe(config.JWT_SECRET);
    expect(loadConfig({ SUBGRAPH_SIGNING_SECRET: 'k'.repeat(32) }).SUBGRAPH_SIGNING_SECRET).toBe('k'.repeat(32));
    expect(problemsOf({ SUBGRAPH_SIGNING_SECRET: 'short' })).toEqual(['SUBGRAPH_SIGNING_SECRET: must be at least 32 bytes']);
  });
});
