import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { DocumentKind } from './person.enums.js';

@InputType({ description: 'A travel or identity document of a suspect.' })
export class PersonDocumentInput {
  @Field(() => DocumentKind, { description: 'The kind of document.' })
  kind: DocumentKind;

  @Length(1, 60)
  @Field({ description: 'The document number as written; stored in upper case without spaces.' })
  number: string;

  @Field(() => CountryCode, { description: 'The issuing country.' })
  issuingCountry: string;
}
