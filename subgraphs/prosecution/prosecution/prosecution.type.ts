import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/connection.js';
import { CountryCode } from '../../shared/scalars.js';
import { ProsecutionStage, ProsecutorNetwork, Verdict } from '../enums.js';

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

  @Field(() => CountryCode, {
    nullable: true,
    description: 'Country whose courts hear the case. Not for IOM and partners (FORBIDDEN ROLE).',
  })
  jurisdiction: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The prosecution office in charge, e.g. "Procura della Repubblica di Agrigento". Not for IOM and partners (FORBIDDEN ROLE).',
  })
  prosecutorOffice: string;

  @Field(() => ProsecutorNetwork, {
    nullable: true,
    description: 'Prosecutor network through which cross-border cooperation is coordinated. Not for IOM and partners (FORBIDDEN ROLE).',
  })
  network: ProsecutorNetwork;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the prosecution office opened its file (UTC). Not for IOM and partners (FORBIDDEN ROLE).',
  })
  openedAt: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      'Version for optimistic locking: pass it back to `advanceProsecution`; each change increments it. Not for IOM and partners (FORBIDDEN ROLE).',
  })
  version: number;
}

@ObjectType('ProsecutionVerdict', {
  description:
    "The court's decision on one charge of a prosecution, without the charge's offence, defendant or sentence: the part of the record every agency may read (IOM and partners read verdicts through this field only).",
})
export class ProsecutionVerdict {
  @Field(() => ID, { description: 'The charge decided (its details are in `Prosecution.defendants` for the agencies that may read them).' })
  chargeId: string;

  @Field(() => Verdict, { description: 'The decision; PENDING until the court decides.' })
  verdict: Verdict;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the verdict was given (UTC); null while PENDING.' })
  decidedAt: Date | null;
}

const prosecutionConnection = connectionTypes(Prosecution, {
  name: 'Prosecution',
  items: 'prosecutions',
  item: 'prosecution',
  order: 'most recently opened first',
});
export const ProsecutionConnection = prosecutionConnection.Connection;
export const ProsecutionConnectionResolver = prosecutionConnection.ConnectionCountResolver;
