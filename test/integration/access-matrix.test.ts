import { AGENCIES, type Agency } from '../../platform/auth.js';
import { errorAt, valueAt, type Path } from '../support/paths.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * Role × country × consent over every gated field of a case, through the gateway. The expectations
 * are written here from the design's "Who may see what" and issue 12's country and consent rules,
 * not read from the policy files, so a policy that drifts fails here.
 *
 * The case is the Mona Passage story: owned by DOM, shared INVOLVED (DOM and the detecting USA).
 * Its four migrants: 1 consents to share with the Dominican police; 2 with Dominican prosecutors
 * (and to testify); 3's police consent was withdrawn; 4 consents to research only. Its
 * prosecution is DOM's, with one MLA request from DOM to USA.
 */
const CASE = 'ca5e0000-0000-4000-8000-000000000001';
const MIGRANTS = [1, 2, 3, 4].map((n) => `a1a00000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`);
const COUNTRIES = ['DOM', 'USA', 'ITA'] as const;
type Country = (typeof COUNTRIES)[number];

const MATRIX = `query AccessMatrix {
  case(id: "${CASE}") {
    reference ownerCountry releasable status
    detections { seaArea position { latitude } vessel { flagState } }
    suspects { alias person { aliases } }
    intelligence { summary }
    links { since }
    migrants { id code identity { givenName } traffickingStatus vulnerabilities assistance { type } }
    assistanceSummary { migrants }
    prosecution {
      stage verdicts { verdict } jurisdiction
      defendants { liability suspect { alias } }
      witnesses { role }
      mlaRequests { status requestingCountry requestedCountry }
    }
  }
}`;

/** What a cell shows: the value came, a FORBIDDEN reason, an empty MLA list, or nothing to look at (its parent was withheld). */
type Cell = 'ok' | 'empty' | 'ROLE' | 'CONSENT_REQUIRED' | 'NOT_RELEASABLE' | 'HANDLING_RESTRICTED' | 'unreached';

interface Caller {
  agency: Agency;
  country: Country;
}

const CASE_READERS: readonly Agency[] = ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST'];
const COUNTRY_BOUND: readonly Agency[] = ['POLICE', 'PROSECUTOR', 'ANALYST'];
const INVOLVED: readonly Country[] = ['DOM', 'USA'];

/** A police field of the case: the agencies it reaches, then the owner's sharing scope. */
function policeField(caller: Caller, agencies: readonly Agency[]): Cell {
  if (!CASE_READERS.includes(caller.agency)) return 'unreached';
  if (!agencies.includes(caller.agency)) return 'ROLE';
  return COUNTRY_BOUND.includes(caller.agency) && !INVOLVED.includes(caller.country) ? 'NOT_RELEASABLE' : 'ok';
}

/** The design's rules, cell by cell. */
function expected(caller: Caller): Record<string, Cell> {
  const { agency, country } = caller;
  const reads = CASE_READERS.includes(agency);
  const caseRecord = policeField(caller, CASE_READERS);
  const investigator = policeField(caller, ['POLICE', 'PROSECUTOR']);
  // The case's migrants are part of what its owner releases: a country-bound reader outside the
  // release gets them as it gets the case, a hit (IOM reads across countries).
  const migrants: Cell = !reads
    ? 'unreached'
    : !['POLICE', 'IOM', 'PROSECUTOR'].includes(agency)
      ? 'ROLE'
      : agency !== 'IOM' && !INVOLVED.includes(country)
        ? 'NOT_RELEASABLE'
        : 'ok';
  const cells: Record<string, Cell> = {
    case: reads ? 'ok' : 'ROLE',
    'case.reference': reads ? 'ok' : 'unreached',
    'case.ownerCountry': reads ? 'ok' : 'unreached',
    'case.status': caseRecord,
    'case.detections': caseRecord,
    'case.detections.position': caseRecord !== 'ok' ? 'unreached' : investigator,
    'case.detections.vessel': caseRecord !== 'ok' ? 'unreached' : investigator,
    'case.suspects': investigator,
    // A suspect's person: whoever may see one of its cases, and the suspect's case is one.
    'suspect.person': investigator !== 'ok' ? 'unreached' : 'ok',
    'case.intelligence': investigator,
    // Links rest on suspects, persons and vessels: as suspects.
    'case.links': investigator,
    'case.migrants': migrants,
    'case.assistanceSummary': migrants,
  };
  MIGRANTS.forEach((_id, index) => {
    const n = index + 1;
    const consented = (agency === 'POLICE' && n === 1 && country === 'DOM') || (agency === 'PROSECUTOR' && n === 2 && country === 'DOM');
    const gated: Cell = migrants !== 'ok' ? 'unreached' : agency === 'IOM' || consented ? 'ok' : 'CONSENT_REQUIRED';
    cells[`migrant${n}.identity`] = gated;
    cells[`migrant${n}.traffickingStatus`] = gated;
    const protectedRecord: Cell = migrants !== 'ok' ? 'unreached' : agency === 'IOM' ? 'ok' : 'ROLE';
    cells[`migrant${n}.vulnerabilities`] = protectedRecord;
    cells[`migrant${n}.assistance`] = protectedRecord;
  });
  const prosecution: Cell = reads ? 'ok' : 'unreached';
  const publicRecord: Cell = !reads ? 'unreached' : ['POLICE', 'PROSECUTOR', 'ANALYST'].includes(agency) ? 'ok' : 'ROLE';
  cells['case.prosecution'] = prosecution;
  cells['prosecution.stage'] = prosecution;
  cells['prosecution.verdicts'] = prosecution;
  cells['prosecution.jurisdiction'] = publicRecord;
  cells['prosecution.defendants'] = publicRecord;
  cells['defendant.suspect'] = publicRecord !== 'ok' ? 'unreached' : policeField(caller, ['POLICE', 'PROSECUTOR']);
  cells['prosecution.witnesses'] = !reads ? 'unreached' : agency !== 'PROSECUTOR' ? 'ROLE' : country === 'DOM' ? 'ok' : 'NOT_RELEASABLE';
  cells['prosecution.mlaRequests'] = !reads ? 'unreached' : agency !== 'PROSECUTOR' ? 'ROLE' : country === 'ITA' ? 'empty' : 'ok';
  return cells;
}

/** What the response shows at a path: the value, its FORBIDDEN reason, or nothing when a parent is missing. */
function cellAt(body: GraphQLResponse['body'], path: Path, parentOk: boolean, emptyApart = false): Cell {
  if (!parentOk) return 'unreached';
  const value = valueAt(body.data, path);
  if (value !== null && value !== undefined) return emptyApart && Array.isArray(value) && value.length === 0 ? 'empty' : 'ok';
  const error = errorAt(body, path);
  if (!error) return 'unreached';
  expect(error.extensions?.code).toBe('FORBIDDEN');
  return error.extensions?.reason as Cell;
}

function observed(body: GraphQLResponse['body']): Record<string, Cell> {
  const seen = (path: Path) => valueAt(body.data, path) !== null && valueAt(body.data, path) !== undefined;
  const cells: Record<string, Cell> = {};
  cells.case = cellAt(body, ['case'], true);
  for (const field of [
    'reference',
    'ownerCountry',
    'status',
    'detections',
    'suspects',
    'intelligence',
    'links',
    'migrants',
    'assistanceSummary',
    'prosecution',
  ]) {
    cells[`case.${field}`] = cellAt(body, ['case', field], seen(['case']));
  }
  const detections = seen(['case', 'detections', 0]);
  cells['case.detections.position'] = cellAt(body, ['case', 'detections', 0, 'position'], detections);
  cells['case.detections.vessel'] = cellAt(body, ['case', 'detections', 0, 'vessel'], detections);
  cells['suspect.person'] = cellAt(body, ['case', 'suspects', 0, 'person', 'aliases'], seen(['case', 'suspects', 0]));
  const listed = (valueAt(body.data, ['case', 'migrants']) as Array<{ id: string }> | null | undefined) ?? [];
  MIGRANTS.forEach((id, index) => {
    const at = listed.findIndex((migrant) => migrant.id === id);
    for (const field of ['identity', 'traffickingStatus', 'vulnerabilities', 'assistance']) {
      cells[`migrant${index + 1}.${field}`] = cellAt(body, ['case', 'migrants', at, field], at >= 0);
    }
  });
  const prosecution = seen(['case', 'prosecution']);
  for (const field of ['stage', 'verdicts', 'jurisdiction', 'defendants', 'witnesses', 'mlaRequests']) {
    // An MLA list the reader may not see into is left out item by item: empty, not denied.
    cells[`prosecution.${field}`] = cellAt(body, ['case', 'prosecution', field], prosecution, field === 'mlaRequests');
  }
  cells['defendant.suspect'] = cellAt(
    body,
    ['case', 'prosecution', 'defendants', 0, 'suspect'],
    seen(['case', 'prosecution', 'defendants', 0]),
  );
  return cells;
}

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

const CALLERS: Caller[] = AGENCIES.flatMap((agency) => COUNTRIES.map((country) => ({ agency, country })));

describe('role × country × consent over every gated field of a case', () => {
  it.each(CALLERS.map((caller) => [`${caller.agency} of ${caller.country}`, caller] as const))(
    '%s sees exactly what the rules allow',
    async (_name, caller) => {
      const { body } = await tidelink.query(MATRIX, { token: await tidelink.token(caller.agency, caller.country) });
      expect(observed(body)).toEqual(expected(caller));
      // Whatever was served, a released MLA request is one of the reader's own State's.
      const requests =
        (valueAt(body.data, ['case', 'prosecution', 'mlaRequests']) as Array<{
          requestingCountry: string;
          requestedCountry: string;
        }> | null) ?? [];
      for (const request of requests) expect([request.requestingCountry, request.requestedCountry]).toContain(caller.country);
      // No error but FORBIDDEN ones: nothing failed, nothing leaked a value in a message.
      for (const error of body.errors ?? []) {
        expect(error.extensions?.code).toBe('FORBIDDEN');
        expect(error.message).toMatch(/^Access denied \((ROLE|CONSENT_REQUIRED|NOT_RELEASABLE|HANDLING_RESTRICTED)\)$/);
      }
    },
  );

  it('covers every cell', () => {
    const cells = CALLERS.reduce((count, caller) => count + Object.keys(expected(caller)).length, 0);
    const decided = CALLERS.reduce(
      (count, caller) => count + Object.values(expected(caller)).filter((cell) => cell !== 'unreached').length,
      0,
    );
    // 18 callers × 37 cells (35 before persons of interest, 36 before case links); the note quotes these figures.
    expect(cells).toBe(CALLERS.length * 37);
    expect(decided).toBeGreaterThan(300);
    process.stdout.write(
      `access matrix: ${CALLERS.length} callers, ${cells} cells, ${decided} decided (the rest unreached behind a withheld parent)\n`,
    );
  });
});
