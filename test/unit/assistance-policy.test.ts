import 'reflect-metadata';
import { AGENCIES, type Agency, type Viewer } from '../../platform/auth.js';
import { decide } from '../../subgraphs/shared/policy.js';
import { assistancePolicy, consentNames, type ConsentFacts } from '../../subgraphs/assistance/assistance.policy.js';
import { ConsentScope } from '../../subgraphs/assistance/enums.js';

const day = 24 * 60 * 60 * 1000;
const now = Date.now();
const viewer = (agency: Agency, country = 'DOM'): Viewer => ({ subject: `${agency.toLowerCase()}-1`, agency, country });

/** A consent to the Dominican agency that a scope opens data to, given a week ago. */
function consent(scope: ConsentScope, changes: Partial<ConsentFacts> = {}): ConsentFacts {
  const recipientAgency = scope === ConsentScope.SHARE_WITH_POLICE ? 'POLICE' : scope === ConsentScope.RESEARCH ? 'ANALYST' : 'PROSECUTOR';
  return {
    scope,
    recipientAgency,
    recipientCountry: 'DOM',
    givenAt: new Date(now - 7 * day),
    withdrawnAt: null,
    expiresAt: null,
    ...changes,
  };
}

/** The consent situations of the brief, for a reader of each agency (DOM unless said). */
function situations(agency: Agency): Record<string, ConsentFacts[]> {
  const opening = agency === 'PROSECUTOR' ? ConsentScope.SHARE_WITH_PROSECUTION : ConsentScope.SHARE_WITH_POLICE;
  const other = opening === ConsentScope.SHARE_WITH_POLICE ? ConsentScope.SHARE_WITH_PROSECUTION : ConsentScope.SHARE_WITH_POLICE;
  return {
    none: [],
    matching: [consent(opening)],
    'matching, any country': [consent(opening, { recipientCountry: null })],
    'other country': [consent(opening, { recipientCountry: 'USA' })],
    'other agency': [consent(other)],
    withdrawn: [consent(opening, { withdrawnAt: new Date(now - day) })],
    expired: [consent(opening, { expiresAt: new Date(now - day) })],
    'not yet expired': [consent(opening, { expiresAt: new Date(now + day) })],
    'unparsed legacy text': [consent(opening, { recipientAgency: null, recipientCountry: null })],
    research: [consent(ConsentScope.RESEARCH)],
  };
}

/** What the design (extended with recipients) says each agency gets, per situation. */
function expected(agency: Agency, situation: string): string {
  if (agency === 'IOM') return 'ALLOW';
  if (agency !== 'POLICE' && agency !== 'PROSECUTOR') return 'ROLE';
  return ['matching', 'matching, any country', 'not yet expired'].includes(situation) ? 'ALLOW' : 'CONSENT_REQUIRED';
}

const outcome = (decision: { allowed: boolean; reason?: string }) => (decision.allowed ? 'ALLOW' : decision.reason);

describe('assistance policy: identity and trafficking status, every agency × consent', () => {
  const cells = AGENCIES.flatMap((agency) => Object.keys(situations(agency)).map((situation) => [agency, situation] as const));
  it.each(cells)('%s reader, consent %s', (agency, situation) => {
    const consents = situations(agency)[situation];
    expect(outcome(decide(viewer(agency), assistancePolicy.consentGated, consents))).toBe(expected(agency, situation));
  });

  it('a prosecutor is opened by a TESTIMONY consent naming them, not by one naming another country', () => {
    const testimony = consent(ConsentScope.TESTIMONY);
    expect(outcome(decide(viewer('PROSECUTOR'), assistancePolicy.consentGated, [testimony]))).toBe('ALLOW');
    expect(outcome(decide(viewer('PROSECUTOR', 'ITA'), assistancePolicy.consentGated, [testimony]))).toBe('CONSENT_REQUIRED');
    expect(outcome(decide(viewer('POLICE'), assistancePolicy.consentGated, [testimony]))).toBe('CONSENT_REQUIRED');
  });

  it('the Dominican police consent of the demo: DOM police read, USA police are refused', () => {
    const demo = [consent(ConsentScope.SHARE_WITH_POLICE)];
    expect(outcome(decide(viewer('POLICE', 'DOM'), assistancePolicy.consentGated, demo))).toBe('ALLOW');
    expect(outcome(decide(viewer('POLICE', 'USA'), assistancePolicy.consentGated, demo))).toBe('CONSENT_REQUIRED');
  });

  it('testimony consent follows the same recipient rule', () => {
    const testimony = [consent(ConsentScope.TESTIMONY)];
    expect(consentNames(viewer('PROSECUTOR', 'DOM'), testimony, [ConsentScope.TESTIMONY])).toBe(true);
    expect(consentNames(viewer('PROSECUTOR', 'USA'), testimony, [ConsentScope.TESTIMONY])).toBe(false);
    expect(
      consentNames(viewer('PROSECUTOR'), [consent(ConsentScope.TESTIMONY, { expiresAt: new Date(now - day) })], [ConsentScope.TESTIMONY]),
    ).toBe(false);
  });
});

describe('assistance policy: the agency-only rules, every agency', () => {
  const table: Record<keyof typeof assistancePolicy, Agency[]> = {
    migrantRecord: ['POLICE', 'IOM', 'PROSECUTOR'],
    consentGated: ['IOM', 'POLICE', 'PROSECUTOR'],
    testimonyConsent: ['IOM', 'PROSECUTOR'],
    protectedRecord: ['IOM'],
    caseSummary: ['POLICE', 'IOM', 'PROSECUTOR'],
    statistics: ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER'],
    protectedStatistics: ['IOM', 'ANALYST'],
    write: ['IOM'],
  };
  it.each(Object.keys(table) as Array<keyof typeof assistancePolicy>)('%s reaches exactly the agencies of the design', (name) => {
    expect([...assistancePolicy[name].agencies].sort()).toEqual([...table[name]].sort());
    for (const agency of AGENCIES) {
      if (!table[name].includes(agency)) expect(outcome(decide(viewer(agency), assistancePolicy[name] as never, [] as never))).toBe('ROLE');
    }
  });

  it('every rule says which fields it gates and why, and the personal ones are logged', () => {
    for (const rule of Object.values(assistancePolicy)) {
      expect(rule.fields.length).toBeGreaterThan(0);
      expect(rule.rule.length).toBeGreaterThan(10);
    }
    for (const name of ['consentGated', 'testimonyConsent', 'protectedRecord', 'caseSummary'] as const)
      expect(assistancePolicy[name].logged).toBe(true);
  });
});
