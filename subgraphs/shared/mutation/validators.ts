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
