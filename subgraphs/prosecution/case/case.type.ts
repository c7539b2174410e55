import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Aggravation, Offence } from '../../shared/offence.js';
import { CaseLawReference } from '../case-law/case-law.type.js';

/** The police-owned case, extended here with `prosecution`. No description: the owner's is the one partners read. */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class Case {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  // Police's, fetched by the gateway when `relevantCaseLaw` needs them (@requires); null when the
  // case's owner has not released it to the reader (police's types, which must match).
  @Directive('@external')
  @Field(() => [Offence], { nullable: true })
  offences?: Offence[] | null;

  @Directive('@external')
  @Field(() => [Aggravation], { nullable: true })
  aggravations?: Aggravation[] | null;
}

@ObjectType({ description: "A case-law reference ranked for a case: how closely it matches the case's offences, aggravations and mode." })
export class RankedCaseLaw {
  @Field(() => CaseLawReference, { description: 'The decision.' })
  caseLaw: CaseLawReference;

  @Field(() => Int, {
    description: 'Match score: 2 per shared offence, 2 per shared aggravation, 1 for smuggling by sea. Higher is closer.',
  })
  score: number;

  @Field(() => [Offence], { description: 'Offences the decision shares with the case.' })
  matchedOffences: Offence[];

  @Field(() => [Aggravation], { description: 'Aggravations the decision shares with the case.' })
  matchedAggravations: Aggravation[];
}
