import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertId } from '../../shared/pagination.js';
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
    return context.loaders.detectionById.load(assertId(id));
  }

  @FieldResolver(() => Position, { nullable: true, description: 'Where the vessel was detected.' })
  position(@Root() root: DetectionEntity): Position {
    return { latitude: root.latitude, longitude: root.longitude };
  }

  @FieldResolver(() => Vessel, { nullable: true, description: 'The vessel detected, when identified.' })
  vessel(@Root() root: DetectionEntity, @Ctx() context: PoliceContext) {
    return root.vesselId ? context.loaders.vesselById.load(root.vesselId) : null;
  }

  @FieldResolver(() => Case, { description: 'The case the detection belongs to.' })
  case(@Root() root: DetectionEntity, @Ctx() context: PoliceContext) {
    return context.loaders.caseById.load(root.caseId);
  }

  @FieldResolver(() => Operation, { nullable: true, description: 'The joint operation during which it was made, if any.' })
  operation(@Root() root: DetectionEntity, @Ctx() context: PoliceContext) {
    return root.operationId ? context.loaders.operationById.load(root.operationId) : null;
  }
}
