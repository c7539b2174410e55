import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { ProsecutionStage, ProsecutorNetwork } from '../enums.js';

@Directive('@key(fields: "id")')
@ObjectType('Prosecution', {
  description:
    'Criminal proceedings brought by a prosecution office against the smugglers of one police case: who is charged with what, who testifies, what assistance was asked of other States, and the case law relied on.',
})
export class Prosecution {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => ProsecutionStage, { description: 'How far the proceedings have gone.' })
  stage: ProsecutionStage;

  @Field(() => CountryCode, { description: 'Country whose courts hear the case.' })
  jurisdiction: string;

  @Field({ description: 'The prosecution office in charge, e.g. "Procura della Repubblica di Agrigento".' })
  prosecutorOffice: string;

  @Field(() => ProsecutorNetwork, { description: 'Prosecutor network through which cross-border cooperation is coordinated.' })
  network: ProsecutorNetwork;

  @Field(() => DateTimeResolver, { description: 'When the prosecution office opened its file (UTC).' })
  openedAt: Date;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `advanceProsecution`; each change increments it.' })
  version: number;
}
