import { IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { NotBefore, NotInFuture } from '../../shared/mutation/validators.js';
import { CountryCode } from '../../shared/scalars.js';
import { OpenCaseInput } from '../case/case.input.js';
import { BoardingAuthorization, DetectionOutcome, RegistryStatus, VesselType } from '../enums.js';
import { IsImoNumber, IsShipMmsi, MAX_HULL_DESCRIPTION, REGISTRATION } from '../vessel/vessel-identifiers.js';

@InputType({ description: 'A point at sea in WGS 84 decimal degrees.' })
export class PositionInput {
  @Min(-90)
  @Max(90)
  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  latitude: number;

  @Min(-180)
  @Max(180)
  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  longitude: number;
}

@InputType({
  description:
    'The vessel detected, with the flag-State steps of Smuggling Protocol Art. 8. An exact identifier (IMO number, else MMSI, else flag State and registration) links the detection to the vessel already known by it; identifiers that name two different vessels, or differ from what the known vessel has, are refused (CONFLICT VESSEL_IDENTIFIERS_DISAGREE).',
})
export class VesselInput {
  @IsOptional()
  @MaxLength(200)
  @Field(() => String, { nullable: true, description: 'Name on the hull, if any.' })
  name?: string | null;

  @IsOptional()
  @IsImoNumber()
  @Field(() => String, {
    nullable: true,
    description: 'IMO ship identification number: seven digits with a valid check digit, as "9074729" or "IMO 9074729".',
  })
  imo?: string | null;

  @IsOptional()
  @IsShipMmsi()
  @Field(() => String, {
    nullable: true,
    description: "MMSI of the vessel's radio station: nine digits, the first 2 to 7 (a ship station).",
  })
  mmsi?: string | null;

  @IsOptional()
  @Matches(REGISTRATION, { message: 'INVALID_REGISTRATION' })
  @Field(() => String, {
    nullable: true,
    description: 'National registration number issued by `flagState` (required with it): letters, digits, space . / -, up to 40.',
  })
  registration?: string | null;

  @IsOptional()
  @MaxLength(MAX_HULL_DESCRIPTION)
  @Field(() => String, { nullable: true, description: 'Hull as seen: build, colours, markings, engines (up to 500 characters).' })
  hullDescription?: string | null;

  @Field(() => VesselType, { description: 'Kind of vessel.' })
  type: VesselType;

  @Field(() => CountryCode, { nullable: true, description: 'Flag State claimed; null when stateless or unknown.' })
  flagState?: string | null;

  @Field(() => RegistryStatus, { description: 'Confirmation of registry asked of the flag State.' })
  registryStatus: RegistryStatus;

  @Field(() => BoardingAuthorization, { description: 'Authority under which the vessel was boarded.' })
  boardingAuthorization: BoardingAuthorization;
}

@InputType({ description: 'A detection at sea: attach it to an existing case (`caseId`) or open one with it (`openCase`), not both.' })
export class RecordDetectionInput {
  @Field(() => ID, { nullable: true, description: 'The case the detection belongs to.' })
  caseId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Field(() => OpenCaseInput, { nullable: true, description: 'Open a new case with this detection.' })
  openCase?: OpenCaseInput | null;

  @NotInFuture()
  @NotBefore('1990-01-01')
  @Field(() => DateTimeResolver, { description: 'When the vessel was detected; not in the future.' })
  detectedAt: Date;

  @Length(1, 200)
  @Field({ description: 'Named sea area, e.g. "Mona Passage".' })
  seaArea: string;

  @ValidateNested()
  @Field(() => PositionInput, { description: 'Where the vessel was detected.' })
  position: PositionInput;

  @Field(() => CountryCode, { description: 'Country whose authorities made the detection.' })
  detectingCountry: string;

  @Field(() => DetectionOutcome, { description: 'What happened at the detection.' })
  outcome: DetectionOutcome;

  @IsInt()
  @Min(0)
  @Max(5000)
  @Field(() => Int, { description: 'People aboard, 0 to 5,000.' })
  personsOnBoard: number;

  @IsInt()
  @Min(0)
  @Max(5000)
  @Field(() => Int, { description: 'People found dead.' })
  deaths: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  @Field(() => Int, { nullable: true, description: 'People reported missing; default 0.' })
  missing?: number | null;

  @Field(() => ID, { nullable: true, description: 'The joint operation during which it was made, if any.' })
  operationId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Field(() => VesselInput, { nullable: true, description: 'The vessel, when identified.' })
  vessel?: VesselInput | null;
}
