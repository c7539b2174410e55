import { Field, ID, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';

@ObjectType('SmugglingNetwork', { description: 'An organised criminal group that smuggles migrants, as known from analysis.' })
export class SmugglingNetwork {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Working name given by analysts.' })
  name: string;

  @Field({ description: 'How the network operates: routes, vessels, payment, recruitment.' })
  modusOperandi: string;

  @Field(() => [CountryCode], { description: 'Countries where the network is known to be active.' })
  activeCountries: string[];
}
