import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import type { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { EL_CAPITAN_PERSON_ID, demoId, kind } from '../../subgraphs/demo/ids.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { errorAt, valueAt } from '../support/paths.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * Persons of interest (issue 14, item 2), through the gateway. The demo's El Capitán is a suspect
 * in the Curaçao case (shared with all) and in the Turks and Caicos case (NAMED DOM, HTI, USA); the
 * Mona Passage case is Dominican, released to DOM and the USA only.
 */
const MONA = demoId(kind.case, 1);
const CURACAO = demoId(kind.case, 3);
const TCA_CAPITAN = demoId(kind.suspect, 7);
const TCA_AWAITING = demoId(kind.suspect, 8);

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

type Body<Data = Record<string, unknown>> = GraphQLResponse<Data>['body'];

/** A demo caller's query through the gateway (HTTP 200 required: test/support/stack.ts). */
const as: TestStack['queryAs'] = (agency, country, query, variables) => tidelink.queryAs(agency, country, query, variables);

const reasonAt = (body: Body, at: Array<string | number>) => errorAt(body, at)?.extensions?.reason;

interface Candidate {
  person: { id: string; aliases: string[] };
  score: number;
  matched: string[];
}
interface AddedSuspect {
  id: string;
  version: number;
  person: { id: string; aliases: string[]; phones: string[]; documents: Array<{ kind: string; number: string; issuingCountry: string }> };
  personCandidates: Candidate[];
}

const SUSPECT_FIELDS = `id version
  person { id aliases phones documents { kind number issuingCountry } }
  personCandidates { person { id aliases } score matched }`;
const ADD = `mutation Add($input: AddSuspectInput!) { addSuspect(input: $input) { ${SUSPECT_FIELDS} } }`;
const SUSPECT = `query Suspect($id: ID!) { suspect(id: $id) { ${SUSPECT_FIELDS} } }`;
const LINK = `mutation Link($suspectId: ID!, $personId: ID!, $version: Int!) {
  linkSuspectToPerson(suspectId: $suspectId, personId: $personId, version: $version) { ${SUSPECT_FIELDS} }
}`;
const PERSON = `query Person($id: ID!) {
  person(id: $id) { id ownerCountry releasable aliases nationality phones cases { id reference ownerCountry releasable } }
}`;

let caseCounter = 0;
/** A fresh Dominican case (DOM owns it, so DOM police add its suspects). */
async function openDominicanCase(): Promise<string> {
  caseCounter += 1;
  const body = await as<{ openCase: { id: string } }>(
    'POLICE',
    'DOM',
    'mutation Open($input: OpenCaseInput!) { openCase(input: $input) { id } }',
    { input: { reference: `DOM-2026-P${caseCounter}`, leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'] } },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.openCase.id as string;
}

async function addSuspect(input: Record<string, unknown>, country = 'DOM'): Promise<AddedSuspect> {
  const body = await as<{ addSuspect: AddedSuspect }>('POLICE', country, ADD, { input: { role: 'ORGANIZER', ...input } });
  expect(body.errors).toBeUndefined();
  return body.data?.addSuspect as AddedSuspect;
}

describe('the demo: El Capitán across the Caribbean cases', () => {
  it('is one person, linked on the phone number the Turks and Caicos bureau wrote in national format', async () => {
    const body = await as<{ suspect: AddedSuspect }>('POLICE', 'TCA', SUSPECT, { id: TCA_CAPITAN });
    expect(body.errors).toBeUndefined();
    expect(body.data?.suspect.person).toEqual({
      id: EL_CAPITAN_PERSON_ID,
      aliases: ['El Capitán'],
      phones: ['+18095550142'],
      documents: [{ kind: 'PASSPORT', number: 'SC4471902', issuingCountry: 'DOM' }],
    });
    const person = await as<{ person: { cases: Array<{ reference: string; releasable: boolean }> } }>('POLICE', 'TCA', PERSON, {
      id: EL_CAPITAN_PERSON_ID,
    });
    expect(person.data?.person.cases.map((c) => c.reference).sort()).toEqual(['CUW-2026-0007', 'TCA-2026-0031']);
  });

  it('leaves one suspect with El Capitán as a candidate awaiting confirmation', async () => {
    const body = await as<{ suspect: AddedSuspect }>('POLICE', 'TCA', SUSPECT, { id: TCA_AWAITING });
    expect(body.data?.suspect.person.id).not.toBe(EL_CAPITAN_PERSON_ID);
    const candidate = body.data?.suspect.personCandidates.find((c) => c.person.id === EL_CAPITAN_PERSON_ID);
    expect(candidate?.matched).toEqual(['ALIAS', 'NATIONALITY']);
    expect(candidate?.score).toBeGreaterThan(0.5);
    expect(candidate?.score).toBeLessThan(1);
  });

  it('shows an Italian officer the case it may not see as a hit only', async () => {
    const body = await as<{
      person: { releasable: boolean; cases: Array<{ reference: string; ownerCountry: string; releasable: boolean }> };
    }>('POLICE', 'ITA', PERSON, { id: EL_CAPITAN_PERSON_ID });
    expect(body.errors).toBeUndefined();
    expect(body.data?.person.releasable).toBe(true);
    expect(body.data?.person.cases.find((c) => c.reference === 'TCA-2026-0031')).toEqual(
      expect.objectContaining({ ownerCountry: 'TCA', releasable: false }),
    );
    expect(body.data?.person.cases.find((c) => c.reference === 'CUW-2026-0007')?.releasable).toBe(true);
  });

  it('is never shown to IOM, partners, analysts or auditors', async () => {
    for (const agency of ['IOM', 'PARTNER', 'ANALYST', 'AUDITOR'] as const) {
      const body = await as(agency, 'DOM', PERSON, { id: EL_CAPITAN_PERSON_ID });
      expect(valueAt(body.data, ['person'])).toBeNull();
      expect(reasonAt(body, ['person'])).toBe('ROLE');
    }
  });
});

describe('addSuspect links on an exact identifier, and merges nothing silently', () => {
  let phonePerson: AddedSuspect;
  let documentPerson: AddedSuspect;

  it('links a phone number written in national format to the person known by it in E.164', async () => {
    const caseId = await openDominicanCase();
    phonePerson = await addSuspect({ caseId, alias: 'Rayo', nationality: 'DOM', phones: ['+1 809 220 4417'] });
    expect(phonePerson.person.phones).toEqual(['+18092204417']);
    const again = await addSuspect({ caseId: await openDominicanCase(), alias: 'El Rayo', nationality: 'DOM', phones: ['(809) 220-4417'] });
    expect(again.person.id).toBe(phonePerson.person.id);
    expect(again.person.aliases).toEqual(['Rayo', 'El Rayo']);
  });

  it('links a document written with spaces and in lower case', async () => {
    const caseId = await openDominicanCase();
    documentPerson = await addSuspect({
      caseId,
      alias: 'Tiburón',
      documents: [{ kind: 'SEAMAN_BOOK', number: 'DO-88 1234', issuingCountry: 'DOM' }],
    });
    expect(documentPerson.person.documents).toEqual([{ kind: 'SEAMAN_BOOK', number: 'DO-881234', issuingCountry: 'DOM' }]);
    const again = await addSuspect({
      caseId,
      alias: 'Shark',
      documents: [{ kind: 'SEAMAN_BOOK', number: 'do-881234', issuingCountry: 'DOM' }],
    });
    expect(again.person.id).toBe(documentPerson.person.id);
  });

  it('records a new person, listing both, when the identifiers point to two persons', async () => {
    const caseId = await openDominicanCase();
    const both = await addSuspect({
      caseId,
      alias: 'Nadie',
      phones: ['8092204417'],
      nationality: 'DOM',
      documents: [{ kind: 'SEAMAN_BOOK', number: 'do-88 1234', issuingCountry: 'DOM' }],
    });
    expect([phonePerson.person.id, documentPerson.person.id]).not.toContain(both.person.id);
    const byId = new Map(both.personCandidates.map((c) => [c.person.id, c]));
    expect(byId.get(phonePerson.person.id)).toEqual(expect.objectContaining({ score: 1, matched: ['PHONE'] }));
    expect(byId.get(documentPerson.person.id)).toEqual(expect.objectContaining({ score: 1, matched: ['DOCUMENT'] }));
    // Neither known person changed: the document stays with its holder, the phone with both.
    const documentHolder = await as<{ person: { aliases: string[] } }>('POLICE', 'DOM', PERSON, { id: documentPerson.person.id });
    expect(documentHolder.data?.person.aliases).toEqual(['Tiburón', 'Shark']);
    expect(both.person.documents).toEqual([]);
    expect(both.person.phones).toEqual(['+18092204417']);
  });

  it('refuses an invalid phone number by its position', async () => {
    const body = await as('POLICE', 'DOM', ADD, {
      input: { caseId: MONA, alias: 'Nobody', role: 'CREW', phones: ['+1 809 220 4417', '12'] },
    });
    expect(body.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.phones[1]', reasons: ['INVALID_PHONE_NUMBER'] }] }),
    );
  });
});

describe('candidates and linkSuspectToPerson', () => {
  let capitan: AddedSuspect;

  it('"capitan" finds "El Capitán" as a candidate with a score', async () => {
    capitan = await addSuspect({
      caseId: MONA,
      alias: 'capitan',
      nationality: 'DOM',
      yearOfBirth: 1980,
      role: 'CAPTAIN',
      phones: ['809 555 7731'],
      documents: [{ kind: 'NATIONAL_ID', number: '402-1234567-8', issuingCountry: 'DOM' }],
    });
    expect(capitan.person.id).not.toBe(EL_CAPITAN_PERSON_ID);
    const candidate = capitan.personCandidates.find((c) => c.person.id === EL_CAPITAN_PERSON_ID);
    expect(candidate).toBeDefined();
    expect(candidate?.matched).toEqual(['ALIAS', 'NATIONALITY', 'YEAR_OF_BIRTH']);
    expect(candidate?.score).toBeGreaterThan(0.5);
    expect(candidate?.score).toBeLessThanOrEqual(1);
  });

  it('refuses police of another country, even one the case is released to, and IOM', async () => {
    const variables = { suspectId: capitan.id, personId: EL_CAPITAN_PERSON_ID, version: capitan.version };
    const usa = await as('POLICE', 'USA', LINK, variables);
    expect(errorAt(usa, ['linkSuspectToPerson'])?.extensions).toEqual(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' }),
    );
    const iom = await as('IOM', 'DOM', LINK, variables);
    expect(errorAt(iom, ['linkSuspectToPerson'])?.extensions).toEqual(expect.objectContaining({ code: 'FORBIDDEN', reason: 'ROLE' }));
  });

  it('refuses a stale version with a CONFLICT', async () => {
    const stale = await as('POLICE', 'DOM', LINK, { suspectId: capitan.id, personId: EL_CAPITAN_PERSON_ID, version: capitan.version + 5 });
    expect(errorAt(stale, ['linkSuspectToPerson'])?.extensions?.code).toBe('CONFLICT');
  });

  it('links, moves the provisional person into the confirmed one and deletes it; again changes nothing', async () => {
    const variables = { suspectId: capitan.id, personId: EL_CAPITAN_PERSON_ID, version: capitan.version };
    const linked = await as<{ linkSuspectToPerson: AddedSuspect }>('POLICE', 'DOM', LINK, variables);
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.linkSuspectToPerson.person.id).toBe(EL_CAPITAN_PERSON_ID);
    expect(linked.data?.linkSuspectToPerson.person.aliases).toEqual(['El Capitán', 'capitan']);
    // The provisional person's identifiers moved to the confirmed one.
    expect(linked.data?.linkSuspectToPerson.person.phones).toEqual(['+18095550142', '+18095557731']);
    expect(linked.data?.linkSuspectToPerson.person.documents).toEqual([
      { kind: 'NATIONAL_ID', number: '402-1234567-8', issuingCountry: 'DOM' },
      { kind: 'PASSPORT', number: 'SC4471902', issuingCountry: 'DOM' },
    ]);
    expect(linked.data?.linkSuspectToPerson.version).toBe(capitan.version + 1);
    const gone = await as('POLICE', 'DOM', PERSON, { id: capitan.person.id });
    expect(gone.data?.person).toBeNull();
    const again = await as<{ linkSuspectToPerson: AddedSuspect }>('POLICE', 'DOM', LINK, variables);
    expect(again.errors).toBeUndefined();
    expect(again.data?.linkSuspectToPerson.version).toBe(capitan.version + 1);
    // The write log names the mutation and the fields, never values.
    const [row] = await tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM access_log WHERE kind = 'WRITE' AND entity_id = $1`,
      [capitan.person.id],
    );
    expect(row.count).toBeGreaterThan(0);
  });

  it('refuses a link to a person the caller may not see', async () => {
    // A Dominican person known only from the Mona Passage case (DOM, USA): the Curaçao bureau may not see it.
    const hidden = await addSuspect({ caseId: MONA, alias: 'Sombra', phones: ['+1 809 330 1188'], nationality: 'DOM', role: 'CREW' });
    const own = await as<{ suspect: AddedSuspect }>('POLICE', 'CUW', SUSPECT, { id: demoId(kind.suspect, 6) });
    const refused = await as('POLICE', 'CUW', LINK, {
      suspectId: demoId(kind.suspect, 6),
      personId: hidden.person.id,
      version: own.data?.suspect.version,
    });
    expect(reasonAt(refused, ['linkSuspectToPerson'])).toBe('NOT_RELEASABLE');
    // …and it is a hit only for them: who recorded it, and its case as a hit.
    const hit = await as<{ person: { id: string; ownerCountry: string; releasable: boolean; cases: unknown[] } }>('POLICE', 'CUW', PERSON, {
      id: hidden.person.id,
    });
    expect(hit.data?.person).toEqual(
      expect.objectContaining({
        id: hidden.person.id,
        ownerCountry: 'DOM',
        releasable: false,
        aliases: null,
        phones: null,
        cases: [{ id: MONA, reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: false }],
      }),
    );
    expect(reasonAt(hit, ['person', 'phones'])).toBe('NOT_RELEASABLE');
    // A suspect with the same number added by Curaçao is not linked to it (the link would open it).
    const curacao = await addSuspect({ caseId: CURACAO, alias: 'Sombra', phones: ['+1 809 330 1188'], role: 'CREW' }, 'CUW');
    expect(curacao.person.id).not.toBe(hidden.person.id);
    expect(curacao.personCandidates.map((c) => c.person.id)).not.toContain(hidden.person.id);
  });
});

describe('a migrant is never a person of interest (Smuggling Protocol Art. 5)', () => {
  it('matches nothing of a migrant registered with the same name, nationality and year of birth as a suspect', async () => {
    const registered = await as<{ registerMigrant: { id: string } }>(
      'IOM',
      'DOM',
      'mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id } }',
      {
        input: {
          caseId: MONA,
          sex: 'FEMALE',
          ageGroup: 'AGE_26_47',
          nationality: 'HTI',
          identity: { givenName: 'Marisol', familyName: 'Peña', dateOfBirth: '1990-04-02' },
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const migrantId = registered.data?.registerMigrant.id as string;
    const suspect = await addSuspect({ caseId: MONA, alias: 'Marisol Peña', nationality: 'HTI', yearOfBirth: 1990, role: 'RECRUITER' });
    expect(suspect.personCandidates).toEqual([]);
    expect(suspect.person.id).not.toBe(migrantId);
    expect(suspect.person.aliases).toEqual(['Marisol Peña']);
    const read = await as<{ suspect: AddedSuspect }>('POLICE', 'DOM', SUSPECT, { id: suspect.id });
    expect(JSON.stringify(read.data)).not.toContain(migrantId);
    expect(read.data?.suspect.personCandidates).toEqual([]);
  });

  it('gives Person and Suspect no path to a migrant in the police schema', () => {
    const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'police.graphql'), 'utf8'), {
      assumeValidSDL: true,
    });
    const reached = new Set<string>();
    const walk = (type: GraphQLNamedType) => {
      if (reached.has(type.name)) return;
      reached.add(type.name);
      if (isObjectType(type)) for (const field of Object.values(type.getFields())) walk(getNamedType(field.type));
    };
    walk(schema.getType('Person') as GraphQLNamedType);
    walk(schema.getType('Suspect') as GraphQLNamedType);
    expect([...reached].filter((name) => /migrant|witness|identity|consent/i.test(name))).toEqual([]);
  });

  it('has no suspect role that describes a migrant', async () => {
    const body = await as<{ __type: { enumValues: Array<{ name: string }> } }>(
      'POLICE',
      'DOM',
      '{ __type(name: "SuspectRole") { enumValues { name } } }',
    );
    const roles = body.data?.__type.enumValues.map((value) => value.name) ?? [];
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(role).not.toMatch(/MIGRANT|PASSENGER|VICTIM|SMUGGLED/);
  });
});

describe('batching', () => {
  const DEEP = `query Deep($first: Int!) {
    cases(first: $first) { nodes { id suspects { id person { id aliases phones cases { id reference } } personCandidates { score } } } }
  }`;

  beforeAll(async () => {
    const dataSources = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
    ) as Record<SubgraphName, DataSource>;
    await seedSynthetic(dataSources, 150, undefined, { persons: false });
    // Synthetic suspects are written straight into the tables: give each a person, shared by pairs, so persons span cases.
    await dataSources.police.query(`
      WITH numbered AS (SELECT id, alias, row_number() OVER (ORDER BY id) AS n FROM suspects WHERE person_id IS NULL),
      made AS (
        INSERT INTO persons (id, owner_country, aliases)
        SELECT id, 'DOM', ARRAY[alias] FROM numbered WHERE n % 2 = 1 RETURNING id
      )
      UPDATE suspects s SET person_id = (SELECT m.id FROM numbered m WHERE m.n = numbered.n - ((numbered.n + 1) % 2))
        FROM numbered WHERE s.id = numbered.id AND EXISTS (SELECT 1 FROM made)`);
  });

  async function statements(first: number): Promise<Record<SubgraphName, number>> {
    for (const name of SUBGRAPH_NAMES) tidelink.stack.subgraphs[name].database.statements.reset();
    const body = await as<{ cases: { nodes: Array<{ suspects: Array<{ person: { cases: unknown[] } | null }> | null }> } }>(
      'POLICE',
      'DOM',
      DEEP,
      { first },
    );
    for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.cases.nodes).toHaveLength(first);
    // Sanity: the page really reached persons known from more than one case.
    const persons = (body.data?.cases.nodes ?? []).flatMap((node) => node.suspects ?? []).map((suspect) => suspect.person);
    expect(persons.some((person) => (person?.cases.length ?? 0) > 1)).toBe(true);
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.statements.count])) as Record<
      SubgraphName,
      number
    >;
  }

  it('issues as many statements for Case.suspects { person { cases } } over cases(first: 100) as over (first: 10)', async () => {
    const ten = await statements(10);
    const hundred = await statements(100);
    process.stdout.write(`persons: SQL statements first: 10 → ${JSON.stringify(ten)}; first: 100 → ${JSON.stringify(hundred)}\n`);
    expect(hundred).toEqual(ten);
  });
});
