import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WitnessRole } from '../enums.js';

@InputType({ description: 'A migrant taking part in a prosecution as a witness, victim or civil party.' })
export class AddWitnessInput {
  @Field(() => ID, { description: 'The prosecution.' })
  prosecutionId: string;

  @Field(() => ID, { description: 'The migrant: checked with migrant assistance, it must be a migrant of the prosecuted case.' })
  migrantId: string;

  @Field(() => WitnessRole, { description: 'Role in the proceedings.' })
  role: WitnessRole;

  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(300, { each: true })
  @Field(() => [String], { nullable: true, description: 'Protective measures granted, e.g. "Testimony by video link".' })
  protectiveMeasures?: string[] | null;
}
