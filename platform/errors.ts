import { GraphQLError, getLocation, type ASTNode, type GraphQLFormattedError, type SourceLocation } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';

/** No valid bearer token: the request is refused as a whole (HTTP 401). */
export class AuthenticationError extends GraphQLError {
  /** `code`, when given, is a stable machine-readable reason (extensions.reason) next to the message. */
  constructor(reason: string, code?: string) {
    super(`Authentication required: ${reason}`, {
      extensions: { code: 'UNAUTHENTICATED', ...(code ? { reason: code } : {}), http: { status: 401 } },
    });
  }
}

/** One refused input: the field (a dotted path such as `input.vessel.flagState`) and why. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}

/**
 * The one shape of every BAD_USER_INPUT: `fields` names each refused input with its reasons (a
 * stable code such as INVALID_ID, or a validator's sentence). `details` are extra machine-readable
 * keys next to it (an invalid transition's `currentStatus` and `allowed`).
 */
export function badUserInput(fields: readonly FieldProblem[], details: Record<string, unknown> = {}) {
  return { code: 'BAD_USER_INPUT', fields, ...details };
}

/** Bad input from the caller, naming the argument and why it was refused. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field: string, reason: string) {
    super(message, { extensions: badUserInput([{ field, reasons: [reason] }]) });
  }
}

/** Several inputs refused at once: every failing field, each with why (`extensions.fields`). */
export class InvalidInputError extends GraphQLError {
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid input: ${problems.map((problem) => problem.field).join(', ')}`, { extensions: badUserInput(problems) });
  }
}

/** A write that conflicts with the current state: a stale version, an idempotency key reused for other input. */
export class ConflictError extends GraphQLError {
  constructor(message: string, reason: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'CONFLICT', reason, ...details } });
  }
}

/** A status change the record's state machine does not allow, naming where it stands and where it may go. */
export class InvalidTransitionError extends GraphQLError {
  constructor(entity: string, currentStatus: string, requested: string, allowed: readonly string[]) {
    super(
      `${entity} cannot go from ${currentStatus} to ${requested}; from ${currentStatus} it may go to ${allowed.length > 0 ? allowed.join(', ') : 'nothing (final)'}`,
      { extensions: badUserInput([{ field: 'status', reasons: ['INVALID_TRANSITION'] }], { currentStatus, allowed }) },
    );
  }
}

/** Why a field was withheld; callers get it as `extensions.reason` next to `code: FORBIDDEN` (and the access log keeps it). */
export const DENIAL_REASONS = ['ROLE', 'CONSENT_REQUIRED', 'HANDLING_RESTRICTED', 'NOT_RELEASABLE'] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

/**
 * A denied field: it resolves to null with this error, which names the reason but never the value
 * nor anything about it.
 */
export class ForbiddenError extends GraphQLError {
  constructor(reason: DenialReason) {
    // A denial is an expected answer, not a fault: nobody reads its stack, and capturing one (twice:
    // Error's and GraphQLError's) was a measurable share of a subgraph's CPU on reads that withhold
    // many fields (issue 15's profile), so none is captured.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(`Access denied (${reason})`, { extensions: { code: 'FORBIDDEN', reason } });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    // Even an empty stack is formatted (V8's prepareStackTrace) when first read, and graphql-js reads
    // it for every denial it locates on a path: a plain string instead.
    Object.defineProperty(this, 'stack', { value: `ForbiddenError: ${this.message}`, writable: true, configurable: true });
  }

  private static readonly byReason = new Map<DenialReason, ForbiddenError>();

  /**
   * The denial for a reason, one frozen instance per reason: a denial carries nothing of the request
   * or the record, and a GraphQLError costs some 10 µs to construct, paid per denied field (hundreds
   * in a deep read) before this. graphql-js places a copy of it on each field's path.
   */
  static of(reason: DenialReason): ForbiddenError {
    let denial = ForbiddenError.byReason.get(reason);
    if (!denial) {
      denial = new ForbiddenError(reason);
      Object.freeze(denial.extensions);
      Object.freeze(denial);
      ForbiddenError.byReason.set(reason, denial);
    }
    return denial;
  }
}

/** Where each field node stands in its document: the same node is denied once per item of a list. */
const nodeLocations = new WeakMap<ASTNode, SourceLocation | null>();

function locationOf(node: ASTNode): SourceLocation | null {
  let location = nodeLocations.get(node);
  if (location === undefined) {
    location = node.loc ? getLocation(node.loc.source, node.loc.start) : null;
    nodeLocations.set(node, location);
  }
  return location;
}

/** What a located denial was placed with: read through the prototype's accessors below. */
const PLACEMENT = Symbol('placement');
interface Placement {
  denial: ForbiddenError;
  nodes: readonly ASTNode[];
  located: readonly ASTNode[];
}
type Placed = GraphQLError & { [PLACEMENT]: Placement };

/**
 * GraphQLError's own fields that its constructor makes non-enumerable, as accessors: defining them
 * on each error (what the constructor does) was most of its cost.
 */
const locatedDenialPrototype = Object.create(GraphQLError.prototype, {
  name: { value: 'GraphQLError', writable: true, configurable: true },
  nodes: {
    get(this: Placed) {
      return this[PLACEMENT].nodes.length > 0 ? this[PLACEMENT].nodes : undefined;
    },
    configurable: true,
  },
  source: {
    get(this: Placed) {
      return this[PLACEMENT].located[0]?.loc?.source;
    },
    configurable: true,
  },
  positions: {
    get(this: Placed) {
      const located = this[PLACEMENT].located;
      return located.length > 0 ? located.map((node) => node.loc?.start) : undefined;
    },
    configurable: true,
  },
  originalError: {
    get(this: Placed) {
      return this[PLACEMENT].denial;
    },
    configurable: true,
  },
  stack: {
    get(this: Placed) {
      return this[PLACEMENT].denial.stack;
    },
    configurable: true,
  },
}) as GraphQLError;

/**
 * The denial as graphql-js's `locatedError` would place it on the field: a GraphQLError with the
 * field's message, locations, path and extensions (its enumerable fields, what the response shows),
 * and its nodes, source, positions and the denial as originalError. Built on GraphQLError's prototype
 * rather than by its constructor, which costs some 10 µs per denied field (a stack captured and
 * formatted, properties redefined one by one): the largest single cost of a deep read that withholds
 * hundreds of fields. test/unit/errors.test.ts holds it to `locatedError`'s result, field by field.
 */
export function locatedDenial(denial: ForbiddenError, nodes: readonly ASTNode[], path: ReadonlyArray<string | number>): GraphQLError {
  const located = nodes.filter((node) => node.loc !== undefined);
  const locations: SourceLocation[] = [];
  for (const node of located) {
    const location = locationOf(node);
    if (location) locations.push(location);
  }
  // Assigned in the order the constructor assigns them (the order Object.keys gives).
  const error = Object.create(locatedDenialPrototype) as Record<string, unknown>;
  error.message = denial.message;
  error.path = path;
  error.locations = locations.length > 0 ? locations : undefined;
  error.extensions = denial.extensions;
  // A symbol: left out of Object.keys, JSON and for…in, as the constructor's hidden fields are.
  Object.defineProperty(error, PLACEMENT, { value: { denial, nodes, located } });
  return error as unknown as GraphQLError;
}

/** A write aimed at a record that does not exist (or that the caller may not know exists). */
export class NotFoundError extends GraphQLError {
  constructor(entity: string, field: string) {
    super(`${entity} not found`, { extensions: { code: 'NOT_FOUND', field } });
  }
}

/** Nested class-validator failures as dotted field paths (`input.vessel.flagState`). */
function flatten(failures: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return failures.flatMap((failure) => {
    const field = prefix ? `${prefix}.${failure.property}` : failure.property;
    const own = failure.constraints ? [{ field, reasons: Object.values(failure.constraints) }] : [];
    return [...own, ...flatten(failure.children ?? [], field)];
  });
}

function isFieldProblems(value: unknown): value is FieldProblem[] {
  return (
    Array.isArray(value) &&
    value.every(
      (problem: unknown) => typeof (problem as FieldProblem | null)?.field === 'string' && Array.isArray((problem as FieldProblem).reasons),
    )
  );
}

/**
 * The `fields` of a BAD_USER_INPUT whatever raised it. A variable graphql-js refused names itself in
 * the message only (`Variable "$filter" got invalid value "XYZ" at "filter.leadCountry"; …`): its
 * path becomes the field, keeping the reasons of a scalar that refused it (a scalar cannot know where
 * it stands). A value written in the document itself is named by its type (`locations` points at it).
 */
export function fieldProblemsOf(message: string, fields: unknown): FieldProblem[] {
  const given = isFieldProblems(fields) ? fields : [];
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (variable === undefined) {
    if (given.length > 0) return given;
    return [{ field: /^Expected value of type "([^"![\]]+)/.exec(message)?.[1] ?? 'query', reasons: [message] }];
  }
  const at = new RegExp(` at "(${variable}(?:[.[][^"]*)?)"; `).exec(message);
  const field = at?.[1] ?? variable;
  if (given.length === 1) return [{ field, reasons: given[0].reasons }];
  if (given.length > 0) return given;
  // The reason is what follows the variable and its value: `Value "NOPE" does not exist in "CaseStatus" enum.`
  const separator = at ? at.index + at[0].length : message.indexOf('; ') + 2;
  return [{ field, reasons: [separator > 1 ? message.slice(separator) : message] }];
}

const PASSED_THROUGH = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'QUERY_NOT_IN_SAFELIST',
]);

const SAFE_EXTENSIONS = new Set([
  'requestId',
  'code',
  'field',
  'reason',
  'fields',
  'subgraph',
  'serviceName',
  'currentVersion',
  'currentStatus',
  'allowed',
  // RATE_LIMITED: which budget, and when to come back.
  'limit',
  'retryAfterSeconds',
]);

/** PostgreSQL unreachable, restarting or shutting connections: a state to retry, not a bug. */
/**
 * What a caller is told when a service cannot reach its database (its answer withheld, or a log row
 * that could not be written): a state to retry, with nothing of the cause. One text everywhere.
 */
export const DATABASE_DOWN_MESSAGE = 'This service cannot reach its database right now; retry shortly';
export const databaseDown = () => ({ message: DATABASE_DOWN_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } });

const DATABASE_DOWN_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET']);

export function isDatabaseDown(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // graphql-js wraps what a resolver throws that is not an Error of its own realm (NonErrorThrown):
  // a socket error made by Node's internals, seen from a VM context (jest), arrives so.
  const thrown = (error as { thrownValue?: unknown }).thrownValue;
  if (thrown !== undefined && thrown !== error) return isDatabaseDown(thrown);
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).code ??
    (error as { driverError?: { code?: unknown } }).driverError?.code;
  if (typeof code === 'string' && DATABASE_DOWN_CODES.has(code)) return true;
  // By shape, not instanceof, for the same reason.
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Connection is not established/i.test(message)
  );
}

/**
 * type-graphql's ArgumentValidationError (BAD_USER_INPUT with class-validator's errors), recognised
 * by shape so that the gateway, which formats errors too, need not load type-graphql.
 */
function isArgumentValidationError(original: unknown): original is GraphQLError & { extensions: { validationErrors: ValidationError[] } } {
  return original instanceof GraphQLError && Array.isArray(original.extensions?.validationErrors);
}

/**
 * Apollo Server's own refusals of a request (a persisted-query hash that does not match its query)
 * carry an HTTP 4xx status but no code: the caller's fault, reported as BAD_REQUEST.
 */
function isRequestRefusal(original: unknown): original is GraphQLError {
  const status = original instanceof GraphQLError ? (original.extensions?.http as { status?: unknown } | undefined)?.status : undefined;
  return (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    original instanceof GraphQLError &&
    original.extensions?.code === undefined
  );
}

/** The errors that formatError will mask: what must be logged, with the request's id. */
export function internalErrorsOf(errors: readonly GraphQLError[]): unknown[] {
  return errors
    .map((error) => unwrapResolverError(error))
    .filter((original) => {
      if (isArgumentValidationError(original) || isDatabaseDown(original) || isRequestRefusal(original)) return false;
      // At the gateway a subgraph's error arrives as its plain JSON (not a GraphQLError): its code counts too.
      const code =
        typeof original === 'object' && original !== null ? (original as { extensions?: { code?: unknown } }).extensions?.code : undefined;
      return !(typeof code === 'string' && PASSED_THROUGH.has(code));
    });
}

/**
 * Apollo `formatError`: typed errors pass as they are; validation failures become BAD_USER_INPUT
 * with every failing field; a database outage is SERVICE_UNAVAILABLE; anything else is masked so no
 * stack or SQL text leaks (the request-log plugin logs it with the request id).
 */
export function createErrorFormatter(options: { hideSuggestions?: boolean } = {}) {
  const format = formatter();
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => withoutSuggestions(format(formatted, error));
}

/**
 * graphql-js's "Did you mean …?" in every form (`"x"`, `"x" or "y"`, `the enum value "X"`), from the
 * message and from the reasons of `fields`: whatever raised it, here or in a subgraph.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const fields = formatted.extensions?.fields;
  return {
    ...formatted,
    message: formatted.message.replace(SUGGESTION, ''),
    ...(isFieldProblems(fields)
      ? {
          extensions: {
            ...formatted.extensions,
            fields: fields.map((problem) => ({ ...problem, reasons: problem.reasons.map((reason) => reason.replace(SUGGESTION, '')) })),
          },
        }
      : {}),
  };
}

function formatter() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isArgumentValidationError(original)) {
      const fields = flatten(original.extensions.validationErrors);
      return {
        message: `Invalid input: ${fields.map((problem) => problem.field).join(', ')}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      // Only the documented keys: never a stack trace, nor a subgraph's URL or raw response.
      const extensions: Record<string, unknown> = {};
      for (const key of Object.keys(formatted.extensions ?? {}))
        if (SAFE_EXTENSIONS.has(key)) extensions[key] = formatted.extensions?.[key];
      if (code === 'BAD_USER_INPUT') {
        // One shape (docs/partner-developer.md): the refused inputs are in `fields`, never a lone field/reason.
        extensions.fields = fieldProblemsOf(formatted.message, extensions.fields);
        delete extensions.field;
        delete extensions.reason;
      }
      return { ...formatted, extensions };
    }
    if (isRequestRefusal(original)) {
      return { message: original.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (isDatabaseDown(original)) {
      return {
        message: DATABASE_DOWN_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** Which budget a caller ran out of: requests per minute, or query cost (graphql-armor's estimate) per minute. */
export type RateLimit = 'REQUESTS' | 'COST';

/**
 * Over an organisation's (or a caller's) limit: HTTP 429 with `Retry-After` (seconds), and
 * `extensions.retryAfterSeconds` for clients that read only the body.
 */
export class RateLimitedError extends GraphQLError {
  constructor(limit: RateLimit, retryAfterSeconds: number) {
    // Apollo Server reads response headers from a Map here (another package's typing says a record).
    const http: Record<string, unknown> = { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
    super(`Rate limit exceeded (${limit === 'REQUESTS' ? 'requests' : 'query cost'} per minute); retry after ${retryAfterSeconds} s`, {
      extensions: { code: 'RATE_LIMITED', limit, retryAfterSeconds, http },
    });
  }
}

/**
 * Trusted documents (PERSISTED_DOCUMENTS): the codes Apollo Router answers with. An id the manifest
 * does not hold is PERSISTED_QUERY_NOT_IN_LIST (not APQ's PERSISTED_QUERY_NOT_FOUND, which tells a
 * client to send the text and have it registered); a document sent as text that no known client
 * registered is QUERY_NOT_IN_SAFELIST.
 */
export class UntrustedDocumentError extends GraphQLError {
  /** `status`: 400, or 200 for a caller that asked for application/json (as every document refused before execution). */
  constructor(code: 'PERSISTED_QUERY_NOT_IN_LIST' | 'QUERY_NOT_IN_SAFELIST', status: 200 | 400) {
    super(
      code === 'PERSISTED_QUERY_NOT_IN_LIST'
        ? 'No registered operation has this id (see the trusted documents manifest)'
        : 'Only registered operations run here: send a registered document, or its id',
      { extensions: { code, http: { status } } },
    );
  }
}
