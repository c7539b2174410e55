import { randomUUID } from 'node:crypto';
import { BadUserInputError, InvalidInputError } from '../../../platform/errors.js';
import { assertId, isId, pageSize } from '../../shared/pagination.js';
import { guard, permits, type FieldRule } from '../../shared/policy.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { CaseService } from '../case/case.service.js';
import { PersonEntity } from '../person/person.entity.js';
import { normaliseDocuments, normalisePhones } from '../person/person.service.js';
import { DocumentKind } from '../person/person.enums.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy, reaches, type CaseScope } from '../police.policy.js';
import { SearchMatch } from './search.enums.js';
import { imoDigits, imoProblem, mmsiProblem, REGISTRATION } from '../vessel/vessel-identifiers.js';
import type { SearchIdentifiers, SearchPosition, SearchRow, SearchSourceName } from './search.store.js';
import type { SearchConnection, SearchEdge, SearchNode } from './search.type.js';

/** Search text bounds, in characters after trimming. */
export const MAX_SEARCH_TEXT = 200;

type Kind = 'Case' | 'SmugglingNetwork' | 'Vessel' | 'Suspect' | 'Person';

/**
 * Each source searched, the rule its records are read under, and the kind it finds. A reader
 * searches only the sources whose rule their agency may have at all (IOM and analysts: cases); a
 * record outside the reader's scope is left out in SQL and, should its scope change in between,
 * again here. The next source (persons of interest, vessel identifiers) is one entry here and one
 * SELECT of the same name in search.store.ts; a new kind of record also needs its loader in
 * `nodes()`, its rule in `visible()` and a member of the SearchResult union (search.type.ts).
 * Persons are read under the person policy's record rule: found only by who may see them (one of
 * their suspects' cases in scope), never as a hit (a hit found by an alias or a phone number would
 * tell that the bureau knows someone by it).
 */
const SEARCH_SOURCES: ReadonlyArray<{
  name: SearchSourceName;
  kind: Kind;
  rule: FieldRule<CaseScope> | FieldRule<readonly CaseScope[]> | FieldRule;
}> = [
  { name: 'caseReference', kind: 'Case', rule: policePolicy.caseHit },
  { name: 'caseSummary', kind: 'Case', rule: policePolicy.caseRecord },
  { name: 'caseSeaArea', kind: 'Case', rule: policePolicy.caseRecord },
  { name: 'networkName', kind: 'SmugglingNetwork', rule: policePolicy.networks },
  { name: 'vesselName', kind: 'Vessel', rule: policePolicy.vesselAndPosition },
  { name: 'vesselImo', kind: 'Vessel', rule: policePolicy.vesselAndPosition },
  { name: 'vesselMmsi', kind: 'Vessel', rule: policePolicy.vesselAndPosition },
  { name: 'vesselRegistration', kind: 'Vessel', rule: policePolicy.vesselAndPosition },
  { name: 'suspectAlias', kind: 'Suspect', rule: policePolicy.suspects },
  { name: 'personAlias', kind: 'Person', rule: policePolicy.personRecord },
  { name: 'personPhone', kind: 'Person', rule: policePolicy.personRecord },
  { name: 'personDocument', kind: 'Person', rule: policePolicy.personRecord },
];

/** Searches across police records within the sharing rules: one statement for the page, then the nodes through the loaders. */
export class SearchService {
  constructor(
    private readonly request: PoliceCall,
    private readonly cases: CaseService,
  ) {}

  async search(text: string, first: number | null | undefined, after: string | null | undefined): Promise<SearchConnection> {
    // Every search is a gated read, logged allowed or refused (its text is not: it may name a person).
    guard(this.request, policePolicy.search, undefined, { entityType: 'Search', entityId: randomUUID(), field: 'search' });
    const terms = searchText(text);
    const limit = pageSize(first);
    const { viewer } = this.request;
    const sources = SEARCH_SOURCES.filter((source) => reaches(viewer, source.rule));
    const { total, rows } = await this.request.stores.search.page({
      text: terms,
      releasedTo: this.cases.releasedTo(),
      sources: sources.map((source) => source.name),
      identifiers: identifiersIn(terms, viewer.country),
      after: after ? decodeSearchCursor(after) : null,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const nodes = await this.nodes(page);
    const edges: SearchEdge[] = [];
    for (const row of page) {
      const node = nodes.get(`${row.kind}:${row.id}`);
      if (!node || !this.visible(row, node, row.anchor ? nodes.get(`Case:${row.anchor}`) : undefined)) continue;
      // Each record a search showed is logged against it, hits included.
      permits(this.request, policePolicy.search, undefined, { entityType: row.kind, entityId: row.id, field: 'search' });
      edges.push({ cursor: encodeSearchCursor(row), node, score: Number(row.score), matched: row.matched });
    }
    const last = page.at(-1);
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeSearchCursor(last) : null },
      totalCount: total,
    };
  }

  /** The rows of a page and the cases they follow, one batched load per kind (whatever the page size). */
  private async nodes(rows: readonly SearchRow[]): Promise<Map<string, SearchNode>> {
    const { loaders } = this.request;
    const ids = (kind: Kind) => [...new Set(rows.filter((row) => row.kind === kind).map((row) => row.id))];
    const caseIds = [...new Set([...ids('Case'), ...rows.flatMap((row) => (row.anchor ? [row.anchor] : []))])];
    const loaded = await Promise.all([
      loaders.caseById.loadMany(caseIds).then((found) => ['Case', found] as const),
      loaders.networkById.loadMany(ids('SmugglingNetwork')).then((found) => ['SmugglingNetwork', found] as const),
      loaders.vesselById.loadMany(ids('Vessel')).then((found) => ['Vessel', found] as const),
      loaders.suspectById.loadMany(ids('Suspect')).then((found) => ['Suspect', found] as const),
      loaders.personById.loadMany(ids('Person')).then((found) => ['Person', found] as const),
    ]);
    // Keyed by kind and id: the page may hold records of several tables.
    const nodes = new Map<string, SearchNode>();
    for (const [kind, found] of loaded) for (const row of found) if (row && !(row instanceof Error)) nodes.set(`${kind}:${row.id}`, row);
    return nodes;
  }

  /**
   * Whether the reader may have this result as shown. A case outside the reader's scope is a hit
   * found by its reference only; a suspect, vessel or person follows the case it was found through.
   */
  private visible(row: SearchRow, node: SearchNode, anchor: SearchNode | undefined): boolean {
    switch (row.kind as Kind) {
      case 'Case':
        return row.matched === SearchMatch.REFERENCE || this.cases.releasable(node as CaseEntity);
      case 'SmugglingNetwork':
        return permits(this.request, policePolicy.networks, undefined);
      case 'Vessel':
        return anchor !== undefined && permits(this.request, policePolicy.vesselAndPosition, anchor as CaseEntity);
      case 'Suspect':
        return anchor !== undefined && permits(this.request, policePolicy.suspects, anchor as CaseEntity);
      case 'Person':
        return (
          anchor !== undefined && node instanceof PersonEntity && permits(this.request, policePolicy.personRecord, [anchor as CaseEntity])
        );
    }
  }
}

/** The text to search: trimmed, 1 to MAX_SEARCH_TEXT characters (code points, as PostgreSQL counts them). */
function searchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || Array.from(trimmed).length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError(`text must be 1 to ${MAX_SEARCH_TEXT} characters`, 'text', 'OUT_OF_RANGE');
  }
  return trimmed;
}

const PHONE_TEXT = /^\+?[0-9()\s.-]{7,30}$/;

/**
 * The search text read as each kind of identifier, normalised as the records' own are: a phone
 * number by the person service's normaliser (numbering plan of the reader's country unless it
 * starts with +), a document number upper case without spaces, an IMO number as its seven digits,
 * an MMSI, a registration as its letters and digits. Identifiers have digits: a text without any is
 * none of them.
 */
function identifiersIn(text: string, country: string): SearchIdentifiers {
  const none: SearchIdentifiers = { phone: null, document: null, imo: null, mmsi: null, registration: null };
  if (!/[0-9]/.test(text)) return none;
  const compact = text.replace(/\s+/g, '');
  return {
    phone: PHONE_TEXT.test(text) ? normalisedOrNull(() => normalisePhones([text], [country])[0]) : null,
    document: normalisedOrNull(
      () => normaliseDocuments([{ kind: DocumentKind.PASSPORT, number: text, issuingCountry: country }])[0].number,
    ),
    imo: imoProblem(text) === null ? imoDigits(text) : null,
    mmsi: mmsiProblem(compact) === null ? compact : null,
    registration: REGISTRATION.test(text) ? text.replace(/[^A-Za-z0-9]/g, '').toUpperCase() : null,
  };
}

/** A normaliser's result, or null when it refuses the text (it is then not that kind of identifier). */
function normalisedOrNull(normalise: () => string | undefined): string | null {
  try {
    return normalise() ?? null;
  } catch (error) {
    if (error instanceof InvalidInputError) return null;
    throw error;
  }
}

/** A search cursor: the score as the statement printed it (exact), and the id that breaks ties. */
function encodeSearchCursor(row: Pick<SearchRow, 'score' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.score, row.id])).toString('base64url');
}

const SCORE = /^\d{1,3}(\.\d{1,6})?$/;

function decodeSearchCursor(cursor: string): SearchPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [score, id] = decoded as unknown[];
      if (typeof score === 'string' && SCORE.test(score) && typeof id === 'string' && isId(id)) return { score, id: assertId(id, 'after') };
    }
  } catch {
    // fall through to the typed error
  }
  throw new BadUserInputError('after is not a cursor this API issued', 'after', 'INVALID_CURSOR');
}
