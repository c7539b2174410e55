import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Offence } from '../../shared/offence.js';
import { CountryCode } from '../../shared/scalars.js';
import { LegalBasis, MlaStatus, MlaType, ProsecutionStage, Verdict } from '../enums.js';

export enum ProsecutionDimension {
  STAGE = 'STAGE',
  JURISDICTION = 'JURISDICTION',
  VERDICT = 'VERDICT',
  OFFENCE = 'OFFENCE',
  LEGAL_BASIS = 'LEGAL_BASIS',
}
registerEnumType(ProsecutionDimension, {
  name: 'ProsecutionDimension',
  description: 'What prosecution statistics can be grouped by.',
  valuesConfig: {
    STAGE: { description: 'Stage the proceedings reached.' },
    JURISDICTION: { description: 'Country whose courts hear the case.' },
    VERDICT: { description: 'Verdict on each charge (null: no charge yet).' },
    OFFENCE: { description: 'Offence charged (null: no charge yet).' },
    LEGAL_BASIS: { description: 'Legal basis of each charge (null: no charge yet).' },
  },
});

export enum MlaDimension {
  STATUS = 'STATUS',
  TYPE = 'TYPE',
}
registerEnumType(MlaDimension, {
  name: 'MlaDimension',
  description: 'What MLA request statistics can be grouped by.',
  valuesConfig: {
    STATUS: { description: 'Where the request stands.' },
    TYPE: { description: 'What was asked for.' },
  },
});

@ObjectType({
  description:
    'One group of prosecutions and charges: the sum of its published unit cells (calendar month × country). A group with no published cell (empty or withheld alike) has null figures and `suppressed: true`, never 0.',
})
export class ProsecutionBucket {
  @Field(() => ProsecutionStage, { nullable: true, description: 'Stage, when grouped by STAGE.' })
  stage?: ProsecutionStage | null;

  @Field(() => CountryCode, { nullable: true, description: 'Jurisdiction, when grouped by JURISDICTION.' })
  jurisdiction?: string | null;

  @Field(() => Verdict, { nullable: true, description: 'Verdict, when grouped by VERDICT.' })
  verdict?: Verdict | null;

  @Field(() => Offence, { nullable: true, description: 'Offence, when grouped by OFFENCE.' })
  offence?: Offence | null;

  @Field(() => LegalBasis, { nullable: true, description: 'Legal basis, when grouped by LEGAL_BASIS.' })
  legalBasis?: LegalBasis | null;

  @Field({
    description:
      'True when no unit cell of the group is published: it is empty, or every cell was withheld (fewer than k defendants, or a complement). Empty and withheld look alike.',
  })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Prosecutions in the group; null when suppressed.' })
  prosecutions: number | null;

  @Field(() => Int, { nullable: true, description: 'Defendants in the group; null when suppressed.' })
  defendants: number | null;

  @Field(() => Int, { nullable: true, description: 'Charges in the group; null when suppressed.' })
  charges: number | null;
}

@ObjectType({ description: 'Sums of the published unit cells only, so no withheld cell can be recovered by subtraction.' })
export class ProsecutionTotals {
  @Field(() => Int, { description: 'Prosecutions in the published groups (one in several groups counts in each).' })
  prosecutions: number;

  @Field(() => Int, { description: 'Defendants in the published groups.' })
  defendants: number;

  @Field(() => Int, { description: 'Charges in the published groups.' })
  charges: number;
}

@ObjectType({ description: 'De-identified, k-anonymous statistics of prosecutions, charges and verdicts.' })
export class ProsecutionStatistics {
  @Field(() => Int, { description: 'The k of k-anonymity.' })
  k: number;

  @Field(() => [ProsecutionBucket], { description: 'The groups, ordered by their dimensions.' })
  buckets: ProsecutionBucket[];

  @Field(() => ProsecutionTotals, { description: 'Totals over the published groups.' })
  total: ProsecutionTotals;

  @Field(() => Int, { description: 'How many listed groups have no published figure (empty or withheld alike).' })
  suppressedBuckets: number;
}

@ObjectType({
  description:
    'One group of MLA requests: the sum of its published unit cells (calendar month × country). A group with no published cell (empty or withheld alike) has null figures and `suppressed: true`, never 0.',
})
export class MlaBucket {
  @Field(() => MlaStatus, { nullable: true, description: 'Status, when grouped by STATUS.' })
  status?: MlaStatus | null;

  @Field(() => MlaType, { nullable: true, description: 'Type, when grouped by TYPE.' })
  type?: MlaType | null;

  @Field({
    description:
      'True when no unit cell of the group is published (empty, or withheld: fewer than k requests, or a complement). Empty and withheld look alike.',
  })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Requests in the group; null when suppressed.' })
  requests: number | null;
}

@ObjectType({ description: 'Sums of the published unit cells only.' })
export class MlaTotals {
  @Field(() => Int, { description: 'Requests in the published groups.' })
  requests: number;
}

@ObjectType({ description: 'Counts of mutual legal assistance requests (the only view of them analysts get).' })
export class MlaStatistics {
  @Field(() => Int, { description: 'The k of k-anonymity.' })
  k: number;

  @Field(() => [MlaBucket], { description: 'The groups, ordered by their dimensions.' })
  buckets: MlaBucket[];

  @Field(() => MlaTotals, { description: 'Totals over the published groups.' })
  total: MlaTotals;

  @Field(() => Int, { description: 'How many listed groups have no published figure (empty or withheld alike).' })
  suppressedBuckets: number;
}
