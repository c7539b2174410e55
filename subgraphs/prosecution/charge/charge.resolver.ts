import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import { FileChargeInput, RecordVerdictInput } from './charge.input.js';
import { Charge } from './charge.type.js';

@Resolver(() => Charge)
export class ChargeResolver {
  @Mutation(() => Charge, {
    nullable: true,
    description: 'Files a charge with its legal basis (PROSECUTOR only); the basis must fit the offence.',
  })
  fileCharge(
    @Arg('input', () => FileChargeInput, { description: 'The charge.' }) input: FileChargeInput,
    @Ctx() context: ProsecutionContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.charges.file(input, idempotencyKey);
  }

  @Mutation(() => Charge, {
    nullable: true,
    description: 'Records the verdict (and sentence, if guilty) on a pending charge (PROSECUTOR only).',
  })
  recordVerdict(
    @Arg('input', () => RecordVerdictInput, { description: 'The verdict.' }) input: RecordVerdictInput,
    @Ctx() context: ProsecutionContext,
  ) {
    return context.charges.recordVerdict(input);
  }
}
