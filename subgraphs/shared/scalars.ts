import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
// The one validator function, not all of class-validator: the gateway loads this module too.
import isISO31661Alpha3 from 'validator/lib/isISO31661Alpha3';

/** An ISO 3166-1 alpha-3 code in upper case (DOM, ITA, …). */
export function isCountryCode(value: string): boolean {
  // validator compares case-insensitively; Tidelink stores and compares codes as written, so only upper case passes.
  return value === value.toUpperCase() && isISO31661Alpha3(value);
}

function parseCountry(value: unknown): string {
  if (typeof value !== 'string' || !isCountryCode(value)) {
    throw new GraphQLError(`CountryCode must be an ISO 3166-1 alpha-3 code such as "DOM" or "ITA", got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_COUNTRY' },
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
