import { GraphQLError, locatedError } from 'graphql';
import {
  BadUserInputError,
  createErrorFormatter,
  fieldProblemsOf,
  ForbiddenError,
  InvalidInputError,
  InvalidTransitionError,
} from '../../platform/errors.js';

const format = createErrorFormatter();
const formatted = (error: GraphQLError) => format({ message: error.message, extensions: error.extensions }, error).extensions;

describe('one BAD_USER_INPUT shape: extensions.fields [{ field, reasons }]', () => {
  it('for one refused argument, several refused inputs, and an invalid transition (with its details beside)', () => {
    expect(formatted(new BadUserInputError('after is not a cursor', 'after', 'INVALID_CURSOR'))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', reasons: ['INVALID_CURSOR'] }],
    });
    expect(formatted(new InvalidInputError([{ field: 'filter.from', reasons: ['must be a month start'] }]))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.from', reasons: ['must be a month start'] }],
    });
    expect(formatted(new InvalidTransitionError('Case', 'CLOSED', 'OPEN', []))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'status', reasons: ['INVALID_TRANSITION'] }],
      currentStatus: 'CLOSED',
      allowed: [],
    });
  });

  it('for a variable graphql-js refused: its path is the field, a refusing scalar keeps its reasons', () => {
    const enumValue = 'Variable "$f" got invalid value "NOPE" at "f.status"; Value "NOPE" does not exist in "CaseStatus" enum.';
    expect(fieldProblemsOf(enumValue, undefined)).toEqual([
      { field: 'f.status', reasons: ['Value "NOPE" does not exist in "CaseStatus" enum.'] },
    ]);
    const int = 'Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"';
    expect(fieldProblemsOf(int, undefined)).toEqual([{ field: 'n', reasons: ['Int cannot represent non-integer value: "ten"'] }]);
    const scalar = 'Variable "$filter" got invalid value "XYZ" at "filter.leadCountry"; CountryCode must be an ISO 3166-1 alpha-3 code';
    expect(fieldProblemsOf(scalar, [{ field: 'CountryCode', reasons: ['INVALID_COUNTRY'] }])).toEqual([
      { field: 'filter.leadCountry', reasons: ['INVALID_COUNTRY'] },
    ]);
    // A refusal from elsewhere (Apollo's own BAD_USER_INPUT) still gets the shape, with no lone field/reason.
    const bare = new GraphQLError('Variable "$input" of required type "OpenCaseInput!" was not provided.', {
      extensions: { code: 'BAD_USER_INPUT', field: 'input', reason: 'MISSING' },
    });
    expect(formatted(bare)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input', reasons: ['Variable "$input" of required type "OpenCaseInput!" was not provided.'] }],
    });
  });

  it('leaves the reason of other codes as it is', () => {
    expect(formatted(new ForbiddenError('NOT_RELEASABLE'))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' });
  });
});

describe('denials carry no stack', () => {
  it('builds a FORBIDDEN error without capturing a stack, and leaves the stack limit as it was', () => {
    const before = Error.stackTraceLimit;
    const denial = new ForbiddenError('CONSENT_REQUIRED');
    expect(denial.extensions).toEqual({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    expect(denial.stack?.split('\n').filter((line) => line.trim().startsWith('at '))).toEqual([]);
    expect(Error.stackTraceLimit).toBe(before);
    // Other errors keep theirs: a fault must still say where it happened.
    expect(new Error('fault').stack).toMatch(/\n\s+at /);
  });
});

describe('a database that cannot be reached is SERVICE_UNAVAILABLE, however the driver error arrives', () => {
  const formattedError = (thrown: unknown) => {
    // As graphql-js reports what a resolver threw: a value that is not an Error of its realm becomes NonErrorThrown.
    const error = locatedError(thrown, undefined, ['case']);
    return format({ message: error.message, extensions: error.extensions }, error).extensions?.code;
  };

  it('a refused connection, also as a plain value; a shutting-down server; a terminated connection', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(formattedError(refused)).toBe('SERVICE_UNAVAILABLE');
    expect(formattedError({ errno: -111, code: 'ECONNREFUSED', syscall: 'connect' })).toBe('SERVICE_UNAVAILABLE');
    expect(formattedError(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))).toBe('SERVICE_UNAVAILABLE');
    expect(formattedError(new Error('Connection terminated unexpectedly'))).toBe('SERVICE_UNAVAILABLE');
  });

  it('anything else stays masked as INTERNAL_SERVER_ERROR', () => {
    expect(formattedError({ code: '23505' })).toBe('INTERNAL_SERVER_ERROR');
    expect(formattedError(null)).toBe('INTERNAL_SERVER_ERROR');
    expect(formattedError(new Error('boom'))).toBe('INTERNAL_SERVER_ERROR');
  });
});
