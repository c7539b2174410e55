import { registerEnumType } from 'type-graphql';

export enum ProsecutionStage {
  INVESTIGATION = 'INVESTIGATION',
  INDICTMENT = 'INDICTMENT',
  TRIAL = 'TRIAL',
  APPEAL = 'APPEAL',
  FINAL = 'FINAL',
}
registerEnumType(ProsecutionStage, {
  name: 'ProsecutionStage',
  description: 'How far criminal proceedings against the smugglers of a case have gone.',
  valuesConfig: {
    INVESTIGATION: { description: 'The prosecutor directs or reviews the investigation; no charges filed yet.' },
    INDICTMENT: { description: 'Charges filed or an indictment brought before the court; trial not yet opened.' },
    TRIAL: { description: 'Trial under way before the court of first instance.' },
    APPEAL: { description: 'A first-instance judgment is under appeal.' },
    FINAL: { description: 'Proceedings concluded; the verdicts are final.' },
  },
});

export enum ProsecutorNetwork {
  REFCO = 'REFCO',
  REDTRAM = 'REDTRAM',
  OTHER = 'OTHER',
  NONE = 'NONE',
}
registerEnumType(ProsecutorNetwork, {
  name: 'ProsecutorNetwork',
  description: 'Regional network of prosecutors, supported by UNODC, through which the prosecution is coordinated across borders.',
  valuesConfig: {
    REFCO: { description: 'Network of organised-crime prosecution offices of Central America, the Caribbean, Colombia and Mexico.' },
    REDTRAM: { description: 'Ibero-American network of prosecutors specialised in trafficking in persons and smuggling of migrants.' },
    OTHER: { description: 'Another regional or bilateral cooperation channel, e.g. Eurojust.' },
    NONE: { description: 'Not coordinated through any prosecutor network.' },
  },
});

export enum Liability {
  PRINCIPAL = 'PRINCIPAL',
  ACCOMPLICE = 'ACCOMPLICE',
  ORGANIZER = 'ORGANIZER',
  ATTEMPT = 'ATTEMPT',
}
registerEnumType(Liability, {
  name: 'Liability',
  description: 'The mode of criminal liability alleged against a defendant (Smuggling Protocol Art. 6(1) and 6(2)).',
  valuesConfig: {
    PRINCIPAL: { description: 'Committed the offence directly, e.g. the captain who steered the vessel.' },
    ACCOMPLICE: { description: 'Participated as an accomplice (Art. 6(2)(b)).' },
    ORGANIZER: { description: 'Organised or directed other persons to commit the offence (Art. 6(2)(c)).' },
    ATTEMPT: { description: 'Attempted the offence without completing it (Art. 6(2)(a)).' },
  },
});

export enum Verdict {
  PENDING = 'PENDING',
  GUILTY = 'GUILTY',
  ACQUITTED = 'ACQUITTED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(Verdict, {
  name: 'Verdict',
  description: "The court's decision on one charge.",
  valuesConfig: {
    PENDING: { description: 'Not decided yet.' },
    GUILTY: { description: 'Convicted on this charge; `sentenceMonths` holds the custodial sentence, if any.' },
    ACQUITTED: { description: 'Acquitted on this charge.' },
    DISMISSED: { description: 'Dismissed or withdrawn without a decision on the merits.' },
  },
});

export enum LegalBasis {
  SOM_6_1_A = 'SOM_6_1_A',
  SOM_6_1_B = 'SOM_6_1_B',
  SOM_6_1_C = 'SOM_6_1_C',
  SOM_6_2 = 'SOM_6_2',
  SOM_6_3_A = 'SOM_6_3_A',
  SOM_6_3_B = 'SOM_6_3_B',
  TIP_5 = 'TIP_5',
  UNTOC_5 = 'UNTOC_5',
  UNTOC_6 = 'UNTOC_6',
  NATIONAL_LAW = 'NATIONAL_LAW',
}
registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description:
    'The international provision a charge implements (the national offence transposes it). Lets charges be compared across jurisdictions, as in the UNODC SHERLOC case-law database.',
  valuesConfig: {
    SOM_6_1_A: {
      description:
        'Smuggling Protocol Art. 6(1)(a): smuggling of migrants, i.e. procuring illegal entry for a financial or other material benefit.',
    },
    SOM_6_1_B: {
      description:
        'Smuggling Protocol Art. 6(1)(b): producing, procuring, providing or possessing a fraudulent travel or identity document to enable smuggling.',
    },
    SOM_6_1_C: {
      description:
        'Smuggling Protocol Art. 6(1)(c): enabling a person to remain in a State without complying with the requirements for legal stay.',
    },
    SOM_6_2: {
      description:
        'Smuggling Protocol Art. 6(2): attempting, participating as an accomplice in, or organising or directing a smuggling offence.',
    },
    SOM_6_3_A: { description: 'Smuggling Protocol Art. 6(3)(a): smuggling aggravated by endangering the lives or safety of the migrants.' },
    SOM_6_3_B: {
      description:
        'Smuggling Protocol Art. 6(3)(b): smuggling aggravated by inhuman or degrading treatment of the migrants, including exploitation.',
    },
    TIP_5: { description: 'Trafficking in Persons Protocol Art. 5: trafficking in persons.' },
    UNTOC_5: { description: 'UNTOC Art. 5: participation in an organised criminal group.' },
    UNTOC_6: { description: 'UNTOC Art. 6: laundering of the proceeds of crime.' },
    NATIONAL_LAW: { description: 'A provision of national law with no counterpart among the instruments above.' },
  },
});

export enum WitnessRole {
  SMUGGLED_MIGRANT_WITNESS = 'SMUGGLED_MIGRANT_WITNESS',
  VICTIM = 'VICTIM',
  CIVIL_PARTY = 'CIVIL_PARTY',
}
registerEnumType(WitnessRole, {
  name: 'WitnessRole',
  description: 'The capacity in which a migrant takes part in the proceedings. A migrant is never a defendant (Smuggling Protocol Art. 5).',
  valuesConfig: {
    SMUGGLED_MIGRANT_WITNESS: {
      description: 'A smuggled migrant testifying about the smuggling; not liable to prosecution for having been smuggled (Art. 5).',
    },
    VICTIM: { description: 'A victim of an offence in the case, e.g. of an aggravated smuggling offence (Art. 6(3)) or of trafficking.' },
    CIVIL_PARTY: { description: 'A person who joined the criminal proceedings as a civil party claiming reparation.' },
  },
});

export enum MlaType {
  EVIDENCE = 'EVIDENCE',
  TESTIMONY = 'TESTIMONY',
  SEARCH_AND_SEIZURE = 'SEARCH_AND_SEIZURE',
  ASSET_FREEZE = 'ASSET_FREEZE',
  JOINT_INVESTIGATION_TEAM = 'JOINT_INVESTIGATION_TEAM',
}
registerEnumType(MlaType, {
  name: 'MlaType',
  description: 'What a mutual legal assistance request asks of the requested State (UNTOC Art. 18(3)).',
  valuesConfig: {
    EVIDENCE: { description: 'Providing evidence, records, documents or expert evaluations held by the requested State.' },
    TESTIMONY: { description: 'Taking a statement or hearing a witness or expert, including by video link (Art. 18(18)).' },
    SEARCH_AND_SEIZURE: { description: 'Executing searches and seizures, and freezing evidence.' },
    ASSET_FREEZE: { description: 'Identifying, tracing, freezing or seizing the proceeds of crime (Art. 18(3)(g), Art. 13).' },
    JOINT_INVESTIGATION_TEAM: { description: 'Setting up a joint investigative body with the requested State (UNTOC Art. 19).' },
  },
});

export enum MlaStatus {
  DRAFT = 'DRAFT',
  TRANSMITTED = 'TRANSMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  INFORMATION_REQUESTED = 'INFORMATION_REQUESTED',
  IN_EXECUTION = 'IN_EXECUTION',
  POSTPONED = 'POSTPONED',
  EXECUTED = 'EXECUTED',
  PARTIALLY_EXECUTED = 'PARTIALLY_EXECUTED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(MlaStatus, {
  name: 'MlaStatus',
  description: 'Where a mutual legal assistance request stands, following the life of a request under UNTOC Art. 18.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the requesting prosecutor; not sent yet.' },
    TRANSMITTED: { description: 'Sent to the central authority of the requested State (Art. 18(13)).' },
    ACKNOWLEDGED: { description: 'The requested State acknowledged receipt.' },
    INFORMATION_REQUESTED: { description: 'The requested State asked for more information before executing (Art. 18(16)).' },
    IN_EXECUTION: { description: 'The requested State is executing the request.' },
    POSTPONED: {
      description:
        'Execution postponed because it would interfere with an investigation, prosecution or proceeding in the requested State (Art. 18(25)).',
    },
    EXECUTED: {
      description:
        'Executed in full. What was obtained may be used only for the purpose stated in the request, unless the requested State consents (Art. 18(19)).',
    },
    PARTIALLY_EXECUTED: { description: 'Executed in part, or subject to conditions set by the requested State (Art. 18(26)).' },
    REFUSED: { description: 'Refused on a ground of Art. 18(21), with reasons given (Art. 18(23)). Final.' },
    WITHDRAWN: { description: 'Withdrawn by the requesting State. Final.' },
  },
});

/** The moves a real request can make (UNTOC Art. 18); mutations advancing a request check against this. */
export const MLA_STATUS_TRANSITIONS: Readonly<Record<MlaStatus, readonly MlaStatus[]>> = {
  [MlaStatus.DRAFT]: [MlaStatus.TRANSMITTED, MlaStatus.WITHDRAWN],
  [MlaStatus.TRANSMITTED]: [MlaStatus.ACKNOWLEDGED, MlaStatus.INFORMATION_REQUESTED, MlaStatus.REFUSED, MlaStatus.WITHDRAWN],
  [MlaStatus.ACKNOWLEDGED]: [
    MlaStatus.INFORMATION_REQUESTED,
    MlaStatus.IN_EXECUTION,
    MlaStatus.POSTPONED,
    MlaStatus.REFUSED,
    MlaStatus.WITHDRAWN,
  ],
  [MlaStatus.INFORMATION_REQUESTED]: [MlaStatus.ACKNOWLEDGED, MlaStatus.IN_EXECUTION, MlaStatus.REFUSED, MlaStatus.WITHDRAWN],
  [MlaStatus.IN_EXECUTION]: [MlaStatus.POSTPONED, MlaStatus.EXECUTED, MlaStatus.PARTIALLY_EXECUTED, MlaStatus.WITHDRAWN],
  [MlaStatus.POSTPONED]: [MlaStatus.IN_EXECUTION, MlaStatus.REFUSED, MlaStatus.WITHDRAWN],
  [MlaStatus.EXECUTED]: [],
  [MlaStatus.PARTIALLY_EXECUTED]: [MlaStatus.IN_EXECUTION, MlaStatus.EXECUTED],
  [MlaStatus.REFUSED]: [],
  [MlaStatus.WITHDRAWN]: [],
};
