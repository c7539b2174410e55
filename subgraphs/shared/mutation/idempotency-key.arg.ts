import { Arg } from 'type-graphql';

const IDEMPOTENCY_KEY_DESCRIPTION =
  'Any string of yours (1-200 of letters, digits, . _ : -): a retry with the same key and input returns the first result and writes nothing; the same key with other input is a CONFLICT.';

/** The `idempotencyKey` argument of every creating mutation, declared once. */
export function IdempotencyKeyArg(): ReturnType<typeof Arg> {
  return Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION });
}
