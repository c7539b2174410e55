import { registerEnumType } from 'type-graphql';

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex as recorded at registration.',
  valuesConfig: {
    FEMALE: { description: 'Female.' },
    MALE: { description: 'Male.' },
    OTHER: { description: 'Another sex or gender identity, as the person states it.' },
    UNKNOWN: { description: 'Not recorded.' },
  },
});

export enum AgeGroup {
  AGE_0_8 = 'AGE_0_8',
  AGE_9_17 = 'AGE_9_17',
  AGE_18_25 = 'AGE_18_25',
  AGE_26_47 = 'AGE_26_47',
  AGE_48_PLUS = 'AGE_48_PLUS',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(AgeGroup, {
  name: 'AgeGroup',
  description: 'Age band at registration (the bands used in counter-trafficking data), never an exact age.',
  valuesConfig: {
    AGE_0_8: { description: '0 to 8 years: a child.' },
    AGE_9_17: { description: '9 to 17 years: a child.' },
    AGE_18_25: { description: '18 to 25 years.' },
    AGE_26_47: { description: '26 to 47 years.' },
    AGE_48_PLUS: { description: '48 years or older.' },
    UNKNOWN: { description: 'Not established.' },
  },
});

export enum Vulnerability {
  UNACCOMPANIED_CHILD = 'UNACCOMPANIED_CHILD',
  SEPARATED_CHILD = 'SEPARATED_CHILD',
  PREGNANT = 'PREGNANT',
  MEDICAL_NEED = 'MEDICAL_NEED',
  DISABILITY = 'DISABILITY',
  TRAUMA = 'TRAUMA',
  SURVIVOR_OF_VIOLENCE = 'SURVIVOR_OF_VIOLENCE',
  TRAFFICKING_INDICATORS = 'TRAFFICKING_INDICATORS',
  ELDERLY = 'ELDERLY',
}
registerEnumType(Vulnerability, {
  name: 'Vulnerability',
  description: 'A special need found at screening (Smuggling Protocol Art. 16: the special needs of women and children).',
  valuesConfig: {
    UNACCOMPANIED_CHILD: { description: 'A child travelling without any adult responsible for them.' },
    SEPARATED_CHILD: { description: 'A child separated from parents or usual caregivers but with another adult.' },
    PREGNANT: { description: 'Pregnant.' },
    MEDICAL_NEED: { description: 'Needs medical care.' },
    DISABILITY: { description: 'Has a disability.' },
    TRAUMA: { description: 'Shows signs of psychological trauma.' },
    SURVIVOR_OF_VIOLENCE: { description: 'Survived physical, sexual or gender-based violence.' },
    TRAFFICKING_INDICATORS: { description: 'Screening found indicators of trafficking in persons.' },
    ELDERLY: { description: 'An older person with age-related needs.' },
  },
});

export enum TraffickingStatus {
  NOT_ASSESSED = 'NOT_ASSESSED',
  POSSIBLE = 'POSSIBLE',
  CONFIRMED = 'CONFIRMED',
  NOT_A_VICTIM = 'NOT_A_VICTIM',
}
registerEnumType(TraffickingStatus, {
  name: 'TraffickingStatus',
  description: 'Whether the person is a victim of trafficking in persons (HTCDS: possible / actual / not a victim).',
  valuesConfig: {
    NOT_ASSESSED: { description: 'No assessment yet.' },
    POSSIBLE: { description: 'Indicators present; assessment not concluded.' },
    CONFIRMED: { description: 'Identified as a victim of trafficking.' },
    NOT_A_VICTIM: { description: 'Assessed: not a victim of trafficking.' },
  },
});

export enum ConsentScope {
  SHARE_WITH_POLICE = 'SHARE_WITH_POLICE',
  SHARE_WITH_PROSECUTION = 'SHARE_WITH_PROSECUTION',
  TESTIMONY = 'TESTIMONY',
  RESEARCH = 'RESEARCH',
}
registerEnumType(ConsentScope, {
  name: 'ConsentScope',
  description: 'What the migrant agreed to. IOM transfers personal data to a third party only with consent and a specified purpose.',
  valuesConfig: {
    SHARE_WITH_POLICE: { description: 'Identity and trafficking status may be shared with police for the stated purpose.' },
    SHARE_WITH_PROSECUTION: { description: 'Identity and trafficking status may be shared with prosecutors for the stated purpose.' },
    TESTIMONY: { description: 'Agrees to be contacted as a witness and to testify.' },
    RESEARCH: { description: 'De-identified data may be used for research and statistics.' },
  },
});

export enum AssistanceType {
  MEDICAL = 'MEDICAL',
  SHELTER = 'SHELTER',
  PSYCHOSOCIAL = 'PSYCHOSOCIAL',
  LEGAL_COUNSELLING = 'LEGAL_COUNSELLING',
  INTERPRETATION = 'INTERPRETATION',
  FAMILY_TRACING = 'FAMILY_TRACING',
  CONSULAR_NOTIFICATION = 'CONSULAR_NOTIFICATION',
  VOLUNTARY_RETURN = 'VOLUNTARY_RETURN',
  REINTEGRATION = 'REINTEGRATION',
}
registerEnumType(AssistanceType, {
  name: 'AssistanceType',
  description: 'Kind of support given to a migrant.',
  valuesConfig: {
    MEDICAL: { description: 'Medical screening and care.' },
    SHELTER: { description: 'Safe accommodation.' },
    PSYCHOSOCIAL: { description: 'Psychosocial support and counselling.' },
    LEGAL_COUNSELLING: { description: 'Information on rights, asylum and legal proceedings.' },
    INTERPRETATION: { description: 'Interpretation into a language the person understands.' },
    FAMILY_TRACING: { description: 'Tracing and contacting family members.' },
    CONSULAR_NOTIFICATION: {
      description: "Notification of the consular authorities of the person's country (Smuggling Protocol Art. 16(5)).",
    },
    VOLUNTARY_RETURN: { description: 'Assisted voluntary return, with due regard for safety and dignity (Art. 18).' },
    REINTEGRATION: { description: 'Reintegration support after return.' },
  },
});

export enum AssistanceStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
}
registerEnumType(AssistanceStatus, {
  name: 'AssistanceStatus',
  description: 'Progress of a piece of assistance.',
  valuesConfig: {
    PLANNED: { description: 'Agreed with the migrant; not started.' },
    IN_PROGRESS: { description: 'Being given.' },
    COMPLETED: { description: 'Given in full.' },
    DECLINED: { description: 'Offered and declined by the migrant.' },
  },
});
