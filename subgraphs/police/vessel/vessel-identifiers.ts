import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A vessel's identifiers and their checks (the SQL CHECKs of the vessel-identifiers migration say
 * the same). IMO numbers are kept as their seven digits; "IMO 9074729" is accepted on input.
 */

/** The seven digits of an IMO number given as "IMO 9074729" or "9074729"; the input unchanged otherwise. */
export function imoDigits(value: string): string {
  return value.trim().replace(/^IMO\s*/i, '');
}

/**
 * Why an IMO number is refused, or null when it is valid: seven digits whose first six, weighted
 * 7 down to 2, sum to a number whose last digit is the seventh (IMO Resolution A.1117(30)).
 */
export function imoProblem(value: string): 'INVALID_IMO_FORMAT' | 'INVALID_IMO_CHECK_DIGIT' | null {
  const digits = imoDigits(value);
  if (!/^[0-9]{7}$/.test(digits)) return 'INVALID_IMO_FORMAT';
  let sum = 0;
  for (let position = 0; position < 6; position += 1) sum += Number(digits[position]) * (7 - position);
  return sum % 10 === Number(digits[6]) ? null : 'INVALID_IMO_CHECK_DIGIT';
}

/**
 * Why an MMSI is refused, or null when it is a ship station's: nine digits, the first 2 to 7 (the
 * maritime identification digits of the flag's region; 0, 1, 8 and 9 start group, coast, SAR-aircraft,
 * handheld and other non-ship identities, ITU-R M.585).
 */
export function mmsiProblem(value: string): 'INVALID_MMSI_FORMAT' | 'MMSI_NOT_A_SHIP_STATION' | null {
  if (!/^[0-9]{9}$/.test(value)) return 'INVALID_MMSI_FORMAT';
  return /^[2-7]/.test(value) ? null : 'MMSI_NOT_A_SHIP_STATION';
}

/** A national registration number: letters, digits and the usual separators, 1-40 characters. */
export const REGISTRATION = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/;

/** Hull descriptions are free text up to this length. */
export const MAX_HULL_DESCRIPTION = 500;

/** class-validator: an IMO number with a valid check digit; the reason (a stable code) is the message. */
export function IsImoNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isImoNumber',
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && imoProblem(value) === null),
        defaultMessage: (args) => (typeof args?.value === 'string' ? (imoProblem(args.value) ?? '') : 'INVALID_IMO_FORMAT'),
      },
    },
    options,
  );
}

/** class-validator: a ship station's MMSI; the reason (a stable code) is the message. */
export function IsShipMmsi(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isShipMmsi',
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && mmsiProblem(value) === null),
        defaultMessage: (args) => (typeof args?.value === 'string' ? (mmsiProblem(args.value) ?? '') : 'INVALID_MMSI_FORMAT'),
      },
    },
    options,
  );
}
