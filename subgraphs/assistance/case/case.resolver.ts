import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AssistanceContext } from '../assistance.context.js';
import { Migrant } from '../migrant/migrant.type.js';
import { AssistanceSummary, Case } from './case.type.js';

@Resolver(() => Case)
export class CaseMigrantsResolver {
  @FieldResolver(() => [Migrant], { nullable: true, description: 'Migrants registered for assistance on the case, by code.' })
  migrants(@Root() root: Case, @Ctx() context: AssistanceContext) {
    return context.loaders.migrantsByCase.load(root.id);
  }

  @FieldResolver(() => AssistanceSummary, { nullable: true, description: 'Counts of the migrants on the case.' })
  async assistanceSummary(@Root() root: Case, @Ctx() context: AssistanceContext): Promise<AssistanceSummary> {
    const counts = await context.loaders.countsByCase.load(root.id);
    return counts ?? { migrants: 0, minors: 0, unaccompaniedMinors: 0, traffickingVictims: 0, possibleTraffickingVictims: 0 };
  }
}
