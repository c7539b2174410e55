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

@ObjectType('AssistanceSummary', {
  description:
    'Counts of the migrants registered on a case; no one is identified. Counts of what the reader may not see one by one (trafficking status without a consent that names them; vulnerabilities outside IOM) are k-anonymous: null when they would reveal a group of fewer than k people.',
})
export class AssistanceSummary {
  @Field(() => Int, { description: 'Migrants registered on the case.' })
  migrants: number;

  @Field(() => Int, { description: 'Of them, children (age group 0-8 or 9-17).' })
  minors: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Of them, unaccompanied children. Exact for IOM; for other readers null unless it reveals no group of fewer than k.',
  })
  unaccompaniedMinors: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of them, identified victims of trafficking (status CONFIRMED): exact over the migrants whose status the reader may see, k-anonymous over the others (null when it would reveal anyone).',
  })
  traffickingVictims: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of them, possible victims of trafficking (status POSSIBLE); the same rule as `traffickingVictims`.',
  })
  possibleTraffickingVictims: number | null;

  @Field(() => Int, { description: 'The k of k-anonymity the withheld counts obey.' })
  k: number;
}
