import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Offence } from '../../shared/offence.js';
import { LegalBasis, Verdict } from '../enums.js';

@ObjectType('Charge', { description: "One count brought against a defendant, and the court's decision on it. Part of the public record." })
export class Charge {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => Offence, { description: 'The offence charged.' })
  offence: Offence;

  @Field(() => LegalBasis, { description: 'The international provision the national offence charged implements.' })
  legalBasis: LegalBasis;

  @Field(() => Verdict, { description: 'The decision on this charge; PENDING until the court decides.' })
  verdict: Verdict;

  @Field(() => Int, {
    nullable: true,
    description: 'Custodial sentence in months on a GUILTY verdict; null otherwise or when no custodial sentence was imposed.',
  })
  sentenceMonths: number | null;

  @Field(() => DateTimeResolver, { description: 'When the charge was filed (UTC).' })
  filedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the verdict was given (UTC); null while PENDING.' })
  decidedAt: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `recordVerdict`; each change increments it.' })
  version: number;
}
