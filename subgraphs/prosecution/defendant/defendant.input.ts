import { Field, ID, InputType } from 'type-graphql';
import { Liability } from '../enums.js';

@InputType({ description: 'A police suspect charged in a prosecution. A migrant can never be a defendant (Smuggling Protocol Art. 5).' })
export class AddDefendantInput {
  @Field(() => ID, { description: 'The prosecution.' })
  prosecutionId: string;

  @Field(() => ID, {
    description: 'The police suspect: checked with police, it must be a suspect of the prosecuted case (never a migrant).',
  })
  suspectId: string;

  @Field(() => Liability, { description: 'Form of liability alleged.' })
  liability: Liability;
}
