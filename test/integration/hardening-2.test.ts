import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { Client } from 'pg';
import { MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait-for.js';

// Issue 17, item 1: what graphql-cop and a hostile tester still found, each through the gateway over HTTP.

const METRICS_TOKEN = 'a-metrics-scrape-token-of-enough-length-0123';
/** Short, so that a dribbled body is cut within the test's time (the default is 30 s). */
const REQUEST_TIMEOUT_MS = 2000;

let tidelink: TestStack;
let logFile: string;
beforeAll(async () => {
  logFile = path.join(mkdtempSync(path.join(tmpdir(), 'tidelink-logs-')), 'tidelink.log');
  tidelink = await startTestStack({
    METRICS_TOKEN,
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_HEADERS_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    LOG_LEVEL: 'warn',
    LOG_FILE: logFile,
  });
});
afterAll(async () => {
  await tidelink?.stop();
});

type Errors = NonNullable<GraphQLResponse['body']['errors']>;
const codes = (errors: Errors | undefined) => errors?.map((error) => error.extensions?.code);
const fieldsOf = (errors: Errors | undefined) =>
  (errors ?? []).flatMap((error) => ((error.extensions?.fields as Array<{ field: string }> | undefined) ?? []).map(({ field }) => field));

async function post(body: Record<string, unknown>): Promise<{ status: number; text: string; json: GraphQLResponse['body'] }> {
  const response = await fetch(tidelink.stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token()}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as GraphQLResponse['body'] };
}

/** Log lines of internal errors (each carries a stack trace) written since the test began. */
function internalErrorLines(): string[] {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((line) => line.includes('"internal error"'));
}

describe('query limits count what graphql-cop sends', () => {
  it('counts aliases of __typename against the alias limit (15)', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const within = await post({ query: aliases(15) });
    expect(within.status).toBe(200);
    const over = await post({ query: aliases(16) });
    expect(over.status).toBe(400);
    expect(codes(over.json.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // graphql-cop's probe: hundreds of aliased __typename.
    const cop = await post({ query: aliases(660) });
    expect(cop.status).toBe(400);
  });

  it('refuses unknown directives once, before execution, not once per occurrence', async () => {
    const response = await post({ query: `query cop { __typename ${'@aa'.repeat(10)} }` });
    expect(response.status).toBe(400);
    expect(response.json.errors).toHaveLength(1);
    expect(codes(response.json.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.json.data).toBeUndefined();
    // Known directives still work.
    const known = await post({ query: '{ __typename @include(if: true) }' });
    expect(known.status).toBe(200);
  });
});

describe('operation resolution', () => {
  it.each([
    ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }],
    ['two operations, none named', { query: 'query A { __typename } query B { __typename }' }],
  ])('%s is a 400 with a typed code, not a 500, and no stack trace in the logs', async (_what, body) => {
    const before = internalErrorLines().length;
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(codes(response.json.errors)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(response.text).not.toMatch(/\.ts:\d+|\.js:\d+|stacktrace/);
    expect(internalErrorLines()).toHaveLength(before);
  });
});

describe('the token limit', () => {
  // 2,600 tokens: over the limit of 2,000; short tokens keep the GET's URL under Node's header limit.
  const document = `{ ${'a '.repeat(2600)}}`;

  it('refuses a long document by GET as by POST', async () => {
    const byPost = await post({ query: document });
    expect(byPost.status).toBe(400);
    expect(codes(byPost.json.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(byPost.json.errors?.[0].message).toMatch(/Token limit of 2000 exceeded/);
    const url = new URL(tidelink.stack.gateway.url);
    url.searchParams.set('query', document);
    const byGet = await fetch(url, {
      headers: { authorization: `Bearer ${await tidelink.token()}`, 'apollo-require-preflight': 'true' },
    });
    expect(byGet.status).toBe(400);
    // Refused by the token limit, before any validation (which would list every unknown field).
    const refused = ((await byGet.json()) as GraphQLResponse['body']).errors;
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused?.[0].message).toMatch(/Token limit of 2000 exceeded/);
    // A short document by GET is served.
    url.searchParams.set('query', '{ __typename }');
    const short = await fetch(url, { headers: { authorization: `Bearer ${await tidelink.token()}`, 'apollo-require-preflight': 'true' } });
    expect(short.status).toBe(200);
  });
});

describe('/metrics', () => {
  it('answers only the bearer of METRICS_TOKEN when it is set', async () => {
    for (const url of [tidelink.stack.gateway.url, tidelink.stack.subgraphs.police.url]) {
      const metrics = new URL('/metrics', url);
      expect((await fetch(metrics)).status).toBe(401);
      expect((await fetch(metrics, { headers: { authorization: 'Bearer not-the-metrics-token' } })).status).toBe(401);
      // A caller's own token opens GraphQL, not the metrics.
      expect((await fetch(metrics, { headers: { authorization: `Bearer ${await tidelink.token()}` } })).status).toBe(401);
      const scraped = await fetch(metrics, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^process_resident_memory_bytes/m);
    }
  });
});

describe('string inputs', () => {
  const REGISTER = 'mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id } }';
  const migrant = { caseId: MONA_PASSAGE_CASE_ID, sex: 'FEMALE', ageGroup: 'AGE_26_47' };

  it('refuses a NUL byte as BAD_USER_INPUT naming the field, in a variable or in the document', async () => {
    const inVariable = await tidelink.query(REGISTER, {
      variables: { input: { ...migrant, identity: { givenName: 'Ana\u0000' } } },
      token: await tidelink.token('IOM', 'DOM'),
    });
    expect(codes(inVariable.body.errors)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(inVariable.body.errors)).toEqual(['input.identity.givenName']);
    const inDocument = await tidelink.query(
      `mutation { addSuspect(input: { caseId: "${MONA_PASSAGE_CASE_ID}", alias: "El\\u0000Capitan", role: CREW }) { id } }`,
    );
    expect(codes(inDocument.body.errors)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(inDocument.body.errors)).toEqual(['input.alias']);
    // A read's filter too (PostgreSQL would refuse the text).
    const inFilter = await tidelink.query(
      'query($actor: String) { policeAccessLog(first: 1, filter: { actor: $actor }) { nodes { at } } }',
      {
        variables: { actor: 'x\u0000' },
        token: await tidelink.token('AUDITOR', 'DOM'),
      },
    );
    expect(codes(inFilter.body.errors)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(inFilter.body.errors)).toEqual(['actor']);
  });

  it('refuses blank and control-character names, and trims the others', async () => {
    const iom = await tidelink.token('IOM', 'DOM');
    const blank = await tidelink.query(REGISTER, { variables: { input: { ...migrant, identity: { givenName: '   ' } } }, token: iom });
    expect(codes(blank.body.errors)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(blank.body.errors)).toEqual(['identity.givenName']);
    const control = await tidelink.query(REGISTER, {
      variables: { input: { ...migrant, identity: { givenName: 'Ana', familyName: 'Pérez\u0007' } } },
      token: iom,
    });
    expect(fieldsOf(control.body.errors)).toEqual(['identity.familyName']);
    const alias = await tidelink.query('mutation($input: AddSuspectInput!) { addSuspect(input: $input) { id } }', {
      variables: { input: { caseId: MONA_PASSAGE_CASE_ID, alias: ' \t ', role: 'CREW' } },
    });
    expect(fieldsOf(alias.body.errors)).toEqual(['alias']);
  });

  it('refuses lower-case country codes wherever a country is given', async () => {
    const iom = await tidelink.token('IOM', 'DOM');
    const nationality = await tidelink.query(REGISTER, { variables: { input: { ...migrant, nationality: 'hti' } }, token: iom });
    expect(codes(nationality.body.errors)).toEqual(['BAD_USER_INPUT']);
    const flag = await tidelink.query(
      `mutation { addSuspect(input: { caseId: "${MONA_PASSAGE_CASE_ID}", alias: "Lowercase", role: CREW, nationality: "dom" }) { id } }`,
    );
    expect(codes(flag.body.errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('dates and ages are plausible', () => {
  it('refuses a detection in year 0', async () => {
    const { body } = await tidelink.query('mutation($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', {
      variables: {
        input: {
          caseId: MONA_PASSAGE_CASE_ID,
          detectedAt: '0000-06-01T03:00:00Z',
          seaArea: 'Mona Passage',
          position: { latitude: 18.3, longitude: -67.8 },
          detectingCountry: 'DOM',
          outcome: 'INTERCEPTED',
          personsOnBoard: 20,
          deaths: 0,
        },
      },
    });
    expect(codes(body.errors)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(body.errors)).toEqual(['detectedAt']);
  });

  it('refuses a birth date in 1800, and an age group the date of birth contradicts', async () => {
    const iom = await tidelink.token('IOM', 'DOM');
    const register = (input: Record<string, unknown>) =>
      tidelink.query('mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id ageGroup } }', {
        variables: { input: { caseId: MONA_PASSAGE_CASE_ID, sex: 'MALE', ...input } },
        token: iom,
      });
    const ancient = await register({ ageGroup: 'AGE_0_8', identity: { dateOfBirth: '1800-01-01' } });
    expect(codes(ancient.body.errors)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(ancient.body.errors).sort()).toEqual(['ageGroup', 'identity.dateOfBirth']);
    // A plausible date the age group contradicts: 30 years old registered as a child.
    const contradicted = await register({
      ageGroup: 'AGE_0_8',
      registeredAt: '2026-06-01T00:00:00Z',
      identity: { dateOfBirth: '1996-03-01' },
    });
    expect(fieldsOf(contradicted.body.errors)).toEqual(['ageGroup']);
    const agreeing = await register({
      ageGroup: 'AGE_26_47',
      registeredAt: '2026-06-01T00:00:00Z',
      identity: { dateOfBirth: '1996-03-01' },
    });
    expect(agreeing.body.errors).toBeUndefined();
    // On the band's edge: 8 years old the day before the 9th birthday, 9 on it.
    const eight = await register({ ageGroup: 'AGE_0_8', registeredAt: '2026-02-28T12:00:00Z', identity: { dateOfBirth: '2017-03-01' } });
    expect(eight.body.errors).toBeUndefined();
    const nine = await register({ ageGroup: 'AGE_0_8', registeredAt: '2026-03-01T12:00:00Z', identity: { dateOfBirth: '2017-03-01' } });
    expect(fieldsOf(nine.body.errors)).toEqual(['ageGroup']);
  });
});

describe('a slow body', () => {
  it('is cut at HTTP_REQUEST_TIMEOUT_MS, with a 408, however slowly it keeps coming', async () => {
    const { port } = new URL(tidelink.stack.gateway.url);
    const started = Date.now();
    const outcome = await new Promise<{ ms: number; answer: string }>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let answer = '';
      let dribble: NodeJS.Timeout | undefined;
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(dribble);
        resolve({ ms: Date.now() - started, answer });
      });
      socket.once('connect', () => {
        socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`);
        // One byte every 100 ms: the connection is never idle, so only a bound on the whole request cuts it.
        dribble = setInterval(() => socket.write(' '), 100);
      });
      setTimeout(() => reject(new Error('the slow body still held its connection after 15 s')), 15_000).unref();
    });
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408/);
    // The bound and Node's check interval (1 s), with room for a busy machine.
    expect(outcome.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(outcome.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 5000);
  });
});

describe('the access log', () => {
  it('answers SERVICE_UNAVAILABLE, without the data, when its write loses the database connection', async () => {
    // As the database's owner: the application role may not add triggers nor signal backends. The
    // trigger holds the log's INSERT at the database, where its connection is then cut.
    const owner = new Client({ connectionString: tidelink.stack.subgraphs.police.databaseUrl });
    await owner.connect();
    try {
      await owner.query(`
        CREATE FUNCTION test_hold_access_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
        CREATE TRIGGER test_hold_access_log BEFORE INSERT ON access_log FOR EACH STATEMENT EXECUTE FUNCTION test_hold_access_log();`);
      // Intelligence on a case is a logged read.
      const read = tidelink.query<{ case: { reference: string } | null }>(
        `{ case(id: "${MONA_PASSAGE_CASE_ID}") { reference intelligence { summary } } }`,
      );
      const writingTheLog = async () =>
        (
          await owner.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query ILIKE '%INSERT INTO access_log%' AND pid <> pg_backend_pid()",
          )
        ).rows;
      await waitFor(async () => (await writingTheLog()).length >= 1, { what: 'the access-log write to reach the database' });
      for (const { pid } of await writingTheLog()) await owner.query('SELECT pg_terminate_backend($1)', [pid]);
      const { status, body } = await read;
      expect(status).toBe(200);
      expect(body.data?.case ?? null).toBeNull();
      expect(JSON.stringify(body)).not.toContain('DOM-2026');
      expect(codes(body.errors)).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      await owner.query('DROP TRIGGER IF EXISTS test_hold_access_log ON access_log; DROP FUNCTION IF EXISTS test_hold_access_log();');
      await owner.end();
    }
  });
});

// Issue 17, item 2.
describe('GraphQL over HTTP status codes', () => {
  const REFUSED: Array<[string, Record<string, unknown>, string]> = [
    ['a parse failure', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
    ['a validation failure', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a variable coercion failure',
      { query: 'query($n: Int) { cases(first: $n) { totalCount } }', variables: { n: 'ten' } },
      'BAD_USER_INPUT',
    ],
    ['an unknown directive (the gateway guard)', { query: '{ __typename @nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ];
  const send = async (body: Record<string, unknown>, accept: string | null) => {
    const response = await fetch(tidelink.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token()}`, ...(accept ? { accept } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as GraphQLResponse['body'],
    };
  };

  it.each(REFUSED)(
    '%s: 400 for application/graphql-response+json or no preference, 200 for application/json',
    async (_what, body, code) => {
      const spec = await send(body, 'application/graphql-response+json');
      expect(spec.status).toBe(400);
      expect(codes(spec.body.errors)?.[0]).toBe(code);
      const json = await send(body, 'application/json');
      expect(json.status).toBe(200);
      expect(json.type).toMatch(/^application\/json/);
      expect(codes(json.body.errors)?.[0]).toBe(code);
      expect(json.body.data).toBeUndefined();
      // No preference (fetch sends */*): 400, as Tidelink always answered.
      expect((await send(body, null)).status).toBe(400);
    },
  );

  it('passes the graphql-http server audit with no failure and no warning', async () => {
    const token = await tidelink.token();
    const audits = serverAudits({
      url: tidelink.stack.gateway.url,
      fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    });
    const findings: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      // Notices are MAYs: URL-encoded and GET requests, which CSRF prevention refuses without a preflight header.
      if (result.status === 'error' || result.status === 'warn') findings.push(`${audit.name}: ${result.reason}`);
    }
    expect(findings).toEqual([]);
  });
});

describe('in production', () => {
  let production: TestStack;
  beforeAll(async () => {
    production = await startTestStack({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-enough-length-0123456789',
      SUBGRAPH_SIGNING_SECRET: 'a-production-signing-secret-of-enough-length-9876',
    });
  });
  afterAll(async () => {
    await production?.stop();
  });

  it('suggests no enum value nor field, in the document or in a variable', async () => {
    const literal = await production.query('{ cases(first: 1, filter: { status: OPN }) { totalCount } }');
    expect(codes(literal.body.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const variable = await production.query('query($filter: CaseFilter) { cases(first: 1, filter: $filter) { totalCount } }', {
      variables: { filter: { status: 'OPN' } },
    });
    expect(codes(variable.body.errors)).toEqual(['BAD_USER_INPUT']);
    const field = await production.query('{ casse(id: "x") { id } }');
    const typedArgument = await production.query('{ cases(frist: 1) { totalCount } }');
    for (const answer of [literal, variable, field, typedArgument]) {
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean|OPEN|\bfirst\b|\bcase\b/);
    }
  });

  it('does not serve /metrics without METRICS_TOKEN', async () => {
    for (const url of [production.stack.gateway.url, production.stack.subgraphs.police.url]) {
      expect((await fetch(new URL('/metrics', url))).status).toBe(404);
    }
  });
});
