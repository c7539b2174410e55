import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { HandlingCode, InformationAccuracy, SourceReliability } from '../enums.js';

@ObjectType('IntelligenceItem', {
  description:
    'A piece of criminal intelligence shared on a case by a National Central Bureau. Its handling code and releasability bind every reader (Smuggling Protocol Art. 10(2)).',
})
export class IntelligenceItem {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'The intelligence itself, as written by the source.' })
  summary: string;

  @Field(() => HandlingCode, { description: "The source's restriction on use." })
  handlingCode: HandlingCode;

  @Field(() => String, { nullable: true, description: 'The stated restrictions of an H3 item.' })
  handlingConditions: string | null;

  @Field(() => SourceReliability, { description: 'Evaluation of the source.' })
  sourceReliability: SourceReliability;

  @Field(() => InformationAccuracy, { description: 'Evaluation of the information.' })
  informationAccuracy: InformationAccuracy;

  @Field(() => CountryCode, { description: 'Country of the National Central Bureau that supplied the item; it stays responsible for it.' })
  sourceCountry: string;

  @Field(() => [CountryCode], {
    nullable: true,
    description: 'Countries the source allows the item to reach; null means no restriction by country.',
  })
  releasableTo: string[] | null;

  @Field(() => DateTimeResolver, { description: 'When the item was shared.' })
  sharedAt: Date;
}

@ObjectType({ description: 'Intelligence items kept out of judicial use, counted by why; never their content.' })
export class WithheldIntelligence {
  @Field(() => HandlingCode, { description: 'The handling code that keeps them out of court.' })
  handlingCode: HandlingCode;

  @Field(() => Int, { description: 'How many items.' })
  count: number;

  @Field({ description: 'Why, in words a prosecutor can act on (e.g. ask the source for permission).' })
  reason: string;
}

@ObjectType({ description: 'The intelligence on a case that may be used in judicial proceedings, and a count of what may not.' })
export class CourtIntelligence {
  @Field(() => [IntelligenceItem], { description: 'Items usable in court: released to the reader and not H1.' })
  usable: IntelligenceItem[];

  @Field(() => [WithheldIntelligence], { description: 'Items released to the reader but not usable in court, by handling code.' })
  withheld: WithheldIntelligence[];
}
