import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Case } from '../case/case.type.js';
import type { CaseEntity } from '../case/case.entity.js';
import { Position } from '../detection/detection.type.js';

@ObjectType('RouteEnd', {
  description:
    "One end of a case's route at sea: a detection of the case, with the sea area and position that links of kind ROUTE compare. The departure beach and the landing are not recorded, only where vessels were met at sea.",
})
export class RouteEnd {
  @Field({ description: 'Named sea area of the detection, e.g. "Mona Passage".' })
  seaArea: string;

  @Field(() => Position, { description: 'Where the vessel was detected.' })
  position: Position;

  @Field(() => DateTimeResolver, { description: 'When the vessel was detected (UTC).' })
  detectedAt: Date;
}

@ObjectType('NetworkRoute', {
  description:
    "The route at sea of one of a network's cases, from its detections (the ones links of kind ROUTE compare): from the earliest to the latest. Only for cases released to you.",
})
export class NetworkRoute {
  @Field(() => Case, { description: 'The case whose route this is (always one released to you).' })
  case: CaseEntity;

  @Field(() => RouteEnd, { description: 'The earliest detection of the case (the same as `to` when it has one detection).' })
  from: RouteEnd;

  @Field(() => RouteEnd, { description: 'The latest detection of the case.' })
  to: RouteEnd;

  @Field(() => [String], { description: "The sea areas of the case's detections, each once, in order of detection." })
  seaAreas: string[];

  @Field(() => Int, { description: 'How many detections the route rests on.' })
  detections: number;
}
