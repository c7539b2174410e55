import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, locatedError, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import {
  BadUserInputError,
  createErrorFormatter,
  fieldProblemsOf,
  ForbiddenError,
  InvalidInputError,
  InvalidTransitionError,
  locatedDenial,
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

describe('a denial placed on its field (locatedDenial) is what graphql-js would place', () => {
  const document = parse('query Q {\n  cases {\n    nodes { id summary }\n  }\n}');
  const operation = document.definitions[0] as OperationDefinitionNode;
  const cases = operation.selectionSet.selections[0] as FieldNode;
  const nodes = (cases.selectionSet?.selections[0] as FieldNode).selectionSet?.selections ?? [];
  const summary = nodes[1] as FieldNode;

  it('has locatedError’s fields, values, JSON and enumerable keys; the denial is shared, per reason, frozen', () => {
    const denial = ForbiddenError.of('ROLE');
    expect(ForbiddenError.of('ROLE')).toBe(denial);
    expect(Object.isFrozen(denial) && Object.isFrozen(denial.extensions)).toBe(true);
    const path = ['cases', 'nodes', 3, 'summary'];
    const ours = locatedDenial(denial, [summary], path);
    const theirs = locatedError(denial, [summary], path);
    expect(ours).toBeInstanceOf(GraphQLError);
    expect(unwrapResolverError(ours)).toBe(denial);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const field of [
      'message',
      'path',
      'locations',
      'extensions',
      'name',
      'nodes',
      'source',
      'positions',
      'originalError',
      'stack',
    ] as const)
      expect({ field, value: ours[field] }).toEqual({ field, value: theirs[field] });
    expect(ours.toString()).toBe(theirs.toString());
    expect(ours.locations).toEqual([{ line: 3, column: 16 }]);
    // Formatted as any denial: code and reason, nothing else.
    expect(format(ours.toJSON(), ours).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('a field with no location in a document (built by hand) has none either', () => {
    const bare: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'summary' } };
    const ours = locatedDenial(ForbiddenError.of('NOT_RELEASABLE'), [bare], ['summary']);
    const theirs = locatedError(ForbiddenError.of('NOT_RELEASABLE'), [bare], ['summary']);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    expect([ours.locations, ours.source, ours.positions]).toEqual([theirs.locations, theirs.source, theirs.positions]);
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
