import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCountryCode } from '../../platform/country-code.js';
import { badUserInput } from '../../platform/errors.js';

function parseCountry(value: unknown): string {
  if (typeof value !== 'string' || !isCountryCode(value)) {
    throw new GraphQLError(`CountryCode must be an ISO 3166-1 alpha-3 code such as "DOM" or "ITA", got ${JSON.stringify(value)}`, {
      // Named by its type: where the value stood is added by the error formatter (fieldProblemsOf).
      extensions: badUserInput([{ field: 'CountryCode', reasons: ['INVALID_COUNTRY'] }]),
    });
  }
  return value;
}

/** ISO 3166-1 alpha-3 country code, validated on input (upper case, e.g. DOM, HTI, ITA, LBY). */
export const CountryCode = new GraphQLScalarType({
  name: 'CountryCode',
  description:
    'An ISO 3166-1 alpha-3 country code in upper case, such as DOM (Dominican Republic), TCA (Turks and Caicos Islands) or ITA (Italy). Input is validated against the standard.',
  serialize: (value) => value,
  parseValue: parseCountry,
  parseLiteral: (ast) => parseCountry(ast.kind === Kind.STRING ? ast.value : undefined),
});
