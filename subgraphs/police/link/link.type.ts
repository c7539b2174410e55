import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Case } from '../case/case.type.js';
import type { CaseEntity } from '../case/case.entity.js';
import { PersonDocument } from '../person/person.type.js';
import { LinkKind } from './link.enums.js';

@ObjectType('LinkBasis', {
  description:
    "One thing a linked case shares with yours. What is shared is named as your own case holds it (your vessel, your suspect's person, your network, your suspect's phone number or document) or, for a route, by the distance: never a value only the linked case holds.",
})
export class LinkBasis {
  @Field(() => LinkKind, { description: 'What is shared.' })
  kind: LinkKind;

  @Field(() => ID, { nullable: true, description: 'VESSEL: the vessel detected in both cases.' })
  vesselId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'PERSON: the person of interest your suspect is linked to, a suspect of the linked case too.',
  })
  personId: string | null;

  @Field(() => ID, { nullable: true, description: 'NETWORK: the smuggling network of both cases.' })
  networkId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "PHONE: the phone number (E.164) of your suspect's person, held by a suspect's person of the linked case.",
  })
  phone: string | null;

  @Field(() => PersonDocument, {
    nullable: true,
    description: "DOCUMENT: the document of your suspect's person, held by a suspect's person of the linked case.",
  })
  document: PersonDocument | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "ROUTE: the shortest great-circle distance in km (to 0.1 km) between a detection of each case, at most 25 km; null when the linked case is a hit (where its detection lay is its owner's to share).",
  })
  distanceKm: number | null;

  @Field(() => DateTimeResolver, {
    description:
      "When this link arose: the later of the two records' dates (detections: detected at; suspects: recorded at; a case's network: opened at), for the earliest pair that makes it. When the linked case is a hit, the opening date of your own case: the hidden record's dates are its owner's to share.",
  })
  since: Date;
}

@ObjectType('CaseLink', {
  description:
    'Another case that shares a vessel, a person, a phone number, a document, a network or a route with this one, with everything it shares. A linked case whose owner has not released it to you is a hit only (`releasable: false`: reference and owning country to contact).',
})
export class CaseLink {
  @Field(() => Case, { description: 'The linked case (a hit only when not released to you).' })
  case: CaseEntity;

  @Field(() => [LinkBasis], { description: 'What the two cases share, most recent first.' })
  shared: LinkBasis[];

  @Field(() => DateTimeResolver, { description: 'The most recent `since` of what they share (links are listed by it, most recent first).' })
  since: Date;
}
