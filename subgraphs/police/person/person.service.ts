import type { EntityManager } from 'typeorm';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { InvalidInputError, type FieldProblem } from '../../../platform/errors.js';
import { lockRow, updateVersioned } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { guard, permits } from '../../shared/policy.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy, type CaseScope } from '../police.policy.js';
import { SuspectEntity } from '../suspect/suspect.entity.js';
import { PersonEntity } from './person.entity.js';
import { PersonMatch } from './person.enums.js';
import type { PersonDocumentInput } from './person.input.js';
import type { DocumentIdentifier, PersonCandidateRow } from './person.store.js';
import type { PersonCandidate } from './person.type.js';
import { phoneRegion } from './phone-region.js';

/** At most this many candidates per suspect, best first. */
const MAX_CANDIDATES = 10;

/** What addSuspect knows of the person behind a new suspect. */
export interface SuspectIdentity {
  alias: string;
  nationality: string | null;
  yearOfBirth: number | null;
  phones: readonly string[];
  documents: readonly PersonDocumentInput[];
}

/** Phone numbers as E.164, read with the nationality's (else the case's) numbering plan; invalid ones refused by position. */
export function normalisePhones(phones: readonly string[], regions: ReadonlyArray<string | null | undefined>): string[] {
  const problems: FieldProblem[] = [];
  const region = regions.map(phoneRegion).find((candidate) => candidate !== undefined);
  const normalised = phones.map((raw, index) => {
    const parsed = raw.length <= 40 ? parsePhoneNumberFromString(raw, region) : undefined;
    if (!parsed?.isValid()) {
      problems.push({ field: `input.phones[${index}]`, reasons: ['INVALID_PHONE_NUMBER'] });
      return '';
    }
    return parsed.number;
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return [...new Set(normalised)];
}

/** Document numbers in upper case without spaces, each document once. */
export function normaliseDocuments(documents: readonly PersonDocumentInput[]): DocumentIdentifier[] {
  const problems: FieldProblem[] = [];
  const normalised = documents.map((document, index) => {
    const number = document.number.toUpperCase().replace(/\s+/g, '');
    if (!/^[A-Z0-9/<-]{1,40}$/.test(number))
      problems.push({ field: `input.documents[${index}].number`, reasons: ['INVALID_DOCUMENT_NUMBER'] });
    return { kind: document.kind, number, issuingCountry: document.issuingCountry };
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
  const seen = new Map(normalised.map((document) => [`${document.issuingCountry}|${document.kind}|${document.number}`, document]));
  return [...seen.values()];
}

const fold = (alias: string) => alias.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Persons of interest: who may see one (whoever may see one of its suspects' cases), the exact
 * identifiers that link a new suspect to one, and the candidates an officer confirms.
 */
export class PersonService {
  constructor(private readonly request: PoliceCall) {}

  get(id: string) {
    guard(this.request, policePolicy.personHit, undefined);
    return this.request.loaders.personById.load(assertId(id));
  }

  /** The cases of the person's suspects, each once (what its visibility follows). */
  async cases(person: PersonEntity): Promise<CaseEntity[]> {
    guard(this.request, policePolicy.personHit, undefined);
    const suspects = await this.request.loaders.suspectsByPerson.load(person.id);
    const caseIds = [...new Set(suspects.map((suspect) => suspect.caseId))];
    const cases = await Promise.all(caseIds.map((id) => this.request.loaders.caseById.load(id)));
    return cases.filter((row): row is CaseEntity => row !== null);
  }

  /** Whether the reader gets the whole person (false: a hit only). */
  async releasable(person: PersonEntity): Promise<boolean> {
    return permits(this.request, policePolicy.personRecord, await this.cases(person));
  }

  private async guardRecord(person: PersonEntity, field: string): Promise<void> {
    guard(this.request, policePolicy.personRecord, await this.cases(person), { entityType: 'Person', entityId: person.id, field });
  }

  async field<Field extends 'aliases' | 'nationality' | 'yearOfBirth' | 'createdAt' | 'version'>(
    person: PersonEntity,
    field: Field,
  ): Promise<PersonEntity[Field]> {
    await this.guardRecord(person, field);
    return person[field];
  }

  async phones(person: PersonEntity): Promise<string[]> {
    await this.guardRecord(person, 'phones');
    return (await this.request.loaders.phonesByPerson.load(person.id)).map((row) => row.e164);
  }

  async documents(person: PersonEntity) {
    await this.guardRecord(person, 'documents');
    return this.request.loaders.documentsByPerson.load(person.id);
  }

  /** A suspect's person (the suspect was released to the reader, so one of the person's cases is). */
  ofSuspect(suspect: SuspectEntity) {
    return suspect.personId ? this.request.loaders.personById.load(suspect.personId) : null;
  }

  /** Other persons who may be the suspect's, among those the reader may see, best first. */
  async candidates(suspect: SuspectEntity): Promise<PersonCandidate[]> {
    if (!suspect.personId) return [];
    const rows = await this.request.loaders.candidatesByPerson.load(suspect.personId);
    const judged = await Promise.all(
      rows.map(async (row) => {
        const person = await this.request.loaders.personById.load(row.candidateId);
        if (!person) return null;
        const visible = permits(this.request, policePolicy.personRecord, await this.cases(person), {
          entityType: 'Person',
          entityId: person.id,
          field: 'candidate',
        });
        return visible ? { person, ...scored(row) } : null;
      }),
    );
    return judged
      .filter((candidate): candidate is PersonCandidate => candidate !== null)
      .sort((a, b) => b.score - a.score || a.person.id.localeCompare(b.person.id))
      .slice(0, MAX_CANDIDATES);
  }

  /** Whether the caller may see the person whose cases these are (inside a write's transaction). */
  private async visibleTo(manager: EntityManager, personIds: readonly string[], field: string): Promise<string[]> {
    const scopes = await this.request.stores.persons.caseScopes(manager, personIds);
    return personIds.filter((personId) => {
      const cases: CaseScope[] = scopes.filter((scope) => scope.personId === personId);
      return permits(this.request, policePolicy.personRecord, cases, { entityType: 'Person', entityId: personId, field });
    });
  }

  /**
   * The person a new suspect is: the one known person the caller may see that an exact identifier
   * (an E.164 phone number or a document) points to; otherwise a new person. When identifiers point
   * to two persons, none is chosen (nothing merges silently): the new person keeps both as
   * candidates. Persons the caller may not see are never linked to (the link would open them).
   */
  async identify(manager: EntityManager, identity: SuspectIdentity, caseCountry: string): Promise<string> {
    const phones = normalisePhones(identity.phones, [identity.nationality, caseCountry]);
    const documents = normaliseDocuments(identity.documents);
    const holders = await this.request.stores.persons.holders(manager, phones, documents);
    const matches = [
      ...holders.phones.map((row) => ({ candidateId: row.personId, matched: 'PHONE' as const })),
      ...holders.documents.map((row) => ({ candidateId: row.personId, matched: 'DOCUMENT' as const })),
    ];
    const known = [...new Set(matches.map((match) => match.candidateId))].sort();
    const visible = known.length > 0 ? await this.visibleTo(manager, known, 'match') : [];
    const held = new Set(holders.documents.map((row) => `${row.issuingCountry}|${row.kind}|${row.number}`));
    const unheld = documents.filter((document) => !held.has(`${document.issuingCountry}|${document.kind}|${document.number}`));
    const persons = this.request.stores.persons;
    if (visible.length === 1) {
      const [personId] = visible;
      const person = await lockRow(manager, PersonEntity, 'person.lock', personId, 'personId');
      const changes: Partial<PersonEntity> = {};
      if (!person.aliases.some((alias) => fold(alias) === fold(identity.alias))) changes.aliases = [...person.aliases, identity.alias];
      if (person.nationality === null && identity.nationality) changes.nationality = identity.nationality;
      if (person.yearOfBirth === null && identity.yearOfBirth !== null) changes.yearOfBirth = identity.yearOfBirth;
      if (Object.keys(changes).length > 0)
        await updateVersioned(manager, PersonEntity, 'person.addIdentity', personId, person.version, changes);
      await persons.addPhones(manager, personId, phones);
      await persons.addDocuments(manager, personId, unheld);
      return personId;
    }
    const personId = await persons.insert(manager, {
      id: this.request.recordIds.next('person'),
      ownerCountry: this.request.viewer.country,
      nationality: identity.nationality,
      yearOfBirth: identity.yearOfBirth,
      aliases: [identity.alias],
    });
    await persons.addPhones(manager, personId, phones);
    await persons.addDocuments(manager, personId, unheld);
    // Two or more persons (or only persons the caller may not see): kept as candidates, each shown only to who may see it.
    await persons.addMatches(manager, personId, matches);
    return personId;
  }

  /**
   * Links a suspect to a person the caller confirmed (the suspect's case already locked for its
   * owner): only to a person the caller may see. The provisional person the suspect leaves, once no
   * suspect points to it, gives its aliases, phones and documents to the confirmed one and goes.
   */
  async confirm(manager: EntityManager, suspect: SuspectEntity, personId: string): Promise<void> {
    const target = await lockRow(manager, PersonEntity, 'person.lock', personId, 'personId');
    const scopes = await this.request.stores.persons.caseScopes(manager, [personId]);
    guard(this.request, policePolicy.personRecord, scopes, { entityType: 'Person', entityId: personId, field: 'link' });
    await updateVersioned(manager, SuspectEntity, 'suspect.link', suspect.id, suspect.version, { personId });
    // The confirmed person is known by the suspect's alias from now on.
    const aliases = [...target.aliases];
    const learn = (alias: string) => {
      if (!aliases.some((known) => fold(known) === fold(alias))) aliases.push(alias);
    };
    learn(suspect.alias);
    const changes: Partial<PersonEntity> = {};
    const previous = suspect.personId;
    const provisional =
      previous && (await this.request.stores.persons.suspectCount(manager, previous)) === 0
        ? await lockRow(manager, PersonEntity, 'person.lock', previous, 'personId')
        : null;
    if (provisional) {
      provisional.aliases.forEach(learn);
      if (target.nationality === null && provisional.nationality !== null) changes.nationality = provisional.nationality;
      if (target.yearOfBirth === null && provisional.yearOfBirth !== null) changes.yearOfBirth = provisional.yearOfBirth;
    }
    if (aliases.length !== target.aliases.length) changes.aliases = aliases;
    if (Object.keys(changes).length > 0) await updateVersioned(manager, PersonEntity, 'person.merge', personId, target.version, changes);
    // A provisional person no suspect is left with gives its phones and documents to the confirmed one, and goes.
    if (provisional) await this.request.stores.persons.mergeInto(manager, provisional.id, personId);
  }
}

/** A candidate's score: 1 for an exact identifier; otherwise the alias similarity, raised by nationality and year of birth. */
function scored(row: PersonCandidateRow): { score: number; matched: PersonMatch[] } {
  const matched: PersonMatch[] = [];
  const alias = row.aliasScore > 0;
  if (alias) matched.push(PersonMatch.ALIAS);
  if (alias && row.sameNationality) matched.push(PersonMatch.NATIONALITY);
  if (alias && row.nearYearOfBirth) matched.push(PersonMatch.YEAR_OF_BIRTH);
  for (const identifier of row.identifiers) matched.push(identifier === 'PHONE' ? PersonMatch.PHONE : PersonMatch.DOCUMENT);
  const exact = row.identifiers.length > 0;
  const score = exact ? 1 : 0.6 * Math.min(1, row.aliasScore) + (row.sameNationality ? 0.2 : 0) + (row.nearYearOfBirth ? 0.2 : 0);
  return { score: Math.round(score * 100) / 100, matched };
}
