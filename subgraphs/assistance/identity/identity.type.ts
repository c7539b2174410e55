import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('MigrantIdentity', {
  description: 'Who the migrant is. Kept apart from the pseudonymous record and shared only under live consent for the stated purpose.',
})
export class MigrantIdentity {
  @Field(() => String, { nullable: true, description: 'Given name(s), as the person states them.' })
  givenName: string | null;

  @Field(() => String, { nullable: true, description: 'Family name(s).' })
  familyName: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Date of birth, when known.' })
  dateOfBirth: string | null;
}
