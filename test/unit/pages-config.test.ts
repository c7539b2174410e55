import { Writable } from 'node:stream';
import pino from 'pino';
import { ConfigError, ideEnabled, loadConfig } from '../../platform/config.js';
import { AUTHORIZATION_PATHS } from '../../platform/logger.js';

describe('IDE (GraphiQL at GET /graphql)', () => {
  it('is on outside production unless IDE=false, and in production only with IDE=true', () => {
    expect(ideEnabled(loadConfig({}))).toBe(true);
    expect(ideEnabled(loadConfig({ NODE_ENV: 'test', IDE: 'false' }))).toBe(false);
    expect(ideEnabled({ NODE_ENV: 'production', IDE: undefined })).toBe(false);
    expect(ideEnabled({ NODE_ENV: 'production', IDE: true })).toBe(true);
    expect(ideEnabled(loadConfig({ IDE: '' }))).toBe(true);
  });

  it('refuses a value other than true or false', () => {
    expect(() => loadConfig({ IDE: 'yes' })).toThrow(ConfigError);
  });
});

describe('log redaction', () => {
  it('writes no Authorization header, at the top of a line or nested in a request or error', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = pino({ redact: { paths: AUTHORIZATION_PATHS, censor: '[redacted]' } }, sink);
    logger.info({ authorization: 'Bearer top.level.secret' }, 'a');
    logger.info({ headers: { authorization: 'Bearer in.headers.secret' } }, 'b');
    logger.info({ req: { headers: { Authorization: 'Bearer in.request.secret' } } }, 'c');
    logger.error({ err: { request: { authorization: 'Bearer in.error.secret' } } }, 'd');
    expect(written).not.toMatch(/secret/);
    expect(written.match(/\[redacted\]/g)).toHaveLength(4);
  });
});
