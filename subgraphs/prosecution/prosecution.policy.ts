import { ALLOW, deny, type Decision, type FieldRule, type PolicyTable } from '../shared/policy.js';
import { statisticsRule } from '../shared/statistics/statistics.policy.js';
import type { Viewer } from '../../platform/auth.js';
import { MlaStatus } from './enums.js';

/** What the rules read of a prosecution: the State whose courts hear it. */
export type ProsecutionSubject = { jurisdiction: string };
/** What the rules read of an MLA request: the two States it is between (UNTOC Art. 18). */
export type MlaSubject = { requestingCountry: string; requestedCountry: string };
/** An MLA status change: the request, and the status it would move to. */
export type MlaTransitionSubject = MlaSubject & { to: MlaStatus };

/** The prosecuting State's own prosecutors; another State's learn nothing of the file's people. */
function prosecutingState(reason: 'NOT_RELEASABLE' | 'ROLE') {
  return (viewer: Viewer, prosecution: ProsecutionSubject): Decision =>
    prosecution.jurisdiction === viewer.country ? ALLOW : deny(reason);
}

/** A request stays between the two States: the requesting and the requested one. */
function mlaParty(viewer: Viewer, request: MlaSubject): Decision {
  return viewer.country === request.requestingCountry || viewer.country === request.requestedCountry ? ALLOW : deny('NOT_RELEASABLE');
}

/** Statuses only the requesting State sets (sending, withdrawing); every other the requested State sets. */
const REQUESTING_STATE_MOVES: readonly MlaStatus[] = [MlaStatus.TRANSMITTED, MlaStatus.WITHDRAWN];

/**
 * Who may see what, for the data prosecutor support owns (design, "Who may see what", extended with
 * the country rules of issue 12). The one place this subgraph decides: services call `guard()` /
 * `permits()` with these rules, resolvers never decide. AUDITOR reads access logs only.
 */
export const prosecutionPolicy = {
  /** That a prosecution exists, its stage and its verdicts: every agency but the auditor. */
  stageAndVerdicts: {
    fields: [
      'Query.prosecution',
      'Query.prosecutions',
      'Query.prosecutionsConnection',
      'Case.prosecution',
      'Prosecution.id',
      'Prosecution.stage',
      'Prosecution.verdicts',
      'ProsecutionVerdict.*',
    ],
    agencies: ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER'],
    logged: false,
    rule: 'Stage and verdicts of a prosecution: public record for every agency (IOM and partners get these only)',
  },
  /** Everything else of the public record: office, network, defendants, charges, sentences, case law. */
  publicRecord: {
    fields: [
      'Prosecution.jurisdiction',
      'Prosecution.prosecutorOffice',
      'Prosecution.network',
      'Prosecution.networkContact',
      'Prosecution.openedAt',
      'Prosecution.version',
      'Prosecution.case',
      'Prosecution.defendants',
      'Prosecution.caseLaw',
      'Defendant.*',
      'Charge.*',
      'Query.caseLaw',
      'Case.relevantCaseLaw',
    ],
    agencies: ['POLICE', 'PROSECUTOR', 'ANALYST'],
    logged: false,
    rule: 'Prosecutions, defendants, charges, sentences and case law: public record for police, prosecutors and analysts',
  },
  /** Who testifies, and how they are protected (Smuggling Protocol Art. 16): the prosecuting State's prosecutors. */
  witnesses: {
    fields: ['Prosecution.witnesses', 'Witness.*'],
    agencies: ['PROSECUTOR'],
    condition: prosecutingState('NOT_RELEASABLE'),
    logged: true,
    rule: 'Witnesses and their protective measures: prosecutors of the prosecuting State only',
  } satisfies FieldRule<ProsecutionSubject>,
  /** The case file's witnesses filtered by testimony consent, and the internal list that feeds it. */
  testifyingWitnesses: {
    fields: ['Prosecution.testifyingWitnesses'],
    agencies: ['PROSECUTOR'],
    condition: prosecutingState('NOT_RELEASABLE'),
    logged: true,
    rule: 'Witnesses who consent to testify: prosecutors of the prosecuting State only (consents read by migrant assistance, which logs them)',
  } satisfies FieldRule<ProsecutionSubject>,
  /** Mutual legal assistance, per request (UNTOC Art. 18): its two States' prosecutors. ANALYST: counts only. */
  mlaRequest: {
    fields: ['Prosecution.mlaRequests', 'MlaRequest.*'],
    agencies: ['PROSECUTOR'],
    condition: mlaParty,
    logged: true,
    rule: 'MLA requests: prosecutors of the requesting or the requested State only, each read logged (analysts: counts only)',
  } satisfies FieldRule<MlaSubject>,
  /** Opening proceedings: a prosecutor, for their own State (the jurisdiction is the caller's country). */
  openProsecution: {
    fields: ['Mutation.openProsecution'],
    agencies: ['PROSECUTOR'],
    logged: false,
    rule: "Opening a prosecution: prosecutors, in their own State's jurisdiction",
  },
  /** Every write on a prosecution: its stage, defendants, charges, verdicts, witnesses, MLA requests. */
  write: {
    fields: [
      'Mutation.advanceProsecution',
      'Mutation.addDefendant',
      'Mutation.fileCharge',
      'Mutation.recordVerdict',
      'Mutation.addWitness',
      'Mutation.createMlaRequest',
    ],
    agencies: ['PROSECUTOR'],
    condition: prosecutingState('ROLE'),
    logged: false,
    rule: 'Writes on a prosecution: prosecutors of its jurisdiction only',
  } satisfies FieldRule<ProsecutionSubject>,
  /** Moving an MLA request on: the requesting State sends or withdraws it, the requested State does the rest. */
  advanceMlaRequest: {
    fields: ['Mutation.advanceMlaRequest'],
    agencies: ['PROSECUTOR'],
    condition: (viewer: Viewer, move: MlaTransitionSubject): Decision => {
      const party = REQUESTING_STATE_MOVES.includes(move.to) ? move.requestingCountry : move.requestedCountry;
      return viewer.country === party ? ALLOW : deny('ROLE');
    },
    logged: false,
    rule: "Advancing an MLA request: the requesting State's prosecutors transmit or withdraw it, the requested State's prosecutors answer it",
  } satisfies FieldRule<MlaTransitionSubject>,
  /** Statistics of prosecutions (k-anonymous over defendants): everyone who works with the data. */
  statistics: statisticsRule(
    ['Query.prosecutionStatistics'],
    'Prosecution statistics (k-anonymous, whole calendar months): everyone who works with the data, never auditors',
  ),
  /** MLA requests are use-limited: counts for prosecutors and analysts only. */
  mlaStatistics: {
    fields: ['Query.mlaStatistics'],
    agencies: ['PROSECUTOR', 'ANALYST'],
    logged: false,
    rule: 'MLA counts (k-anonymous): prosecutors and analysts only (UNTOC Art. 18)',
  },
} satisfies PolicyTable;
