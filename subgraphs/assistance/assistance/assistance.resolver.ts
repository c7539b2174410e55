import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import type { AssistanceContext } from '../assistance.context.js';
import { AssistanceStatus } from '../enums.js';
import { RecordAssistanceInput } from './assistance.input.js';
import { Assistance } from './assistance.type.js';

@Resolver(() => Assistance)
export class AssistanceResolver {
  @Mutation(() => Assistance, { nullable: true, description: 'Records assistance given or planned (IOM only).' })
  recordAssistance(
    @Arg('input', () => RecordAssistanceInput, { description: 'The assistance.' }) input: RecordAssistanceInput,
    @Ctx() context: AssistanceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.assistance.record(input, idempotencyKey);
  }

  @Mutation(() => Assistance, {
    nullable: true,
    description: 'Moves assistance on (IOM only): PLANNED → IN_PROGRESS or DECLINED; IN_PROGRESS → COMPLETED or DECLINED.',
  })
  updateAssistance(
    @Arg('id', () => ID, { description: 'The assistance record.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Arg('status', () => AssistanceStatus, { description: 'The new status.' }) status: AssistanceStatus,
    @Ctx() context: AssistanceContext,
  ) {
    return context.assistance.update(id, version, status);
  }
}
