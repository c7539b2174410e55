import { registerEnumType } from 'type-graphql';

export enum CaseStatus {
  OPEN = 'OPEN',
  UNDER_INVESTIGATION = 'UNDER_INVESTIGATION',
  REFERRED_FOR_PROSECUTION = 'REFERRED_FOR_PROSECUTION',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Where a police case stands.',
  valuesConfig: {
    OPEN: { description: 'Opened, typically on a detection at sea; no investigation assigned yet.' },
    UNDER_INVESTIGATION: { description: 'An investigation team works the case.' },
    REFERRED_FOR_PROSECUTION: { description: 'Handed to a prosecution office; see `Case.prosecution`.' },
    CLOSED: { description: 'No further police action.' },
  },
});

export enum DetectionOutcome {
  INTERCEPTED = 'INTERCEPTED',
  RESCUED = 'RESCUED',
  ESCORTED = 'ESCORTED',
  TRACKED = 'TRACKED',
  LOST = 'LOST',
}
registerEnumType(DetectionOutcome, {
  name: 'DetectionOutcome',
  description: 'What happened when the vessel was detected at sea.',
  valuesConfig: {
    INTERCEPTED: { description: 'Stopped and boarded by a State vessel.' },
    RESCUED: { description: 'A search-and-rescue operation took the people aboard to safety (Art. 16 protection of life).' },
    ESCORTED: { description: 'Accompanied to port without boarding at sea.' },
    TRACKED: { description: 'Followed by air or sea assets without contact.' },
    LOST: { description: 'Contact lost; the vessel was not found again.' },
  },
});

export enum VesselType {
  DINGHY = 'DINGHY',
  WOODEN_BOAT = 'WOODEN_BOAT',
  FISHING_VESSEL = 'FISHING_VESSEL',
  CARGO_VESSEL = 'CARGO_VESSEL',
  SAILING_YACHT = 'SAILING_YACHT',
  SPEEDBOAT = 'SPEEDBOAT',
  OTHER = 'OTHER',
}
registerEnumType(VesselType, {
  name: 'VesselType',
  description: 'Kind of vessel used for the crossing.',
  valuesConfig: {
    DINGHY: { description: 'Inflatable boat, typical of the central Mediterranean.' },
    WOODEN_BOAT: { description: 'Open wooden boat: a "yola" in the Caribbean, a "cayuco" off West Africa.' },
    FISHING_VESSEL: { description: 'Fishing vessel, often used as a mother ship by organisers.' },
    CARGO_VESSEL: { description: 'Merchant cargo vessel.' },
    SAILING_YACHT: { description: 'Sailing yacht.' },
    SPEEDBOAT: { description: 'Fast motorboat, used by organisers and for short crossings.' },
    OTHER: { description: 'Any other vessel.' },
  },
});

export enum RegistryStatus {
  NOT_REQUESTED = 'NOT_REQUESTED',
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  DENIED = 'DENIED',
  STATELESS = 'STATELESS',
}
registerEnumType(RegistryStatus, {
  name: 'RegistryStatus',
  description: "Confirmation of the vessel's registry asked of the flag State (Smuggling Protocol Art. 8(2)).",
  valuesConfig: {
    NOT_REQUESTED: { description: 'The flag State has not been asked.' },
    REQUESTED: { description: 'Asked; no answer yet.' },
    CONFIRMED: { description: 'The flag State confirmed the registry.' },
    DENIED: { description: 'The flag State denied the vessel is on its registry.' },
    STATELESS: { description: 'Without nationality: may be boarded and searched (Art. 8(7)).' },
  },
});

export enum BoardingAuthorization {
  OWN_FLAG = 'OWN_FLAG',
  REQUESTED = 'REQUESTED',
  GRANTED = 'GRANTED',
  CONDITIONAL = 'CONDITIONAL',
  REFUSED = 'REFUSED',
}
registerEnumType(BoardingAuthorization, {
  name: 'BoardingAuthorization',
  description:
    'Authority to board and search the vessel (Smuggling Protocol Art. 8). Whether it existed matters to the evidence taken aboard.',
  valuesConfig: {
    OWN_FLAG: { description: "The vessel flies the boarding State's own flag." },
    REQUESTED: { description: 'Authorisation asked of the flag State; no answer yet.' },
    GRANTED: { description: 'The flag State authorised boarding and search.' },
    CONDITIONAL: { description: "Authorised subject to the flag State's conditions (Art. 8(5))." },
    REFUSED: { description: 'The flag State refused.' },
  },
});

export enum SuspectRole {
  ORGANIZER = 'ORGANIZER',
  RECRUITER = 'RECRUITER',
  TRANSPORTER = 'TRANSPORTER',
  CAPTAIN = 'CAPTAIN',
  CREW = 'CREW',
  FACILITATOR = 'FACILITATOR',
  DOCUMENT_FORGER = 'DOCUMENT_FORGER',
  FINANCIER = 'FINANCIER',
}
registerEnumType(SuspectRole, {
  name: 'SuspectRole',
  description: 'The part a suspect is believed to play in the smuggling operation.',
  valuesConfig: {
    ORGANIZER: { description: 'Plans and directs the venture.' },
    RECRUITER: { description: 'Finds and signs up migrants.' },
    TRANSPORTER: { description: 'Moves migrants on land to the departure point.' },
    CAPTAIN: { description: 'Steers the vessel.' },
    CREW: { description: 'Crew aboard other than the captain.' },
    FACILITATOR: { description: 'Provides lodging, contacts or logistics.' },
    DOCUMENT_FORGER: { description: 'Produces fraudulent travel or identity documents (Art. 6(1)(b)).' },
    FINANCIER: { description: 'Funds the venture or moves its proceeds.' },
  },
});

export enum HandlingCode {
  H0 = 'H0',
  H1 = 'H1',
  H2 = 'H2',
  H3 = 'H3',
}
registerEnumType(HandlingCode, {
  name: 'HandlingCode',
  description: "The source's restriction on use of an intelligence item; it binds every reader (Smuggling Protocol Art. 10(2)).",
  valuesConfig: {
    H0: { description: 'Use only to prevent and combat crime.' },
    H1: { description: "Not to be used in judicial proceedings without the provider's permission." },
    H2: { description: "Not to be disseminated further without the provider's permission." },
    H3: { description: 'Other restrictions, stated in `handlingConditions`.' },
  },
});

export enum SourceReliability {
  A = 'A',
  B = 'B',
  C = 'C',
  X = 'X',
}
registerEnumType(SourceReliability, {
  name: 'SourceReliability',
  description: 'How reliable the source has been (the 4x4 evaluation model).',
  valuesConfig: {
    A: { description: 'No doubt about the source; reliable in all past instances.' },
    B: { description: 'Reliable in most instances.' },
    C: { description: 'Unreliable in most instances.' },
    X: { description: 'Reliability cannot be assessed.' },
  },
});

export enum InformationAccuracy {
  CONFIRMED = 'CONFIRMED',
  KNOWN_TO_SOURCE = 'KNOWN_TO_SOURCE',
  CORROBORATED = 'CORROBORATED',
  NOT_CORROBORATED = 'NOT_CORROBORATED',
}
registerEnumType(InformationAccuracy, {
  name: 'InformationAccuracy',
  description: 'How accurate the information is believed to be (the 4x4 evaluation model, grades 1 to 4).',
  valuesConfig: {
    CONFIRMED: { description: '1: not in doubt.' },
    KNOWN_TO_SOURCE: { description: '2: known personally to the source but not to the official passing it on.' },
    CORROBORATED: { description: '3: not known personally to the source but corroborated by information already held.' },
    NOT_CORROBORATED: { description: '4: not known personally to the source and not corroborated.' },
  },
});

/** Which countries' readers a police record's owner releases it to (the owner always keeps it). */
export enum SharingScope {
  OWNER = 'OWNER',
  INVOLVED = 'INVOLVED',
  NAMED = 'NAMED',
  ALL = 'ALL',
}
registerEnumType(SharingScope, {
  name: 'SharingScope',
  description:
    "Which member countries' police, prosecutors and analysts may read a case (with its detections, suspects, vessels and intelligence); the owning country decides. Readers outside the scope get a hit only: the case exists, its reference and the owning country to contact.",
  valuesConfig: {
    OWNER: { description: 'The owning country only.' },
    INVOLVED: {
      description:
        'The countries the case involves: the owner, the lead country and every country that made one of its detections. The default.',
    },
    NAMED: { description: 'The owner and the countries it names.' },
    ALL: { description: 'Every member country.' },
  },
});
