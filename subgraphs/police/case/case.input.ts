import { ArrayMaxSize, ArrayUnique, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { Aggravation, Offence } from '../../shared/offence.js';
import { CountryCode } from '../../shared/scalars.js';

@InputType({ description: 'A new police case.' })
export class OpenCaseInput {
  @Length(1, 64)
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'reference must be upper-case letters, digits and dashes, e.g. DOM-2026-0142' })
  @Field({ description: 'The lead police service\'s own case reference, unique, e.g. "DOM-2026-0142".' })
  reference: string;

  @Field(() => CountryCode, { description: 'Country whose police service leads the case.' })
  leadCountry: string;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the case was opened; default now. Not in the future.' })
  openedAt?: Date | null;

  @ArrayUnique()
  @ArrayMaxSize(6)
  @Field(() => [Offence], { description: 'Offences under investigation.' })
  offences: Offence[];

  @IsOptional()
  @ArrayUnique()
  @Field(() => [Aggravation], {
    nullable: true,
    description: 'Aggravating circumstances alleged (Smuggling Protocol Art. 6(3)); default none.',
  })
  aggravations?: Aggravation[] | null;

  @Field(() => ID, { nullable: true, description: 'The smuggling network behind the case, when identified.' })
  networkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The joint operation the case arose from, if any.' })
  operationId?: string | null;

  @IsOptional()
  @MaxLength(4000)
  @Field(() => String, { nullable: true, description: 'Short factual summary, free of personal data (at most 4,000 characters).' })
  summary?: string | null;
}
