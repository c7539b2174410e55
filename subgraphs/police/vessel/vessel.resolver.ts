import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type.js';
import { Detection } from '../detection/detection.type.js';
import type { PoliceContext } from '../police.context.js';
import type { VesselEntity } from './vessel.entity.js';
import { Vessel } from './vessel.type.js';

@Resolver(() => Vessel)
export class VesselResolver {
  @Query(() => Vessel, {
    nullable: true,
    description:
      'One vessel by id, across the cases it was detected in (POLICE and PROSECUTOR who may see at least one of those cases; otherwise NOT_FOUND, as for an id no vessel has).',
  })
  vessel(@Arg('id', () => ID, { description: 'The vessel id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.vessels.get(id);
  }

  @FieldResolver(() => [Detection], {
    description: "The vessel's detections, oldest first; detections on cases you may not see are left out.",
  })
  detections(@Root() root: VesselEntity, @Ctx() context: PoliceContext) {
    return context.vessels.detections(root);
  }

  @FieldResolver(() => [Case], {
    description:
      'Every case the vessel was detected in, in order of detection. A case whose owner has not released it to you is a hit only (`releasable: false`: reference and owning country to contact).',
  })
  cases(@Root() root: VesselEntity, @Ctx() context: PoliceContext) {
    return context.vessels.cases(root);
  }
}
