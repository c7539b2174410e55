import type { Agency } from '../../platform/auth.js';
import { rowCounts } from '../support/counts.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

// Demo ids (subgraphs/demo/ids.ts). The seed goes through the workflows, so versions reflect its steps:
// case 1 was opened, investigated and referred (version 3); MLA 1 went DRAFT → TRANSMITTED → ACKNOWLEDGED (3).
const CASE_1 = 'ca5e0000-0000-4000-8000-000000000001';
const MIGRANT_1 = 'a1a00000-0000-4000-8000-000000000001';
const SUSPECT_1 = '5a5bec70-0000-4000-8000-000000000001';
const PROSECUTION_1 = 'b40a0000-0000-4000-8000-000000000001';
const DEFENDANT_1 = 'def00000-0000-4000-8000-000000000001';
const CHARGE_1 = 'c4a46e00-0000-4000-8000-000000000001';
const CONSENT_WITHDRAWN = 'c0a5e700-0000-4000-8000-000000000004';
const ASSISTANCE_COMPLETED = 'a5515700-0000-4000-8000-000000000001';
const MLA_ACKNOWLEDGED = 'a1a40000-0000-4000-8000-000000000001';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const M = {
  openCase: 'mutation($input: OpenCaseInput!, $key: String) { openCase(input: $input, idempotencyKey: $key) { id reference } }',
  recordDetection: 'mutation($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }',
  addSuspect: 'mutation($input: AddSuspectInput!) { addSuspect(input: $input) { id } }',
  shareIntelligence: 'mutation($input: ShareIntelligenceInput!) { shareIntelligence(input: $input) { id } }',
  advanceCase:
    'mutation($id: ID!, $version: Int!, $status: CaseStatus!) { advanceCase(id: $id, version: $version, status: $status) { id } }',
  registerMigrant: 'mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id } }',
  recordScreening: 'mutation($input: RecordScreeningInput!) { recordScreening(input: $input) { id } }',
  recordConsent: 'mutation($input: RecordConsentInput!, $key: String) { recordConsent(input: $input, idempotencyKey: $key) { id } }',
  withdrawConsent: 'mutation($id: ID!, $version: Int!) { withdrawConsent(id: $id, version: $version) { id } }',
  recordAssistance: 'mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id } }',
  updateAssistance:
    'mutation($id: ID!, $version: Int!, $status: AssistanceStatus!) { updateAssistance(id: $id, version: $version, status: $status) { id } }',
  openProsecution: 'mutation($input: OpenProsecutionInput!) { openProsecution(input: $input) { id } }',
  addDefendant: 'mutation($input: AddDefendantInput!) { addDefendant(input: $input) { id } }',
  fileCharge: 'mutation($input: FileChargeInput!) { fileCharge(input: $input) { id } }',
  recordVerdict: 'mutation($input: RecordVerdictInput!) { recordVerdict(input: $input) { id } }',
  addWitness: 'mutation($input: AddWitnessInput!) { addWitness(input: $input) { id } }',
  createMlaRequest: 'mutation($input: CreateMlaRequestInput!) { createMlaRequest(input: $input) { id version } }',
  advanceMlaRequest:
    'mutation($id: ID!, $version: Int!, $status: MlaStatus!) { advanceMlaRequest(id: $id, version: $version, status: $status) { id status version } }',
};

const openCase = { reference: 'DOM-2026-5000', leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'] };
const detection = {
  caseId: CASE_1,
  detectedAt: '2026-09-01T03:00:00Z',
  seaArea: 'Mona Passage',
  position: { latitude: 18.3, longitude: -67.8 },
  detectingCountry: 'USA',
  outcome: 'INTERCEPTED',
  personsOnBoard: 20,
  deaths: 0,
};
const intelligence = {
  caseId: CASE_1,
  summary: 'x',
  handlingCode: 'H0',
  sourceReliability: 'B',
  informationAccuracy: 'CORROBORATED',
  sourceCountry: 'DOM',
};
const migrant = { caseId: CASE_1, sex: 'MALE', ageGroup: 'AGE_26_47' };
const consent = {
  migrantId: MIGRANT_1,
  scope: 'RESEARCH',
  recipientAgency: 'IOM',
  recipient: 'IOM data collaborative',
  purpose: 'Statistics',
};
const mla = { prosecutionId: PROSECUTION_1, type: 'EVIDENCE', requestingCountry: 'DOM', requestedCountry: 'USA', subject: 'x' };
const future = '2999-01-01T00:00:00Z';

type Expected =
  // For BAD_USER_INPUT, `reason` is one of the refused fields' reasons (the one shape: extensions.fields).
  { code: 'BAD_USER_INPUT'; fields?: string[]; reason?: string } | { code: 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN'; reason?: string };

/** [what, agency, mutation, variables, expected error] */
const FAILURES: Array<[string, Agency, keyof typeof M, Record<string, unknown>, Expected]> = [
  // Validation: wrong types, out of range, unknown enum, invalid country, oversized text, missing required, domain rules.
  [
    'openCase: malformed reference and a future date',
    'POLICE',
    'openCase',
    { input: { ...openCase, reference: 'bad ref', openedAt: future } },
    { code: 'BAD_USER_INPUT', fields: ['openedAt', 'reference'] },
  ],
  ['openCase: unknown offence', 'POLICE', 'openCase', { input: { ...openCase, offences: ['PIRACY'] } }, { code: 'BAD_USER_INPUT' }],
  ['openCase: invalid country', 'POLICE', 'openCase', { input: { ...openCase, leadCountry: 'XXX' } }, { code: 'BAD_USER_INPUT' }],
  [
    'openCase: oversized summary',
    'POLICE',
    'openCase',
    { input: { ...openCase, summary: 'x'.repeat(4001) } },
    { code: 'BAD_USER_INPUT', fields: ['summary'] },
  ],
  [
    'openCase: missing required field',
    'POLICE',
    'openCase',
    { input: { reference: 'DOM-2026-5001', offences: [] } },
    { code: 'BAD_USER_INPUT' },
  ],
  [
    'openCase: wrong type',
    'POLICE',
    'openCase',
    { input: { ...openCase, offences: 'SMUGGLING_OF_MIGRANTS', reference: 42 } },
    { code: 'BAD_USER_INPUT' },
  ],
  [
    'openCase: taken reference',
    'POLICE',
    'openCase',
    { input: { ...openCase, reference: 'DOM-2026-0142' } },
    { code: 'BAD_USER_INPUT', fields: ['reference'] },
  ],
  [
    'recordDetection: out-of-range position and negative count',
    'POLICE',
    'recordDetection',
    { input: { ...detection, position: { latitude: 91, longitude: -181 }, personsOnBoard: -1 } },
    { code: 'BAD_USER_INPUT', fields: ['personsOnBoard', 'position.latitude', 'position.longitude'] },
  ],
  [
    'recordDetection: in the future',
    'POLICE',
    'recordDetection',
    { input: { ...detection, detectedAt: future } },
    { code: 'BAD_USER_INPUT', fields: ['detectedAt'] },
  ],
  [
    'recordDetection: both caseId and openCase',
    'POLICE',
    'recordDetection',
    { input: { ...detection, openCase } },
    { code: 'BAD_USER_INPUT', fields: ['caseId'] },
  ],
  [
    'recordDetection: more dead than aboard',
    'POLICE',
    'recordDetection',
    { input: { ...detection, deaths: 30 } },
    { code: 'BAD_USER_INPUT', fields: ['deaths'] },
  ],
  ['recordDetection: unknown case', 'POLICE', 'recordDetection', { input: { ...detection, caseId: UNKNOWN } }, { code: 'NOT_FOUND' }],
  [
    'addSuspect: empty alias',
    'POLICE',
    'addSuspect',
    { input: { caseId: CASE_1, alias: '', role: 'CREW' } },
    { code: 'BAD_USER_INPUT', fields: ['alias'] },
  ],
  [
    'addSuspect: malformed case id',
    'POLICE',
    'addSuspect',
    { input: { caseId: 'case-1', alias: 'A', role: 'CREW' } },
    { code: 'BAD_USER_INPUT', fields: ['caseId'], reason: 'INVALID_ID' },
  ],
  [
    'shareIntelligence: H3 without conditions',
    'POLICE',
    'shareIntelligence',
    { input: { ...intelligence, handlingCode: 'H3' } },
    { code: 'BAD_USER_INPUT', fields: ['handlingConditions'] },
  ],
  [
    'advanceCase: invalid transition',
    'POLICE',
    'advanceCase',
    { id: CASE_1, version: 5, status: 'OPEN' },
    { code: 'BAD_USER_INPUT', fields: ['status'], reason: 'INVALID_TRANSITION' },
  ],
  [
    'registerMigrant: malformed and taken code',
    'IOM',
    'registerMigrant',
    { input: { ...migrant, code: 'MG-DOM-0142-01' } },
    { code: 'BAD_USER_INPUT', fields: ['code'] },
  ],
  [
    'registerMigrant: birth in the future',
    'IOM',
    'registerMigrant',
    { input: { ...migrant, identity: { givenName: 'A', dateOfBirth: '2999-01-01' } } },
    { code: 'BAD_USER_INPUT', fields: ['identity.dateOfBirth'] },
  ],
  [
    'recordConsent: empty purpose, future date',
    'IOM',
    'recordConsent',
    { input: { ...consent, purpose: '', givenAt: future } },
    { code: 'BAD_USER_INPUT', fields: ['givenAt', 'purpose'] },
  ],
  [
    'withdrawConsent: already withdrawn',
    'IOM',
    'withdrawConsent',
    { id: CONSENT_WITHDRAWN, version: 2 },
    { code: 'BAD_USER_INPUT', fields: ['id'] },
  ],
  [
    'recordAssistance: completed without dates',
    'IOM',
    'recordAssistance',
    { input: { migrantId: MIGRANT_1, type: 'MEDICAL', status: 'COMPLETED', provider: 'IOM' } },
    { code: 'BAD_USER_INPUT', fields: ['completedAt', 'startedAt'] },
  ],
  [
    'updateAssistance: completed is final',
    'IOM',
    'updateAssistance',
    { id: ASSISTANCE_COMPLETED, version: 1, status: 'IN_PROGRESS' },
    { code: 'BAD_USER_INPUT', fields: ['status'], reason: 'INVALID_TRANSITION' },
  ],
  [
    'openProsecution: case already prosecuted',
    'PROSECUTOR',
    'openProsecution',
    { input: { caseId: CASE_1, jurisdiction: 'DOM', prosecutorOffice: 'PETT', network: 'REFCO' } },
    { code: 'BAD_USER_INPUT', fields: ['caseId'] },
  ],
  [
    'addDefendant: already a defendant',
    'PROSECUTOR',
    'addDefendant',
    { input: { prosecutionId: PROSECUTION_1, suspectId: SUSPECT_1, liability: 'PRINCIPAL' } },
    { code: 'BAD_USER_INPUT', fields: ['suspectId'] },
  ],
  [
    'fileCharge: basis does not fit the offence',
    'PROSECUTOR',
    'fileCharge',
    { input: { defendantId: DEFENDANT_1, offence: 'SMUGGLING_OF_MIGRANTS', legalBasis: 'TIP_5' } },
    { code: 'BAD_USER_INPUT', fields: ['legalBasis'] },
  ],
  [
    'recordVerdict: pending, and a sentence without guilt',
    'PROSECUTOR',
    'recordVerdict',
    { input: { chargeId: CHARGE_1, version: 1, verdict: 'PENDING', sentenceMonths: 12 } },
    { code: 'BAD_USER_INPUT', fields: ['sentenceMonths', 'verdict'] },
  ],
  [
    'recordVerdict: sentence out of range',
    'PROSECUTOR',
    'recordVerdict',
    { input: { chargeId: CHARGE_1, version: 1, verdict: 'GUILTY', sentenceMonths: 5000 } },
    { code: 'BAD_USER_INPUT', fields: ['sentenceMonths'] },
  ],
  [
    'addWitness: oversized protective measure',
    'PROSECUTOR',
    'addWitness',
    { input: { prosecutionId: PROSECUTION_1, migrantId: MIGRANT_1, role: 'VICTIM', protectiveMeasures: ['x'.repeat(301)] } },
    { code: 'BAD_USER_INPUT', fields: ['protectiveMeasures'] },
  ],
  [
    'createMlaRequest: a State asking itself',
    'PROSECUTOR',
    'createMlaRequest',
    { input: { ...mla, requestedCountry: 'DOM' } },
    { code: 'BAD_USER_INPUT', fields: ['requestedCountry'] },
  ],
  [
    'advanceMlaRequest: invalid transition',
    'PROSECUTOR',
    'advanceMlaRequest',
    { id: MLA_ACKNOWLEDGED, version: 3, status: 'EXECUTED' },
    { code: 'BAD_USER_INPUT', fields: ['status'], reason: 'INVALID_TRANSITION' },
  ],
  // Stale versions.
  [
    'advanceCase: stale version',
    'POLICE',
    'advanceCase',
    { id: CASE_1, version: 7, status: 'CLOSED' },
    { code: 'CONFLICT', reason: 'STALE_VERSION' },
  ],
  [
    'recordScreening: stale migrant version',
    'IOM',
    'recordScreening',
    {
      input: {
        migrantId: MIGRANT_1,
        migrantVersion: 9,
        screenedAt: '2026-03-20T10:00:00Z',
        screenedBy: 'IOM',
        vulnerabilities: [],
        traffickingStatus: 'NOT_A_VICTIM',
      },
    },
    { code: 'CONFLICT', reason: 'STALE_VERSION' },
  ],
  [
    'recordVerdict: stale version',
    'PROSECUTOR',
    'recordVerdict',
    { input: { chargeId: CHARGE_1, version: 3, verdict: 'ACQUITTED' } },
    { code: 'CONFLICT', reason: 'STALE_VERSION' },
  ],
  [
    'advanceMlaRequest: stale version',
    'PROSECUTOR',
    'advanceMlaRequest',
    { id: MLA_ACKNOWLEDGED, version: 2, status: 'IN_EXECUTION' },
    { code: 'CONFLICT', reason: 'STALE_VERSION' },
  ],
  // Wrong agency: each agency writes only its own data.
  ['openCase by IOM', 'IOM', 'openCase', { input: openCase }, { code: 'FORBIDDEN', reason: 'ROLE' }],
  [
    'addSuspect by a prosecutor',
    'PROSECUTOR',
    'addSuspect',
    { input: { caseId: CASE_1, alias: 'A', role: 'CREW' } },
    { code: 'FORBIDDEN', reason: 'ROLE' },
  ],
  ['registerMigrant by police', 'POLICE', 'registerMigrant', { input: migrant }, { code: 'FORBIDDEN', reason: 'ROLE' }],
  [
    'withdrawConsent by a prosecutor',
    'PROSECUTOR',
    'withdrawConsent',
    { id: CONSENT_WITHDRAWN, version: 1 },
    { code: 'FORBIDDEN', reason: 'ROLE' },
  ],
  [
    'openProsecution by IOM',
    'IOM',
    'openProsecution',
    { input: { caseId: UNKNOWN, jurisdiction: 'DOM', prosecutorOffice: 'X', network: 'NONE' } },
    { code: 'FORBIDDEN', reason: 'ROLE' },
  ],
  [
    'recordVerdict by police',
    'POLICE',
    'recordVerdict',
    { input: { chargeId: CHARGE_1, version: 1, verdict: 'GUILTY' } },
    { code: 'FORBIDDEN', reason: 'ROLE' },
  ],
  ['createMlaRequest by a partner', 'PARTNER', 'createMlaRequest', { input: mla }, { code: 'FORBIDDEN', reason: 'ROLE' }],
];

async function run(agency: Agency, mutation: keyof typeof M, variables: Record<string, unknown>, key?: string): Promise<GraphQLResponse> {
  return tidelink.query(M[mutation], { token: await tidelink.token(agency, 'DOM'), variables: key ? { ...variables, key } : variables });
}

describe('mutations refuse bad writes, and write nothing when they do', () => {
  it.each(FAILURES)('%s', async (_what, agency, mutation, variables, expected) => {
    const before = await rowCounts(tidelink);
    const { status, body } = await run(agency, mutation, variables);
    expect([200, 400]).toContain(status);
    expect(body.errors).toHaveLength(1);
    const extensions = body.errors?.[0].extensions ?? {};
    expect(extensions.code).toBe(expected.code);
    if (expected.code === 'BAD_USER_INPUT') {
      // Every BAD_USER_INPUT has the one shape: the refused fields, each with its reasons, and no lone field/reason.
      const problems = extensions.fields as Array<{ field: string; reasons: string[] }>;
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(typeof problem.field).toBe('string');
        expect(problem.reasons.length).toBeGreaterThan(0);
      }
      expect(extensions).not.toHaveProperty('field');
      expect(extensions).not.toHaveProperty('reason');
      if (expected.fields) expect(problems.map((problem) => problem.field).sort()).toEqual(expected.fields);
      if (expected.reason) expect(problems.flatMap((problem) => problem.reasons)).toContain(expected.reason);
    } else if (expected.reason) expect(extensions.reason).toBe(expected.reason);
    // No stack trace and no SQL text in any refusal.
    expect(JSON.stringify(body)).not.toMatch(/\.(ts|js):\d+|stacktrace|SELECT .* FROM|INSERT INTO|UPDATE "/);
    expect(await rowCounts(tidelink)).toEqual(before);
  });

  it('names the current status and the allowed ones on an invalid transition', async () => {
    const { body } = await run('PROSECUTOR', 'advanceMlaRequest', { id: MLA_ACKNOWLEDGED, version: 3, status: 'EXECUTED' });
    expect(body.errors?.[0].extensions).toMatchObject({
      currentStatus: 'ACKNOWLEDGED',
      allowed: ['INFORMATION_REQUESTED', 'IN_EXECUTION', 'POSTPONED', 'REFUSED', 'WITHDRAWN'],
    });
    expect(body.errors?.[0].message).toMatch(/cannot go from ACKNOWLEDGED to EXECUTED/);
  });
});

describe('idempotency', () => {
  it('a retry with the same key and input returns the first result and writes one row', async () => {
    const before = await rowCounts(tidelink);
    const input = { ...openCase, reference: 'DOM-2026-6000' };
    const first = await run('POLICE', 'openCase', { input }, 'retry-1');
    const second = await run('POLICE', 'openCase', { input }, 'retry-1');
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data).toEqual(first.body.data);
    const after = await rowCounts(tidelink);
    expect(after['police.cases']).toBe(before['police.cases'] + 1);
  });

  it('the same key with other input is a CONFLICT and writes nothing', async () => {
    const before = await rowCounts(tidelink);
    const { body } = await run('POLICE', 'openCase', { input: { ...openCase, reference: 'DOM-2026-6001' } }, 'retry-1');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await rowCounts(tidelink)).toEqual(before);
  });
});

describe('concurrency', () => {
  it('20 parallel retries of one creating mutation with the same key produce exactly one row', async () => {
    const before = await rowCounts(tidelink);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => run('IOM', 'recordConsent', { input: consent }, 'parallel-consent')),
    );
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    const ids = new Set(responses.map((response) => (response.body.data as { recordConsent: { id: string } }).recordConsent.id));
    expect(ids.size).toBe(1);
    expect((await rowCounts(tidelink))['assistance.consents']).toBe(before['assistance.consents'] + 1);
  });

  it('20 parallel updates from the same version produce exactly one success; the rest are CONFLICT', async () => {
    const { body } = await run('PROSECUTOR', 'createMlaRequest', { input: mla });
    const { id, version } = (body.data as { createMlaRequest: { id: string; version: number } }).createMlaRequest;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => run('PROSECUTOR', 'advanceMlaRequest', { id, version, status: 'TRANSMITTED' })),
    );
    const succeeded = responses.filter((response) => !response.body.errors);
    const conflicts = responses.filter((response) => response.body.errors?.[0].extensions?.code === 'CONFLICT');
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect((succeeded[0].body.data as { advanceMlaRequest: { version: number } }).advanceMlaRequest.version).toBe(version + 1);
  });
});
