import { IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { AgreesWithDateOfBirth, IsPlainName, NotBefore, NotInFuture } from '../../shared/mutation/validators.js';
import { CountryCode } from '../../shared/scalars.js';
import { AgeGroup, Sex } from '../enums.js';

@InputType({ description: 'Who the migrant is; stored apart from the pseudonymous record.' })
export class MigrantIdentityInput {
  @IsOptional()
  @MaxLength(200)
  @IsPlainName()
  @Field(() => String, { nullable: true, description: 'Given name(s).' })
  givenName?: string | null;

  @IsOptional()
  @MaxLength(200)
  @IsPlainName()
  @Field(() => String, { nullable: true, description: 'Family name(s).' })
  familyName?: string | null;

  @IsOptional()
  @NotInFuture()
  @NotBefore('1900-01-01')
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

  @AgreesWithDateOfBirth(
    (input) => ({
      dateOfBirth: (input as RegisterMigrantInput).identity?.dateOfBirth,
      at: (input as RegisterMigrantInput).registeredAt,
    }),
    ageGroupFits,
  )
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

/** Whole years each age band spans (UNKNOWN fits any age). */
const AGE_BANDS: Record<AgeGroup, readonly [number, number]> = {
  [AgeGroup.AGE_0_8]: [0, 8],
  [AgeGroup.AGE_9_17]: [9, 17],
  [AgeGroup.AGE_18_25]: [18, 25],
  [AgeGroup.AGE_26_47]: [26, 47],
  [AgeGroup.AGE_48_PLUS]: [48, Infinity],
  [AgeGroup.UNKNOWN]: [-Infinity, Infinity],
};

/** Whether a migrant `age` years old at registration belongs in `band`. */
function ageGroupFits(band: unknown, age: number): boolean {
  const [from, to] = AGE_BANDS[band as AgeGroup] ?? [-Infinity, Infinity];
  return age >= from && age <= to;
}
