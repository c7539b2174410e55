// The one validator function, not all of class-validator: the gateway loads this module too.
import isISO31661Alpha3 from 'validator/lib/isISO31661Alpha3';

/** An ISO 3166-1 alpha-3 code in upper case (DOM, ITA, …). */
export function isCountryCode(value: string): boolean {
  // validator compares case-insensitively; Tidelink stores and compares codes as written, so only upper case passes.
  return value === value.toUpperCase() && isISO31661Alpha3(value);
}
