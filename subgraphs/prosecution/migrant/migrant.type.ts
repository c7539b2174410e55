import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A reference to the assistance-owned migrant; its fields are resolved by the assistance subgraph.
 * `testimonyConsent` is brought from there when `Prosecution.testifyingWitnesses` needs it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Migrant')
export class Migrant {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;
}
