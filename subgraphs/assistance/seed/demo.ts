import type { DataSource } from 'typeorm';
import { demoId, kind } from '../../demo/ids.js';
import { seedContext } from '../../shared/seed-context.js';
import { createAssistanceContext } from '../assistance.context.js';
import { AgencyCode } from '../../shared/access-log/access-log.type.js';
import { AgeGroup, AssistanceStatus, AssistanceType, ConsentScope, Sex, TraffickingStatus, Vulnerability } from '../enums.js';

// Every person below is invented. Case n and detection n are the police demo's case n and detection n.

interface DemoMigrant {
  n: number;
  caseN: number;
  code: string;
  sex: Sex;
  ageGroup: AgeGroup;
  nationality: string | null;
  vulnerabilities: Vulnerability[];
  traffickingStatus: TraffickingStatus;
  registeredAt: string;
  identity: [string, string, string | null];
  screenedBy: string;
}

const migrants: DemoMigrant[] = [
  {
    n: 1,
    caseN: 1,
    code: 'MG-DOM-0142-01',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_26_47,
    nationality: 'DOM',
    vulnerabilities: [],
    traffickingStatus: TraffickingStatus.NOT_A_VICTIM,
    registeredAt: '2026-03-14T11:00:00Z',
    identity: ['Juan Carlos', 'Peña Reyes', '1991-06-12'],
    screenedBy: 'IOM Santo Domingo',
  },
  {
    n: 2,
    caseN: 1,
    code: 'MG-DOM-0142-02',
    sex: Sex.FEMALE,
    ageGroup: AgeGroup.AGE_18_25,
    nationality: 'HTI',
    vulnerabilities: [Vulnerability.PREGNANT, Vulnerability.TRAUMA],
    traffickingStatus: TraffickingStatus.POSSIBLE,
    registeredAt: '2026-03-14T11:20:00Z',
    identity: ['Mirlande', 'Joseph', '2003-01-27'],
    screenedBy: 'IOM Santo Domingo',
  },
  {
    n: 3,
    caseN: 1,
    code: 'MG-DOM-0142-03',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_9_17,
    nationality: 'HTI',
    vulnerabilities: [Vulnerability.UNACCOMPANIED_CHILD],
    traffickingStatus: TraffickingStatus.NOT_ASSESSED,
    registeredAt: '2026-03-14T11:45:00Z',
    identity: ['Wilner', 'Pierre', '2010-09-03'],
    screenedBy: 'IOM Santo Domingo',
  },
  {
    n: 4,
    caseN: 1,
    code: 'MG-DOM-0142-04',
    sex: Sex.FEMALE,
    ageGroup: AgeGroup.AGE_26_47,
    nationality: 'VEN',
    vulnerabilities: [Vulnerability.TRAFFICKING_INDICATORS, Vulnerability.SURVIVOR_OF_VIOLENCE],
    traffickingStatus: TraffickingStatus.CONFIRMED,
    registeredAt: '2026-03-14T12:10:00Z',
    identity: ['Yuleisy', 'Márquez Díaz', '1994-11-30'],
    screenedBy: 'IOM Santo Domingo',
  },
  {
    n: 5,
    caseN: 2,
    code: 'MG-TCA-0031-01',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_26_47,
    nationality: 'HTI',
    vulnerabilities: [Vulnerability.MEDICAL_NEED],
    traffickingStatus: TraffickingStatus.NOT_A_VICTIM,
    registeredAt: '2026-02-10T09:30:00Z',
    identity: ['Jean-Robert', 'Louis', '1988-04-19'],
    screenedBy: 'IOM Turks and Caicos',
  },
  {
    n: 6,
    caseN: 2,
    code: 'MG-TCA-0031-02',
    sex: Sex.FEMALE,
    ageGroup: AgeGroup.AGE_0_8,
    nationality: 'HTI',
    vulnerabilities: [Vulnerability.SEPARATED_CHILD],
    traffickingStatus: TraffickingStatus.NOT_ASSESSED,
    registeredAt: '2026-02-10T09:45:00Z',
    identity: ['Nadège', 'Louis', '2020-12-02'],
    screenedBy: 'IOM Turks and Caicos',
  },
  {
    n: 7,
    caseN: 4,
    code: 'MG-ITA-0311-01',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_18_25,
    nationality: 'ERI',
    vulnerabilities: [Vulnerability.TRAUMA, Vulnerability.SURVIVOR_OF_VIOLENCE],
    traffickingStatus: TraffickingStatus.POSSIBLE,
    registeredAt: '2026-05-30T14:00:00Z',
    identity: ['Tesfalem', 'Gebremariam', '2004-02-14'],
    screenedBy: 'IOM Italy, Lampedusa',
  },
  {
    n: 8,
    caseN: 4,
    code: 'MG-ITA-0311-02',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_9_17,
    nationality: 'SDN',
    vulnerabilities: [Vulnerability.UNACCOMPANIED_CHILD, Vulnerability.MEDICAL_NEED],
    traffickingStatus: TraffickingStatus.NOT_ASSESSED,
    registeredAt: '2026-05-30T14:30:00Z',
    identity: ['Abdelrahman', 'Osman', null],
    screenedBy: 'IOM Italy, Lampedusa',
  },
  {
    n: 9,
    caseN: 5,
    code: 'MG-ESP-0058-01',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_18_25,
    nationality: 'SEN',
    vulnerabilities: [Vulnerability.MEDICAL_NEED],
    traffickingStatus: TraffickingStatus.NOT_A_VICTIM,
    registeredAt: '2026-08-19T10:00:00Z',
    identity: ['Moussa', 'Diop', '2005-07-08'],
    screenedBy: 'Spanish Red Cross, El Hierro',
  },
  {
    n: 10,
    caseN: 5,
    code: 'MG-ESP-0058-02',
    sex: Sex.MALE,
    ageGroup: AgeGroup.AGE_26_47,
    nationality: 'MLI',
    vulnerabilities: [],
    traffickingStatus: TraffickingStatus.NOT_ASSESSED,
    registeredAt: '2026-08-19T10:20:00Z',
    identity: ['Bakary', 'Traoré', null],
    screenedBy: 'Spanish Red Cross, El Hierro',
  },
  {
    n: 11,
    caseN: 3,
    code: 'MG-CUW-0007-01',
    sex: Sex.FEMALE,
    ageGroup: AgeGroup.AGE_26_47,
    nationality: 'VEN',
    vulnerabilities: [Vulnerability.TRAFFICKING_INDICATORS],
    traffickingStatus: TraffickingStatus.POSSIBLE,
    registeredAt: '2026-03-21T08:00:00Z',
    identity: ['Daniela', 'Rojas', '1997-03-05'],
    screenedBy: 'IOM Curaçao',
  },
];

/**
 * Each consent names its recipient: migrant 1's consent opens the identity to the Dominican police
 * only (a DOM police token reads it, a USA police token is refused CONSENT_REQUIRED).
 */
const consents: Array<
  [
    migrantN: number,
    scope: ConsentScope,
    recipientAgency: AgencyCode,
    recipientCountry: string | null,
    recipient: string,
    purpose: string,
    givenAt: string,
    withdrawnAt: string | null,
  ]
> = [
  [
    1,
    ConsentScope.SHARE_WITH_POLICE,
    AgencyCode.POLICE,
    'DOM',
    'Policía Nacional',
    'Investigation of case DOM-2026-0142',
    '2026-03-14T12:30:00Z',
    null,
  ],
  [
    2,
    ConsentScope.SHARE_WITH_PROSECUTION,
    AgencyCode.PROSECUTOR,
    'DOM',
    'Procuraduría General de la República',
    'Prosecution of the smugglers in case DOM-2026-0142',
    '2026-03-20T10:00:00Z',
    null,
  ],
  [
    2,
    ConsentScope.TESTIMONY,
    AgencyCode.PROSECUTOR,
    'DOM',
    'Procuraduría General de la República',
    'Testimony in the trial arising from case DOM-2026-0142',
    '2026-03-20T10:05:00Z',
    null,
  ],
  [
    3,
    ConsentScope.SHARE_WITH_POLICE,
    AgencyCode.POLICE,
    'DOM',
    'Policía Nacional',
    'Investigation of case DOM-2026-0142',
    '2026-03-15T09:00:00Z',
    '2026-03-29T16:00:00Z',
  ],
  [
    4,
    ConsentScope.RESEARCH,
    AgencyCode.IOM,
    null,
    'IOM counter-trafficking data collaborative',
    'De-identified statistics',
    '2026-03-16T10:00:00Z',
    null,
  ],
  [
    7,
    ConsentScope.SHARE_WITH_PROSECUTION,
    AgencyCode.PROSECUTOR,
    'ITA',
    'Procura della Repubblica di Agrigento',
    'Prosecution of the smugglers in case ITA-2026-0311',
    '2026-06-05T10:00:00Z',
    null,
  ],
  [
    7,
    ConsentScope.TESTIMONY,
    AgencyCode.PROSECUTOR,
    'ITA',
    'Procura della Repubblica di Agrigento',
    'Testimony in the trial arising from case ITA-2026-0311',
    '2026-06-05T10:10:00Z',
    null,
  ],
  [
    9,
    ConsentScope.SHARE_WITH_POLICE,
    AgencyCode.POLICE,
    'ESP',
    'Policía Nacional',
    'Investigation of case ESP-2026-0058',
    '2026-08-20T09:00:00Z',
    null,
  ],
];

const assistance: Array<
  [migrantN: number, type: AssistanceType, status: AssistanceStatus, provider: string, startedAt: string | null, completedAt: string | null]
> = [
  [1, AssistanceType.MEDICAL, AssistanceStatus.COMPLETED, 'IOM Santo Domingo', '2026-03-14T11:05:00Z', '2026-03-14T13:00:00Z'],
  [1, AssistanceType.REINTEGRATION, AssistanceStatus.IN_PROGRESS, 'IOM Santo Domingo', '2026-04-01T09:00:00Z', null],
  [2, AssistanceType.MEDICAL, AssistanceStatus.COMPLETED, 'IOM Santo Domingo', '2026-03-14T11:25:00Z', '2026-03-15T10:00:00Z'],
  [
    2,
    AssistanceType.PSYCHOSOCIAL,
    AssistanceStatus.IN_PROGRESS,
    'Centro de Atención a Víctimas, Santo Domingo',
    '2026-03-16T09:00:00Z',
    null,
  ],
  [2, AssistanceType.SHELTER, AssistanceStatus.IN_PROGRESS, 'Casa de Acogida Esperanza', '2026-03-15T12:00:00Z', null],
  [2, AssistanceType.LEGAL_COUNSELLING, AssistanceStatus.COMPLETED, 'IOM Santo Domingo', '2026-03-18T10:00:00Z', '2026-03-18T12:00:00Z'],
  [
    3,
    AssistanceType.SHELTER,
    AssistanceStatus.IN_PROGRESS,
    'Consejo Nacional para la Niñez y la Adolescencia (CONANI)',
    '2026-03-14T15:00:00Z',
    null,
  ],
  [3, AssistanceType.FAMILY_TRACING, AssistanceStatus.IN_PROGRESS, 'Haitian Red Cross', '2026-03-16T09:00:00Z', null],
  [4, AssistanceType.MEDICAL, AssistanceStatus.COMPLETED, 'IOM Santo Domingo', '2026-03-14T12:15:00Z', '2026-03-14T14:00:00Z'],
  [
    4,
    AssistanceType.PSYCHOSOCIAL,
    AssistanceStatus.IN_PROGRESS,
    'Centro de Atención a Víctimas, Santo Domingo',
    '2026-03-17T09:00:00Z',
    null,
  ],
  [
    4,
    AssistanceType.CONSULAR_NOTIFICATION,
    AssistanceStatus.COMPLETED,
    'IOM Santo Domingo',
    '2026-03-15T08:00:00Z',
    '2026-03-15T08:30:00Z',
  ],
  [5, AssistanceType.MEDICAL, AssistanceStatus.COMPLETED, 'Cheshire Hall Medical Centre', '2026-02-09T17:00:00Z', '2026-02-10T08:00:00Z'],
  [5, AssistanceType.VOLUNTARY_RETURN, AssistanceStatus.PLANNED, 'IOM Turks and Caicos', null, null],
  [6, AssistanceType.SHELTER, AssistanceStatus.IN_PROGRESS, 'IOM Turks and Caicos', '2026-02-10T10:00:00Z', null],
  [7, AssistanceType.MEDICAL, AssistanceStatus.COMPLETED, 'Poliambulatorio di Lampedusa', '2026-05-30T10:00:00Z', '2026-05-30T18:00:00Z'],
  [7, AssistanceType.PSYCHOSOCIAL, AssistanceStatus.IN_PROGRESS, 'IOM Italy', '2026-06-01T09:00:00Z', null],
  [7, AssistanceType.INTERPRETATION, AssistanceStatus.COMPLETED, 'IOM Italy', '2026-05-30T14:00:00Z', '2026-05-30T16:00:00Z'],
  [
    8,
    AssistanceType.SHELTER,
    AssistanceStatus.IN_PROGRESS,
    'Comunità per minori stranieri non accompagnati, Agrigento',
    '2026-06-01T12:00:00Z',
    null,
  ],
  [9, AssistanceType.MEDICAL, AssistanceStatus.COMPLETED, 'Spanish Red Cross, El Hierro', '2026-08-18T18:00:00Z', '2026-08-19T09:00:00Z'],
  [10, AssistanceType.LEGAL_COUNSELLING, AssistanceStatus.DECLINED, 'Spanish Red Cross, El Hierro', null, null],
  [11, AssistanceType.SHELTER, AssistanceStatus.COMPLETED, 'IOM Curaçao', '2026-03-21T09:00:00Z', '2026-04-10T09:00:00Z'],
];

/**
 * Loads the assistance side of the demo stories if the database has no migrants yet, through the
 * same services (rules, transactions, idempotency keys) that IOM caseworkers' mutations use.
 */
export async function seedAssistanceDemo(dataSource: DataSource): Promise<boolean> {
  const [{ present }] = await dataSource.query<Array<{ present: boolean }>>(
    '/* seed.assistance.present */ SELECT EXISTS (SELECT 1 FROM migrants) AS present',
  );
  if (present) return false;
  const seed = seedContext(dataSource, 'IOM', 'DOM');
  const iom = createAssistanceContext(seed);
  for (const m of migrants) {
    const migrantId = demoId(kind.migrant, m.n);
    seed.recordIds.plan({ migrant: migrantId });
    const registered = await iom.migrants.register(
      {
        caseId: demoId(kind.case, m.caseN),
        detectionId: demoId(kind.detection, m.caseN),
        code: m.code,
        sex: m.sex,
        ageGroup: m.ageGroup,
        nationality: m.nationality,
        registeredAt: new Date(m.registeredAt),
        identity: { givenName: m.identity[0], familyName: m.identity[1], dateOfBirth: m.identity[2] ? new Date(m.identity[2]) : null },
      },
      `demo:migrant:${m.code}`,
    );
    seed.recordIds.plan({ screening: demoId(kind.screening, m.n) });
    await iom.screenings.record(
      {
        migrantId,
        migrantVersion: registered?.version ?? 1,
        screenedAt: new Date(new Date(m.registeredAt).getTime() + 30 * 60 * 1000),
        screenedBy: m.screenedBy,
        vulnerabilities: m.vulnerabilities,
        traffickingStatus: m.traffickingStatus,
      },
      `demo:screening:${m.code}`,
    );
  }
  for (const [
    index,
    [migrantN, scope, recipientAgency, recipientCountry, recipient, purpose, givenAt, withdrawnAt],
  ] of consents.entries()) {
    seed.recordIds.plan({ consent: demoId(kind.consent, index + 1) });
    const consent = await iom.consents.record(
      {
        migrantId: demoId(kind.migrant, migrantN),
        scope,
        recipientAgency,
        recipientCountry,
        recipient,
        purpose,
        givenAt: new Date(givenAt),
      },
      `demo:consent:${index + 1}`,
    );
    if (withdrawnAt) await iom.consents.withdraw(consent.id, consent.version);
  }
  for (const [index, [migrantN, type, status, provider, startedAt, completedAt]] of assistance.entries()) {
    seed.recordIds.plan({ assistance: demoId(kind.assistance, index + 1) });
    await iom.assistance.record(
      {
        migrantId: demoId(kind.migrant, migrantN),
        type,
        status,
        provider,
        startedAt: startedAt ? new Date(startedAt) : null,
        completedAt: completedAt ? new Date(completedAt) : null,
      },
      `demo:assistance:${index + 1}`,
    );
  }
  return true;
}
