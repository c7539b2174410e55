import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProsecutionContext } from '../prosecution.context.js';
import { Prosecution } from '../prosecution/prosecution.type.js';
import { Case } from './case.type.js';

@Resolver(() => Case)
export class CaseResolver {
  @FieldResolver(() => Prosecution, {
    nullable: true,
    description: 'The criminal proceedings brought on the case; null while no prosecution office has opened one.',
  })
  prosecution(@Root() root: Case, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.byCase(root.id);
  }
}
