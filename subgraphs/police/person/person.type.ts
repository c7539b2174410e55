import { Field, Float, ID, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { DocumentKind, PersonMatch } from './person.enums.js';
import type { PersonEntity } from './person.entity.js';

@ObjectType('PersonDocument', { description: 'A travel or identity document of a person of interest.' })
export class PersonDocument {
  @Field(() => DocumentKind, { description: 'The kind of document.' })
  kind: DocumentKind;

  @Field({ description: 'The document number, normalised (upper case, no spaces).' })
  number: string;

  @Field(() => CountryCode, { description: 'The issuing country.' })
  issuingCountry: string;
}

@ObjectType('Person', {
  description:
    'A person of interest, known to police across cases through the suspects that point to it. Readers who may see none of its cases get a hit only (`id`, `ownerCountry`, `releasable: false`, and `cases` as hits); every other field is null with FORBIDDEN NOT_RELEASABLE. A smuggled migrant is never a person of interest (Smuggling Protocol Art. 5): nothing of a migrant is matched or stored here.',
})
export class Person {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => CountryCode, { description: 'The bureau that recorded the person: the one to contact.' })
  ownerCountry: string;
}

@ObjectType('PersonCandidate', {
  description: 'A known person who may be the same as a suspect, for an officer to confirm with `linkSuspectToPerson`.',
})
export class PersonCandidate {
  @Field(() => Person, { description: 'The candidate (only persons you may see).' })
  person: PersonEntity;

  @Field(() => Float, { description: 'How alike, from 0 to 1 (1: an exact identifier).' })
  score: number;

  @Field(() => [PersonMatch], { description: 'What the candidate has in common with the suspect.' })
  matched: PersonMatch[];
}
