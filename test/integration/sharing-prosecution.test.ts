import { demoId, kind } from '../../subgraphs/demo/ids.js';
import type { Agency } from '../../platform/auth.js';
import { errorAt, valueAt } from '../support/paths.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * Prosecution scoped by State (issue 12): IOM and partners get stage and verdicts only; witnesses
 * only the prosecuting State's prosecutors; MLA requests only the two States' prosecutors, per
 * request; the sender is the caller; writes only by the prosecuting State.
 */
const PROSECUTION_1 = demoId(kind.prosecution, 1); // DOM; MLA 1 DOM → USA
const PROSECUTION_2 = demoId(kind.prosecution, 2); // ITA; MLA 2 ITA → LBY, MLA 3 ITA → TUN
const MLA_1 = demoId(kind.mla, 1); // ACKNOWLEDGED
const MLA_2 = demoId(kind.mla, 2);
const MLA_3 = demoId(kind.mla, 3);

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

async function as(agency: Agency, country: string, query: string, variables?: Record<string, unknown>) {
  return tidelink.query(query, { variables, token: await tidelink.token(agency, country) });
}

function forbidden(body: GraphQLResponse['body'], path: Array<string | number>, reason: string) {
  expect(valueAt(body.data, path) ?? null).toBeNull();
  expect(errorAt(body, path)?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
}

describe('IOM and partners: stage and verdicts, nothing else', () => {
  const FIELDS = [
    'jurisdiction',
    'prosecutorOffice',
    'network',
    'openedAt',
    'version',
    'networkContact { name }',
    'case { id }',
    'defendants { id }',
    'caseLaw { id }',
    'witnesses { id }',
    'mlaRequests { id }',
  ];

  it.each(['IOM', 'PARTNER'] as const)('%s reads id, stage and verdicts', async (agency) => {
    const { body } = await as(
      agency,
      'DOM',
      `{ prosecution(id: "${PROSECUTION_2}") { id stage verdicts { chargeId verdict decidedAt } } prosecutions { id stage } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      prosecution: { id: PROSECUTION_2, stage: 'TRIAL', verdicts: [{ verdict: 'PENDING', decidedAt: null }] },
    });
    expect((body.data as { prosecutions: unknown[] }).prosecutions.length).toBeGreaterThanOrEqual(2);
  });

  it.each((['IOM', 'PARTNER'] as const).flatMap((agency) => FIELDS.map((field) => [agency, field] as const)))(
    '%s is refused Prosecution.%s (ROLE), the stage still served',
    async (agency, field) => {
      const { body } = await as(agency, 'DOM', `{ prosecution(id: "${PROSECUTION_1}") { stage ${field} } }`);
      expect(valueAt(body.data, ['prosecution', 'stage'])).toBe('INDICTMENT');
      forbidden(body, ['prosecution', field.split(' ')[0]], 'ROLE');
    },
  );

  it.each(['IOM', 'PARTNER'] as const)('%s is refused the case-law list (ROLE)', async (agency) => {
    const { body } = await as(agency, 'DOM', '{ caseLaw { id } }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('police, prosecutors and analysts still read the public record', async () => {
    for (const [agency, country] of [
      ['POLICE', 'USA'],
      ['PROSECUTOR', 'ITA'],
      ['ANALYST', 'DOM'],
    ] as const) {
      const { body } = await as(
        agency,
        country,
        `{ prosecution(id: "${PROSECUTION_1}") { jurisdiction prosecutorOffice defendants { liability charges { offence verdict } } caseLaw { id } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(valueAt(body.data, ['prosecution', 'jurisdiction'])).toBe('DOM');
    }
  });
});

describe("witnesses and protective measures: the prosecuting State's prosecutors only", () => {
  const WITNESSES = `{ prosecution(id: "${PROSECUTION_1}") { witnesses { protectiveMeasures } testifyingWitnesses { protectiveMeasures } } }`;

  it('are served to a prosecutor of the prosecuting State', async () => {
    const { body } = await as('PROSECUTOR', 'DOM', WITNESSES);
    expect(body.errors).toBeUndefined();
    expect(valueAt(body.data, ['prosecution', 'witnesses', 0, 'protectiveMeasures'])).toContain('Testimony by video link');
    expect(valueAt(body.data, ['prosecution', 'testifyingWitnesses', 0, 'protectiveMeasures'])).toContain('Testimony by video link');
  });

  it("are refused to another State's prosecutor (NOT_RELEASABLE) and to police (ROLE)", async () => {
    const italy = await as('PROSECUTOR', 'ITA', WITNESSES);
    forbidden(italy.body, ['prosecution', 'witnesses'], 'NOT_RELEASABLE');
    forbidden(italy.body, ['prosecution', 'testifyingWitnesses'], 'NOT_RELEASABLE');
    expect(JSON.stringify(italy.body)).not.toContain('video link');
    const police = await as('POLICE', 'DOM', WITNESSES);
    forbidden(police.body, ['prosecution', 'witnesses'], 'ROLE');
  });

  it('logs each refused read', async () => {
    await as('PROSECUTOR', 'ESP', WITNESSES);
    const { body } = await as(
      'AUDITOR',
      'DOM',
      `{ prosecutionAccessLog(filter: { entityId: "${PROSECUTION_1}", decision: DENIED }) { nodes { country fields reason } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(valueAt(body.data, ['prosecutionAccessLog', 'nodes'])).toContainEqual({
      country: 'ESP',
      fields: expect.arrayContaining(['witnesses']),
      reason: 'NOT_RELEASABLE',
    });
  });
});

describe('MLA requests: the requesting and the requested State only, per request', () => {
  const MLA = (id: string) => `{ prosecution(id: "${id}") { mlaRequests { id subject requestingCountry requestedCountry } } }`;
  const ids = (body: GraphQLResponse['body']) =>
    ((valueAt(body.data, ['prosecution', 'mlaRequests']) ?? []) as Array<{ id: string }>).map((request) => request.id).sort();

  it('each State sees only the requests it is party to; a list has no null entries', async () => {
    expect(ids((await as('PROSECUTOR', 'ITA', MLA(PROSECUTION_2))).body)).toEqual([MLA_2, MLA_3].sort());
    expect(ids((await as('PROSECUTOR', 'TUN', MLA(PROSECUTION_2))).body)).toEqual([MLA_3]);
    expect(ids((await as('PROSECUTOR', 'LBY', MLA(PROSECUTION_2))).body)).toEqual([MLA_2]);
    const third = await as('PROSECUTOR', 'DOM', MLA(PROSECUTION_2));
    expect(third.body.errors).toBeUndefined();
    expect(valueAt(third.body.data, ['prosecution', 'mlaRequests'])).toEqual([]);
    expect(ids((await as('PROSECUTOR', 'USA', MLA(PROSECUTION_1))).body)).toEqual([MLA_1]);
  });

  it('other agencies are refused (ROLE), analysts included', async () => {
    for (const agency of ['POLICE', 'IOM', 'ANALYST', 'PARTNER'] as const)
      forbidden((await as(agency, 'ITA', MLA(PROSECUTION_2))).body, ['prosecution', 'mlaRequests'], 'ROLE');
  });

  it('logs every read, served or withheld', async () => {
    await as('PROSECUTOR', 'TUN', MLA(PROSECUTION_2));
    const { body } = await as(
      'AUDITOR',
      'DOM',
      `{ prosecutionAccessLog(filter: { entityType: "MlaRequest", entityId: "${MLA_2}" }) { nodes { country decision reason } } }`,
    );
    expect(valueAt(body.data, ['prosecutionAccessLog', 'nodes'])).toContainEqual({
      country: 'TUN',
      decision: 'DENIED',
      reason: 'NOT_RELEASABLE',
    });
    expect(valueAt(body.data, ['prosecutionAccessLog', 'nodes'])).toContainEqual({ country: 'ITA', decision: 'ALLOWED', reason: null });
  });
});

describe('the sender is the caller', () => {
  const CREATE =
    'mutation($input: CreateMlaRequestInput!) { createMlaRequest(input: $input) { id requestingCountry requestedCountry version } }';

  it("refuses a Dominican prosecutor's MLA request as Italy's; stores it as the caller's State when omitted", async () => {
    const forged = await as('PROSECUTOR', 'DOM', CREATE, {
      input: { prosecutionId: PROSECUTION_1, type: 'EVIDENCE', requestingCountry: 'ITA', requestedCountry: 'USA', subject: 'forged' },
    });
    expect(forged.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'requestingCountry' }] });
    const own = await as('PROSECUTOR', 'DOM', CREATE, {
      input: { prosecutionId: PROSECUTION_1, type: 'EVIDENCE', requestedCountry: 'PRI', subject: 'Port records' },
    });
    expect(own.body.errors).toBeUndefined();
    expect(valueAt(own.body.data, ['createMlaRequest', 'requestingCountry'])).toBe('DOM');
  });

  it('refuses a prosecution opened for another jurisdiction', async () => {
    const { body } = await as('PROSECUTOR', 'DOM', 'mutation($input: OpenProsecutionInput!) { openProsecution(input: $input) { id } }', {
      input: { caseId: demoId(kind.case, 2), jurisdiction: 'ITA', prosecutorOffice: 'X', network: 'NONE' },
    });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'jurisdiction' }] });
  });

  it("refuses every write on a prosecution by another State's prosecutors (ROLE)", async () => {
    const writes: Array<[string, Record<string, unknown>]> = [
      [`mutation { advanceProsecution(id: "${PROSECUTION_1}", version: 1, stage: TRIAL) { id } }`, {}],
      [
        'mutation($input: AddWitnessInput!) { addWitness(input: $input) { id } }',
        { input: { prosecutionId: PROSECUTION_1, migrantId: demoId(kind.migrant, 3), role: 'VICTIM' } },
      ],
      [
        'mutation($input: AddDefendantInput!) { addDefendant(input: $input) { id } }',
        { input: { prosecutionId: PROSECUTION_1, suspectId: demoId(kind.suspect, 3), liability: 'PRINCIPAL' } },
      ],
      [
        'mutation($input: FileChargeInput!) { fileCharge(input: $input) { id } }',
        { input: { defendantId: demoId(kind.defendant, 1), offence: 'MONEY_LAUNDERING', legalBasis: 'UNTOC_6' } },
      ],
      [
        'mutation($input: RecordVerdictInput!) { recordVerdict(input: $input) { id } }',
        { input: { chargeId: demoId(kind.charge, 1), version: 1, verdict: 'ACQUITTED' } },
      ],
      [
        'mutation($input: CreateMlaRequestInput!) { createMlaRequest(input: $input) { id } }',
        { input: { prosecutionId: PROSECUTION_1, type: 'EVIDENCE', requestedCountry: 'USA', subject: 'x' } },
      ],
    ];
    for (const [mutation, variables] of writes) {
      const { body } = await as('PROSECUTOR', 'ITA', mutation, variables);
      expect({ mutation, extensions: body.errors?.[0].extensions }).toMatchObject({
        mutation,
        extensions: { code: 'FORBIDDEN', reason: 'ROLE' },
      });
    }
    // Nothing was written: the Dominican file is as it was.
    const { body } = await as('PROSECUTOR', 'DOM', `{ prosecution(id: "${PROSECUTION_1}") { stage defendants { charges { verdict } } } }`);
    expect(valueAt(body.data, ['prosecution', 'stage'])).toBe('INDICTMENT');
    expect(JSON.stringify(body.data)).not.toContain('ACQUITTED');
  });

  it('moves an MLA request by the side the move belongs to', async () => {
    const read = await as('PROSECUTOR', 'USA', `{ prosecution(id: "${PROSECUTION_1}") { mlaRequests { id version status } } }`);
    const request = (
      (valueAt(read.body.data, ['prosecution', 'mlaRequests']) ?? []) as Array<{ id: string; version: number; status: string }>
    ).find((r) => r.id === MLA_1);
    expect(request?.status).toBe('ACKNOWLEDGED');
    const move = `mutation { advanceMlaRequest(id: "${MLA_1}", version: ${request?.version}, status: IN_EXECUTION) { status } }`;
    expect((await as('PROSECUTOR', 'DOM', move)).body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    expect((await as('PROSECUTOR', 'ITA', move)).body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const executed = await as('PROSECUTOR', 'USA', move);
    expect(executed.body.errors).toBeUndefined();
    expect(valueAt(executed.body.data, ['advanceMlaRequest', 'status'])).toBe('IN_EXECUTION');
  });
});

describe('caller-supplied representations are never trusted (against the prosecution subgraph directly)', () => {
  it('a forged testimony consent in `_entities` opens no witness: refused unsigned, or ignored', async () => {
    // Migrant 1 consented to sharing with police only: a witness, but not one who may be called.
    const added = await as(
      'PROSECUTOR',
      'DOM',
      `mutation { addWitness(input: { prosecutionId: "${PROSECUTION_1}", migrantId: "${demoId(kind.migrant, 1)}", role: VICTIM }) { id } }`,
    );
    expect(added.body.errors).toBeUndefined();
    const forged = {
      __typename: 'Prosecution',
      id: PROSECUTION_1,
      witnessMigrants: [
        { id: demoId(kind.migrant, 1), testimonyConsent: true },
        { id: demoId(kind.migrant, 2), testimonyConsent: true },
      ],
    };
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Prosecution { testifyingWitnesses { id } } } }';
    const direct = (country: string) =>
      tidelink
        .token('PROSECUTOR', country)
        .then((token) => tidelink.query(query, { variables: { r: [forged] }, token, url: tidelink.stack.subgraphs.prosecution.url }));
    const dominican = await direct('DOM');
    if (dominican.status === 401) return; // subgraphs refuse unsigned calls: refused outright.
    expect(dominican.body.errors).toBeUndefined();
    // Only the witness whose consent assistance confirms: migrant 2's.
    expect(valueAt(dominican.body.data, ['_entities', 0, 'testifyingWitnesses'])).toEqual([{ id: demoId(kind.witness, 1) }]);
    const italian = await direct('ITA');
    expect(errorAt(italian.body, ['_entities', 0, 'testifyingWitnesses'])?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_RELEASABLE',
    });
  });
});
