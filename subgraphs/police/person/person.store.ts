import type { DataSource, EntityManager } from 'typeorm';
import { recordWrite } from '../../shared/access-log/write-log.js';
import { RecordStore } from '../../shared/store.js';
import type { SharingScope } from '../enums.js';
import type { DocumentKind } from './person.enums.js';
import { PersonEntity } from './person.entity.js';

export interface PersonPhoneRow {
  personId: string;
  e164: string;
}

export interface PersonDocumentRow {
  personId: string;
  kind: DocumentKind;
  number: string;
  issuingCountry: string;
}

/** A document as matched and stored (number normalised). */
export type DocumentIdentifier = Omit<PersonDocumentRow, 'personId'>;

/** The sharing of one case a person's suspect belongs to (what the person's visibility follows). */
export interface PersonCaseScope {
  personId: string;
  ownerCountry: string;
  sharingScope: SharingScope;
  releasableTo: string[];
}

/** A known person like another one, before the reader's visibility is applied. */
export interface PersonCandidateRow {
  personId: string;
  candidateId: string;
  /** Best similarity of any two aliases (folded), 0 when only an identifier matched. */
  aliasScore: number;
  sameNationality: boolean;
  nearYearOfBirth: boolean;
  /** Exact identifiers recorded as pointing to the candidate (PHONE, DOCUMENT). */
  identifiers: Array<'PHONE' | 'DOCUMENT'>;
}

/** Two aliases at least this alike (trigram similarity of the folded texts) make a candidate. */
export const ALIAS_THRESHOLD = 0.5;

/**
 * At most this many candidates per person leave the database, best first (exact identifiers, then
 * alias similarity), before the reader's visibility is applied: a common alias must not load
 * thousands of persons.
 */
export const MAX_CANDIDATE_ROWS = 50;

/** SQL of persons of interest and their identifiers; the rules live in the service. */
export class PersonStore extends RecordStore<PersonEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PersonEntity, 'person');
  }

  phonesByPersonIds(personIds: readonly string[]): Promise<PersonPhoneRow[]> {
    return this.dataSource.query<PersonPhoneRow[]>(
      `/* person.phonesByPersonIds */ SELECT person_id AS "personId", e164 FROM person_phones WHERE person_id = ANY($1::uuid[]) ORDER BY e164`,
      [[...personIds]],
    );
  }

  documentsByPersonIds(personIds: readonly string[]): Promise<PersonDocumentRow[]> {
    return this.dataSource.query<PersonDocumentRow[]>(
      `/* person.documentsByPersonIds */ SELECT person_id AS "personId", kind, number, issuing_country::text AS "issuingCountry"
         FROM person_documents WHERE person_id = ANY($1::uuid[]) ORDER BY issuing_country, kind, number`,
      [[...personIds]],
    );
  }

  /** The persons that hold any of these phone numbers or documents, with what matched. */
  async holders(
    manager: EntityManager,
    phones: readonly string[],
    documents: readonly DocumentIdentifier[],
  ): Promise<{ phones: PersonPhoneRow[]; documents: PersonDocumentRow[] }> {
    const phoneRows = await manager.query<PersonPhoneRow[]>(
      `/* person.holdersOfPhones */ SELECT person_id AS "personId", e164 FROM person_phones WHERE e164 = ANY($1::text[])`,
      [[...phones]],
    );
    const documentRows: PersonDocumentRow[] =
      documents.length === 0
        ? []
        : await manager.query<PersonDocumentRow[]>(
            `/* person.holdersOfDocuments */ SELECT d.person_id AS "personId", d.kind, d.number, d.issuing_country::text AS "issuingCountry"
               FROM person_documents d
               JOIN unnest($1::text[], $2::text[], $3::text[]) AS wanted(kind, number, issuing_country)
                 ON d.kind = wanted.kind AND d.number = wanted.number AND d.issuing_country = wanted.issuing_country::char(3)`,
            [documents.map((d) => d.kind), documents.map((d) => d.number), documents.map((d) => d.issuingCountry)],
          );
    return { phones: phoneRows, documents: documentRows };
  }

  /** The sharing of every case the persons' suspects belong to (inside a write's transaction). */
  caseScopes(manager: EntityManager, personIds: readonly string[]): Promise<PersonCaseScope[]> {
    return manager.query<PersonCaseScope[]>(
      `/* person.caseScopes */ SELECT s.person_id AS "personId", c.owner_country::text AS "ownerCountry", c.sharing_scope AS "sharingScope",
              c.releasable_to::text[] AS "releasableTo"
         FROM suspects s JOIN cases c ON c.id = s.case_id WHERE s.person_id = ANY($1::uuid[])`,
      [[...personIds]],
    );
  }

  async addPhones(manager: EntityManager, personId: string, phones: readonly string[]): Promise<void> {
    if (phones.length === 0) return;
    await manager.query(
      `/* person.addPhones */ INSERT INTO person_phones (person_id, e164) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [personId, [...phones]],
    );
    recordWrite(manager, PersonEntity, personId, ['phones']);
  }

  /** Documents nobody holds yet (a document identifies one person; one held by another stays theirs). */
  async addDocuments(manager: EntityManager, personId: string, documents: readonly DocumentIdentifier[]): Promise<void> {
    if (documents.length === 0) return;
    await manager.query(
      `/* person.addDocuments */ INSERT INTO person_documents (person_id, kind, number, issuing_country)
         SELECT $1, kind, number, issuing_country FROM unnest($2::text[], $3::text[], $4::text[]) AS d(kind, number, issuing_country)
         ON CONFLICT DO NOTHING`,
      [personId, documents.map((d) => d.kind), documents.map((d) => d.number), documents.map((d) => d.issuingCountry)],
    );
    recordWrite(manager, PersonEntity, personId, ['documents']);
  }

  async addMatches(
    manager: EntityManager,
    personId: string,
    matches: ReadonlyArray<{ candidateId: string; matched: 'PHONE' | 'DOCUMENT' }>,
  ): Promise<void> {
    if (matches.length === 0) return;
    await manager.query(
      `/* person.addMatches */ INSERT INTO person_matches (person_id, candidate_id, matched)
         SELECT $1, candidate_id, matched FROM unnest($2::uuid[], $3::text[]) AS m(candidate_id, matched) ON CONFLICT DO NOTHING`,
      [personId, matches.map((m) => m.candidateId), matches.map((m) => m.matched)],
    );
    recordWrite(manager, PersonEntity, personId, ['matches']);
  }

  /** How many suspects still point to the person (inside the transaction that relinked one). */
  async suspectCount(manager: EntityManager, personId: string): Promise<number> {
    const [{ count }] = await manager.query<Array<{ count: number }>>(
      `/* person.suspectCount */ SELECT count(*)::int AS count FROM suspects WHERE person_id = $1`,
      [personId],
    );
    return count;
  }

  /**
   * Moves a provisional person's phone numbers and documents to the confirmed one, then deletes the
   * provisional person (its recorded matches go with it). Both rows are locked by the caller.
   */
  async mergeInto(manager: EntityManager, fromId: string, intoId: string): Promise<void> {
    await manager.query(
      `/* person.mergePhones */ INSERT INTO person_phones (person_id, e164) SELECT $2, e164 FROM person_phones WHERE person_id = $1 ON CONFLICT DO NOTHING`,
      [fromId, intoId],
    );
    await manager.query(`/* person.mergeDocuments */ UPDATE person_documents SET person_id = $2 WHERE person_id = $1`, [fromId, intoId]);
    await manager.query(`/* person.delete */ DELETE FROM persons WHERE id = $1`, [fromId]);
    recordWrite(manager, PersonEntity, intoId, ['phones', 'documents']);
    // A deletion is logged as a write of the deleted record, naming what went (its whole row).
    recordWrite(manager, PersonEntity, fromId, ['deleted']);
  }

  /**
   * Candidates for a batch of persons, in one statement: other persons with a similar alias (case
   * and diacritics folded; the trigram index on the folded aliases finds them), with whether the
   * nationality and the year of birth (±1) agree, and the exact identifiers recorded as matches;
   * the best MAX_CANDIDATE_ROWS per person.
   */
  candidates(personIds: readonly string[]): Promise<PersonCandidateRow[]> {
    return this.dataSource.query<PersonCandidateRow[]>(
      `/* person.candidates */
       WITH subject AS (SELECT id, nationality, year_of_birth, aliases FROM persons WHERE id = ANY($1::uuid[])),
       by_alias AS (
         SELECT s.id AS person_id, q.id AS candidate_id,
                max(greatest(similarity(person_fold(a), person_fold(b)),
                             word_similarity(person_fold(a), person_fold(b)),
                             word_similarity(person_fold(b), person_fold(a)))) AS alias_score,
                bool_or(s.nationality = q.nationality) AS same_nationality,
                bool_or(abs(s.year_of_birth - q.year_of_birth) <= 1) AS near_year
           FROM subject s
           CROSS JOIN LATERAL unnest(s.aliases) AS a
           JOIN persons q ON q.id <> s.id
                         AND (person_fold(a) % person_fold_aliases(q.aliases) OR person_fold(a) <% person_fold_aliases(q.aliases))
           CROSS JOIN LATERAL unnest(q.aliases) AS b
          GROUP BY s.id, q.id
       ),
       by_identifier AS (
         SELECT person_id, candidate_id, array_agg(matched ORDER BY matched) AS matched
           FROM person_matches WHERE person_id = ANY($1::uuid[]) GROUP BY person_id, candidate_id
       )
       SELECT "personId", "candidateId", "aliasScore", "sameNationality", "nearYearOfBirth", identifiers FROM (
         SELECT coalesce(a.person_id, i.person_id) AS "personId", coalesce(a.candidate_id, i.candidate_id) AS "candidateId",
                coalesce(a.alias_score, 0)::float8 AS "aliasScore", coalesce(a.same_nationality, false) AS "sameNationality",
                coalesce(a.near_year, false) AS "nearYearOfBirth", coalesce(i.matched, '{}') AS identifiers,
                row_number() OVER (PARTITION BY coalesce(a.person_id, i.person_id)
                                   ORDER BY i.matched IS NOT NULL DESC, a.alias_score DESC NULLS LAST, coalesce(a.candidate_id, i.candidate_id)) AS rank
           FROM (SELECT * FROM by_alias WHERE alias_score >= $2) a
           FULL JOIN by_identifier i ON i.person_id = a.person_id AND i.candidate_id = a.candidate_id
       ) ranked WHERE rank <= $3`,
      [[...personIds], ALIAS_THRESHOLD, MAX_CANDIDATE_ROWS],
    );
  }
}
