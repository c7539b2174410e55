import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { DetectionOutcome } from '../enums.js';

@ObjectType({ description: 'A point at sea in WGS 84 decimal degrees.' })
export class Position {
  @Field(() => Float, { description: 'Latitude, -90 to 90 (north positive).' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180 (east positive).' })
  longitude: number;
}

@Directive('@key(fields: "id")')
@ObjectType('Detection', {
  description: 'A vessel carrying smuggled migrants detected at sea: when, where, by whom and what became of the people aboard.',
})
export class Detection {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the vessel was detected (UTC).' })
  detectedAt: Date;

  @Field({ description: 'Named sea area, e.g. "Mona Passage" or "Central Mediterranean, Libyan SAR zone".' })
  seaArea: string;

  @Field(() => CountryCode, { description: 'Country whose authorities made the detection.' })
  detectingCountry: string;

  @Field(() => DetectionOutcome, { description: 'What happened at the detection.' })
  outcome: DetectionOutcome;

  @Field(() => Int, { description: 'People aboard when detected, crew included.' })
  personsOnBoard: number;

  @Field(() => Int, { description: 'People found dead.' })
  deaths: number;

  @Field(() => Int, { description: 'People reported missing at sea.' })
  missing: number;
}
