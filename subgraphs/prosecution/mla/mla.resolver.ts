import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import { MLA_STATUS_TRANSITIONS, MlaStatus } from '../enums.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import type { MlaRequestEntity } from './mla.entity.js';
import { CreateMlaRequestInput } from './mla.input.js';
import { MlaRequest } from './mla.type.js';

const DAY_MS = 24 * 60 * 60 * 1000;

@Resolver(() => MlaRequest)
export class MlaRequestResolver {
  @Mutation(() => MlaRequest, { nullable: true, description: 'Creates a mutual legal assistance request as DRAFT (PROSECUTOR only).' })
  createMlaRequest(
    @Arg('input', () => CreateMlaRequestInput, { description: 'The request.' }) input: CreateMlaRequestInput,
    @Ctx() context: ProsecutionContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.mlaRequests.create(input, idempotencyKey);
  }

  @Mutation(() => MlaRequest, {
    nullable: true,
    description:
      'Moves an MLA request along the transitions a real request can make (PROSECUTOR only); an invalid one is BAD_USER_INPUT naming the current status and the allowed ones.',
  })
  advanceMlaRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Arg('status', () => MlaStatus, { description: 'The new status.' }) status: MlaStatus,
    @Ctx() context: ProsecutionContext,
  ) {
    return context.mlaRequests.advance(id, version, status);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Whole days the request has been waiting since it was created; null once it has reached a final status (executed, refused, withdrawn).',
  })
  waitingDays(@Root() root: MlaRequestEntity): number | null {
    if (MLA_STATUS_TRANSITIONS[root.status].length === 0) return null;
    return Math.floor((Date.now() - root.createdAt.getTime()) / DAY_MS);
  }
}
