import { Ctx, Query, Resolver } from 'type-graphql';
import type { PoliceContext } from '../police.context.js';
import { Operation } from './operation.type.js';

@Resolver(() => Operation)
export class OperationResolver {
  @Query(() => [Operation], { description: 'Joint operations, most recent first.' })
  operations(@Ctx() context: PoliceContext) {
    return context.operations.all();
  }
}
