import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../../gateway/gateway.js';
import { loadConfig } from '../../platform/config.js';
import { expectPageHeaders } from '../support/page-security.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

// Issue 17 item 5 and issue 16 item 3: the headers of the pages the gateway serves, the IDE where it
// is served (and where not), and the token kept out of every log line.

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the gateway outside production', () => {
  let tidelink: TestStack;
  let logFile: string;
  beforeAll(async () => {
    logFile = path.join(mkdtempSync(path.join(tmpdir(), 'tidelink-pages-')), 'tidelink.log');
    // The most the logs ever say (every level), into a file the test reads.
    tidelink = await startTestStack({ LOG_LEVEL: 'trace', LOG_FILE: logFile });
  });
  afterAll(async () => {
    await tidelink?.stop();
  });
  const origin = () => new URL(tidelink.stack.gateway.url).origin;

  it('serves GraphiQL to a browser at GET /graphql, with the page headers', async () => {
    const response = await fetch(tidelink.stack.gateway.url, { headers: { accept: HTML } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectPageHeaders(Object.fromEntries(response.headers));
    const html = await response.text();
    expect(html).toContain('<script src="/ide/graphiql.js"></script>');
    // No inline script, no inline handler, no remote origin in the page.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // Each response has a nonce of its own for the dialogs' style elements.
    const again = await fetch(tidelink.stack.gateway.url, { headers: { accept: HTML } });
    expect(again.headers.get('content-security-policy')).not.toBe(response.headers.get('content-security-policy'));
  });

  it('answers GraphQL clients as before: JSON with nosniff, never the IDE', async () => {
    const get = await fetch(tidelink.stack.gateway.url, { headers: { accept: 'application/json' } });
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect(get.status).toBe(400);
    const query = await fetch(`${tidelink.stack.gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: HTML, 'apollo-require-preflight': 'true' },
    });
    expect(query.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const post = await fetch(tidelink.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token()}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('x-content-type-options')).toBe('nosniff');
    expect(post.headers.get('x-powered-by')).toBeNull();
  });

  it('gives GraphiQL the schema of schema/api.graphql and the example operations from their .graphql files', async () => {
    const schema = (await (await fetch(`${origin()}/ide/schema.json`)).json()) as { __schema: { types: Array<{ name: string }> } };
    const types = schema.__schema.types.map(({ name }) => name);
    expect(types).toEqual(expect.arrayContaining(['Case', 'Query', 'Mutation']));
    // The public API schema only: no federation machinery.
    expect(types.filter((name) => name.startsWith('join__') || name.startsWith('link__') || name === '_Entity')).toEqual([]);
    const operations = (await (await fetch(`${origin()}/ide/operations.json`)).json()) as Array<{
      name: string;
      query: string;
      variables?: Record<string, unknown>;
    }>;
    expect(operations[0]).toEqual({ name: 'FollowCase', query: FOLLOW_CASE, variables: { id: MONA_PASSAGE_CASE_ID } });
    expect(operations.map(({ name }) => name)).toEqual(expect.arrayContaining(['FullChain', 'AccessLogRefusals']));
  });

  it('serves the dashboard pages with the page headers', async () => {
    for (const file of ['/dashboard', '/dashboard/network', '/dashboard/dashboard.css', '/dashboard/network.js']) {
      const response = await fetch(`${origin()}${file}`);
      expect({ file, status: response.status }).toEqual({ file, status: 200 });
      expectPageHeaders(Object.fromEntries(response.headers));
    }
    for (const file of ['index.html', 'network.html']) {
      const html = readFileSync(path.join(__dirname, '..', '..', 'gateway', 'dashboard', file), 'utf8');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('never writes a request token into a log line, whatever the request made happen', async () => {
    const token = await tidelink.token('POLICE', 'DOM');
    const forged = `${token.slice(0, -4)}AAAA`;
    const send = (authorization: string, query: string) =>
      fetch(tidelink.stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query, variables: { id: MONA_PASSAGE_CASE_ID } }),
      });
    // A read the subgraphs log and audit, a refused token, a validation error, a subgraph's error.
    expect((await send(`Bearer ${token}`, FOLLOW_CASE)).status).toBe(200);
    expect((await send(`Bearer ${forged}`, FOLLOW_CASE)).status).toBe(401);
    await send(`Bearer ${token}`, '{ casse { id } }');
    await send(`Bearer ${token}`, 'query($id: ID!) { case(id: $id) { id reference } }');
    const log = readFileSync(logFile, 'utf8');
    expect(log).toMatch(/"msg":"request"/);
    const [, payload, signature] = token.split('.');
    expect(log).not.toContain(signature);
    expect(log).not.toContain(payload);
    expect(log).not.toContain(forged.split('.')[2]);
  });
});

describe('the gateway in production', () => {
  const production = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    JWT_SECRET: 'a-production-secret-of-enough-length-0123456789',
    SUBGRAPH_SIGNING_SECRET: 'a-production-signing-secret-of-enough-length-9876',
    DATABASE_APP_PASSWORD: 'tidelink-test-application-role',
  };
  let gateways: RunningGateway[] = [];
  // The gateway alone (its subgraphs unreachable): a page needs none of them.
  const start = async (env: Record<string, string>) => {
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    const gateway = await startGateway({ config: loadConfig({ ...production, ...env }), port: 0 });
    gateways.push(gateway);
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    gateways = [];
  });

  it('serves no IDE unless IDE=true (nor Apollo landing page): GET /graphql for a browser is a GraphQL refusal', async () => {
    const gateway = await start({});
    const response = await fetch(gateway.url, { headers: { accept: HTML } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql|<html|sandbox/i);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    for (const file of ['graphiql.js', 'graphiql.min.js', 'schema.json', 'operations.json']) {
      expect({ file, status: (await fetch(`${new URL(gateway.url).origin}/ide/${file}`)).status }).toEqual({ file, status: 404 });
    }
    const off = await start({ IDE: 'false' });
    expect((await fetch(off.url, { headers: { accept: HTML } })).status).toBe(400);
  });

  it('serves the IDE with IDE=true, its schema from the file (introspection stays off)', async () => {
    const gateway = await start({ IDE: 'true' });
    const response = await fetch(gateway.url, { headers: { accept: HTML } });
    expect(response.status).toBe(200);
    expectPageHeaders(Object.fromEntries(response.headers));
    const schema = await fetch(`${new URL(gateway.url).origin}/ide/schema.json`);
    expect(schema.status).toBe(200);
    expect(((await schema.json()) as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe('Query');
  });
});
