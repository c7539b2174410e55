import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import type { PoliceContext } from '../police.context.js';
import { ShareIntelligenceInput } from './intelligence.input.js';
import { IntelligenceItem } from './intelligence.type.js';

/** Writes of intelligence items; they are read through their case (`Case.intelligence`, `Case.courtIntelligence`). */
@Resolver(() => IntelligenceItem)
export class IntelligenceResolver {
  @Mutation(() => IntelligenceItem, {
    nullable: true,
    description:
      "Shares an intelligence item on a case (POLICE of any country the case is released to), with its handling code, grading and releasability. The item's source country is your token's country.",
  })
  shareIntelligence(
    @Arg('input', () => ShareIntelligenceInput, { description: 'The item.' }) input: ShareIntelligenceInput,
    @Ctx() context: PoliceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.intelligence.share(input, idempotencyKey);
  }
}
