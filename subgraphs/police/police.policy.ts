import { ALLOW, deny, type Decision, type FieldRule, type PolicyTable } from '../shared/policy.js';
import { statisticsRule } from '../shared/statistics/statistics.policy.js';
import type { Agency, Viewer } from '../../platform/auth.js';
import type { CaseEntity } from './case/case.entity.js';
import { HandlingCode, SharingScope } from './enums.js';
import type { IntelligenceItemEntity } from './intelligence/intelligence.entity.js';

/** What the country rules need of a case (its detections, suspects, vessels and intelligence follow it). */
export type CaseScope = Pick<CaseEntity, 'ownerCountry' | 'sharingScope' | 'releasableTo'>;
/** What the source's restrictions need of an intelligence item. */
export type ItemRestrictions = Pick<IntelligenceItemEntity, 'releasableTo' | 'sourceCountry' | 'handlingCode'>;

/**
 * Readers bound to their country's share of police data. IOM staff are one organisation across
 * countries (their agency's rules still apply); AUDITOR reads logs only; PARTNER gets statistics only.
 */
export const COUNTRY_BOUND: readonly Agency[] = ['POLICE', 'PROSECUTOR', 'ANALYST'];

/** Whether the case's owner released it to this reader (the owner always keeps its own). */
export function inScope(viewer: Viewer, record: CaseScope): boolean {
  if (!COUNTRY_BOUND.includes(viewer.agency)) return true;
  return record.ownerCountry === viewer.country || record.sharingScope === SharingScope.ALL || record.releasableTo.includes(viewer.country);
}

/** Whether the reader's agency may have a rule's fields at all, before any record's condition (which sources `search` reaches). */
export function reaches(viewer: Viewer, rule: Pick<FieldRule<never>, 'agencies'>): boolean {
  return rule.agencies.includes(viewer.agency);
}

const scoped = (viewer: Viewer, record: CaseScope): Decision => (inScope(viewer, record) ? ALLOW : deny('NOT_RELEASABLE'));

/** Whether the source released the item to the reader's country (always to its own; no list: to all). */
export function released(viewer: Viewer, item: Pick<IntelligenceItemEntity, 'releasableTo' | 'sourceCountry'>): boolean {
  return item.releasableTo === null || item.releasableTo.includes(viewer.country) || item.sourceCountry === viewer.country;
}

const CASE_READERS: readonly Agency[] = ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST'];
const INVESTIGATORS: readonly Agency[] = ['POLICE', 'PROSECUTOR'];

/**
 * Who may see what of the data police owns (design, "Who may see what", with the owner's country
 * rules). The one place this subgraph decides: services call `guard()` / `permits()` with an entry,
 * resolvers never decide. Every agency not listed in an entry is refused with ROLE.
 */
export const policePolicy = {
  caseHit: {
    fields: ['Query.case', 'Query.cases', 'Case.id', 'Case.reference', 'Case.ownerCountry', 'Case.releasable'],
    agencies: CASE_READERS,
    logged: false,
    rule: 'That a case exists, its reference and the owning country to contact (a hit), for every reader of cases, in scope or not.',
  } satisfies FieldRule,

  caseRecord: {
    fields: [
      'Case.status',
      'Case.leadCountry',
      'Case.openedAt',
      'Case.offences',
      'Case.aggravations',
      'Case.summary',
      'Case.version',
      'Case.sharingScope',
      'Case.releasableTo',
      'Case.detections',
      'Case.operation',
      'Query.detection',
      'Detection.*',
      'Operation.*',
    ],
    agencies: CASE_READERS,
    condition: scoped,
    logged: false,
    rule: "Case, detection time/area/outcome, persons on board, deaths: police, IOM, prosecutor, analyst (partner: statistics only), within the owner's sharing scope.",
  } satisfies FieldRule<CaseScope>,

  vesselAndPosition: {
    fields: ['Detection.position', 'Detection.vessel', 'Vessel.*'],
    agencies: INVESTIGATORS,
    condition: scoped,
    logged: false,
    rule: "Position, vessel, boarding authorization: police and prosecutor, within the owner's sharing scope.",
  } satisfies FieldRule<CaseScope>,

  vessel: {
    fields: ['Query.vessel', 'Vessel.detections', 'Vessel.cases'],
    agencies: INVESTIGATORS,
    condition: (viewer: Viewer, cases: readonly CaseScope[]): Decision =>
      cases.some((owning) => inScope(viewer, owning)) ? ALLOW : deny('NOT_RELEASABLE'),
    logged: true,
    rule: "A vessel across cases: police and prosecutor who may see at least one of its detections' cases (each owner that released a detection of it has shared the vessel); its other cases come back as hits, their detections left out. Otherwise NOT_FOUND, as for no vessel.",
  } satisfies FieldRule<readonly CaseScope[]>,

  suspects: {
    fields: ['Query.suspect', 'Case.suspects', 'Case.network', 'Suspect.*'],
    agencies: INVESTIGATORS,
    condition: scoped,
    logged: false,
    rule: "Suspects: police and prosecutor, within the owner's sharing scope of their case.",
  } satisfies FieldRule<CaseScope>,

  networks: {
    fields: ['Query.smugglingNetworks', 'SmugglingNetwork.*', 'Suspect.network', 'NetworkRoute.*', 'RouteEnd.*'],
    agencies: INVESTIGATORS,
    logged: false,
    rule: "Smuggling networks are analysis of suspects across cases: police and prosecutor; their suspect and person lists leave out suspects of cases outside the reader's scope, their cases outside it come as hits, and their vessels and routes come only from cases whose positions and vessels the reader may see (a vessel met only in a hidden case is left out).",
  } satisfies FieldRule,

  operations: {
    fields: ['Query.operations', 'Operation.*'],
    agencies: CASE_READERS,
    logged: false,
    rule: 'Joint operations span cases: police, IOM, prosecutor, analyst.',
  } satisfies FieldRule,

  intelligence: {
    fields: ['Case.intelligence', 'Case.courtIntelligence'],
    agencies: INVESTIGATORS,
    condition: scoped,
    logged: true,
    rule: "Intelligence on a case at all: police and prosecutor, within the owner's sharing scope; each item's restrictions come on top.",
  } satisfies FieldRule<CaseScope>,

  intelligenceItem: {
    fields: ['IntelligenceItem.*'],
    agencies: INVESTIGATORS,
    condition(viewer: Viewer, item: ItemRestrictions): Decision {
      // The source's restrictions bind every reader (Smuggling Protocol Art. 10(2)).
      if (!released(viewer, item)) return deny('NOT_RELEASABLE');
      if (viewer.agency === 'PROSECUTOR' && item.handlingCode === HandlingCode.H1) return deny('HANDLING_RESTRICTED');
      return ALLOW;
    },
    logged: true,
    rule: "An intelligence item: police if releasable to the caller's country, prosecutor except H1; source's handling code and releasability bind every reader (Protocol Art. 10(2)).",
  } satisfies FieldRule<ItemRestrictions>,

  personHit: {
    fields: ['Query.person', 'Person.id', 'Person.ownerCountry', 'Person.releasable', 'Person.cases'],
    agencies: INVESTIGATORS,
    logged: false,
    rule: "That a person of interest exists, the bureau that recorded it and its cases as hits (a hit): police and prosecutor, as for suspects (IOM, partners and analysts never see persons: a person is its suspects' identifiers).",
  } satisfies FieldRule,

  personRecord: {
    fields: [
      'Person.aliases',
      'Person.nationality',
      'Person.yearOfBirth',
      'Person.phones',
      'Person.documents',
      'Person.createdAt',
      'Person.version',
      'PersonDocument.*',
      'PersonCandidate.*',
    ],
    agencies: INVESTIGATORS,
    condition: (viewer: Viewer, cases: readonly CaseScope[]): Decision =>
      // The person is known from its suspects: whoever may see one of their cases may see it (owner decides per case).
      cases.some((record) => inScope(viewer, record)) ? ALLOW : deny('NOT_RELEASABLE'),
    logged: true,
    rule: "A person of interest's aliases, identifiers and candidates: police and prosecutor who may see at least one case of its suspects (each case's owner decides); candidates and links only among persons the reader may see.",
  } satisfies FieldRule<readonly CaseScope[]>,

  links: {
    fields: ['Case.links', 'CaseLink.*', 'LinkBasis.*'],
    agencies: INVESTIGATORS,
    condition: scoped,
    logged: true,
    rule: "Links between cases (shared vessel, person, phone, document, network, route): police and prosecutor, as for the suspects and vessels they rest on, on a case within the owner's sharing scope; a linked case outside the reader's scope is a hit, and what is shared is named as the reader's own case holds it. Every read is logged.",
  } satisfies FieldRule<CaseScope>,

  policeWrite: {
    fields: ['Mutation.openCase', 'Mutation.recordDetection'],
    agencies: ['POLICE'],
    logged: false,
    rule: "Only police record police data (checked first on every police write); the caller's country owns the case it opens.",
  } satisfies FieldRule,

  caseWrite: {
    fields: [
      'Mutation.advanceCase',
      'Mutation.referCaseForProsecution',
      'Mutation.addSuspect',
      'Mutation.linkSuspectToPerson',
      'Mutation.recordDetection',
      'Mutation.setCaseSharing',
    ],
    agencies: ['POLICE'],
    condition: (viewer: Viewer, record: CaseScope): Decision => (record.ownerCountry === viewer.country ? ALLOW : deny('NOT_RELEASABLE')),
    logged: false,
    rule: 'A case is changed, and its sharing scope set, by the police of its owning country only.',
  } satisfies FieldRule<CaseScope>,

  shareIntelligence: {
    fields: ['Mutation.shareIntelligence'],
    agencies: ['POLICE'],
    condition: scoped,
    logged: false,
    rule: "Police of any country that may read the case share intelligence on it; the item's source country is the caller's.",
  } satisfies FieldRule<CaseScope>,

  search: {
    fields: ['Query.search', 'SearchConnection.*', 'SearchEdge.*'],
    agencies: CASE_READERS,
    logged: true,
    rule: "Search across police records: the readers of cases, each over what its agency reads (IOM and analyst: cases). A case outside the owner's scope is found by its reference only, as a hit; suspects and vessels outside it are not found, nor persons of interest none of whose cases the reader may see (their identifiers never). Every search and every record it shows is logged.",
  } satisfies FieldRule,

  networkGraph: {
    fields: ['Query.networkGraph', 'NetworkGraph.*', 'GraphNode.*', 'GraphEdge.*'],
    agencies: COUNTRY_BOUND,
    logged: true,
    rule: "The network picture around a case, person or network: police, prosecutor and analyst, each record under its own rule (an analyst: cases only). A case outside the owner's scope is a hit and the walk stops there; persons and vessels only through cases the reader may read. `withheld` counts the hits shown, nothing behind them. The picture and every node it shows are logged.",
  } satisfies FieldRule,

  statistics: statisticsRule(
    ['Query.detectionStatistics'],
    'Detection statistics (k-anonymous over persons on board, whole calendar months): everyone who works with the data, never auditors.',
  ),
} satisfies PolicyTable;
