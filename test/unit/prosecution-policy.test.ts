import { AGENCIES, type Agency, type Viewer } from '../../platform/auth.js';
import { decide, type FieldRule } from '../../subgraphs/shared/policy.js';
import { MlaStatus } from '../../subgraphs/prosecution/enums.js';
import { prosecutionPolicy, type MlaSubject, type ProsecutionSubject } from '../../subgraphs/prosecution/prosecution.policy.js';

/**
 * The prosecution policy table against the design's "Who may see what", extended with the State
 * rules of issue 12, for all six agencies, each from the prosecuting State, the requested State of
 * an MLA request, and a third State.
 */
const viewer = (agency: Agency, country: string): Viewer => ({ subject: `unit-${agency}`, agency, country });
const outcome = (rule: FieldRule<never>, who: Viewer, subject: unknown) => {
  const decision = decide(who, rule as FieldRule<unknown>, subject);
  return decision.allowed ? 'ALLOW' : decision.reason;
};

const prosecution: ProsecutionSubject = { jurisdiction: 'DOM' };
const mla: MlaSubject = { requestingCountry: 'DOM', requestedCountry: 'USA' };
const COUNTRIES = { prosecuting: 'DOM', requested: 'USA', third: 'ITA' } as const;
type Where = keyof typeof COUNTRIES;

/** Expected outcome per agency and where the caller is from (ALLOW or the denial's reason). */
type Row = Record<Agency, Record<Where, string>>;
const everywhere = (value: string) => ({ prosecuting: value, requested: value, third: value });
const byAgency = (rows: Partial<Record<Agency, Record<Where, string>>>, otherwise = everywhere('ROLE')): Row =>
  Object.fromEntries(AGENCIES.map((agency) => [agency, rows[agency] ?? otherwise])) as Row;

const TABLE: Array<[string, FieldRule<never>, unknown, Row]> = [
  [
    'stage and verdicts',
    prosecutionPolicy.stageAndVerdicts,
    undefined,
    byAgency({
      POLICE: everywhere('ALLOW'),
      IOM: everywhere('ALLOW'),
      PROSECUTOR: everywhere('ALLOW'),
      ANALYST: everywhere('ALLOW'),
      PARTNER: everywhere('ALLOW'),
    }),
  ],
  [
    'the rest of the public record',
    prosecutionPolicy.publicRecord,
    undefined,
    byAgency({ POLICE: everywhere('ALLOW'), PROSECUTOR: everywhere('ALLOW'), ANALYST: everywhere('ALLOW') }),
  ],
  [
    'witnesses and protective measures',
    prosecutionPolicy.witnesses,
    prosecution,
    byAgency({ PROSECUTOR: { prosecuting: 'ALLOW', requested: 'NOT_RELEASABLE', third: 'NOT_RELEASABLE' } }),
  ],
  [
    'testifying witnesses',
    prosecutionPolicy.testifyingWitnesses,
    prosecution,
    byAgency({ PROSECUTOR: { prosecuting: 'ALLOW', requested: 'NOT_RELEASABLE', third: 'NOT_RELEASABLE' } }),
  ],
  [
    'an MLA request',
    prosecutionPolicy.mlaRequest,
    mla,
    byAgency({ PROSECUTOR: { prosecuting: 'ALLOW', requested: 'ALLOW', third: 'NOT_RELEASABLE' } }),
  ],
  ['opening a prosecution', prosecutionPolicy.openProsecution, undefined, byAgency({ PROSECUTOR: everywhere('ALLOW') })],
  [
    'a write on a prosecution',
    prosecutionPolicy.write,
    prosecution,
    byAgency({ PROSECUTOR: { prosecuting: 'ALLOW', requested: 'ROLE', third: 'ROLE' } }),
  ],
  [
    'transmitting an MLA request',
    prosecutionPolicy.advanceMlaRequest,
    { ...mla, to: MlaStatus.TRANSMITTED },
    byAgency({ PROSECUTOR: { prosecuting: 'ALLOW', requested: 'ROLE', third: 'ROLE' } }),
  ],
  [
    'withdrawing an MLA request',
    prosecutionPolicy.advanceMlaRequest,
    { ...mla, to: MlaStatus.WITHDRAWN },
    byAgency({ PROSECUTOR: { prosecuting: 'ALLOW', requested: 'ROLE', third: 'ROLE' } }),
  ],
  [
    'executing an MLA request',
    prosecutionPolicy.advanceMlaRequest,
    { ...mla, to: MlaStatus.EXECUTED },
    byAgency({ PROSECUTOR: { prosecuting: 'ROLE', requested: 'ALLOW', third: 'ROLE' } }),
  ],
  [
    'refusing an MLA request',
    prosecutionPolicy.advanceMlaRequest,
    { ...mla, to: MlaStatus.REFUSED },
    byAgency({ PROSECUTOR: { prosecuting: 'ROLE', requested: 'ALLOW', third: 'ROLE' } }),
  ],
  [
    'prosecution statistics',
    prosecutionPolicy.statistics,
    undefined,
    byAgency({
      POLICE: everywhere('ALLOW'),
      IOM: everywhere('ALLOW'),
      PROSECUTOR: everywhere('ALLOW'),
      ANALYST: everywhere('ALLOW'),
      PARTNER: everywhere('ALLOW'),
    }),
  ],
  ['MLA counts', prosecutionPolicy.mlaStatistics, undefined, byAgency({ PROSECUTOR: everywhere('ALLOW'), ANALYST: everywhere('ALLOW') })],
];

const CELLS = TABLE.flatMap(([name, rule, subject, row]) =>
  AGENCIES.flatMap((agency) =>
    (Object.keys(COUNTRIES) as Where[]).map((where) => [name, agency, where, rule, subject, row[agency][where]] as const),
  ),
);

describe('prosecution policy: every rule × six agencies × prosecuting / requested / third State', () => {
  it.each(CELLS)('%s — %s of the %s State', (_name, agency, where, rule, subject, expected) => {
    expect(outcome(rule, viewer(agency, COUNTRIES[where]), subject)).toBe(expected);
  });

  it("covers every rule of the table, each with fields, agencies and the design's words", () => {
    const tested = new Set(TABLE.map(([, rule]) => rule));
    for (const [name, rule] of Object.entries(prosecutionPolicy)) {
      expect({ name, tested: tested.has(rule as FieldRule<never>) }).toEqual({ name, tested: true });
      expect(rule.fields.length).toBeGreaterThan(0);
      expect(rule.rule.length).toBeGreaterThan(10);
    }
  });

  it('gives IOM and partners exactly stage and verdicts of a prosecution', () => {
    const readable = Object.values(prosecutionPolicy)
      .filter((rule) => (rule.agencies as readonly Agency[]).includes('IOM') && !rule.fields.some((field) => field.startsWith('Mutation.')))
      .flatMap((rule) => rule.fields)
      .filter((field) => field.startsWith('Prosecution.'));
    expect(readable.sort()).toEqual(['Prosecution.id', 'Prosecution.stage', 'Prosecution.verdicts']);
    expect((prosecutionPolicy.stageAndVerdicts.agencies as readonly Agency[]).includes('PARTNER')).toBe(true);
    expect((prosecutionPolicy.publicRecord.agencies as readonly Agency[]).some((agency) => agency === 'IOM' || agency === 'PARTNER')).toBe(
      false,
    );
  });

  it('logs every read of witnesses and MLA requests', () => {
    expect([prosecutionPolicy.witnesses.logged, prosecutionPolicy.testifyingWitnesses.logged, prosecutionPolicy.mlaRequest.logged]).toEqual(
      [true, true, true],
    );
  });
});
