import { setTimeout as delay } from 'node:timers/promises';
import { CasesPageDocument, DetectionsBySeaAreaDocument, type CasesPageQuery, type TypedDocumentString } from './generated/graphql.js';

/**
 * A partner's typed Tidelink client: operations typed by GraphQL Code Generator's client preset
 * (generated/, from operations/*.graphql and schema/api.graphql), sent with Node's own fetch.
 * A GraphQL answer may hold data and errors together: a withheld field is null with FORBIDDEN, an
 * agency that is down nulls only its own fields with SUBGRAPH_UNAVAILABLE; both keep the rest.
 */

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token the hub accepts. */
  token: string;
  /** Cases per page, 1 to 100. */
  pageSize?: number;
  /** How many times a request refused RATE_LIMITED (HTTP 429) is sent again before giving up. */
  maxRetries?: number;
  /** The longest wait honoured from a Retry-After; a longer one gives up at once. */
  maxWaitSeconds?: number;
  /** Where progress lines go. */
  log?: (line: string) => void;
}

/** One GraphQL error as the hub sends it: `extensions.code` says what happened. */
export interface GraphQLErrorItem {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; reason?: string; subgraph?: string; fields?: unknown };
}

export interface Withheld {
  path: string;
  code: string;
  reason: string | null;
}

export interface Unavailable {
  subgraph: string;
  path: string;
  reason: string | null;
}

export interface ClientReport {
  cases: { totalCount: number; pages: number; references: string[]; hits: string[] };
  statistics: { k: number; detections: number; personsOnBoard: number; buckets: number; suppressedBuckets: number } | null;
  withheld: Withheld[];
  unavailable: Unavailable[];
  rateLimitedRetries: number;
}

/** A request the hub refused as a whole (no data): bad input, no token, or still rate-limited after the retries. */
export class TidelinkError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: readonly GraphQLErrorItem[] = [],
  ) {
    super(message);
    this.name = 'TidelinkError';
  }
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, nowMs = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

interface Answer<Result> {
  data: Result | null;
  errors: GraphQLErrorItem[];
}

export class TidelinkClient {
  private readonly maxRetries: number;
  private readonly maxWaitSeconds: number;
  private readonly log: (line: string) => void;
  rateLimitedRetries = 0;

  constructor(private readonly options: ClientOptions) {
    this.maxRetries = options.maxRetries ?? 3;
    this.maxWaitSeconds = options.maxWaitSeconds ?? 60;
    this.log = options.log ?? (() => undefined);
  }

  /** Sends one operation; waits out RATE_LIMITED (429 + Retry-After) a bounded number of times. */
  async execute<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Answer<Result>> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${this.options.token}`,
        },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: Result | null; errors?: GraphQLErrorItem[] };
      const errors = body.errors ?? [];
      if (response.status === 429 || errors.some((error) => error.extensions?.code === 'RATE_LIMITED')) {
        // Without a Retry-After, one second: the limits are per minute, so a short wait is polite enough.
        const wait = retryAfterSeconds(response.headers.get('retry-after')) ?? 1;
        if (attempt >= this.maxRetries || wait > this.maxWaitSeconds) {
          throw new TidelinkError(`still rate-limited after ${attempt} retries (Retry-After ${wait} s)`, 'RATE_LIMITED', errors);
        }
        this.rateLimitedRetries += 1;
        this.log(`rate-limited (RATE_LIMITED): waiting ${wait} s as Retry-After says, then retry ${attempt + 1} of ${this.maxRetries}`);
        await delay(wait * 1000);
        continue;
      }
      if (body.data === undefined || body.data === null) {
        const first = errors[0];
        throw new TidelinkError(
          first ? first.message : `HTTP ${response.status} without data`,
          first?.extensions?.code ?? `HTTP_${response.status}`,
          errors,
        );
      }
      return { data: body.data, errors };
    }
  }
}

/** Sorts an answer's errors into withheld fields and unavailable agencies; any other error with data is reported as withheld too. */
function sortErrors(errors: readonly GraphQLErrorItem[], report: ClientReport, log: (line: string) => void): void {
  for (const error of errors) {
    const path = (error.path ?? []).join('.');
    const code = error.extensions?.code ?? 'UNKNOWN';
    const reason = error.extensions?.reason ?? null;
    if (code === 'SUBGRAPH_UNAVAILABLE') {
      const subgraph = error.extensions?.subgraph ?? 'unknown';
      report.unavailable.push({ subgraph, path, reason });
      log(`partial data: the ${subgraph} subgraph is unavailable (${reason ?? 'no reason given'}), ${path || 'its fields'} is null`);
    } else {
      report.withheld.push({ path, code, reason });
      log(`withheld: ${path} (${code}${reason ? ` ${reason}` : ''})`);
    }
  }
}

/** Pages through every case the token may list (hits included), then reads detection statistics. */
export async function run(options: ClientOptions): Promise<ClientReport> {
  const log = options.log ?? (() => undefined);
  const client = new TidelinkClient(options);
  const report: ClientReport = {
    cases: { totalCount: 0, pages: 0, references: [], hits: [] },
    statistics: null,
    withheld: [],
    unavailable: [],
    rateLimitedRetries: 0,
  };

  let after: string | null = null;
  for (;;) {
    const page: Answer<CasesPageQuery> = await client.execute(CasesPageDocument, { first: options.pageSize ?? 20, after });
    if (!page.data) break;
    sortErrors(page.errors, report, log);
    const { cases } = page.data;
    report.cases.pages += 1;
    report.cases.totalCount = cases.totalCount;
    for (const { node } of cases.edges) {
      report.cases.references.push(node.reference);
      if (!node.releasable) report.cases.hits.push(node.reference);
    }
    log(`page ${report.cases.pages}: ${cases.edges.map(({ node }) => node.reference).join(', ')} (${cases.totalCount} in all)`);
    if (!cases.pageInfo.hasNextPage || !cases.pageInfo.endCursor) break;
    after = cases.pageInfo.endCursor;
  }

  const { data, errors } = await client.execute(DetectionsBySeaAreaDocument, { filter: null });
  sortErrors(errors, report, log);
  const statistics = data?.detectionStatistics;
  if (statistics) {
    report.statistics = {
      k: statistics.k,
      detections: statistics.total.detections,
      personsOnBoard: statistics.total.personsOnBoard,
      buckets: statistics.buckets.length,
      suppressedBuckets: statistics.suppressedBuckets,
    };
    log(
      `detections by sea area: ${statistics.total.detections} detections, ${statistics.total.personsOnBoard} people aboard, ` +
        `${statistics.buckets.length} areas (${statistics.suppressedBuckets} withheld, k = ${statistics.k})`,
    );
  }
  report.rateLimitedRetries = client.rateLimitedRetries;
  return report;
}
