import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to the assistance-owned migrant; its fields are resolved by the assistance subgraph. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Migrant')
export class Migrant {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;
}
