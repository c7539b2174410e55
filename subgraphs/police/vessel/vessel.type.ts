import { Field, ID, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { BoardingAuthorization, RegistryStatus, VesselType } from '../enums.js';

@ObjectType('Vessel', { description: 'The vessel used for the crossing, with the flag-State steps of Smuggling Protocol Art. 8.' })
export class Vessel {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Name painted on the hull, if any; small boats often have none.' })
  name: string | null;

  @Field(() => VesselType, { description: 'Kind of vessel.' })
  type: VesselType;

  @Field(() => CountryCode, { nullable: true, description: 'State whose flag the vessel flies or claims; null when stateless or unknown.' })
  flagState: string | null;

  @Field(() => RegistryStatus, { description: 'Confirmation of registry asked of the flag State (Art. 8(2)).' })
  registryStatus: RegistryStatus;

  @Field(() => BoardingAuthorization, { description: 'Authority under which the vessel was boarded (Art. 8).' })
  boardingAuthorization: BoardingAuthorization;

  @Field(() => String, {
    nullable: true,
    description: 'IMO ship identification number, as its seven digits (check digit valid); null when none is known.',
  })
  imo: string | null;

  @Field(() => String, { nullable: true, description: "MMSI of the vessel's radio station (nine digits); null when none is known." })
  mmsi: string | null;

  @Field(() => String, { nullable: true, description: 'National registration number, issued by `flagState`; null when none is known.' })
  registration: string | null;

  @Field(() => String, { nullable: true, description: 'Hull as seen: build, colours, markings, engines.' })
  hullDescription: string | null;

  // detections and cases are resolved in VesselResolver, within the owners' sharing scopes.
}
