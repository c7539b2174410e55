import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startGateway, type RunningGateway } from '../../gateway/gateway.js';
import { mintToken, type Agency } from '../../platform/auth.js';
import type { Config } from '../../platform/config.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** Cost 1 (one scalar at the root), answered by the gateway alone. */
const CHEAP = '{ __typename }';
/** graphql-armor's estimate: (2 + 1.5 × (2 + 1.5 + 1.5)) × 100 = 950. */
const COSTLY = '{ cases(first: 100) { nodes { id reference } } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function post(url: string, token: string, query: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: Answer['errors'] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), errors: body.errors };
}

const tokenFor = (config: Config, subject: string, organisation?: string, agency: Agency = 'PARTNER') =>
  mintToken(config, { subject, agency, country: 'DOM', organisation });

/** A second gateway in this process, on the first stack's subgraphs, with its own limiter. */
function secondGateway(stack: TestStack, overrides: Partial<Config> = {}): Promise<RunningGateway> {
  return startGateway({
    config: { ...stack.config, ...overrides },
    port: 0,
    subgraphUrls: {
      police: stack.stack.subgraphs.police.url,
      assistance: stack.stack.subgraphs.assistance.url,
      prosecution: stack.stack.subgraphs.prosecution.url,
    },
  });
}

/** One organisation per test: an organisation's budget is shared by all its tokens. */
const LIMITS = JSON.stringify(
  Object.fromEntries([
    ...['small', 'small-2', 'small-3', 'small-4'].map((name) => [name, { requestsPerMinute: 3 }]),
    ...['big', 'big-2'].map((name) => [name, { requestsPerMinute: 1000, costPerMinute: 1000 }]),
  ]),
);

describe('per-organisation limits, in memory', () => {
  let stack: TestStack;
  const extra: RunningGateway[] = [];
  beforeAll(async () => {
    stack = await startTestStack({
      RATE_LIMIT_REQUESTS_PER_MINUTE: '5',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      QUERY_MAX_COST: '1000',
      RATE_LIMITS: LIMITS,
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(extra.map((gateway) => gateway.stop()));
    await stack?.stop();
  });

  it('refuses an organisation over its requests per minute with 429, Retry-After and RATE_LIMITED; another organisation goes on', async () => {
    const small = await tokenFor(stack.config, 'partner-a', 'small');
    const other = await tokenFor(stack.config, 'partner-b', 'other');
    for (let i = 0; i < 3; i += 1) expect((await post(stack.stack.gateway.url, small, CHEAP)).status).toBe(200);
    const refused = await post(stack.stack.gateway.url, small, CHEAP);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      limit: 'REQUESTS',
      retryAfterSeconds: Number(refused.retryAfter),
    });
    // Another organisation (the default 5 per minute) is not affected, nor is another token of the same one spared.
    for (let i = 0; i < 5; i += 1) expect((await post(stack.stack.gateway.url, other, CHEAP)).status).toBe(200);
    const sameOrganisation = await tokenFor(stack.config, 'partner-a-2', 'small');
    expect((await post(stack.stack.gateway.url, sameOrganisation, CHEAP)).status).toBe(429);
  });

  it('counts a caller without an organisation by its subject', async () => {
    const first = await tokenFor(stack.config, 'officer-1', undefined, 'POLICE');
    const second = await tokenFor(stack.config, 'officer-2', undefined, 'POLICE');
    for (let i = 0; i < 5; i += 1) expect((await post(stack.stack.gateway.url, first, CHEAP)).status).toBe(200);
    expect((await post(stack.stack.gateway.url, first, CHEAP)).status).toBe(429);
    expect((await post(stack.stack.gateway.url, second, CHEAP)).status).toBe(200);
  });

  it('limits query cost per minute apart from requests (graphql-armor cost)', async () => {
    const big = await tokenFor(stack.config, 'partner-c', 'big', 'POLICE');
    const first = await post(stack.stack.gateway.url, big, COSTLY);
    expect(first).toMatchObject({ status: 200, errors: undefined });
    // 950 + 950 > 1000: the second costly query is refused though 998 requests are left this minute.
    const second = await post(stack.stack.gateway.url, big, COSTLY);
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'COST' });
    expect(Number(second.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('in memory, each gateway process counts alone', async () => {
    const gateway = await secondGateway(stack);
    extra.push(gateway);
    const token = await tokenFor(stack.config, 'partner-d', 'small-2');
    for (let i = 0; i < 3; i += 1) expect((await post(stack.stack.gateway.url, token, CHEAP)).status).toBe(200);
    expect((await post(stack.stack.gateway.url, token, CHEAP)).status).toBe(429);
    expect((await post(gateway.url, token, CHEAP)).status).toBe(200);
  });

  it('with Redis unreachable, each process goes on limiting in memory', async () => {
    const gateway = await secondGateway(stack, {
      REDIS_URL: 'redis://127.0.0.1:1',
      RATE_LIMIT_KEY_PREFIX: `test-down-${randomBytes(4).toString('hex')}`,
    });
    extra.push(gateway);
    const token = await tokenFor(stack.config, 'partner-e', 'small-3');
    for (let i = 0; i < 3; i += 1) expect((await post(gateway.url, token, CHEAP)).status).toBe(200);
    expect((await post(gateway.url, token, CHEAP)).status).toBe(429);
  });
});

describe('per-organisation limits through Redis', () => {
  let stack: TestStack;
  let gateway: RunningGateway;
  const prefix = `tidelink-test:${process.pid}:${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    stack = await startTestStack({
      REDIS_URL,
      RATE_LIMIT_KEY_PREFIX: prefix,
      RATE_LIMIT_REQUESTS_PER_MINUTE: '1000',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      QUERY_MAX_COST: '1000',
      RATE_LIMITS: LIMITS,
    });
    gateway = await secondGateway(stack);
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('two gateway processes share one count', async () => {
    const token = await tokenFor(stack.config, 'partner-f', 'small-4');
    expect((await post(stack.stack.gateway.url, token, CHEAP)).status).toBe(200);
    expect((await post(gateway.url, token, CHEAP)).status).toBe(200);
    expect((await post(stack.stack.gateway.url, token, CHEAP)).status).toBe(200);
    const refused = await post(gateway.url, token, CHEAP);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The count lives in Redis under this test's prefix.
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}:requests*`)).not.toHaveLength(0);
    } finally {
      await redis.quit();
    }
  });

  it('shares the cost budget too', async () => {
    const token = await tokenFor(stack.config, 'partner-g', 'big-2', 'POLICE');
    expect(await post(stack.stack.gateway.url, token, COSTLY)).toMatchObject({ status: 200, errors: undefined });
    const second = await post(gateway.url, token, COSTLY);
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'COST' });
  });
});
