import type { DenialReason } from '../../platform/errors.js';
import { AGENCIES, type Agency, type Viewer } from '../../platform/auth.js';
import { decide, guard, permits, type FieldRule } from '../../subgraphs/shared/policy.js';
import { HandlingCode, SharingScope } from '../../subgraphs/police/enums.js';
import { COUNTRY_BOUND, inScope, policePolicy, type CaseScope, type ItemRestrictions } from '../../subgraphs/police/police.policy.js';

/**
 * The police table read against the design's "Who may see what", with the owner's country rules:
 * every entry, for all six agencies, for a reader inside and outside the record's scope. Written
 * out by hand from the design (not derived from the policy), so a change to either shows here.
 */
type Outcome = 'allow' | DenialReason;
type Row = Record<Agency, { inside: Outcome; outside: Outcome }>;

const same = (outcome: Outcome) => ({ inside: outcome, outside: outcome });
const scoped = { inside: 'allow', outside: 'NOT_RELEASABLE' } as const;
const ROLE = same('ROLE');

/** A Dominican case released to the countries it involves (DOM, USA). */
const DOM_CASE: CaseScope = { ownerCountry: 'DOM', sharingScope: SharingScope.INVOLVED, releasableTo: ['DOM', 'USA'] };
/** Readers inside the scope are from USA (involved, not the owner); outside, from ITA. */
const INSIDE = 'USA';
const OUTSIDE = 'ITA';
const viewer = (agency: Agency, country: string): Viewer => ({ subject: `unit-${agency}`, agency, country });

const CASE_RULES: Record<string, Row> = {
  // A hit (id, reference, owning country) for every reader of cases, in scope or not; PARTNER statistics only.
  caseHit: { POLICE: same('allow'), IOM: same('allow'), PROSECUTOR: same('allow'), ANALYST: same('allow'), PARTNER: ROLE, AUDITOR: ROLE },
  // Case, detection time/area/outcome, persons on board, deaths: ✓ police, IOM, prosecutor, analyst. IOM is not scoped by country.
  caseRecord: { POLICE: scoped, IOM: same('allow'), PROSECUTOR: scoped, ANALYST: scoped, PARTNER: ROLE, AUDITOR: ROLE },
  // Position, vessel, boarding authorization: police and prosecutor.
  vesselAndPosition: { POLICE: scoped, IOM: ROLE, PROSECUTOR: scoped, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Suspects: police and prosecutor.
  suspects: { POLICE: scoped, IOM: ROLE, PROSECUTOR: scoped, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Networks span cases (their suspect lists are filtered per suspect with `suspects`).
  networks: { POLICE: same('allow'), IOM: ROLE, PROSECUTOR: same('allow'), ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Joint operations span cases: the case readers.
  operations: {
    POLICE: same('allow'),
    IOM: same('allow'),
    PROSECUTOR: same('allow'),
    ANALYST: same('allow'),
    PARTNER: ROLE,
    AUDITOR: ROLE,
  },
  // Intelligence at all: police and prosecutor (each item's restrictions on top).
  intelligence: { POLICE: scoped, IOM: ROLE, PROSECUTOR: scoped, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // That a person of interest exists, who recorded it, its cases as hits: as for suspects, police and prosecutor.
  personHit: { POLICE: same('allow'), IOM: ROLE, PROSECUTOR: same('allow'), ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Case links rest on suspects, persons and vessels: police and prosecutor, on a case the reader may see.
  links: { POLICE: scoped, IOM: ROLE, PROSECUTOR: scoped, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Only police record police data.
  policeWrite: { POLICE: same('allow'), IOM: ROLE, PROSECUTOR: ROLE, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Changes to a case: the owner's police only (the involved USA may read but not change it).
  caseWrite: { POLICE: same('NOT_RELEASABLE'), IOM: ROLE, PROSECUTOR: ROLE, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Intelligence is shared by police of any country the case is released to.
  shareIntelligence: { POLICE: scoped, IOM: ROLE, PROSECUTOR: ROLE, ANALYST: ROLE, PARTNER: ROLE, AUDITOR: ROLE },
  // Search: the readers of cases (each over what its agency reads; hidden cases found as hits by reference only).
  search: { POLICE: same('allow'), IOM: same('allow'), PROSECUTOR: same('allow'), ANALYST: same('allow'), PARTNER: ROLE, AUDITOR: ROLE },
  // The network picture: the country-bound readers (each record under its own rule; hits for hidden cases).
  networkGraph: { POLICE: same('allow'), IOM: ROLE, PROSECUTOR: same('allow'), ANALYST: same('allow'), PARTNER: ROLE, AUDITOR: ROLE },
  // Statistics: everyone who works with the data (partners included), never auditors.
  statistics: {
    POLICE: same('allow'),
    IOM: same('allow'),
    PROSECUTOR: same('allow'),
    ANALYST: same('allow'),
    PARTNER: same('allow'),
    AUDITOR: ROLE,
  },
};

const outcome = <Subject>(rule: FieldRule<Subject>, reader: Viewer, subject: Subject): Outcome => {
  const decision = decide(reader, rule, subject);
  return decision.allowed ? 'allow' : decision.reason;
};

describe('the police policy table against the design', () => {
  const table = policePolicy as Record<string, FieldRule<never>>;

  it('has exactly the entries checked here, each naming its fields and its rule in words', () => {
    expect(Object.keys(table).sort()).toEqual([...Object.keys(CASE_RULES), 'intelligenceItem', 'vessel', 'personRecord'].sort());
    for (const entry of Object.values(table)) {
      expect(entry.fields.length).toBeGreaterThan(0);
      for (const field of entry.fields) expect(field).toMatch(/^[A-Z][A-Za-z]*\.(\*|[a-z][A-Za-z]*)$/);
      expect(entry.rule.length).toBeGreaterThan(20);
    }
  });

  it('gates every field at most once among the read rules', () => {
    const reads = ['caseHit', 'caseRecord', 'vesselAndPosition', 'vessel', 'suspects', 'networks', 'intelligence', 'intelligenceItem'];
    const seen = reads.flatMap((name) => table[name].fields.filter((field) => !field.endsWith('.*')));
    expect(new Set(seen).size).toBe(seen.length);
  });

  for (const [name, row] of Object.entries(CASE_RULES)) {
    it.each(AGENCIES)(`${name}: %s inside and outside the case's scope`, (agency) => {
      const rule = table[name] as FieldRule<CaseScope | undefined>;
      const subject = rule.condition ? DOM_CASE : undefined;
      expect({ inside: outcome(rule, viewer(agency, INSIDE), subject), outside: outcome(rule, viewer(agency, OUTSIDE), subject) }).toEqual(
        row[agency],
      );
    });
  }

  describe("a vessel across cases: police and prosecutor who may see at least one of its detections' cases", () => {
    /** A Lampedusa case kept to Italy, beside the Dominican case released to DOM and USA. */
    const ITA_CASE: CaseScope = { ownerCountry: 'ITA', sharingScope: SharingScope.OWNER, releasableTo: ['ITA'] };
    const investigator = { one: 'allow', none: 'NOT_RELEASABLE' } as const;
    const expected: Record<Agency, { one: Outcome; none: Outcome }> = {
      POLICE: investigator,
      IOM: { one: 'ROLE', none: 'ROLE' },
      PROSECUTOR: investigator,
      ANALYST: { one: 'ROLE', none: 'ROLE' },
      PARTNER: { one: 'ROLE', none: 'ROLE' },
      AUDITOR: { one: 'ROLE', none: 'ROLE' },
    };
    it.each(AGENCIES)('%s', (agency) => {
      expect({
        one: outcome(policePolicy.vessel, viewer(agency, INSIDE), [ITA_CASE, DOM_CASE]),
        none: outcome(policePolicy.vessel, viewer(agency, 'TCA'), [ITA_CASE, DOM_CASE]),
      }).toEqual(expected[agency]);
    });
  });

  it("caseWrite allows the owning country's police, and only them", () => {
    expect(outcome(policePolicy.caseWrite, viewer('POLICE', 'DOM'), DOM_CASE)).toBe('allow');
    expect(outcome(policePolicy.caseWrite, viewer('PROSECUTOR', 'DOM'), DOM_CASE)).toBe('ROLE');
  });

  describe("intelligence items: the source's handling code and releasability bind every reader", () => {
    const item = (handlingCode: HandlingCode, releasableTo: string[] | null): ItemRestrictions => ({
      handlingCode,
      releasableTo,
      sourceCountry: 'TCA',
    });
    const expected: Record<Agency, { released: Outcome; notReleased: Outcome; h1: Outcome }> = {
      POLICE: { released: 'allow', notReleased: 'NOT_RELEASABLE', h1: 'allow' },
      IOM: { released: 'ROLE', notReleased: 'ROLE', h1: 'ROLE' },
      PROSECUTOR: { released: 'allow', notReleased: 'NOT_RELEASABLE', h1: 'HANDLING_RESTRICTED' },
      ANALYST: { released: 'ROLE', notReleased: 'ROLE', h1: 'ROLE' },
      PARTNER: { released: 'ROLE', notReleased: 'ROLE', h1: 'ROLE' },
      AUDITOR: { released: 'ROLE', notReleased: 'ROLE', h1: 'ROLE' },
    };
    it.each(AGENCIES)('%s', (agency) => {
      const reader = viewer(agency, INSIDE);
      expect({
        released: outcome(policePolicy.intelligenceItem, reader, item(HandlingCode.H3, ['DOM', INSIDE])),
        notReleased: outcome(policePolicy.intelligenceItem, reader, item(HandlingCode.H0, ['DOM', 'TCA'])),
        h1: outcome(policePolicy.intelligenceItem, reader, item(HandlingCode.H1, null)),
      }).toEqual(expected[agency]);
    });

    it("always reaches the source's own country, and every country when it names none", () => {
      expect(outcome(policePolicy.intelligenceItem, viewer('POLICE', 'TCA'), item(HandlingCode.H2, ['DOM']))).toBe('allow');
      expect(outcome(policePolicy.intelligenceItem, viewer('POLICE', 'NZL'), item(HandlingCode.H0, null))).toBe('allow');
    });
  });

  describe("a person of interest: whoever may see one of its suspects' cases", () => {
    const OTHER_CASE: CaseScope = { ownerCountry: 'TCA', sharingScope: SharingScope.OWNER, releasableTo: ['TCA'] };
    const expected: Record<Agency, { oneCaseSeen: Outcome; noneSeen: Outcome; noCase: Outcome }> = {
      POLICE: { oneCaseSeen: 'allow', noneSeen: 'NOT_RELEASABLE', noCase: 'NOT_RELEASABLE' },
      IOM: { oneCaseSeen: 'ROLE', noneSeen: 'ROLE', noCase: 'ROLE' },
      PROSECUTOR: { oneCaseSeen: 'allow', noneSeen: 'NOT_RELEASABLE', noCase: 'NOT_RELEASABLE' },
      ANALYST: { oneCaseSeen: 'ROLE', noneSeen: 'ROLE', noCase: 'ROLE' },
      PARTNER: { oneCaseSeen: 'ROLE', noneSeen: 'ROLE', noCase: 'ROLE' },
      AUDITOR: { oneCaseSeen: 'ROLE', noneSeen: 'ROLE', noCase: 'ROLE' },
    };
    it.each(AGENCIES)('%s', (agency) => {
      expect({
        oneCaseSeen: outcome(policePolicy.personRecord, viewer(agency, INSIDE), [OTHER_CASE, DOM_CASE]),
        noneSeen: outcome(policePolicy.personRecord, viewer(agency, OUTSIDE), [OTHER_CASE, DOM_CASE]),
        noCase: outcome(policePolicy.personRecord, viewer(agency, INSIDE), []),
      }).toEqual(expected[agency]);
    });
  });

  describe("the country rules of a case's scope", () => {
    const scope = (sharingScope: SharingScope, releasableTo: string[]): CaseScope => ({ ownerCountry: 'DOM', sharingScope, releasableTo });

    it.each([
      ['OWNER', scope(SharingScope.OWNER, ['DOM']), { DOM: true, USA: false, ITA: false }],
      ['INVOLVED', scope(SharingScope.INVOLVED, ['DOM', 'USA']), { DOM: true, USA: true, ITA: false }],
      ['NAMED [ITA]', scope(SharingScope.NAMED, ['DOM', 'ITA']), { DOM: true, USA: false, ITA: true }],
      ['ALL', scope(SharingScope.ALL, ['DOM', 'USA']), { DOM: true, USA: true, ITA: true }],
      // The owner keeps its own record whatever the materialised list says.
      ['a list without the owner', scope(SharingScope.NAMED, ['ITA']), { DOM: true, USA: false, ITA: true }],
    ])('%s', (_name, record, expected) => {
      for (const agency of COUNTRY_BOUND) {
        for (const [country, allowed] of Object.entries(expected)) expect(inScope(viewer(agency, country), record)).toBe(allowed);
      }
      // IOM is one organisation across countries; the other agencies are decided by their role first.
      expect(inScope(viewer('IOM', 'ITA'), record)).toBe(true);
    });

    it('binds police, prosecutors and analysts to their country, not IOM', () => {
      expect([...COUNTRY_BOUND].sort()).toEqual(['ANALYST', 'POLICE', 'PROSECUTOR']);
    });
  });

  describe('guard() and permits() with the table', () => {
    const recorded: Array<[string, string, string, boolean]> = [];
    const request = {
      viewer: viewer('POLICE', OUTSIDE),
      accessLog: {
        record: (entityType: string, entityId: string, field: string, decision: { allowed: boolean }) =>
          recorded.push([entityType, entityId, field, decision.allowed]),
      },
    };

    it('throws FORBIDDEN with the reason, and logs the logged rules, allowed or not', () => {
      expect(() =>
        guard(request, policePolicy.intelligence, DOM_CASE, { entityType: 'Case', entityId: 'c1', field: 'intelligence' }),
      ).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' } }));
      expect(
        permits(
          request,
          policePolicy.intelligenceItem,
          { handlingCode: HandlingCode.H0, releasableTo: null, sourceCountry: 'DOM' },
          { entityType: 'IntelligenceItem', entityId: 'i1', field: 'content' },
        ),
      ).toBe(true);
      expect(recorded).toEqual([
        ['Case', 'c1', 'intelligence', false],
        ['IntelligenceItem', 'i1', 'content', true],
      ]);
    });

    it('does not log the unlogged rules', () => {
      recorded.length = 0;
      expect(permits(request, policePolicy.caseRecord, DOM_CASE, { entityType: 'Case', entityId: 'c1', field: 'status' })).toBe(false);
      expect(recorded).toEqual([]);
    });
  });
});
