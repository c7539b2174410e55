import { IsOptional, Length } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { CountryCode } from '../../shared/scalars.js';
import { ProsecutionStage, ProsecutorNetwork } from '../enums.js';

@InputType({ description: 'Criminal proceedings opened on a police case referred for prosecution.' })
export class OpenProsecutionInput {
  @Field(() => ID, { description: 'The police case: checked with police, it must exist and be REFERRED_FOR_PROSECUTION.' })
  caseId: string;

  @Field(() => CountryCode, {
    nullable: true,
    deprecationReason: "The jurisdiction is the caller's own State (token country); omit it. Any other value is refused.",
    description: "Country whose courts hear the case: always the caller's own State; another value is BAD_USER_INPUT.",
  })
  jurisdiction?: string | null;

  @Length(1, 300)
  @Field({ description: 'The prosecution office in charge.' })
  prosecutorOffice: string;

  @Field(() => ProsecutorNetwork, { description: 'Specialised prosecutor network the office works through.' })
  network: ProsecutorNetwork;

  @Field(() => ProsecutionStage, {
    nullable: true,
    description: 'Stage to open at: INVESTIGATION (default) or INDICTMENT; later stages are reached with `advanceProsecution`.',
  })
  stage?: ProsecutionStage | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When opened; default now.' })
  openedAt?: Date | null;
}
