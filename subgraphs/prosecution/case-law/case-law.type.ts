import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Aggravation, Offence } from '../../shared/offence.js';
import { CountryCode } from '../../shared/scalars.js';

@ObjectType('CaseLawReference', {
  description:
    'A court decision on migrant smuggling that prosecutors can rely on, summarised as in the UNODC SHERLOC case-law database: offences, aggravations, mode and holding.',
})
export class CaseLawReference {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Citation of the decision: court, decision type and number.' })
  citation: string;

  @Field(() => CountryCode, { description: 'Country of the court that decided.' })
  jurisdiction: string;

  @Field(() => Int, { description: 'Year of the decision.' })
  year: number;

  @Field(() => [Offence], { description: 'Offences the decision deals with.' })
  offences: Offence[];

  @Field(() => [Aggravation], { description: 'Aggravating circumstances the decision deals with (Smuggling Protocol Art. 6(3)).' })
  aggravations: Aggravation[];

  @Field({ description: 'True when the smuggling was by sea, false when by land or air.' })
  seaMode: boolean;

  @Field({ description: 'The holding in one sentence: the point of law the decision establishes.' })
  holding: string;
}
