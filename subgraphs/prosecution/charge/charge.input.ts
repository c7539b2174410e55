import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { Offence } from '../../shared/offence.js';
import { LegalBasis, Verdict } from '../enums.js';

@InputType({ description: 'A charge filed against a defendant.' })
export class FileChargeInput {
  @Field(() => ID, { description: 'The defendant.' })
  defendantId: string;

  @Field(() => Offence, { description: 'The offence charged.' })
  offence: Offence;

  @Field(() => LegalBasis, { description: 'The provision it rests on; must fit the offence.' })
  legalBasis: LegalBasis;
}

@InputType({ description: "The court's decision on a pending charge." })
export class RecordVerdictInput {
  @Field(() => ID, { description: 'The charge.' })
  chargeId: string;

  @Field(() => Int, { description: "The charge's version you read." })
  version: number;

  @Field(() => Verdict, { description: 'The decision (not PENDING).' })
  verdict: Verdict;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1200)
  @Field(() => Int, { nullable: true, description: 'Sentence in months, 0 to 1,200; only with GUILTY.' })
  sentenceMonths?: number | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When decided; default now.' })
  decidedAt?: Date | null;
}
