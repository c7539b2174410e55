import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import { Case } from '../case/case.type.js';
import { Operation } from '../operation/operation.type.js';
import type { PoliceContext } from '../police.context.js';
import { Vessel } from '../vessel/vessel.type.js';
import type { DetectionEntity } from './detection.entity.js';
import { RecordDetectionInput } from './detection.input.js';
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

  @Mutation(() => Detection, {
    nullable: true,
    description:
      "Records a detection at sea (POLICE only), with its vessel, on an existing case (its owning country's police only) or on a case it opens (owned by your country).",
  })
  recordDetection(
    @Arg('input', () => RecordDetectionInput, { description: 'The detection.' }) input: RecordDetectionInput,
    @Ctx() context: PoliceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.detections.record(input, idempotencyKey);
  }
}
