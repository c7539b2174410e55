import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { DetectionOutcome, VesselType } from '../enums.js';

export enum DetectionDimension {
  MONTH = 'MONTH',
  SEA_AREA = 'SEA_AREA',
  DETECTING_COUNTRY = 'DETECTING_COUNTRY',
  OUTCOME = 'OUTCOME',
  VESSEL_TYPE = 'VESSEL_TYPE',
}
registerEnumType(DetectionDimension, {
  name: 'DetectionDimension',
  description: 'What detection statistics can be grouped by.',
  valuesConfig: {
    MONTH: { description: 'Calendar month of the detection (UTC), as YYYY-MM.' },
    SEA_AREA: { description: 'Named sea area.' },
    DETECTING_COUNTRY: { description: 'Country whose authorities made the detection.' },
    OUTCOME: { description: 'What happened at the detection.' },
    VESSEL_TYPE: { description: 'Kind of vessel (null when unidentified).' },
  },
});

@ObjectType({
  description:
    'One group of detections: the sum of its published unit cells (calendar month × country). A group with no published cell (empty or withheld alike) has null figures and `suppressed: true`, never 0.',
})
export class DetectionBucket {
  @Field(() => String, { nullable: true, description: 'Month (YYYY-MM), when grouped by MONTH.' })
  month?: string | null;

  @Field(() => String, { nullable: true, description: 'Sea area, when grouped by SEA_AREA.' })
  seaArea?: string | null;

  @Field(() => CountryCode, { nullable: true, description: 'Detecting country, when grouped by DETECTING_COUNTRY.' })
  detectingCountry?: string | null;

  @Field(() => DetectionOutcome, { nullable: true, description: 'Outcome, when grouped by OUTCOME.' })
  outcome?: DetectionOutcome | null;

  @Field(() => VesselType, { nullable: true, description: 'Vessel type, when grouped by VESSEL_TYPE.' })
  vesselType?: VesselType | null;

  @Field({
    description:
      'True when no unit cell of the group is published: it is empty, or every cell was withheld (fewer than k people, or a complement). Empty and withheld look alike.',
  })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Detections in the group; null when suppressed.' })
  detections: number | null;

  @Field(() => Int, { nullable: true, description: 'People aboard; null when suppressed.' })
  personsOnBoard: number | null;

  @Field(() => Int, { nullable: true, description: 'People found dead; null when suppressed.' })
  deaths: number | null;

  @Field(() => Int, { nullable: true, description: 'People missing; null when suppressed.' })
  missing: number | null;
}

@ObjectType({ description: 'Sums of the published unit cells only, so no withheld cell can be recovered by subtraction.' })
export class DetectionTotals {
  @Field(() => Int, { description: 'Detections in the published groups.' })
  detections: number;

  @Field(() => Int, { description: 'People aboard in the published groups.' })
  personsOnBoard: number;

  @Field(() => Int, { description: 'Deaths in the published groups.' })
  deaths: number;

  @Field(() => Int, { description: 'Missing in the published groups.' })
  missing: number;
}

@ObjectType({ description: 'De-identified, k-anonymous statistics of detections at sea.' })
export class DetectionStatistics {
  @Field(() => Int, { description: 'The k of k-anonymity: smallest number of people a published group may hold.' })
  k: number;

  @Field(() => [DetectionBucket], { description: 'The groups, ordered by their dimensions.' })
  buckets: DetectionBucket[];

  @Field(() => DetectionTotals, { description: 'Totals over the published groups.' })
  total: DetectionTotals;

  @Field(() => Int, { description: 'How many listed groups have no published figure (empty or withheld alike).' })
  suppressedBuckets: number;
}
