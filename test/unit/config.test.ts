import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../subgraphs/shared/config.js';
import { tracingSettings } from '../../subgraphs/shared/tracing.js';

describe('configuration', () => {
  it('uses the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect([config.POLICE_PORT, config.ASSISTANCE_PORT, config.PROSECUTION_PORT]).toEqual([4001, 4002, 4003]);
    expect(config.SUPERGRAPH_PATH).toBe('schema/supergraph.graphql');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
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
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
  });

  it('refuses production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: one is required/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json' }).JWT_SECRET).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).JWT_SECRET).toBe('x'.repeat(40));
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
    const traces = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces', OTEL_SERVICE_NAME: 'tidelink-police' });
    expect(tracingSettings(traces)).toMatchObject({ tracesUrl: 'https://b/otlp/traces', serviceName: 'tidelink-police' });
    expect(tracingSettings(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' }))).toBeNull();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });
});
