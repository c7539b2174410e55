import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import type { AssistanceContext } from '../assistance.context.js';
import { RecordScreeningInput } from './screening.input.js';
import { Screening } from './screening.type.js';

@Resolver(() => Screening)
export class ScreeningResolver {
  @Mutation(() => Screening, {
    nullable: true,
    description: "Records a screening (IOM only); its findings become the migrant's current vulnerabilities and trafficking status.",
  })
  recordScreening(
    @Arg('input', () => RecordScreeningInput, { description: 'The screening.' }) input: RecordScreeningInput,
    @Ctx() context: AssistanceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.screenings.record(input, idempotencyKey);
  }
}
