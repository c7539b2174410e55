import { Field, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { ProsecutorNetwork } from '../enums.js';

@ObjectType({
  description: 'The specialised prosecutor network a prosecution office works through, for cooperation with the other States involved.',
})
export class ProsecutorNetworkContact {
  @Field(() => ProsecutorNetwork, { description: 'The network.' })
  network: ProsecutorNetwork;

  @Field({ description: 'Full name of the network.' })
  name: string;

  @Field({ description: 'What the network does and how a prosecutor reaches it.' })
  description: string;

  @Field(() => [CountryCode], { description: 'States whose prosecution offices take part (empty when not fixed).' })
  memberStates: string[];
}

/** The networks domain-notes.md describes (UNODC supports both); no personal contact data is kept. */
export const NETWORK_CONTACTS: Record<ProsecutorNetwork, ProsecutorNetworkContact | null> = {
  [ProsecutorNetwork.REFCO]: {
    network: ProsecutorNetwork.REFCO,
    name: 'Network of Prosecutors against Organized Crime (REFCO)',
    description:
      "Links the organised-crime prosecution offices of Central America, the Caribbean, Colombia and Mexico for informal cooperation ahead of and alongside formal MLA requests; reached through the office's REFCO focal point, with UNODC support.",
    memberStates: ['BLZ', 'COL', 'CRI', 'DOM', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'SLV'],
  },
  [ProsecutorNetwork.REDTRAM]: {
    network: ProsecutorNetwork.REDTRAM,
    name: 'Ibero-American Network of Specialised Prosecutors against Trafficking in Persons and Smuggling of Migrants (REDTRAM)',
    description:
      "Connects the specialised trafficking and smuggling prosecutors of the Ibero-American States for case coordination and exchange of evidence; reached through the office's REDTRAM focal point.",
    memberStates: [
      'AND',
      'ARG',
      'BOL',
      'BRA',
      'CHL',
      'COL',
      'CRI',
      'CUB',
      'DOM',
      'ECU',
      'ESP',
      'GTM',
      'HND',
      'MEX',
      'NIC',
      'PAN',
      'PER',
      'PRT',
      'PRY',
      'SLV',
      'URY',
      'VEN',
    ],
  },
  [ProsecutorNetwork.OTHER]: {
    network: ProsecutorNetwork.OTHER,
    name: 'Another prosecutor network',
    description: 'The office cooperates through a network other than REFCO or REDTRAM; see the prosecution office for its focal point.',
    memberStates: [],
  },
  [ProsecutorNetwork.NONE]: null,
};
