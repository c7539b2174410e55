import { ALLOW, deny, type Decision, type FieldRule, type PolicyTable } from '../shared/policy.js';
import { statisticsRule } from '../shared/statistics/statistics.policy.js';
import type { Agency, Viewer } from '../../platform/auth.js';
import type { ConsentEntity } from './consent/consent.entity.js';
import { ConsentScope } from './enums.js';

/** What a consent decision needs of each consent. */
export type ConsentFacts = Pick<ConsentEntity, 'scope' | 'recipientAgency' | 'recipientCountry' | 'givenAt' | 'withdrawnAt' | 'expiresAt'>;

/** The scopes that open identity and trafficking status to each agency (design, "Who may see what"). */
export const OPENING_SCOPES: Partial<Record<Agency, readonly ConsentScope[]>> = {
  POLICE: [ConsentScope.SHARE_WITH_POLICE],
  PROSECUTOR: [ConsentScope.SHARE_WITH_PROSECUTION, ConsentScope.TESTIMONY],
};

/** The agencies a consent of each scope may name as its recipient (checked when IOM records it). */
export const RECIPIENTS_OF_SCOPE: Record<ConsentScope, readonly Agency[]> = {
  [ConsentScope.SHARE_WITH_POLICE]: ['POLICE'],
  [ConsentScope.SHARE_WITH_PROSECUTION]: ['PROSECUTOR'],
  [ConsentScope.TESTIMONY]: ['PROSECUTOR'],
  [ConsentScope.RESEARCH]: ['IOM', 'ANALYST', 'PARTNER'],
};

/** Given, not withdrawn and not expired at `now`. */
export function isLive(consent: ConsentFacts, now: Date): boolean {
  return (
    consent.givenAt <= now &&
    (consent.withdrawnAt === null || consent.withdrawnAt > now) &&
    (consent.expiresAt === null || consent.expiresAt > now)
  );
}

/** A live consent of one of the scopes that names this reader: its agency, and its country or any. */
export function consentNames(
  viewer: Viewer,
  consents: readonly ConsentFacts[],
  scopes: readonly ConsentScope[],
  now = new Date(),
): boolean {
  return consents.some(
    (consent) =>
      scopes.includes(consent.scope) &&
      isLive(consent, now) &&
      consent.recipientAgency === viewer.agency &&
      (consent.recipientCountry === null || consent.recipientCountry === viewer.country),
  );
}

const identityRule: FieldRule<readonly ConsentFacts[]> = {
  fields: ['Migrant.identity', 'Migrant.traffickingStatus'],
  agencies: ['IOM', 'POLICE', 'PROSECUTOR'],
  condition: (viewer: Viewer, consents: readonly ConsentFacts[]): Decision => {
    if (viewer.agency === 'IOM') return ALLOW;
    return consentNames(viewer, consents, OPENING_SCOPES[viewer.agency] ?? []) ? ALLOW : deny('CONSENT_REQUIRED');
  },
  logged: true,
  rule: "IOM always; police under a live SHARE_WITH_POLICE consent, prosecutors under a live SHARE_WITH_PROSECUTION or TESTIMONY consent, that names the reader's agency and country (or any country); withdrawn or expired consent stops access at once",
};

/**
 * Who may see what, for the data migrant assistance owns (design, "Who may see what"). IOM's data
 * protection: personal data leaves IOM only under consent for a stated purpose, to the recipient it
 * names; vulnerabilities and assistance records never leave it except as statistics. The one place
 * this subgraph decides; services call `guard()` / `permits()` with these rules.
 */
export const assistancePolicy = {
  migrantRecord: {
    fields: [
      'Query.migrant',
      'Query.migrants',
      'Query.migrantsConnection',
      'Case.migrants',
      'Migrant.code',
      'Migrant.sex',
      'Migrant.ageGroup',
      'Migrant.nationality',
      'Migrant.registeredAt',
      'Migrant.case',
      'Migrant.detection',
    ],
    agencies: ['POLICE', 'IOM', 'PROSECUTOR'],
    logged: false,
    rule: "that a migrant exists, its code, sex, age group, nationality: police, IOM, prosecutors; analysts and partners statistics only; a case's migrants (listed or counted) reach police and prosecutors only where the case's owner released the case to their country",
  },
  consentGated: identityRule,
  testimonyConsent: {
    fields: ['Migrant.testimonyConsent'],
    agencies: ['IOM', 'PROSECUTOR'],
    logged: true,
    rule: "whether a live TESTIMONY consent names the reading prosecutor's agency and country (IOM: any live TESTIMONY consent); what a prosecution needs to call witnesses",
  },
  protectedRecord: {
    fields: ['Migrant.vulnerabilities', 'Migrant.screenings', 'Migrant.assistance', 'Migrant.consents'],
    agencies: ['IOM'],
    logged: true,
    rule: 'vulnerabilities, screenings, assistance records and consents: IOM only (IOM data protection)',
  },
  caseSummary: {
    fields: ['Case.assistanceSummary'],
    agencies: ['POLICE', 'IOM', 'PROSECUTOR'],
    logged: true,
    rule: "counts of a case's migrants: exact for what the reader may see one by one, k-anonymous over the migrants whose field the reader may not see",
  },
  statistics: statisticsRule(['Query.migrantStatistics'], 'k-anonymous statistics for everyone who works with the data, never auditors'),
  protectedStatistics: {
    fields: ['MigrantDimension.VULNERABILITY', 'MigrantDimension.ASSISTANCE_TYPE'],
    agencies: ['IOM', 'ANALYST'],
    logged: false,
    rule: 'vulnerabilities and assistance leave IOM only as statistics, and only for analysts',
  },
  write: {
    fields: [
      'Mutation.registerMigrant',
      'Mutation.recordScreening',
      'Mutation.recordConsent',
      'Mutation.withdrawConsent',
      'Mutation.recordAssistance',
      'Mutation.updateAssistance',
    ],
    agencies: ['IOM'],
    logged: false,
    rule: 'every assistance write: IOM caseworkers only',
  },
} satisfies PolicyTable;
