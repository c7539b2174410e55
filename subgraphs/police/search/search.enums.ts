import { registerEnumType } from 'type-graphql';

/** Which field of a result matched the search text (the best-scoring one when several did). */
export enum SearchMatch {
  REFERENCE = 'REFERENCE',
  SUMMARY = 'SUMMARY',
  SEA_AREA = 'SEA_AREA',
  NAME = 'NAME',
  ALIAS = 'ALIAS',
  PHONE = 'PHONE',
  DOCUMENT = 'DOCUMENT',
  IMO = 'IMO',
  MMSI = 'MMSI',
  REGISTRATION = 'REGISTRATION',
}
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'Which field of a search result matched the text.',
  valuesConfig: {
    REFERENCE: { description: "A case's reference (the only field a case outside your scope is matched on)." },
    SUMMARY: { description: "Words of a case's summary (full-text)." },
    SEA_AREA: { description: 'The sea area (route) of one of the detections of a case.' },
    NAME: { description: "A smuggling network's or a vessel's name." },
    ALIAS: { description: "A suspect's or a person of interest's alias." },
    PHONE: { description: "A person of interest's phone number (the text read as a number, in E.164, exactly)." },
    DOCUMENT: { description: "A person of interest's travel document number (upper case, without spaces, exactly)." },
    IMO: { description: "A vessel's IMO number (its seven digits, exactly)." },
    MMSI: { description: "A vessel's MMSI (exactly)." },
    REGISTRATION: { description: "A vessel's national registration (letters and digits, any case, exactly)." },
  },
});
