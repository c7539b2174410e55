import { ArrayMaxSize, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { Offence } from '../../shared/offence.js';
import { CountryCode } from '../../shared/scalars.js';
import { LegalBasis, Liability, MlaType, ProsecutionStage, ProsecutorNetwork, Verdict, WitnessRole } from '../enums.js';

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

@InputType({ description: 'A charge filed against a defendant.' })
export class FileChargeInput {
  @Field(() => ID, { description: 'The defendant.' })
  defendantId: string;

  @Field(() => Offence, { description: 'The offence charged.' })
  offence: Offence;

  @Field(() => LegalBasis, { description: 'The provision it rests on; must fit the offence.' })
  legalBasis: LegalBasis;
}

@InputType({ description: "The court's decision on a pending charge." })
export class RecordVerdictInput {
  @Field(() => ID, { description: 'The charge.' })
  chargeId: string;

  @Field(() => Int, { description: "The charge's version you read." })
  version: number;

  @Field(() => Verdict, { description: 'The decision (not PENDING).' })
  verdict: Verdict;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1200)
  @Field(() => Int, { nullable: true, description: 'Sentence in months, 0 to 1,200; only with GUILTY.' })
  sentenceMonths?: number | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When decided; default now.' })
  decidedAt?: Date | null;
}

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
