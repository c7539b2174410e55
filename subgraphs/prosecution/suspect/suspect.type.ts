import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to the police-owned suspect; its fields are resolved by the police subgraph. No description: the owner's is the one partners read. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Suspect')
export class Suspect {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;
}
