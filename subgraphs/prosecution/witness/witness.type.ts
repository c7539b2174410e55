import { Field, ID, ObjectType } from 'type-graphql';
import { WitnessRole } from '../enums.js';

@ObjectType('Witness', {
  description:
    'A migrant who takes part in a prosecution as a witness, victim or civil party, with the protective measures granted (Smuggling Protocol Art. 16).',
})
export class Witness {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the witness in this prosecution.' })
  id: string;

  @Field(() => WitnessRole, { description: 'Capacity in which the migrant takes part in the proceedings.' })
  role: WitnessRole;

  @Field(() => [String], { description: 'Protective measures granted, in plain words, e.g. "Testimony by video link"; empty when none.' })
  protectiveMeasures: string[];
}
