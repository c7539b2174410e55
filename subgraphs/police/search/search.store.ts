import type { DataSource } from 'typeorm';
import { releasedToSql } from '../case/case.store.js';
import type { SearchMatch } from './search.enums.js';

/**
 * The searchable fields, each a SELECT of candidates `(kind, id, score, matched, anchor)`: `anchor`
 * is the case whose sharing scope the result follows (null for records shared as such, like
 * networks). To search one more field (a person's aliases, a vessel's IMO number), add its SELECT
 * here under a new name, and the same name to SEARCH_SOURCES in search.service.ts with the rule it
 * is read under; give it an index in a migration (see 1765200000030-police-search.ts). A source that
 * only an identifier can match returns null when the text cannot be one (it is then left out).
 *
 * How each kind of text matches, always on the unaccented text and in any case:
 * - an identifier (a case reference) contains the search text (ILIKE, answered by the trigram
 *   index): "0142" finds DOM-2026-0142, but DOM-2026-0143 is not a near miss of it;
 * - a name, alias or sea area has a word-aligned stretch similar to the text (pg_trgm's strict word
 *   similarity, `<<%`, at its threshold of 0.5): typos and parts match ("zuwarra" finds "Zuwara
 *   coastal cell", "samana" finds "Bahía de Samaná"), while a shared common word alone does not;
 * - an identifier of a person (phone number, document number) or of a vessel (IMO number, MMSI,
 *   registration) equals the text once both are normalised (score 1); a person's aliases match as
 *   a suspect's do, folded as person matching folds them (person_fold);
 * - a summary contains every word of the text (full-text search, 'simple' configuration: no
 *   stemming, as summaries mix English, Spanish, French and Creole place names).
 *
 * Scores (higher first, at most 1): a short text equal to the search text scores its field's weight
 * (reference 1, name and alias 0.95, sea area 0.8); otherwise weight × 0.9 × trigram similarity
 * (of the whole reference; of the best stretch of a name). A summary scores 0.35 + 0.35 × its
 * full-text rank (ts_rank normalised to 0..1 by rank/(rank+1)): below any exact short field, higher
 * the more its words match.
 */
export const SEARCH_SQL = {
  caseReference: (sql: SourceSql) => `
    SELECT 'Case'::text AS kind, c.id, ${short('c.reference', 1, 'similarity')} AS score, 'REFERENCE'::text AS matched, c.id AS anchor
      FROM cases c WHERE tidelink_unaccent(c.reference) ILIKE ${sql.pattern}`,
  // Withheld fields are matched only in the reader's scope: a hidden case is found by its reference alone.
  caseSummary: (sql: SourceSql) => `
    SELECT 'Case'::text, c.id,
           0.35 + 0.35 * ts_rank(to_tsvector('simple'::regconfig, tidelink_unaccent(c.summary)), ${sql.query}, 32)::float8,
           'SUMMARY'::text, c.id
      FROM cases c WHERE to_tsvector('simple'::regconfig, tidelink_unaccent(c.summary)) @@ ${sql.query} AND ${sql.inScope('c')}`,
  caseSeaArea: (sql: SourceSql) => `
    SELECT 'Case'::text, c.id, ${short('d.sea_area', 0.8)}, 'SEA_AREA'::text, c.id
      FROM detections d JOIN cases c ON c.id = d.case_id
     WHERE ${sql.text} <<% tidelink_unaccent(d.sea_area) AND ${sql.inScope('c')}`,
  suspectAlias: (sql: SourceSql) => `
    SELECT 'Suspect'::text, s.id, ${short('s.alias', 0.95)}, 'ALIAS'::text, c.id
      FROM suspects s JOIN cases c ON c.id = s.case_id
     WHERE ${sql.text} <<% tidelink_unaccent(s.alias) AND ${sql.inScope('c')}`,
  // A vessel follows the scope of a case it was detected in (any one the reader may read).
  vesselName: (sql: SourceSql) => `
    SELECT 'Vessel'::text, v.id, ${short('v.name', 0.95)}, 'NAME'::text, seen.case_id
      FROM vessels v ${vesselSeen(sql)}
     WHERE ${sql.text} <<% tidelink_unaccent(v.name)`,
  // Identifiers match exactly, once normalised (the service decides whether the text can be one at all).
  vesselImo: (sql: SourceSql) =>
    sql.identifiers.imo === null
      ? null
      : `
    SELECT 'Vessel'::text, v.id, 1.0::float8, 'IMO'::text, seen.case_id
      FROM vessels v ${vesselSeen(sql)} WHERE v.imo = ${sql.bind(sql.identifiers.imo)}::char(7)`,
  vesselMmsi: (sql: SourceSql) =>
    sql.identifiers.mmsi === null
      ? null
      : `
    SELECT 'Vessel'::text, v.id, 1.0::float8, 'MMSI'::text, seen.case_id
      FROM vessels v ${vesselSeen(sql)} WHERE v.mmsi = ${sql.bind(sql.identifiers.mmsi)}::char(9)`,
  vesselRegistration: (sql: SourceSql) =>
    sql.identifiers.registration === null
      ? null
      : `
    SELECT 'Vessel'::text, v.id, 1.0::float8, 'REGISTRATION'::text, seen.case_id
      FROM vessels v ${vesselSeen(sql)}
     WHERE registration IS NOT NULL AND ${REGISTRATION_SEARCHED} = ${sql.bind(sql.identifiers.registration)}::text`,
  // A person follows the scope of its suspects' cases: found only when the reader may read one of
  // them (the person policy's rule), and then through that case; otherwise not at all.
  personAlias: (sql: SourceSql) => `
    SELECT 'Person'::text, p.id,
           0.95 * CASE WHEN EXISTS (SELECT 1 FROM unnest(p.aliases) a WHERE person_fold(a) = person_fold($1::text)) THEN 1.0
                       ELSE 0.9 * strict_word_similarity(person_fold($1::text), person_fold_aliases(p.aliases)) END::float8,
           'ALIAS'::text, seen.case_id
      FROM persons p ${personSeen(sql)}
     WHERE person_fold($1::text) <<% person_fold_aliases(p.aliases)`,
  personPhone: (sql: SourceSql) =>
    sql.identifiers.phone === null
      ? null
      : `
    SELECT 'Person'::text, p.id, 1.0::float8, 'PHONE'::text, seen.case_id
      FROM person_phones ph JOIN persons p ON p.id = ph.person_id ${personSeen(sql)}
     WHERE ph.e164 = ${sql.bind(sql.identifiers.phone)}::text`,
  personDocument: (sql: SourceSql) =>
    sql.identifiers.document === null
      ? null
      : `
    SELECT 'Person'::text, p.id, 1.0::float8, 'DOCUMENT'::text, seen.case_id
      FROM person_documents pd JOIN persons p ON p.id = pd.person_id ${personSeen(sql)}
     WHERE pd.number = ${sql.bind(sql.identifiers.document)}::text`,
  networkName: (sql: SourceSql) => `
    SELECT 'SmugglingNetwork'::text, n.id, ${short('n.name', 0.95)}, 'NAME'::text, NULL::uuid
      FROM smuggling_networks n WHERE ${sql.text} <<% tidelink_unaccent(n.name)`,
} satisfies Record<string, (sql: SourceSql) => string | null>;

/** A registration as searched (indexed as vessels_registration_search): upper case, letters and digits only. */
const REGISTRATION_SEARCHED = `upper(regexp_replace(v.registration, '[^A-Za-z0-9]', '', 'g'))`;

/** The first case (by id) the vessel was detected in that the reader may read: the scope its result follows. */
function vesselSeen(sql: SourceSql): string {
  return `JOIN LATERAL (
        SELECT d.case_id FROM detections d JOIN cases c ON c.id = d.case_id
         WHERE d.vessel_id = v.id AND ${sql.inScope('c')} ORDER BY d.case_id LIMIT 1
      ) seen ON TRUE`;
}

/** The first case (by id) of the person's suspects that the reader may read: the scope its result follows. */
function personSeen(sql: SourceSql): string {
  return `JOIN LATERAL (
        SELECT s.case_id FROM suspects s JOIN cases c ON c.id = s.case_id
         WHERE s.person_id = p.id AND ${sql.inScope('c')} ORDER BY s.case_id LIMIT 1
      ) seen ON TRUE`;
}

export type SearchSourceName = keyof typeof SEARCH_SQL;

/**
 * What a source's SELECT refers to: the bound search text, as a substring pattern, its full-text
 * query, the reader's scope on a case, and the identifiers the text can be (bound when used: a
 * parameter no statement refers to has no type PostgreSQL could infer).
 */
interface SourceSql {
  text: string;
  pattern: string;
  query: string;
  inScope: (caseAlias: string) => string;
  identifiers: SearchIdentifiers;
  bind: (value: string) => string;
}

/** The text read as each kind of identifier, normalised; null when it cannot be one (that source is not searched). */
export interface SearchIdentifiers {
  /** E.164. */
  phone: string | null;
  /** Upper case, without spaces. */
  document: string | null;
  /** Seven digits with a valid check digit. */
  imo: string | null;
  /** A ship station's nine digits. */
  mmsi: string | null;
  /** Upper case, letters and digits only. */
  registration: string | null;
}

/**
 * Score of a short text field: its weight when equal to the search text (unaccented, any case),
 * else by trigram similarity to the whole text (`similarity`) or to its best word-aligned stretch.
 */
function short(column: string, weight: number, similarity: 'similarity' | 'strict_word_similarity' = 'strict_word_similarity'): string {
  const text = 'tidelink_unaccent($1::text)';
  const field = `tidelink_unaccent(${column})`;
  const compared = similarity === 'similarity' ? `similarity(${text}, ${field})` : `strict_word_similarity(${text}, ${field})`;
  return `${weight} * CASE WHEN lower(${field}) = lower(${text}) THEN 1.0 ELSE 0.9 * ${compared} END::float8`;
}

/** Where a page continues: after this score (as the statement printed it) and id. */
export interface SearchPosition {
  score: string;
  id: string;
}

export interface SearchCriteria {
  text: string;
  /** The reader's country when their reads are bound to it (null: IOM, not bound). */
  releasedTo: string | null;
  sources: readonly SearchSourceName[];
  identifiers: SearchIdentifiers;
  after: SearchPosition | null;
  limit: number;
}

export interface SearchRow {
  kind: string;
  id: string;
  /** Rounded to 6 decimals, as text: it goes back exactly into the next page's cursor. */
  score: string;
  matched: SearchMatch;
  anchor: string | null;
}

/** SQL of `search`, and nothing else: who reaches which source, and what a hit shows, the service decides. */
export class SearchStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement whatever the page size: every source's candidates (UNION ALL), the best match
   * of each record, the number of records matched, and the page, ranked by score then id.
   */
  async page(criteria: SearchCriteria): Promise<{ total: number; rows: SearchRow[] }> {
    // $1 the text; $2 the text as an ILIKE pattern matching it anywhere, its wildcards taken literally.
    const parameters: unknown[] = [criteria.text, `%${criteria.text.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`];
    const bind = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const country = criteria.releasedTo === null ? null : bind(criteria.releasedTo);
    const sql: SourceSql = {
      text: 'tidelink_unaccent($1::text)',
      pattern: 'tidelink_unaccent($2::text)',
      query: "plainto_tsquery('simple'::regconfig, tidelink_unaccent($1::text))",
      inScope: (alias) => (country === null ? 'TRUE' : releasedToSql(alias, `${country}::char(3)`)),
      identifiers: criteria.identifiers,
      bind,
    };
    const selects = criteria.sources.flatMap((source) => SEARCH_SQL[source](sql) ?? []);
    if (selects.length === 0) return { total: 0, rows: [] };
    let after = '';
    if (criteria.after) {
      const score = bind(criteria.after.score);
      const id = bind(criteria.after.id);
      after = `WHERE m.score < ${score}::numeric OR (m.score = ${score}::numeric AND m.id > ${id}::uuid)`;
    }
    const limit = bind(criteria.limit);
    const rows = await this.dataSource.query<Array<SearchRow & { total: number }>>(
      `/* search.page */ WITH candidates AS (${selects.join('\n UNION ALL')}
       ), matches AS (
         SELECT DISTINCT ON (kind, id) kind, id, round(score::numeric, 6) AS score, matched, anchor
           FROM candidates ORDER BY kind, id, score DESC, matched
       )
       SELECT counted.total, p.kind, p.id, p.score::text AS score, p.matched, p.anchor
         FROM (SELECT count(*)::int AS total FROM matches) counted
         LEFT JOIN LATERAL (SELECT * FROM matches m ${after} ORDER BY m.score DESC, m.id LIMIT ${limit}) p ON TRUE`,
      parameters,
    );
    return {
      total: rows[0]?.total ?? 0,
      rows: rows.filter((row) => row.id !== null).map(({ kind, id, score, matched, anchor }) => ({ kind, id, score, matched, anchor })),
    };
  }
}
