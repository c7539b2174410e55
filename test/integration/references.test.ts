import { demoId, kind } from '../../subgraphs/demo/ids.js';
import { signRequest } from '../../platform/request-signing.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * Cross-agency references are checked with their owner (issue 12, "Cross-agency references are
 * checked for form only"): each attack refused with BAD_USER_INPUT on the field and why, nothing
 * written; the owner's signed /lookup answers only signed calls and logs each check; an owner down
 * is SERVICE_UNAVAILABLE with nothing written.
 */
const PROSECUTION_1 = demoId(kind.prosecution, 1); // DOM, on case 1
const CASE_1 = demoId(kind.case, 1); // referred, prosecuted
const CASE_2 = demoId(kind.case, 2); // UNDER_INVESTIGATION
const CASE_3 = demoId(kind.case, 3); // OPEN
const SUSPECT_3 = demoId(kind.suspect, 3); // case 1, not yet a defendant
const SUSPECT_4 = demoId(kind.suspect, 4); // case 2
const MIGRANT_1 = demoId(kind.migrant, 1); // case 1
const MIGRANT_3 = demoId(kind.migrant, 3); // case 1, not a witness
const MIGRANT_7 = demoId(kind.migrant, 7); // case 4
const UNKNOWN = 'ffffffff-0000-4000-8000-000000000000';

const ADD_DEFENDANT = 'mutation($input: AddDefendantInput!) { addDefendant(input: $input) { id } }';
const ADD_WITNESS = 'mutation($input: AddWitnessInput!) { addWitness(input: $input) { id } }';
const OPEN = 'mutation($input: OpenProsecutionInput!) { openProsecution(input: $input) { id stage jurisdiction } }';
const REGISTER = 'mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id } }';
const FILE = `{ prosecution(id: "${PROSECUTION_1}") { defendants { id } witnesses { id } } }`;

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

async function as(agency: 'PROSECUTOR' | 'IOM', query: string, variables: Record<string, unknown>) {
  return tidelink.query(query, { variables, token: await tidelink.token(agency, 'DOM') });
}

function refusedOn(body: GraphQLResponse['body'], field: string, reason: RegExp) {
  expect(body.errors).toHaveLength(1);
  const extensions = body.errors?.[0].extensions ?? {};
  expect(extensions.code).toBe('BAD_USER_INPUT');
  const problems = extensions.fields as Array<{ field: string; reasons: string[] }>;
  expect(problems.map((problem) => problem.field)).toEqual([field]);
  expect(problems[0].reasons.join(' ')).toMatch(reason);
}

async function fileCounts() {
  const { body } = await tidelink.query<{ prosecution: { defendants: unknown[]; witnesses: unknown[] } }>(FILE, {
    token: await tidelink.token('PROSECUTOR', 'DOM'),
  });
  expect(body.errors).toBeUndefined();
  return { defendants: body.data?.prosecution.defendants.length, witnesses: body.data?.prosecution.witnesses.length };
}

describe('references checked with their owner', () => {
  it.each([
    [
      'a migrant as a defendant (Smuggling Protocol Art. 5)',
      ADD_DEFENDANT,
      { prosecutionId: PROSECUTION_1, suspectId: MIGRANT_1, liability: 'PRINCIPAL' },
      'suspectId',
      /Art\. 5/,
    ],
    [
      'a suspect of another case as a defendant',
      ADD_DEFENDANT,
      { prosecutionId: PROSECUTION_1, suspectId: SUSPECT_4, liability: 'PRINCIPAL' },
      'suspectId',
      /another police case/,
    ],
    [
      'an unknown id as a defendant',
      ADD_DEFENDANT,
      { prosecutionId: PROSECUTION_1, suspectId: UNKNOWN, liability: 'PRINCIPAL' },
      'suspectId',
      /not a police suspect/,
    ],
    [
      'a suspect id as a witness',
      ADD_WITNESS,
      { prosecutionId: PROSECUTION_1, migrantId: SUSPECT_3, role: 'VICTIM' },
      'migrantId',
      /not a migrant/,
    ],
    [
      'a migrant of another case as a witness',
      ADD_WITNESS,
      { prosecutionId: PROSECUTION_1, migrantId: MIGRANT_7, role: 'VICTIM' },
      'migrantId',
      /another police case/,
    ],
  ])('refuses %s, and writes nothing', async (_name, mutation, input, field, reason) => {
    const before = await fileCounts();
    const { body } = await as('PROSECUTOR', mutation, { input });
    refusedOn(body, field, reason);
    expect(await fileCounts()).toEqual(before);
  });

  it.each([
    [
      'a case never referred (UNDER_INVESTIGATION)',
      { caseId: CASE_2, prosecutorOffice: 'PETT', network: 'REFCO' },
      'caseId',
      /REFERRED_FOR_PROSECUTION/,
    ],
    [
      'an OPEN case straight at stage FINAL',
      { caseId: CASE_3, prosecutorOffice: 'PETT', network: 'REFCO', stage: 'FINAL' },
      'stage',
      /INVESTIGATION or INDICTMENT/,
    ],
    ['a case that does not exist', { caseId: UNKNOWN, prosecutorOffice: 'PETT', network: 'REFCO' }, 'caseId', /no police case/],
  ])('refuses a prosecution on %s, and opens none', async (_name, input, field, reason) => {
    const { body } = await as('PROSECUTOR', OPEN, { input });
    refusedOn(body, field, reason);
    const after = await tidelink.query<{ case: { prosecution: unknown } }>(
      `{ case(id: "${input.caseId === UNKNOWN ? CASE_3 : input.caseId}") { prosecution { id } } }`,
      {
        token: await tidelink.token('PROSECUTOR', 'DOM'),
      },
    );
    expect(after.body.data?.case.prosecution).toBeNull();
  });

  it('refuses stages after INDICTMENT at opening even on a referred case', async () => {
    for (const stage of ['TRIAL', 'APPEAL', 'FINAL']) {
      const { body } = await as('PROSECUTOR', OPEN, { input: { caseId: CASE_1, prosecutorOffice: 'PETT', network: 'REFCO', stage } });
      refusedOn(body, 'stage', /INVESTIGATION or INDICTMENT/);
    }
  });

  it('refuses a migrant registered on a case that does not exist', async () => {
    const { body } = await as('IOM', REGISTER, { input: { caseId: UNKNOWN, sex: 'MALE', ageGroup: 'AGE_26_47' } });
    refusedOn(body, 'caseId', /no police case/);
    const fine = await as('IOM', REGISTER, { input: { caseId: CASE_2, sex: 'MALE', ageGroup: 'AGE_26_47' } });
    expect(fine.body.errors).toBeUndefined();
  });

  it('accepts a suspect and a migrant of the prosecuted case, and the owners log each check', async () => {
    const before = await fileCounts();
    const defendant = await as('PROSECUTOR', ADD_DEFENDANT, {
      input: { prosecutionId: PROSECUTION_1, suspectId: SUSPECT_3, liability: 'ACCOMPLICE' },
    });
    expect(defendant.body.errors).toBeUndefined();
    const witness = await as('PROSECUTOR', ADD_WITNESS, { input: { prosecutionId: PROSECUTION_1, migrantId: MIGRANT_3, role: 'VICTIM' } });
    expect(witness.body.errors).toBeUndefined();
    expect(await fileCounts()).toEqual({ defendants: (before.defendants ?? 0) + 1, witnesses: (before.witnesses ?? 0) + 1 });

    const auditor = await tidelink.token('AUDITOR', 'DOM');
    const logs = await tidelink.query<{
      policeAccessLog: { nodes: Array<{ entityType: string; fields: string[]; agency: string; decision: string }> };
      assistanceAccessLog: { nodes: Array<{ entityType: string; fields: string[]; agency: string; decision: string }> };
    }>(
      `{ policeAccessLog(filter: { entityId: "${SUSPECT_3}" }) { nodes { entityType fields agency decision } }
         assistanceAccessLog(filter: { entityId: "${MIGRANT_3}" }) { nodes { entityType fields agency decision } } }`,
      { token: auditor },
    );
    expect(logs.body.errors).toBeUndefined();
    expect(logs.body.data?.policeAccessLog.nodes).toContainEqual({
      entityType: 'Suspect',
      fields: ['referenceCheck'],
      agency: 'PROSECUTOR',
      decision: 'ALLOWED',
    });
    expect(logs.body.data?.assistanceAccessLog.nodes).toContainEqual({
      entityType: 'Migrant',
      fields: ['referenceCheck'],
      agency: 'PROSECUTOR',
      decision: 'ALLOWED',
    });
  });

  it('the demo data meets the checks: defendants are suspects of the case, witnesses migrants of it, prosecutions on referred cases', async () => {
    type Listed = {
      jurisdiction: string;
      case: { id: string; status: string | null; suspects: Array<{ id: string }> | null; migrants: Array<{ id: string }> };
      defendants: Array<{ suspect: { id: string } }>;
      witnesses: Array<{ migrant: { id: string } }> | null;
    };
    const read = async (country: string) =>
      (
        await tidelink.query<{ prosecutions: Listed[] }>(
          '{ prosecutions { jurisdiction case { id status suspects { id } migrants { id } } defendants { suspect { id } } witnesses { migrant { id } } } }',
          { token: await tidelink.token('PROSECUTOR', country) },
        )
      ).body.data?.prosecutions ?? [];
    // Each prosecution read by a prosecutor of its own State (a police case is shared with the countries it involves).
    const checked: Listed[] = [];
    for (const country of ['DOM', 'ITA'])
      checked.push(...(await read(country)).filter((prosecution) => prosecution.jurisdiction === country));
    expect(checked.length).toBeGreaterThanOrEqual(2);
    // Defendants and witnesses to check there are, or the loops below would prove nothing.
    expect(checked.some((prosecution) => prosecution.defendants.length > 0)).toBe(true);
    expect(checked.some((prosecution) => (prosecution.witnesses ?? []).length > 0)).toBe(true);
    for (const prosecution of checked) {
      expect(prosecution.case.status).toBe('REFERRED_FOR_PROSECUTION');
      const suspects = (prosecution.case.suspects ?? []).map((suspect) => suspect.id);
      for (const defendant of prosecution.defendants) expect(suspects).toContain(defendant.suspect.id);
      const migrants = prosecution.case.migrants.map((migrant) => migrant.id);
      for (const witness of prosecution.witnesses ?? []) expect(migrants).toContain(witness.migrant.id);
    }
  });
});

describe("the owner's /lookup", () => {
  const lookupUrl = () => new URL('/lookup', tidelink.stack.subgraphs.police.url).toString();

  it('refuses an unsigned call, even with a valid token', async () => {
    const response = await fetch(lookupUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token('PROSECUTOR', 'DOM')}` },
      body: JSON.stringify({ kind: 'case', ids: [CASE_1] }),
    });
    expect(response.status).toBe(401);
    // The same guard and answer as an unsigned /graphql call.
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string; reason: string } }> }).errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'UNSIGNED_REQUEST',
    });
  });

  it('refuses a signature made for another body', async () => {
    const authorization = `Bearer ${await tidelink.token('PROSECUTOR', 'DOM')}`;
    const signed = signRequest(tidelink.config.SUBGRAPH_SIGNING_SECRET, {
      method: 'POST',
      path: '/lookup',
      authorization,
      body: JSON.stringify({ kind: 'case', ids: [CASE_2] }),
    });
    const response = await fetch(lookupUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...signed },
      body: JSON.stringify({ kind: 'case', ids: [CASE_1] }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ extensions: { reason: string } }> }).errors[0].extensions.reason).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('answers a signed call for the caller: facts, and "not found" for what the caller may not see', async () => {
    const ask = async (agency: 'PROSECUTOR' | 'PARTNER', body: string) => {
      const authorization = `Bearer ${await tidelink.token(agency, 'DOM')}`;
      const signed = signRequest(tidelink.config.SUBGRAPH_SIGNING_SECRET, {
        method: 'POST',
        path: '/lookup',
        authorization,
        body,
      });
      const response = await fetch(lookupUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...signed },
        body,
      });
      return { status: response.status, json: (await response.json()) as { facts: Record<string, unknown> } };
    };
    const body = JSON.stringify({ kind: 'case', ids: [CASE_1, UNKNOWN] });
    const prosecutor = await ask('PROSECUTOR', body);
    expect(prosecutor.status).toBe(200);
    expect(prosecutor.json.facts).toEqual({
      [CASE_1]: { status: 'REFERRED_FOR_PROSECUTION', leadCountry: 'DOM', releasable: true },
      [UNKNOWN]: null,
    });
    // Partners may not see police cases: the check says "not found" rather than the case's status.
    const partner = await ask('PARTNER', body);
    expect(partner.status).toBe(200);
    expect(partner.json.facts).toEqual({ [CASE_1]: null, [UNKNOWN]: null });
    // Assistance owns no cases: police is the one to ask.
    const migrantAtPolice = await ask('PROSECUTOR', JSON.stringify({ kind: 'migrant', ids: [MIGRANT_1] }));
    expect(migrantAtPolice.status).toBe(404);
  });
});

describe('an owner down', () => {
  it('is SERVICE_UNAVAILABLE for a write that needs its check, and nothing is written', async () => {
    const before = await fileCounts();
    await tidelink.stack.subgraphs.police.stop();
    const { body } = await as('PROSECUTOR', ADD_DEFENDANT, {
      input: { prosecutionId: PROSECUTION_1, suspectId: demoId(kind.suspect, 2), liability: 'PRINCIPAL' },
    });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(body.errors?.[0].message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    const opened = await as('PROSECUTOR', OPEN, { input: { caseId: CASE_2, prosecutorOffice: 'PETT', network: 'REFCO' } });
    expect(opened.body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await fileCounts()).toEqual(before);
  });
});
