import { registerEnumType } from 'type-graphql';

/** What a node of the network picture is. */
export enum GraphNodeKind {
  CASE = 'CASE',
  PERSON = 'PERSON',
  VESSEL = 'VESSEL',
  NETWORK = 'NETWORK',
}

/** How two nodes of the network picture are linked (each edge read from a suspect, a detection or a case). */
export enum GraphEdgeKind {
  /** A person of interest is a suspect in a case (from → person, to → case). */
  SUSPECT_IN = 'SUSPECT_IN',
  /** A vessel was detected in a case (from → vessel, to → case). */
  DETECTED_IN = 'DETECTED_IN',
  /** A person's suspect is believed to belong to a network (from → person, to → network). */
  MEMBER_OF = 'MEMBER_OF',
  /** A case is attributed to a network (from → case, to → network). */
  ATTRIBUTED_TO = 'ATTRIBUTED_TO',
}

registerEnumType(GraphNodeKind, {
  name: 'GraphNodeKind',
  description: 'What a node of the network picture is.',
  valuesConfig: {
    CASE: { description: 'A police case (a hit when outside your share: reference and owning country only).' },
    PERSON: { description: 'A person of interest, known to police across cases through its suspects.' },
    VESSEL: { description: 'A vessel, matched across its detections.' },
    NETWORK: { description: 'A smuggling network.' },
  },
});
registerEnumType(GraphEdgeKind, {
  name: 'GraphEdgeKind',
  description: 'How two nodes are linked.',
  valuesConfig: {
    SUSPECT_IN: { description: 'A person of interest is a suspect in the case (from: person, to: case).' },
    DETECTED_IN: { description: 'The vessel was detected in the case (from: vessel, to: case).' },
    MEMBER_OF: { description: "The person's suspect is believed to belong to the network (from: person, to: network)." },
    ATTRIBUTED_TO: { description: 'The case is attributed to the network (from: case, to: network).' },
  },
});
