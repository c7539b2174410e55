import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { MlaType } from '../enums.js';

@InputType({ description: 'A mutual legal assistance request (UNTOC Art. 18), created as DRAFT.' })
export class CreateMlaRequestInput {
  @Field(() => ID, { description: 'The prosecution.' })
  prosecutionId: string;

  @Field(() => MlaType, { description: 'What is asked for.' })
  type: MlaType;

  @Field(() => CountryCode, {
    nullable: true,
    deprecationReason: "The requesting State is the caller's own (token country); omit it. Any other value is refused.",
    description: "The State asking: always the caller's own, the prosecuting State; another value is BAD_USER_INPUT.",
  })
  requestingCountry?: string | null;

  @Field(() => CountryCode, { description: 'The State asked; not the requesting one.' })
  requestedCountry: string;

  @Length(1, 1000)
  @Field({ description: 'What is requested and why (use is limited to this purpose).' })
  subject: string;
}
