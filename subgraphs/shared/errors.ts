import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from './logger.js';

/** No valid bearer token: the request is refused as a whole (HTTP 401). */
export class AuthenticationError extends GraphQLError {
  constructor(reason: string) {
    super(`Authentication required: ${reason}`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

/** Bad input from the caller, naming the argument and why it was refused. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field: string, reason: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', field, reason } });
  }
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
]);

const SAFE_EXTENSIONS = new Set(['code', 'field', 'reason', 'fields', 'subgraph', 'serviceName']);

/**
 * Apollo `formatError`: typed errors pass as they are; validation failures become BAD_USER_INPUT
 * with every failing field; anything else is logged and masked so no stack or SQL text leaks.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors.map((failure) => ({
        field: failure.property,
        reasons: Object.values(failure.constraints ?? {}),
      }));
      return {
        message: 'Invalid input',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      // Only the documented keys: never a stack trace, nor a subgraph's URL or raw response.
      const extensions = Object.fromEntries(
        Object.entries(formatted.extensions ?? {}).filter(([key]) => SAFE_EXTENSIONS.has(key)),
      );
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
