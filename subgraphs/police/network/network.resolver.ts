import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type.js';
import { Person } from '../person/person.type.js';
import type { PoliceContext } from '../police.context.js';
import { Suspect } from '../suspect/suspect.type.js';
import { Vessel } from '../vessel/vessel.type.js';
import { NetworkRoute } from './network-route.type.js';
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

  @FieldResolver(() => [Case], {
    nullable: true,
    description:
      'The cases attributed to the network or with a suspect believed to belong to it, newest first; a case not released to you comes as a hit (reference and owning country).',
  })
  cases(@Root() root: SmugglingNetworkEntity, @Ctx() context: PoliceContext) {
    return context.networks.cases(root);
  }

  @FieldResolver(() => [Person], {
    nullable: true,
    description: "The persons of interest of the network's suspects in cases you may read (the others are left out, as from `suspects`).",
  })
  persons(@Root() root: SmugglingNetworkEntity, @Ctx() context: PoliceContext) {
    return context.networks.persons(root);
  }

  @FieldResolver(() => [Vessel], {
    nullable: true,
    description:
      "The vessels detected in the network's cases released to you, in order of first detection; a vessel met only in a case not released to you is left out.",
  })
  vessels(@Root() root: SmugglingNetworkEntity, @Ctx() context: PoliceContext) {
    return context.networks.vessels(root);
  }

  @FieldResolver(() => [NetworkRoute], {
    nullable: true,
    description:
      "The route at sea of each of the network's cases released to you (from its earliest to its latest detection), newest case first; cases not released to you are left out.",
  })
  routes(@Root() root: SmugglingNetworkEntity, @Ctx() context: PoliceContext) {
    return context.networks.routes(root);
  }
}
