import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { TypeInfo, ValidationContext, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Viewer } from '../platform/auth.js';
import type { Config } from '../platform/config.js';
import { RateLimitedError, type RateLimit } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';

/** Budgets per minute; 0 is no limit. */
export interface Limits {
  requestsPerMinute: number;
  costPerMinute: number;
}

type LimitSettings = Pick<
  Config,
  'RATE_LIMIT_REQUESTS_PER_MINUTE' | 'RATE_LIMIT_COST_PER_MINUTE' | 'RATE_LIMITS' | 'REDIS_URL' | 'RATE_LIMIT_KEY_PREFIX'
>;

/**
 * Who a budget belongs to: the organisation of the token, else the caller itself. Not the caller's
 * agency and country: one busy officer (or a runaway script of one service account) would then use
 * up the budget of every officer of that country. Subjects are issued by the identity provider, so a
 * caller cannot mint new ones to get more.
 */
export function budgetKey(viewer: Viewer): string {
  return viewer.organisation !== undefined
    ? `org:${viewer.organisation}`
    : `caller:${viewer.agency}:${viewer.country}:${encodeURIComponent(viewer.subject)}`;
}

/**
 * Requests and query cost per minute, per organisation (RATE_LIMITS, else the defaults) and per
 * caller without one. In memory per process by default; with REDIS_URL one count shared by every
 * gateway process. Redis unreachable: each process goes on counting in memory (rate-limiter-flexible's
 * insurance limiter) until Redis is back, so a Redis outage neither takes the API down (failing
 * closed) nor lifts every limit (failing open, which an attacker who can slow Redis would enjoy).
 */
export class OrganisationLimiter {
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private redisDown = false;

  constructor(
    private readonly settings: LimitSettings,
    private readonly logger: Logger,
  ) {
    const anyLimit =
      settings.RATE_LIMIT_REQUESTS_PER_MINUTE > 0 ||
      settings.RATE_LIMIT_COST_PER_MINUTE > 0 ||
      Object.keys(settings.RATE_LIMITS ?? {}).length > 0;
    this.redis =
      settings.REDIS_URL && anyLimit
        ? new Redis(settings.REDIS_URL, {
            // Commands fail at once while Redis is away (the insurance limiter answers) instead of queueing.
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectTimeout: 2000,
            lazyConnect: false,
          })
        : null;
    this.redis?.on('error', (error: Error) => {
      if (this.redisDown) return;
      this.redisDown = true;
      this.logger.warn({ err: error.message }, 'Redis unreachable: rate limits are counted per gateway process until it is back');
    });
    this.redis?.on('ready', () => {
      if (this.redisDown) this.logger.info('Redis reachable again: rate limits are shared again');
      this.redisDown = false;
    });
  }

  /**
   * Resolves once Redis is ready, so that a gateway counts in the shared store from its first request,
   * or after `waitMs` (Redis down or slow: the insurance limiter counts until it is back, as above).
   */
  async ready(waitMs = 3000): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      redis.once('ready', done);
    });
  }

  limitsFor(viewer: Viewer): Limits {
    const own = viewer.organisation !== undefined ? this.settings.RATE_LIMITS?.[viewer.organisation] : undefined;
    return {
      requestsPerMinute: own?.requestsPerMinute ?? this.settings.RATE_LIMIT_REQUESTS_PER_MINUTE,
      costPerMinute: own?.costPerMinute ?? this.settings.RATE_LIMIT_COST_PER_MINUTE,
    };
  }

  /** One request of `viewer`; throws RateLimitedError (429) past its budget. */
  async consumeRequest(viewer: Viewer): Promise<void> {
    await this.consume('REQUESTS', this.limitsFor(viewer).requestsPerMinute, budgetKey(viewer), 1);
  }

  /** The estimated cost of an operation `viewer` is about to run. */
  async consumeCost(viewer: Viewer, cost: number): Promise<void> {
    if (cost <= 0) return;
    await this.consume('COST', this.limitsFor(viewer).costPerMinute, budgetKey(viewer), Math.ceil(cost));
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async consume(limit: RateLimit, points: number, key: string, amount: number): Promise<void> {
    if (points === 0) return;
    try {
      await this.limiter(limit, points).consume(key, amount);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitedError(limit, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      // Only if the insurance limiter itself failed: let the request through, and say so.
      this.logger.error({ err: rejection }, 'rate limiter failed; request let through');
    }
  }

  /** One limiter per budget size (organisations may differ); keys are per caller inside it. */
  private limiter(limit: RateLimit, points: number): RateLimiterAbstract {
    const name = `${limit}:${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const options = { points, duration: 60, keyPrefix: `${this.settings.RATE_LIMIT_KEY_PREFIX}:${limit.toLowerCase()}` };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

/** What the cost of each parsed operation was: Apollo hands the same document object back for a document it has seen. */
const costs = new WeakMap<OperationDefinitionNode, number>();

/**
 * graphql-armor's own cost estimate of `operation` (its cost-limit rule, with the options the
 * gateway's armor runs with), not a second cost model: the rule reports what it computed through
 * onAccept. Armor's validation runs only the first time Apollo sees a document (it caches validated
 * documents), so the figure is computed here, once per parsed operation.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const known = costs.get(operation);
  if (known !== undefined) return known;
  let cost = 0;
  const rule = costLimitRule({
    maxCost: Number.MAX_SAFE_INTEGER,
    onAccept: [
      (_context, details: { n: number }) => {
        cost = details.n;
      },
    ],
  });
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => undefined);
  visit(operation, rule(context));
  costs.set(operation, cost);
  return cost;
}
