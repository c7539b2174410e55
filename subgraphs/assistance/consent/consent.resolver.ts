import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import type { AssistanceContext } from '../assistance.context.js';
import { RecordConsentInput } from './consent.input.js';
import { Consent } from './consent.type.js';

@Resolver(() => Consent)
export class ConsentResolver {
  @Mutation(() => Consent, { nullable: true, description: 'Records a consent the migrant gives (IOM only).' })
  recordConsent(
    @Arg('input', () => RecordConsentInput, { description: 'The consent.' }) input: RecordConsentInput,
    @Ctx() context: AssistanceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.consents.record(input, idempotencyKey);
  }

  @Mutation(() => Consent, {
    nullable: true,
    description: 'Withdraws a consent (IOM only). From the next request on, no agency reads what it covered.',
  })
  withdrawConsent(
    @Arg('id', () => ID, { description: 'The consent.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Ctx() context: AssistanceContext,
  ) {
    return context.consents.withdraw(id, version);
  }
}
