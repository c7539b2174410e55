import { ConfigError, DEVELOPMENT_DATABASE_APP_PASSWORD, loadConfig } from '../../platform/config.js';
import { appRoleName } from '../../subgraphs/shared/database.js';
import { appRoleFor } from '../../subgraphs/shared/database-urls.js';

const OWNER = 'postgres://owner:secret@db.internal:5432/tidelink_police';
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-enough-length-0123456789',
  SUBGRAPH_SIGNING_SECRET: 'a-production-signing-secret-of-32-bytes-or-more',
};

describe('the application database role', () => {
  it("is <database>_app, within PostgreSQL's 63 characters, distinct for long names", () => {
    expect(appRoleName('tidelink_police')).toBe('tidelink_police_app');
    const long = `tidelink_${'x'.repeat(54)}`;
    const other = `tidelink_${'x'.repeat(53)}y`;
    expect(appRoleName(long).length).toBeLessThanOrEqual(63);
    expect(appRoleName(long)).toMatch(/_app$/);
    expect(appRoleName(long)).not.toBe(appRoleName(other));
  });

  it('has a development password outside production and is created by the owner', () => {
    expect(appRoleFor(loadConfig({}), OWNER)).toEqual({ password: DEVELOPMENT_DATABASE_APP_PASSWORD });
  });

  it('needs a password of its own in production', () => {
    expect(() => appRoleFor(loadConfig(production), OWNER)).toThrow(ConfigError);
    expect(() => appRoleFor(loadConfig({ ...production, DATABASE_APP_PASSWORD: DEVELOPMENT_DATABASE_APP_PASSWORD }), OWNER)).toThrow(
      /DATABASE_APP_PASSWORD/,
    );
    expect(appRoleFor(loadConfig({ ...production, DATABASE_APP_PASSWORD: 'p@ss/word-of-the-app' }), OWNER)).toEqual({
      password: 'p@ss/word-of-the-app',
    });
  });

  it("is used as is, on the owner's host and database, when an operator made it (DATABASE_APP_USER)", () => {
    const role = appRoleFor(
      loadConfig({ ...production, DATABASE_APP_PASSWORD: 'p@ss/word-of-the-app', DATABASE_APP_USER: 'tidelink_app' }),
      OWNER,
    );
    expect('url' in role).toBe(true);
    const url = new URL((role as { url: string }).url);
    expect([url.username, decodeURIComponent(url.password), url.host, url.pathname]).toEqual([
      'tidelink_app',
      'p@ss/word-of-the-app',
      'db.internal:5432',
      '/tidelink_police',
    ]);
  });

  it('refuses a short password', () => {
    expect(() => loadConfig({ DATABASE_APP_PASSWORD: 'short' })).toThrow(/DATABASE_APP_PASSWORD/);
  });
});
