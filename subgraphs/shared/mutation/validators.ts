import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An instant that has already happened (detections, screenings, consents cannot be in the future). */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notInFuture',
      // A minute of grace for clocks that run slightly ahead of the server's.
      validator: { validate: (value: unknown) => value instanceof Date && value.getTime() <= Date.now() + 60_000 },
    },
    { message: '$property must not be in the future', ...options },
  );
}

/**
 * An instant on or after `earliest` (a date at sea before it is a typing error, such as year 0).
 * Bounds used: detections from 1990-01-01, dates of birth from 1900-01-01.
 */
export function NotBefore(earliest: string, options?: ValidationOptions): PropertyDecorator {
  const bound = new Date(earliest).getTime();
  return ValidateBy(
    { name: 'notBefore', validator: { validate: (value: unknown) => value instanceof Date && value.getTime() >= bound } },
    { message: `$property must not be before ${earliest}`, ...options },
  );
}

/** Control characters (C0, DEL, C1): never part of a name, and a way to forge lines in what prints it. */
const CONTROL = /\p{Cc}/u;

/** A name or alias: something besides whitespace, and no control character (the service stores it trimmed). */
export function IsPlainName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlainName',
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 && !CONTROL.test(value) },
    },
    { message: '$property must not be blank nor contain control characters', ...options },
  );
}

/** Whole years from `birth` to `at`, by calendar date (UTC): 8 the day before the 9th birthday. */
export function ageInYears(birth: Date, at: Date): number {
  const years = at.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < birth.getUTCMonth() || (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  return beforeBirthday ? years - 1 : years;
}

/**
 * The property (an age band) agrees with a date of birth at a moment, both read from the input by
 * `of`: passes when either is unknown, or when `fits(band, age)` holds.
 */
export function AgreesWithDateOfBirth(
  of: (input: object) => { dateOfBirth: Date | null | undefined; at: Date | null | undefined },
  fits: (band: unknown, age: number) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'agreesWithDateOfBirth',
      validator: {
        validate: (value: unknown, args) => {
          const { dateOfBirth, at } = of(args?.object ?? {});
          if (!(dateOfBirth instanceof Date)) return true;
          const age = ageInYears(dateOfBirth, at instanceof Date ? at : new Date());
          // A birth after registration is refused as a date (not in the future): no band to compare.
          return age < 0 || fits(value, age);
        },
      },
    },
    { message: '$property does not agree with the date of birth', ...options },
  );
}
