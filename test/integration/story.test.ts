import { FOLLOW_CASE } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack({ SEED_DEMO: 'false' });
});
afterAll(async () => {
  await tidelink?.stop();
});

/** Runs a mutation as an agency and returns its data, failing the test on any error. */
async function write<T>(agency: 'POLICE' | 'IOM' | 'PROSECUTOR', query: string, variables: Record<string, unknown>): Promise<T> {
  const { body } = await tidelink.query<T>(query, { token: await tidelink.token(agency, 'DOM'), variables });
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

describe('the whole chain, built only through mutations', () => {
  it('detection → migrants, consent, assistance → referral → prosecution → defendant, charge, witness, MLA → verdict', async () => {
    // Police: a yola intercepted in the Mona Passage opens a case; two smugglers identified; intelligence shared.
    const { recordDetection } = await write<{ recordDetection: { id: string; case: { id: string; version: number } } }>(
      'POLICE',
      `mutation($input: RecordDetectionInput!) { recordDetection(input: $input, idempotencyKey: "story-detection") { id case { id version } } }`,
      {
        input: {
          openCase: {
            reference: 'DOM-2026-0777',
            leadCountry: 'DOM',
            offences: ['SMUGGLING_OF_MIGRANTS'],
            aggravations: ['ENDANGERING_LIFE'],
            summary: 'Yola intercepted in the Mona Passage.',
          },
          detectedAt: '2026-10-02T04:10:00Z',
          seaArea: 'Mona Passage',
          position: { latitude: 18.31, longitude: -67.81 },
          detectingCountry: 'USA',
          outcome: 'INTERCEPTED',
          personsOnBoard: 31,
          deaths: 0,
          vessel: { type: 'WOODEN_BOAT', flagState: 'DOM', registryStatus: 'CONFIRMED', boardingAuthorization: 'GRANTED' },
        },
      },
    );
    const caseId = recordDetection.case.id;
    const suspect = async (alias: string, role: string) =>
      (
        await write<{ addSuspect: { id: string } }>('POLICE', `mutation($input: AddSuspectInput!) { addSuspect(input: $input) { id } }`, {
          input: { caseId, alias, role, nationality: 'DOM' },
        })
      ).addSuspect.id;
    const captain = await suspect('El Timonel', 'CAPTAIN');
    await suspect('Don Fello', 'ORGANIZER');
    await write('POLICE', `mutation($input: ShareIntelligenceInput!) { shareIntelligence(input: $input) { id } }`, {
      input: {
        caseId,
        summary: 'Departure from a beach near Miches.',
        handlingCode: 'H0',
        sourceReliability: 'B',
        informationAccuracy: 'CORROBORATED',
        sourceCountry: 'DOM',
      },
    });

    // IOM: a migrant registered, screened, consenting to testify, assisted.
    const { registerMigrant } = await write<{ registerMigrant: { id: string; version: number } }>(
      'IOM',
      `mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id version } }`,
      {
        input: {
          caseId,
          detectionId: recordDetection.id,
          code: 'MG-DOM-0777-01',
          sex: 'FEMALE',
          ageGroup: 'AGE_18_25',
          nationality: 'HTI',
          identity: { givenName: 'Roseline', familyName: 'Augustin', dateOfBirth: '2004-05-09' },
        },
      },
    );
    const migrantId = registerMigrant.id;
    await write('IOM', `mutation($input: RecordScreeningInput!) { recordScreening(input: $input) { id } }`, {
      input: {
        migrantId,
        migrantVersion: registerMigrant.version,
        screenedAt: '2026-10-02T09:00:00Z',
        screenedBy: 'IOM Santo Domingo',
        vulnerabilities: ['TRAUMA'],
        traffickingStatus: 'POSSIBLE',
      },
    });
    await write('IOM', `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: {
        migrantId,
        scope: 'TESTIMONY',
        recipientAgency: 'PROSECUTOR',
        recipientCountry: 'DOM',
        recipient: 'Procuraduría General de la República (DOM)',
        purpose: 'Testimony in the trial of case DOM-2026-0777',
      },
    });
    const { recordAssistance } = await write<{ recordAssistance: { id: string; version: number } }>(
      'IOM',
      `mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id version } }`,
      { input: { migrantId, type: 'PSYCHOSOCIAL', status: 'PLANNED', provider: 'IOM Santo Domingo' } },
    );
    await write(
      'IOM',
      `mutation { updateAssistance(id: "${recordAssistance.id}", version: ${recordAssistance.version}, status: IN_PROGRESS) { status } }`,
      {},
    );

    // Police: the case is investigated, then referred.
    const investigated = await write<{ advanceCase: { version: number } }>(
      'POLICE',
      `mutation { advanceCase(id: "${caseId}", version: ${recordDetection.case.version}, status: UNDER_INVESTIGATION) { version } }`,
      {},
    );
    await write(
      'POLICE',
      `mutation { referCaseForProsecution(id: "${caseId}", version: ${investigated.advanceCase.version}) { status } }`,
      {},
    );

    // Prosecutor: proceedings, a defendant and charges, the witness, an MLA request; then a verdict.
    const { openProsecution } = await write<{ openProsecution: { id: string; version: number } }>(
      'PROSECUTOR',
      `mutation($input: OpenProsecutionInput!) { openProsecution(input: $input) { id version } }`,
      { input: { caseId, jurisdiction: 'DOM', prosecutorOffice: 'PETT, Santo Domingo', network: 'REFCO' } },
    );
    const prosecutionId = openProsecution.id;
    const { addDefendant } = await write<{ addDefendant: { id: string } }>(
      'PROSECUTOR',
      `mutation($input: AddDefendantInput!) { addDefendant(input: $input) { id } }`,
      { input: { prosecutionId, suspectId: captain, liability: 'PRINCIPAL' } },
    );
    const { fileCharge } = await write<{ fileCharge: { id: string; version: number } }>(
      'PROSECUTOR',
      `mutation($input: FileChargeInput!) { fileCharge(input: $input) { id version } }`,
      { input: { defendantId: addDefendant.id, offence: 'SMUGGLING_OF_MIGRANTS', legalBasis: 'SOM_6_3_A' } },
    );
    await write('PROSECUTOR', `mutation($input: AddWitnessInput!) { addWitness(input: $input) { id } }`, {
      input: { prosecutionId, migrantId, role: 'SMUGGLED_MIGRANT_WITNESS', protectiveMeasures: ['Testimony by video link'] },
    });
    const { createMlaRequest } = await write<{ createMlaRequest: { id: string; version: number } }>(
      'PROSECUTOR',
      `mutation($input: CreateMlaRequestInput!) { createMlaRequest(input: $input) { id version } }`,
      {
        input: {
          prosecutionId,
          type: 'EVIDENCE',
          requestingCountry: 'DOM',
          requestedCountry: 'USA',
          subject: 'Boarding report of the interdiction.',
        },
      },
    );
    await write(
      'PROSECUTOR',
      `mutation { advanceMlaRequest(id: "${createMlaRequest.id}", version: ${createMlaRequest.version}, status: TRANSMITTED) { status } }`,
      {},
    );
    const indicted = await write<{ advanceProsecution: { version: number } }>(
      'PROSECUTOR',
      `mutation { advanceProsecution(id: "${prosecutionId}", version: ${openProsecution.version}, stage: INDICTMENT) { version } }`,
      {},
    );
    await write(
      'PROSECUTOR',
      `mutation { advanceProsecution(id: "${prosecutionId}", version: ${indicted.advanceProsecution.version}, stage: TRIAL) { stage } }`,
      {},
    );
    await write('PROSECUTOR', `mutation($input: RecordVerdictInput!) { recordVerdict(input: $input) { verdict } }`, {
      input: { chargeId: fileCharge.id, version: fileCharge.version, verdict: 'GUILTY', sentenceMonths: 60 },
    });

    // Read it all back with FollowCase, as the prosecutor and as IOM.
    const prosecutor = await tidelink.query(FOLLOW_CASE, { variables: { id: caseId }, token: await tidelink.token('PROSECUTOR', 'DOM') });
    for (const error of prosecutor.body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(prosecutor.body.data).toMatchObject({
      case: {
        reference: 'DOM-2026-0777',
        status: 'REFERRED_FOR_PROSECUTION',
        aggravations: ['ENDANGERING_LIFE'],
        detections: [{ seaArea: 'Mona Passage', personsOnBoard: 31, vessel: { flagState: 'DOM', boardingAuthorization: 'GRANTED' } }],
        suspects: [{ alias: 'Don Fello' }, { alias: 'El Timonel' }],
        intelligence: [{ handlingCode: 'H0' }],
        migrants: [{ code: 'MG-DOM-0777-01', identity: { givenName: 'Roseline' }, traffickingStatus: 'POSSIBLE', vulnerabilities: null }],
        assistanceSummary: { migrants: 1, minors: 0 },
        prosecution: {
          stage: 'TRIAL',
          network: 'REFCO',
          defendants: [
            {
              liability: 'PRINCIPAL',
              suspect: { alias: 'El Timonel' },
              charges: [{ legalBasis: 'SOM_6_3_A', verdict: 'GUILTY', sentenceMonths: 60 }],
            },
          ],
          witnesses: [{ role: 'SMUGGLED_MIGRANT_WITNESS', migrant: { code: 'MG-DOM-0777-01' } }],
          mlaRequests: [{ type: 'EVIDENCE', status: 'TRANSMITTED', requestedCountry: 'USA' }],
        },
      },
    });
    const iom = await tidelink.query(FOLLOW_CASE, { variables: { id: caseId }, token: await tidelink.token('IOM', 'DOM') });
    expect(iom.body.data).toMatchObject({
      case: {
        migrants: [
          { vulnerabilities: ['TRAUMA'], assistance: [{ type: 'PSYCHOSOCIAL', status: 'IN_PROGRESS', provider: 'IOM Santo Domingo' }] },
        ],
      },
    });
  });
});
