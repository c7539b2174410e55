import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type.js';
import { Operation } from '../operation/operation.type.js';
import type { PoliceContext } from '../police.context.js';
import { Vessel } from '../vessel/vessel.type.js';
import type { DetectionEntity } from './detection.entity.js';
import { Detection, Position } from './detection.type.js';

@Resolver(() => Detection)
export class DetectionResolver {
  @Query(() => Detection, { nullable: true, description: 'One detection at sea by id; null when none has that id.' })
  detection(@Arg('id', () => ID, { description: 'The detection id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.detections.get(id);
  }

  @FieldResolver(() => Position, { nullable: true, description: 'Where the vessel was detected.' })
  position(@Root() root: DetectionEntity, @Ctx() context: PoliceContext): Promise<Position> {
    return context.detections.position(root);
  }

  @FieldResolver(() => Vessel, { nullable: true, description: 'The vessel detected, when identified.' })
  vessel(@Root() root: DetectionEntity, @Ctx() context: PoliceContext) {
    return context.detections.vessel(root);
  }

  @FieldResolver(() => Case, { description: 'The case the detection belongs to.' })
  case(@Root() root: DetectionEntity, @Ctx() context: PoliceContext) {
    return context.detections.case(root);
  }

  @FieldResolver(() => Operation, { nullable: true, description: 'The joint operation during which it was made, if any.' })
  operation(@Root() root: DetectionEntity, @Ctx() context: PoliceContext) {
    return context.detections.operation(root);
  }
}
