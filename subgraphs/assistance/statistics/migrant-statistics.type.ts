import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { AgeGroup, AssistanceType, Sex, TraffickingStatus, Vulnerability } from '../enums.js';

export enum MigrantDimension {
  NATIONALITY = 'NATIONALITY',
  AGE_GROUP = 'AGE_GROUP',
  SEX = 'SEX',
  VULNERABILITY = 'VULNERABILITY',
  TRAFFICKING_STATUS = 'TRAFFICKING_STATUS',
  ASSISTANCE_TYPE = 'ASSISTANCE_TYPE',
}
registerEnumType(MigrantDimension, {
  name: 'MigrantDimension',
  description: 'What migrant statistics can be grouped by.',
  valuesConfig: {
    NATIONALITY: { description: 'Nationality (null when unknown).' },
    AGE_GROUP: { description: 'Age band.' },
    SEX: { description: 'Sex.' },
    VULNERABILITY: { description: 'Each vulnerability found (a migrant counts once in each of theirs). IOM and ANALYST only.' },
    TRAFFICKING_STATUS: { description: 'Trafficking assessment.' },
    ASSISTANCE_TYPE: { description: 'Each type of assistance received (a migrant counts once in each). IOM and ANALYST only.' },
  },
});

@ObjectType({
  description:
    'One group of migrants: the sum of its published unit cells (calendar month × country). A group with no published cell (empty or withheld alike) has null figures and `suppressed: true`, never 0.',
})
export class MigrantBucket {
  @Field(() => CountryCode, { nullable: true, description: 'Nationality, when grouped by NATIONALITY.' })
  nationality?: string | null;

  @Field(() => AgeGroup, { nullable: true, description: 'Age band, when grouped by AGE_GROUP.' })
  ageGroup?: AgeGroup | null;

  @Field(() => Sex, { nullable: true, description: 'Sex, when grouped by SEX.' })
  sex?: Sex | null;

  @Field(() => Vulnerability, { nullable: true, description: 'Vulnerability, when grouped by VULNERABILITY (null: none found).' })
  vulnerability?: Vulnerability | null;

  @Field(() => TraffickingStatus, { nullable: true, description: 'Trafficking status, when grouped by TRAFFICKING_STATUS.' })
  traffickingStatus?: TraffickingStatus | null;

  @Field(() => AssistanceType, { nullable: true, description: 'Assistance type, when grouped by ASSISTANCE_TYPE (null: none yet).' })
  assistanceType?: AssistanceType | null;

  @Field({
    description:
      'True when no unit cell of the group is published: it is empty, or every cell was withheld (fewer than k people, or a complement). Empty and withheld look alike.',
  })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Migrants in the group; null when suppressed.' })
  migrants: number | null;
}

@ObjectType({ description: 'Sums of the published unit cells only, so no withheld cell can be recovered by subtraction.' })
export class MigrantTotals {
  @Field(() => Int, { description: 'Migrants in the published groups (a migrant in several groups counts in each).' })
  migrants: number;
}

@ObjectType({ description: 'De-identified, k-anonymous statistics of migrants registered for assistance.' })
export class MigrantStatistics {
  @Field(() => Int, { description: 'The k of k-anonymity.' })
  k: number;

  @Field(() => [MigrantBucket], { description: 'The groups, ordered by their dimensions.' })
  buckets: MigrantBucket[];

  @Field(() => MigrantTotals, { description: 'Totals over the published groups.' })
  total: MigrantTotals;

  @Field(() => Int, { description: 'How many listed groups have no published figure (empty or withheld alike).' })
  suppressedBuckets: number;
}
