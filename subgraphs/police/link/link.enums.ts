import { registerEnumType } from 'type-graphql';

/** What two cases have in common, making one a link of the other. */
export enum LinkKind {
  VESSEL = 'VESSEL',
  PERSON = 'PERSON',
  PHONE = 'PHONE',
  DOCUMENT = 'DOCUMENT',
  NETWORK = 'NETWORK',
  ROUTE = 'ROUTE',
}
registerEnumType(LinkKind, {
  name: 'LinkKind',
  description: 'What a linked case shares with the case whose links are read.',
  valuesConfig: {
    VESSEL: { description: 'A detection of the same vessel.' },
    PERSON: { description: 'A suspect linked to the same person of interest.' },
    PHONE: { description: "The same phone number (E.164) among the suspects' persons, whether or not the persons are one." },
    DOCUMENT: { description: "The same document (kind, number, issuing country) among the suspects' persons." },
    NETWORK: { description: 'The same smuggling network, named on the case or on one of its suspects.' },
    ROUTE: { description: 'Detections of the two cases within 25 km of each other (great-circle distance).' },
  },
});

/** How close two detections are for their cases to share a route (great-circle distance). */
export const ROUTE_DISTANCE_KM = 25;

/** At most this many linked cases per case, the most recent links first. */
export const MAX_LINKS_PER_CASE = 100;
