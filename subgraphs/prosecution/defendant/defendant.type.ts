import { Field, ID, ObjectType } from 'type-graphql';
import { Liability } from '../enums.js';

@ObjectType('Defendant', {
  description:
    'A suspect charged in a prosecution. Always a police `Suspect`; a smuggled migrant is never a defendant (Smuggling Protocol Art. 5).',
})
export class Defendant {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the defendant in this prosecution.' })
  id: string;

  @Field(() => Liability, { description: 'Mode of liability alleged against the defendant.' })
  liability: Liability;
}
