import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Where the network picture starts: exactly one of a case, a person of interest or a smuggling network.' })
export class GraphAnchor {
  @Field(() => ID, { nullable: true, description: 'A case id.' })
  caseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A person of interest id.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A smuggling network id.' })
  networkId?: string | null;
}
