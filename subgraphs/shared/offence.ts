import { registerEnumType } from 'type-graphql';

/**
 * Offences and aggravations are named by the police on a case and charged by prosecutors, so both
 * the police and prosecution subgraphs expose these enumerations with identical values.
 */
export enum Offence {
  SMUGGLING_OF_MIGRANTS = 'SMUGGLING_OF_MIGRANTS',
  ENABLING_ILLEGAL_STAY = 'ENABLING_ILLEGAL_STAY',
  DOCUMENT_FRAUD = 'DOCUMENT_FRAUD',
  TRAFFICKING_IN_PERSONS = 'TRAFFICKING_IN_PERSONS',
  PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP = 'PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP',
  MONEY_LAUNDERING = 'MONEY_LAUNDERING',
}
registerEnumType(Offence, {
  name: 'Offence',
  description: 'An offence under the Smuggling of Migrants Protocol, the Trafficking in Persons Protocol or UNTOC.',
  valuesConfig: {
    SMUGGLING_OF_MIGRANTS: {
      description: 'Procuring illegal entry for a financial or material benefit (Smuggling Protocol Art. 6(1)(a)).',
    },
    ENABLING_ILLEGAL_STAY: {
      description: 'Enabling a person to remain without complying with the requirements for legal stay (Art. 6(1)(c)).',
    },
    DOCUMENT_FRAUD: {
      description: 'Producing, procuring or providing fraudulent travel or identity documents to enable smuggling (Art. 6(1)(b)).',
    },
    TRAFFICKING_IN_PERSONS: { description: 'Trafficking in persons (Trafficking in Persons Protocol Art. 5).' },
    PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP: { description: 'Participation in an organised criminal group (UNTOC Art. 5).' },
    MONEY_LAUNDERING: { description: 'Laundering of the proceeds of crime (UNTOC Art. 6).' },
  },
});

export enum Aggravation {
  ENDANGERING_LIFE = 'ENDANGERING_LIFE',
  INHUMAN_OR_DEGRADING_TREATMENT = 'INHUMAN_OR_DEGRADING_TREATMENT',
}
registerEnumType(Aggravation, {
  name: 'Aggravation',
  description: 'Aggravating circumstances of a smuggling offence (Smuggling Protocol Art. 6(3)).',
  valuesConfig: {
    ENDANGERING_LIFE: { description: 'Endangering, or being likely to endanger, the lives or safety of the migrants (Art. 6(3)(a)).' },
    INHUMAN_OR_DEGRADING_TREATMENT: {
      description: 'Inhuman or degrading treatment of the migrants, including for exploitation (Art. 6(3)(b)).',
    },
  },
});
