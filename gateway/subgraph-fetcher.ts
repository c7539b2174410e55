import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, request, type Dispatcher } from 'undici';
import { CALL_HEADER, LOGGED_HEADER, SHARED_READ_PATH } from '../platform/shared-read-protocol.js';
import { signRequest } from '../platform/request-signing.js';
import { signedJsonPost } from '../platform/signed-post.js';
import { databaseDown } from '../platform/errors.js';

/** What a subgraph answered, read once; deduplicated callers share it. */
interface SubgraphAnswer {
  url: string;
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** A call in flight, the callers that joined it (request ids), and the logging of their reads. */
interface SharedCall {
  answer: Promise<SubgraphAnswer>;
  joiners: string[];
  logging: Promise<void> | null;
}

export interface SubgraphFetcherOptions {
  /** Bound on a whole call, so a slow agency costs only its own fields. */
  timeoutMs: number;
  /** Share one call between identical queries of the same caller that are in flight together. */
  deduplicate: boolean;
  /** Counts calls that joined one already in flight (for tests and metrics). */
  onDeduplicated?(): void;
  /** SUBGRAPH_SIGNING_SECRET: every call is signed with it (subgraphs refuse unsigned calls), the logging of shared reads included. */
  signingSecret: string;
}

function headerOf(answer: SubgraphAnswer, name: string): string | undefined {
  return answer.headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
}

function requestHeader(init: FetcherRequestInit | undefined, name: string): string | undefined {
  const headers = init?.headers;
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([candidate]) => candidate.toLowerCase() === name);
  return entry?.[1];
}

/**
 * The gateway's client for subgraph calls: undici's `request` on a keep-alive pool, which costs far
 * less CPU per call than the default fetch, answered with a plain response object (no web streams).
 */
export function subgraphFetcher(agent: Agent, options: SubgraphFetcherOptions): Fetcher {
  const inFlight = new Map<string, SharedCall>();
  // The path each subgraph URL signs (a gateway calls a handful of URLs; parsed once each).
  const paths = new Map<string, string>();
  const pathOf = (url: string): string => {
    let signed = paths.get(url);
    if (signed === undefined) {
      const { pathname, search } = new URL(url);
      signed = `${pathname}${search}`;
      if (paths.size < 100) paths.set(url, signed);
    }
    return signed;
  };
  const call = async (url: string, init: FetcherRequestInit | undefined): Promise<SubgraphAnswer> => {
    const method = init?.method ?? 'POST';
    // Signed here, where the body is final; a shared (deduplicated) call is signed once, for its one request.
    const signature = signRequest(options.signingSecret, {
      method,
      path: pathOf(url),
      authorization: authorizationOf(init),
      body: init?.body ?? '',
    });
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: { ...init?.headers, ...signature },
      body: init?.body,
      dispatcher: agent,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.body.text();
    const headers: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
    }
    return { url, status: response.statusCode, headers, body };
  };

  /**
   * Callers that joined a call in flight are logged as if each had made it: when the answer logged
   * gated reads, the subgraph copies that call's rows under every joiner's request id (one signed
   * request for all of them) before any joiner gets the answer. If that fails, the joiners get an
   * error instead of the data: a gated read never goes unlogged.
   */
  const logSharedReads = async (
    url: string,
    answer: SubgraphAnswer,
    init: FetcherRequestInit | undefined,
    requestIds: string[],
  ): Promise<void> => {
    const logged = Number(headerOf(answer, LOGGED_HEADER) ?? '0');
    if (requestIds.length === 0 || !(logged > 0)) return;
    const from = headerOf(answer, CALL_HEADER);
    const authorization = requestHeader(init, 'authorization');
    if (!from || !authorization || !options.signingSecret) throw new Error('a shared subgraph read cannot be logged for its callers');
    const response = await signedJsonPost(
      new URL(SHARED_READ_PATH, url).toString(),
      { from, requestIds },
      authorization,
      options.signingSecret,
      options.timeoutMs,
      agent,
    );
    if (response.status === 503) throw new SharedReadsUnlogged();
    const copied = response.status === 200 ? (response.body as { copied?: unknown } | null)?.copied : null;
    if (copied !== logged * requestIds.length) {
      throw new Error(`the subgraph logged ${String(copied)} of ${logged * requestIds.length} shared reads for the callers that joined`);
    }
  };

  /** Started by whoever resumes first once the answer is in (the joiner list is complete by then). */
  const loggingOf = (url: string, shared: SharedCall, init: FetcherRequestInit | undefined): Promise<void> =>
    (shared.logging ??= shared.answer.then((answer) => logSharedReads(url, answer, init, shared.joiners)));

  return async (url, init) => {
    const key = options.deduplicate ? deduplicationKey(url, init) : null;
    if (key === null) return new SubgraphResponse(await call(url, init));
    const joined = inFlight.get(key);
    if (joined) {
      options.onDeduplicated?.();
      const requestId = requestHeader(init, 'x-request-id');
      if (requestId) joined.joiners.push(requestId);
      const answer = await joined.answer;
      if (!requestId) throw new Error('a shared subgraph read cannot be logged without a request id');
      try {
        await loggingOf(url, joined, init);
      } catch (error) {
        // The subgraph's database went down between the call and the copy: the joiner gets what its
        // own call would have got when its log row could not be written, the data withheld.
        if (error instanceof SharedReadsUnlogged) return new SubgraphResponse(withheldAnswer(answer));
        throw error;
      }
      return new SubgraphResponse(answer);
    }
    const shared: SharedCall = { answer: call(url, init).finally(() => inFlight.delete(key)), joiners: [], logging: null };
    inFlight.set(key, shared);
    const answer = await shared.answer;
    // The first caller goes on with the joiners, so their next calls still coincide and share; a
    // failure to log the joiners is theirs, not the first caller's (whose rows are written).
    await loggingOf(url, shared, init).catch(() => undefined);
    return new SubgraphResponse(answer);
  };
}

/** The subgraph could not copy the shared reads because its database is unreachable (its 503). */
class SharedReadsUnlogged extends Error {
  constructor() {
    super('the subgraph cannot reach its database to log the shared reads for the callers that joined');
  }
}

/** A subgraph's answer with its data withheld for want of a log row, as the subgraph itself answers then (subgraph-server.ts). */
function withheldAnswer(answer: SubgraphAnswer): SubgraphAnswer {
  const headers = answer.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return lower !== LOGGED_HEADER && lower !== CALL_HEADER && lower !== 'content-length';
  });
  return { ...answer, status: 200, headers, body: JSON.stringify({ data: null, errors: [databaseDown()] }) };
}

/**
 * Only reads are shared, and only between callers presenting the very same token: each agency sees
 * its own answer, and a mutation always reaches its subgraph once per request. The gateway writes the
 * subgraph operation first in the body (`{"query":"query …` or `{"query":"{…`); anything else, a
 * mutation included, is never shared. Request ids and trace headers differ per request and are left
 * out; each joiner's gated reads are then logged under its own request id (logSharedRead).
 */
function deduplicationKey(url: string, init: FetcherRequestInit | undefined): string | null {
  const body = init?.body;
  if (typeof body !== 'string' || !(body.startsWith('{"query":"query') || body.startsWith('{"query":"{'))) return null;
  return `${url}\n${authorizationOf(init) ?? ''}\n${body}`;
}

function authorizationOf(init: FetcherRequestInit | undefined): string | undefined {
  return init?.headers?.authorization ?? init?.headers?.Authorization;
}

/** Response headers as the gateway reads them (it only looks a few up). */
class AnswerHeaders implements FetcherHeaders {
  private readonly map: Map<string, string>;
  constructor(entries: Array<[string, string]>) {
    this.map = new Map(entries.map(([name, value]) => [name.toLowerCase(), value]));
  }
  append(name: string, value: string): void {
    const current = this.map.get(name.toLowerCase());
    this.map.set(name.toLowerCase(), current === undefined ? value : `${current}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A fetch-shaped response over a body already read in full. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly statusText = '';
  readonly headers: AnswerHeaders;
  bodyUsed = false;

  constructor(private readonly answer: SubgraphAnswer) {
    this.headers = new AnswerHeaders(answer.headers);
  }
  get url(): string {
    return this.answer.url;
  }
  get status(): number {
    return this.answer.status;
  }
  get ok(): boolean {
    return this.answer.status >= 200 && this.answer.status < 300;
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.answer.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  clone(): SubgraphResponse {
    return new SubgraphResponse(this.answer);
  }
}
