import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The police case, extended here with the migrants it concerns. Owned by the police subgraph. */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class Case {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;
}

/** A police detection, referenced by migrants. Resolved by the police subgraph. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Detection')
export class Detection {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;
}

@ObjectType('AssistanceSummary', { description: 'Counts of the migrants registered on a case; no one is identified.' })
export class AssistanceSummary {
  @Field(() => Int, { description: 'Migrants registered on the case.' })
  migrants: number;

  @Field(() => Int, { description: 'Of them, children (age group 0-8 or 9-17).' })
  minors: number;

  @Field(() => Int, { description: 'Of them, unaccompanied children.' })
  unaccompaniedMinors: number;

  @Field(() => Int, { description: 'Of them, identified victims of trafficking (status CONFIRMED).' })
  traffickingVictims: number;

  @Field(() => Int, { description: 'Of them, possible victims of trafficking (status POSSIBLE).' })
  possibleTraffickingVictims: number;
}
