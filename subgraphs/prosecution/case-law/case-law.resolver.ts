import { Ctx, Query, Resolver } from 'type-graphql';
import type { ProsecutionContext } from '../prosecution.context.js';
import { CaseLawReference } from './case-law.type.js';

@Resolver(() => CaseLawReference)
export class CaseLawResolver {
  @Query(() => [CaseLawReference], { description: 'All case-law references known to prosecutor support, most recent first.' })
  caseLaw(@Ctx() context: ProsecutionContext) {
    return context.prosecutions.allCaseLaw();
  }
}
