import { registerEnumType } from 'type-graphql';

/** A travel or identity document that identifies a person of interest. */
export enum DocumentKind {
  PASSPORT = 'PASSPORT',
  NATIONAL_ID = 'NATIONAL_ID',
  SEAMAN_BOOK = 'SEAMAN_BOOK',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'The kind of a travel or identity document.',
  valuesConfig: {
    PASSPORT: { description: 'A passport.' },
    NATIONAL_ID: { description: 'A national identity card.' },
    SEAMAN_BOOK: { description: "A seafarer's identity document or discharge book." },
  },
});

/** What a candidate person shares with a suspect's person. */
export enum PersonMatch {
  ALIAS = 'ALIAS',
  NATIONALITY = 'NATIONALITY',
  YEAR_OF_BIRTH = 'YEAR_OF_BIRTH',
  PHONE = 'PHONE',
  DOCUMENT = 'DOCUMENT',
}
registerEnumType(PersonMatch, {
  name: 'PersonMatch',
  description: 'What a candidate person has in common with a suspect.',
  valuesConfig: {
    ALIAS: { description: 'A similar alias, ignoring case and diacritics.' },
    NATIONALITY: { description: 'The same nationality (counted with a similar alias).' },
    YEAR_OF_BIRTH: { description: 'A year of birth within one year (counted with a similar alias).' },
    PHONE: { description: 'The same phone number (E.164), which pointed to more than one person.' },
    DOCUMENT: { description: 'The same document (kind, number, issuing country), while another identifier pointed to another person.' },
  },
});
