import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { SuspectRole } from '../enums.js';
import { PersonDocumentInput } from '../person/person.input.js';
import { MAX_IDENTIFIERS } from '../person/person.limits.js';
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

  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  @Field(() => Int, { nullable: true, description: 'Year of birth, when established.' })
  yearOfBirth?: number | null;

  @IsOptional()
  @ArrayMaxSize(MAX_IDENTIFIERS)
  @Length(1, 40, { each: true })
  @Field(() => [String], {
    nullable: true,
    description:
      "Phone numbers, in any usual format; read with the nationality's numbering plan (else the case's lead country's) and stored as E.164. An invalid one is BAD_USER_INPUT INVALID_PHONE_NUMBER at its position.",
  })
  phones?: string[] | null;

  @IsOptional()
  @ArrayMaxSize(MAX_IDENTIFIERS)
  @ValidateNested({ each: true })
  @Field(() => [PersonDocumentInput], { nullable: true, description: 'Travel or identity documents.' })
  documents?: PersonDocumentInput[] | null;
}
