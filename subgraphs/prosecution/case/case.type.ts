import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The police-owned case, extended here with `prosecution`. No description: the owner's is the one partners read. */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class Case {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;
}
