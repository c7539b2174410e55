import { registerEnumType } from 'type-graphql';

/** Which field of a result matched the search text (the best-scoring one when several did). */
export enum SearchMatch {
  REFERENCE = 'REFERENCE',
  SUMMARY = 'SUMMARY',
  SEA_AREA = 'SEA_AREA',
  NAME = 'NAME',
  ALIAS = 'ALIAS',
}
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'Which field of a search result matched the text.',
  valuesConfig: {
    REFERENCE: { description: "A case's reference (the only field a case outside your scope is matched on)." },
    SUMMARY: { description: "Words of a case's summary (full-text)." },
    SEA_AREA: { description: 'The sea area (route) of one of the detections of a case.' },
    NAME: { description: "A smuggling network's or a vessel's name." },
    ALIAS: { description: "A suspect's alias." },
  },
});
