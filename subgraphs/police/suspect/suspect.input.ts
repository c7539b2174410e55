import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { SuspectRole } from '../enums.js';
import { IsPlainName } from '../../shared/mutation/validators.js';

@InputType({ description: 'A suspect identified in a case. Only suspects can later become defendants.' })
export class AddSuspectInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Length(1, 200)
  @IsPlainName()
  @Field({ description: 'Alias or nickname under which the suspect is known.' })
  alias: string;

  @Field(() => CountryCode, { nullable: true, description: 'Nationality, when established.' })
  nationality?: string | null;

  @Field(() => SuspectRole, { description: 'Believed role.' })
  role: SuspectRole;

  @Field(() => ID, { nullable: true, description: 'The smuggling network the suspect is believed to belong to.' })
  networkId?: string | null;
}
