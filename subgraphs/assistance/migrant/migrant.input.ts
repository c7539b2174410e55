import { ArrayUnique, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AgencyCode } from '../../shared/access-log/access-log.type.js';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { CountryCode } from '../../shared/scalars.js';
import { AgeGroup, AssistanceStatus, AssistanceType, ConsentScope, Sex, TraffickingStatus, Vulnerability } from '../enums.js';

@InputType({ description: 'Who the migrant is; stored apart from the pseudonymous record.' })
export class MigrantIdentityInput {
  @IsOptional()
  @MaxLength(200)
  @Field(() => String, { nullable: true, description: 'Given name(s).' })
  givenName?: string | null;

  @IsOptional()
  @MaxLength(200)
  @Field(() => String, { nullable: true, description: 'Family name(s).' })
  familyName?: string | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateResolver, { nullable: true, description: 'Date of birth (YYYY-MM-DD), not in the future.' })
  dateOfBirth?: Date | null;
}

@InputType({ description: 'A migrant registered for assistance after a detection.' })
export class RegisterMigrantInput {
  @Field(() => ID, { description: 'The police case (checked for form; police resolves it at read time).' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'The police detection after which the migrant was met.' })
  detectionId?: string | null;

  @IsOptional()
  @Length(3, 64)
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'code must be upper-case letters, digits and dashes' })
  @Field(() => String, { nullable: true, description: 'Pseudonymous code; generated when omitted. Never a name.' })
  code?: string | null;

  @Field(() => Sex, { description: 'Sex as recorded.' })
  sex: Sex;

  @Field(() => AgeGroup, { description: 'Age band.' })
  ageGroup: AgeGroup;

  @Field(() => CountryCode, { nullable: true, description: 'Nationality, when known.' })
  nationality?: string | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When registered; default now.' })
  registeredAt?: Date | null;

  @IsOptional()
  @ValidateNested()
  @Field(() => MigrantIdentityInput, { nullable: true, description: 'The identity, if the person gives it.' })
  identity?: MigrantIdentityInput | null;
}

@InputType({ description: "A vulnerability and trafficking screening; it becomes the migrant's current assessment." })
export class RecordScreeningInput {
  @Field(() => ID, { description: 'The migrant.' })
  migrantId: string;

  @Field(() => Int, { description: "The migrant's version you read (the screening updates the migrant)." })
  migrantVersion: number;

  @NotInFuture()
  @Field(() => DateTimeResolver, { description: 'When the screening took place.' })
  screenedAt: Date;

  @Length(1, 200)
  @Field({ description: 'Organisation whose caseworker screened.' })
  screenedBy: string;

  @ArrayUnique()
  @Field(() => [Vulnerability], { description: 'Special needs found.' })
  vulnerabilities: Vulnerability[];

  @Field(() => TraffickingStatus, { description: 'Trafficking assessment.' })
  traffickingStatus: TraffickingStatus;
}

@InputType({ description: 'A consent the migrant gives: for one scope, to one recipient, for one purpose.' })
export class RecordConsentInput {
  @Field(() => ID, { description: 'The migrant.' })
  migrantId: string;

  @Field(() => ConsentScope, { description: 'What the migrant agrees to.' })
  scope: ConsentScope;

  @Field(() => AgencyCode, {
    description:
      'The agency that may receive the data: POLICE for SHARE_WITH_POLICE, PROSECUTOR for SHARE_WITH_PROSECUTION and TESTIMONY; IOM, ANALYST or PARTNER for RESEARCH.',
  })
  recipientAgency: AgencyCode;

  @Field(() => CountryCode, {
    nullable: true,
    description: 'The one country whose agency may receive the data; omit or null for that agency in any member country.',
  })
  recipientCountry?: string | null;

  @IsOptional()
  @Length(1, 200)
  @Field(() => String, {
    nullable: true,
    description:
      'The recipient\'s name as the migrant was told it, e.g. "Policía Nacional"; default the agency and country. Informative only.',
  })
  recipient?: string | null;

  @Length(1, 1000)
  @Field({ description: 'The specified purpose.' })
  purpose: string;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When given; default now.' })
  givenAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the consent lapses by itself; after `givenAt`. Omit for a consent that lasts until withdrawn.',
  })
  expiresAt?: Date | null;
}

@InputType({ description: 'A piece of support given or planned.' })
export class RecordAssistanceInput {
  @Field(() => ID, { description: 'The migrant.' })
  migrantId: string;

  @Field(() => AssistanceType, { description: 'Kind of support.' })
  type: AssistanceType;

  @Field(() => AssistanceStatus, { description: 'Progress.' })
  status: AssistanceStatus;

  @Length(1, 200)
  @Field({ description: 'Organisation giving the support.' })
  provider: string;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it started (required once in progress or completed).' })
  startedAt?: Date | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was completed (only when completed).' })
  completedAt?: Date | null;
}
