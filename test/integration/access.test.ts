import type { Agency } from '../../platform/auth.js';
import type { DenialReason } from '../../platform/errors.js';
import { errorAt, valueAt, type Path } from '../support/paths.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * The design's "Who may see what", row by row, for every agency, through the gateway: root
 * queries, nested relations and fields reached through `_entities` from another subgraph's query.
 */
const PROBE = `query Probe {
  case(id: "ca5e0000-0000-4000-8000-000000000001") {
    reference
    detections { seaArea outcome personsOnBoard deaths position { latitude } vessel { boardingAuthorization } }
    suspects { alias }
    intelligence { handlingCode summary sourceCountry sourceReliability }
    migrants { code identity { givenName } traffickingStatus vulnerabilities assistance { type } }
    assistanceSummary { migrants }
    prosecution { stage }
  }
  prosecution(id: "b40a0000-0000-4000-8000-000000000001") {
    stage
    verdicts { verdict }
    case { reference }
    defendants { charges { verdict } suspect { alias } }
    witnesses { role migrant { code identity { givenName } } }
    mlaRequests { status }
  }
  migrant(id: "a1a00000-0000-4000-8000-000000000002") { code detection { seaArea position { latitude } } }
  suspect(id: "5a5bec70-0000-4000-8000-000000000001") { alias }
  policeAccessLog(first: 1) { nodes { id } }
}`;

type Viewer = 'POLICE' | 'POLICE_ITA' | 'IOM' | 'PROSECUTOR' | 'ANALYST' | 'PARTNER' | 'AUDITOR';
const VIEWERS: Record<Viewer, [Agency, string]> = {
  POLICE: ['POLICE', 'DOM'],
  POLICE_ITA: ['POLICE', 'ITA'],
  IOM: ['IOM', 'DOM'],
  PROSECUTOR: ['PROSECUTOR', 'DOM'],
  ANALYST: ['ANALYST', 'DOM'],
  PARTNER: ['PARTNER', 'DOM'],
  AUDITOR: ['AUDITOR', 'DOM'],
};

/** 'value': served; a reason: null with FORBIDDEN and that reason; absent: unreachable (parent withheld). */
type Expectation = Partial<Record<Viewer, 'value' | DenialReason>>;
const V = 'value' as const;
const ROLE = 'ROLE' as const;
const CONSENT = 'CONSENT_REQUIRED' as const;

const ROWS: Array<[string, Path, Expectation]> = [
  // Row: case, detection time/area/outcome, persons on board, deaths — PARTNER statistics only.
  ['case', ['case'], { POLICE: V, POLICE_ITA: V, IOM: V, PROSECUTOR: V, ANALYST: V, PARTNER: ROLE, AUDITOR: ROLE }],
  ['detection time, area, outcome, people', ['case', 'detections', 0, 'personsOnBoard'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: V }],
  // Row: position, vessel, boarding authorization.
  ['position', ['case', 'detections', 0, 'position'], { POLICE: V, IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE }],
  ['vessel, boarding authorization', ['case', 'detections', 0, 'vessel'], { POLICE: V, IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE }],
  // Row: suspects.
  ['suspects of a case', ['case', 'suspects'], { POLICE: V, IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE }],
  ['suspect by id', ['suspect'], { POLICE: V, IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE }],
  ['suspect via _entities (a defendant)', ['prosecution', 'defendants', 0, 'suspect'], { POLICE: V, PROSECUTOR: V, ANALYST: ROLE }],
  // Row: intelligence — handling code and releasability bind every reader.
  // Items withheld from a reader are left out of the list (see the test below), not null entries.
  ['intelligence', ['case', 'intelligence'], { POLICE: V, POLICE_ITA: 'NOT_RELEASABLE', IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE }],
  // The owner decides: DOM-2026-0142 is released to the countries it involves (DOM, USA), so Italy's
  // police get a hit only and everything the case holds is NOT_RELEASABLE.
  ['detections of a case outside the scope', ['case', 'detections'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  ['suspects of a case outside the scope', ['case', 'suspects'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  ['suspect by id, case outside the scope', ['suspect'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  ['suspect via _entities, case outside the scope', ['prosecution', 'defendants', 0, 'suspect'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  ['detection via _entities, case outside the scope', ['migrant', 'detection'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  // The case's migrants, listed or counted, are a view of the case: its owner's release binds them.
  ['migrants of a case outside the scope', ['case', 'migrants'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  ['assistance summary of a case outside the scope', ['case', 'assistanceSummary'], { POLICE_ITA: 'NOT_RELEASABLE' }],
  // Row: migrant code, sex, age group, nationality — ANALYST and PARTNER statistics only.
  ['migrants of a case', ['case', 'migrants'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: ROLE }],
  ['migrant by id', ['migrant'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE }],
  ['migrant via _entities (a witness)', ['prosecution', 'witnesses', 0, 'migrant'], { PROSECUTOR: V }],
  // Row: identity, trafficking status — consent-gated. M1: SHARE_WITH_POLICE; M2: SHARE_WITH_PROSECUTION + TESTIMONY; M3: police consent withdrawn.
  // M1's consent names the Dominican police (an Italian officer does not even reach the migrant: above).
  ['identity, police consent', ['case', 'migrants', 0, 'identity'], { POLICE: V, IOM: V, PROSECUTOR: CONSENT }],
  ['identity, prosecution consent', ['case', 'migrants', 1, 'identity'], { POLICE: CONSENT, IOM: V, PROSECUTOR: V }],
  ['identity, withdrawn consent', ['case', 'migrants', 2, 'identity'], { POLICE: CONSENT, IOM: V, PROSECUTOR: CONSENT }],
  ['trafficking status, prosecution consent', ['case', 'migrants', 1, 'traffickingStatus'], { POLICE: CONSENT, IOM: V, PROSECUTOR: V }],
  ['identity via _entities (a witness)', ['prosecution', 'witnesses', 0, 'migrant', 'identity'], { PROSECUTOR: V }],
  // Row: vulnerabilities, assistance records — IOM only.
  ['vulnerabilities', ['case', 'migrants', 0, 'vulnerabilities'], { POLICE: ROLE, IOM: V, PROSECUTOR: ROLE }],
  ['assistance records', ['case', 'migrants', 0, 'assistance'], { POLICE: ROLE, IOM: V, PROSECUTOR: ROLE }],
  ['assistance summary of a case', ['case', 'assistanceSummary'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: ROLE }],
  // Row: prosecution, charges, verdicts — public record.
  ['prosecution of a case', ['case', 'prosecution'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: V }],
  ['prosecution by id', ['prosecution'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: V, PARTNER: V, AUDITOR: ROLE }],
  // Issue 12: IOM and partners get exactly stage and verdicts (`Prosecution.verdicts`), not defendants and charges.
  ['verdicts', ['prosecution', 'verdicts'], { POLICE: V, IOM: V, PROSECUTOR: V, ANALYST: V, PARTNER: V }],
  ['defendants and charges', ['prosecution', 'defendants', 0, 'charges', 0, 'verdict'], { POLICE: V, PROSECUTOR: V, ANALYST: V }],
  ['defendants', ['prosecution', 'defendants'], { POLICE: V, IOM: ROLE, PROSECUTOR: V, ANALYST: V, PARTNER: ROLE }],
  [
    "case via _entities (a prosecution's case)",
    ['prosecution', 'case'],
    { POLICE: V, IOM: ROLE, PROSECUTOR: V, ANALYST: V, PARTNER: ROLE },
  ],
  ["detection via _entities (a migrant's detection)", ['migrant', 'detection', 'seaArea'], { POLICE: V, IOM: V, PROSECUTOR: V }],
  ['position via _entities', ['migrant', 'detection', 'position'], { POLICE: V, IOM: ROLE, PROSECUTOR: V }],
  // Issue 12: witnesses only for the prosecuting State's prosecutors (prosecution 1 is DOM's).
  ['witnesses', ['prosecution', 'witnesses'], { POLICE: ROLE, IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE, PARTNER: ROLE }],
  // Row: MLA requests — use limitation.
  ['MLA requests', ['prosecution', 'mlaRequests'], { POLICE: ROLE, IOM: ROLE, PROSECUTOR: V, ANALYST: ROLE, PARTNER: ROLE }],
  // Row: access log — AUDITOR only.
  ['access log', ['policeAccessLog'], { POLICE: ROLE, IOM: ROLE, PROSECUTOR: ROLE, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: V }],
];

let tidelink: TestStack;
const responses = new Map<Viewer, GraphQLResponse['body']>();

beforeAll(async () => {
  tidelink = await startTestStack();
  for (const [viewer, [agency, country]] of Object.entries(VIEWERS) as Array<[Viewer, [Agency, string]]>) {
    const { status, body } = await tidelink.query(PROBE, { token: await tidelink.token(agency, country) });
    expect(status).toBe(200);
    responses.set(viewer, body);
  }
});
afterAll(async () => {
  await tidelink?.stop();
});

const CASES = ROWS.flatMap(([group, path, expectation]) =>
  (Object.entries(expectation) as Array<[Viewer, 'value' | DenialReason]>).map(
    ([viewer, expected]) => [group, viewer, path, expected] as const,
  ),
);

describe('who may see what (the design table, every agency)', () => {
  it.each(CASES)('%s — %s', (_group, viewer, path, expected) => {
    const body = responses.get(viewer) as GraphQLResponse['body'];
    const value = valueAt(body.data, path);
    const error = errorAt(body, path);
    if (expected === 'value') {
      expect(error).toBeUndefined();
      expect(value).not.toBeNull();
      expect(value).not.toBeUndefined();
    } else {
      expect(value).toBeNull();
      expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: expected });
      // The error names the reason, never the value.
      expect(error?.message).toBe(`Access denied (${expected})`);
    }
  });

  it('every error any agency got is a FORBIDDEN with a known reason (nothing else failed)', () => {
    for (const body of responses.values()) {
      for (const error of body.errors ?? []) {
        expect(error.extensions?.code).toBe('FORBIDDEN');
        expect(['ROLE', 'CONSENT_REQUIRED', 'HANDLING_RESTRICTED', 'NOT_RELEASABLE']).toContain(error.extensions?.reason);
      }
    }
  });

  it("keeps a readable item's source country and grading visible", () => {
    const items = valueAt(responses.get('PROSECUTOR')?.data, ['case', 'intelligence']) as Array<Record<string, string> | null>;
    expect(items[0]).toEqual(expect.objectContaining({ handlingCode: 'H0', sourceCountry: 'DOM', sourceReliability: 'B' }));
    expect(items[1]).toEqual(expect.objectContaining({ handlingCode: 'H3', sourceCountry: 'TCA', sourceReliability: 'C' }));
  });

  it('leaves a withheld intelligence item out of the list (H1 for a prosecutor), with no null entry and no error', () => {
    const codes = (viewer: Viewer) =>
      (valueAt(responses.get(viewer)?.data, ['case', 'intelligence']) as Array<{ handlingCode: string } | null>).map(
        (item) => item?.handlingCode ?? null,
      );
    expect(codes('POLICE')).toEqual(['H0', 'H1', 'H3']);
    expect(codes('PROSECUTOR')).toEqual(['H0', 'H3']);
    for (const viewer of ['POLICE', 'PROSECUTOR'] as const) {
      expect((responses.get(viewer)?.errors ?? []).filter((error) => error.path?.[1] === 'intelligence')).toEqual([]);
    }
  });

  it('a denial never wipes out the case around it', () => {
    for (const viewer of ['IOM', 'PROSECUTOR', 'ANALYST'] as const) {
      expect(valueAt(responses.get(viewer)?.data, ['case', 'reference'])).toBe('DOM-2026-0142');
      expect(valueAt(responses.get(viewer)?.data, ['case', 'prosecution', 'stage'])).toBe('INDICTMENT');
    }
  });

  it('leaks no withheld value anywhere in a denied response', () => {
    const analyst = JSON.stringify(responses.get('ANALYST'));
    for (const secret of ['Mirlande', 'El Capi', 'Higüey', 'PREGNANT', 'GRANTED', '18.3312']) expect(analyst).not.toContain(secret);
    const police = JSON.stringify(responses.get('POLICE'));
    for (const secret of ['Mirlande', 'PREGNANT', 'IOM Santo Domingo']) expect(police).not.toContain(secret);
  });
});
