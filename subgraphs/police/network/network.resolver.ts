import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { PoliceContext } from '../police.context.js';
import { Suspect } from '../suspect/suspect.type.js';
import type { SmugglingNetworkEntity } from './network.entity.js';
import { SmugglingNetwork } from './network.type.js';

@Resolver(() => SmugglingNetwork)
export class SmugglingNetworkResolver {
  @Query(() => [SmugglingNetwork], { description: 'Smuggling networks known to analysts, by name.' })
  smugglingNetworks(@Ctx() context: PoliceContext) {
    return context.networks.all();
  }

  @FieldResolver(() => [Suspect], { nullable: true, description: 'Suspects believed to belong to the network.' })
  suspects(@Root() root: SmugglingNetworkEntity, @Ctx() context: PoliceContext) {
    return context.networks.suspects(root);
  }
}
