import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AssistanceContext } from '../assistance.context.js';
import { Migrant } from '../migrant/migrant.type.js';
import { AssistanceSummary, Case } from './case.type.js';

@Resolver(() => Case)
export class CaseMigrantsResolver {
  @FieldResolver(() => [Migrant], { nullable: true, description: 'Migrants registered for assistance on the case, by code.' })
  migrants(@Root() root: Case, @Ctx() context: AssistanceContext) {
    return context.migrants.byCase(root.id);
  }

  @FieldResolver(() => AssistanceSummary, {
    nullable: true,
    description:
      'Counts of the migrants on the case: exact for what the reader may see one by one, k-anonymous for the rest. Police, IOM and prosecutors; every read is logged.',
  })
  assistanceSummary(@Root() root: Case, @Ctx() context: AssistanceContext): Promise<AssistanceSummary> {
    return context.migrants.summary(root.id);
  }
}
