import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { validateSync, type ValidationError } from 'class-validator';
import { SYNTHETIC_LINK_RATES, syntheticRows } from '../../subgraphs/demo/synthetic.js';
import { RECIPIENTS_OF_SCOPE } from '../../subgraphs/assistance/assistance.policy.js';
import { ASSISTANCE_TRANSITIONS } from '../../subgraphs/assistance/assistance/assistance.service.js';
import {
  AgeGroup,
  AssistanceStatus,
  AssistanceType,
  ConsentScope,
  Sex,
  TraffickingStatus,
  Vulnerability,
} from '../../subgraphs/assistance/enums.js';
import { RecordAssistanceInput } from '../../subgraphs/assistance/assistance/assistance.input.js';
import { RecordConsentInput } from '../../subgraphs/assistance/consent/consent.input.js';
import { MigrantIdentityInput, RegisterMigrantInput } from '../../subgraphs/assistance/migrant/migrant.input.js';
import { RecordScreeningInput } from '../../subgraphs/assistance/screening/screening.input.js';
import { OpenCaseInput } from '../../subgraphs/police/case/case.input.js';
import { CASE_TRANSITIONS } from '../../subgraphs/police/case/case.service.js';
import { PositionInput, RecordDetectionInput, VesselInput } from '../../subgraphs/police/detection/detection.input.js';
import {
  BoardingAuthorization,
  CaseStatus,
  DetectionOutcome,
  HandlingCode,
  InformationAccuracy,
  RegistryStatus,
  SharingScope,
  SourceReliability,
  SuspectRole,
  VesselType,
} from '../../subgraphs/police/enums.js';
import { ShareIntelligenceInput } from '../../subgraphs/police/intelligence/intelligence.input.js';
import { reviewDate } from '../../subgraphs/police/intelligence/intelligence.service.js';
import { PersonDocumentInput } from '../../subgraphs/police/person/person.input.js';
import { normaliseDocuments, normalisePhones } from '../../subgraphs/police/person/person.service.js';
import { AddSuspectInput } from '../../subgraphs/police/suspect/suspect.input.js';
import {
  LegalBasis,
  Liability,
  MLA_STATUS_TRANSITIONS,
  MlaStatus,
  MlaType,
  ProsecutionStage,
  ProsecutorNetwork,
  Verdict,
  WitnessRole,
} from '../../subgraphs/prosecution/enums.js';
import { FileChargeInput, RecordVerdictInput } from '../../subgraphs/prosecution/charge/charge.input.js';
import { LEGAL_BASES } from '../../subgraphs/prosecution/charge/charge.service.js';
import { AddDefendantInput } from '../../subgraphs/prosecution/defendant/defendant.input.js';
import { CreateMlaRequestInput } from '../../subgraphs/prosecution/mla/mla.input.js';
import { OpenProsecutionInput } from '../../subgraphs/prosecution/prosecution/prosecution.input.js';
import { STAGE_TRANSITIONS } from '../../subgraphs/prosecution/prosecution/prosecution.service.js';
import { AddWitnessInput } from '../../subgraphs/prosecution/witness/witness.input.js';
import { AgencyCode } from '../../subgraphs/shared/access-log/access-log.type.js';
import { Aggravation, Offence } from '../../subgraphs/shared/offence.js';
import { isId } from '../../subgraphs/shared/pagination.js';
import { CountryCode } from '../../subgraphs/shared/scalars.js';

/**
 * The synthetic generator writes bulk SQL, not through the services (too slow for benchmark sizes:
 * figures in subgraphs/demo/synthetic.ts). So each row it makes is checked here against what the
 * services would accept: the mutation's input class, validated as type-graphql validates it
 * (class-validator), its scalars and enums, and the services' rules beyond the input (transition
 * tables, legal bases, consent recipients, who a case is released to, dates and counts). The
 * database's CHECK constraints and foreign keys hold the same rows when batching.test.ts and the
 * benchmark smoke test insert them.
 */
const CASE_LAW: string[] = [randomUUID(), randomUUID()];
const rows = syntheticRows(400, 2026, CASE_LAW);

type Constructor<T> = new () => T;

/** The input as type-graphql hands it to a resolver: an instance of the class, nested inputs too. */
function input<T extends object>(type: Constructor<T>, values: Partial<T>): T {
  return Object.assign(new type(), values);
}

function messages(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => `${path}${error.property}: ${message}`),
    ...messages(error.children ?? [], `${path}${error.property}.`),
  ]);
}

/** What class-validator (as type-graphql runs it: forbidUnknownValues off) refuses in an input. */
function refused(value: object): string[] {
  return messages(validateSync(value, { forbidUnknownValues: false }));
}

/** The CountryCode scalar's answer: null when it accepts the value, its message otherwise. */
function badCountry(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    CountryCode.parseValue(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function isMember(enumeration: Readonly<Record<string, string>>, value: unknown): boolean {
  return Object.values(enumeration).includes(value as string);
}

/** States reachable from `from` along a transition table (the start included). */
function reachable<State extends string>(transitions: Readonly<Record<State, readonly State[]>>, from: readonly State[]): Set<State> {
  const seen = new Set<State>(from);
  const queue = [...from];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of transitions[state]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Collects every problem of every row, so one failing run names them all. */
function problemsOf<Row>(items: readonly Row[], check: (row: Row) => Array<string | null | false | undefined>): string[] {
  return items.flatMap((row, index) =>
    check(row)
      .filter((problem): problem is string => Boolean(problem))
      .map((p) => `#${index}: ${p}`),
  );
}

/** Rows by a key (Map.groupBy is Node 21's). */
function groupBy<Row>(items: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of items) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

const byId = <Row extends { id?: string }>(items: readonly Row[]) => new Map(items.map((row) => [row.id as string, row]));
const cases = byId(rows.police.cases);
const vessels = byId(rows.police.vessels);
const suspects = byId(rows.police.suspects);
const migrants = byId(rows.assistance.migrants);
const prosecutions = byId(rows.prosecution.prosecutions);
const defendants = byId(rows.prosecution.defendants);

describe('synthetic data set (bulk SQL) obeys the services’ rules', () => {
  it('makes every kind of row, for every case', () => {
    expect(rows.police.cases).toHaveLength(400);
    for (const list of [...Object.values(rows.police), ...Object.values(rows.assistance), ...Object.values(rows.prosecution)]) {
      expect(list.length).toBeGreaterThan(0);
    }
    const ids = [...Object.values(rows.police), ...Object.values(rows.assistance), ...Object.values(rows.prosecution)].flatMap((list) =>
      list.flatMap((row) => ('id' in row && typeof row.id === 'string' ? [row.id] : [])),
    );
    expect(ids.filter((id) => !isId(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('police cases: openCase input, owned by the lead bureau, released as the scope makes them, statuses reachable', () => {
    const detectingOf = new Map<string, string[]>();
    for (const d of rows.police.detections)
      detectingOf.set(d.caseId as string, [...(detectingOf.get(d.caseId as string) ?? []), d.detectingCountry as string]);
    const statuses = reachable(CASE_TRANSITIONS, [CaseStatus.OPEN]);
    const references = rows.police.cases.map((c) => c.reference);
    expect(new Set(references).size).toBe(references.length);
    const problems = problemsOf(rows.police.cases, (c) => {
      const scope = c.sharingScope as SharingScope;
      const owner = c.ownerCountry as string;
      const released =
        scope === SharingScope.OWNER
          ? [owner]
          : scope === SharingScope.NAMED
            ? [owner, ...(c.namedCountries ?? [])]
            : [owner, c.leadCountry as string, ...(detectingOf.get(c.id as string) ?? [])];
      return [
        ...refused(
          input(OpenCaseInput, {
            reference: c.reference,
            leadCountry: c.leadCountry,
            openedAt: c.openedAt,
            offences: c.offences,
            aggravations: c.aggravations,
            networkId: c.networkId,
            operationId: c.operationId,
            summary: c.summary,
          }),
        ),
        badCountry(c.leadCountry),
        badCountry(owner),
        !(c.offences ?? []).every((offence) => isMember(Offence, offence)) && 'an offence outside Offence',
        !(c.aggravations ?? []).every((aggravation) => isMember(Aggravation, aggravation)) && 'an aggravation outside Aggravation',
        !isMember(SharingScope, scope) && `scope ${scope}`,
        // Opened by the lead country's bureau, which then owns it (the owner is the caller, never an argument).
        owner !== c.leadCountry && `owner ${owner} is not the lead country ${c.leadCountry}`,
        scope !== SharingScope.NAMED && (c.namedCountries ?? []).length > 0 && 'named countries without NAMED',
        JSON.stringify(c.releasableTo) !== JSON.stringify([...new Set(released)].sort()) &&
          `releasableTo ${JSON.stringify(c.releasableTo)}, the scope makes ${JSON.stringify([...new Set(released)].sort())}`,
        !statuses.has(c.status as CaseStatus) && `status ${c.status} not reachable from OPEN`,
      ];
    });
    expect(problems).toEqual([]);
  });

  it('detections and vessels: recordDetection input on an existing case, deaths and missing within persons on board', () => {
    const problems = problemsOf(rows.police.detections, (d) => {
      const vessel = d.vesselId ? vessels.get(d.vesselId) : undefined;
      return [
        ...refused(
          input(RecordDetectionInput, {
            caseId: d.caseId,
            operationId: d.operationId,
            detectedAt: d.detectedAt,
            seaArea: d.seaArea,
            position: input(PositionInput, { latitude: d.latitude, longitude: d.longitude }),
            detectingCountry: d.detectingCountry,
            outcome: d.outcome,
            personsOnBoard: d.personsOnBoard,
            deaths: d.deaths,
            missing: d.missing,
            vessel: vessel
              ? input(VesselInput, {
                  name: vessel.name,
                  type: vessel.type,
                  flagState: vessel.flagState,
                  registryStatus: vessel.registryStatus,
                  boardingAuthorization: vessel.boardingAuthorization,
                })
              : null,
          }),
        ),
        !cases.has(d.caseId as string) && 'no such case',
        d.vesselId && !vessel && 'no such vessel',
        badCountry(d.detectingCountry),
        badCountry(vessel?.flagState),
        !isMember(DetectionOutcome, d.outcome) && `outcome ${d.outcome}`,
        vessel && !isMember(VesselType, vessel.type) && `vessel type ${vessel.type}`,
        vessel && !isMember(RegistryStatus, vessel.registryStatus) && `registry ${vessel.registryStatus}`,
        vessel && !isMember(BoardingAuthorization, vessel.boardingAuthorization) && `boarding ${vessel.boardingAuthorization}`,
        (d.deaths as number) + (d.missing as number) > (d.personsOnBoard as number) && 'deaths and missing exceed personsOnBoard',
      ];
    });
    expect(problems).toEqual([]);
  });

  it('suspects: addSuspect input on an existing case', () => {
    const problems = problemsOf(rows.police.suspects, (s) => [
      ...refused(
        input(AddSuspectInput, { caseId: s.caseId, alias: s.alias, nationality: s.nationality, role: s.role, networkId: s.networkId }),
      ),
      !cases.has(s.caseId as string) && 'no such case',
      badCountry(s.nationality),
      !isMember(SuspectRole, s.role) && `role ${s.role}`,
    ]);
    expect(problems).toEqual([]);
  });

  it('persons of interest: every suspect is one, with the identifiers addSuspect takes, normalised as the person service stores them', () => {
    const persons = byId(rows.police.persons);
    const phones = groupBy(rows.police.personPhones, (row) => row.personId);
    const documents = groupBy(rows.police.personDocuments, (row) => row.personId);
    const problems = problemsOf(rows.police.suspects, (s) => {
      const person = persons.get(s.personId as string);
      if (!person) return ['no such person'];
      const held = (phones.get(person.id as string) ?? []).map((row) => row.e164);
      const passports = (documents.get(person.id as string) ?? []).map((row) =>
        input(PersonDocumentInput, { kind: row.kind, number: row.number, issuingCountry: row.issuingCountry }),
      );
      const known = [...held, ...passports.map((d) => d.number)];
      return [
        // The first suspect of a person carries its identifiers, as addSuspect would have been given them.
        ...refused(
          input(AddSuspectInput, {
            caseId: s.caseId,
            alias: s.alias,
            nationality: s.nationality,
            role: s.role,
            yearOfBirth: person.yearOfBirth,
            phones: held,
            documents: passports,
          }),
        ),
        !person.aliases?.includes(s.alias as string) && `alias ${s.alias} not among the person's`,
        known.length > 0 && JSON.stringify(normalisePhones(held, [])) !== JSON.stringify(held) && `phones ${held.join()} not in E.164`,
        JSON.stringify(normaliseDocuments(passports).map((d) => d.number)) !== JSON.stringify(passports.map((d) => d.number)) &&
          'documents not normalised',
        badCountry(person.ownerCountry),
        badCountry(person.nationality),
      ];
    });
    expect(problems).toEqual([]);
    // Each person is recorded by the lead bureau of a case one of its suspects is in.
    const owners = problemsOf(rows.police.persons, (person) => [
      !rows.police.suspects.some((s) => s.personId === person.id && cases.get(s.caseId as string)?.ownerCountry === person.ownerCountry) &&
        'owned by a bureau none of its cases is of',
    ]);
    expect(owners).toEqual([]);
    // A document identifies one person (the database's unique index says so too).
    const numbers = rows.police.personDocuments.map((d) => `${d.issuingCountry}|${d.kind}|${d.number}`);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('persons of interest recur at a realistic rate: some across cases, some phones shared, in more than one country', () => {
    const suspectsPerPerson = groupBy(rows.police.suspects, (s) => s.personId as string);
    const recurring = rows.police.suspects.length - suspectsPerPerson.size;
    const share = recurring / rows.police.suspects.length;
    expect(share).toBeGreaterThan(SYNTHETIC_LINK_RATES.recurringPerson / 2);
    expect(share).toBeLessThan(SYNTHETIC_LINK_RATES.recurringPerson * 2);
    // Some recurring persons link cases of two countries.
    const countriesOf = (suspects: ReadonlyArray<{ caseId?: string }>) =>
      new Set(suspects.map((s) => cases.get(s.caseId as string)?.ownerCountry));
    expect([...suspectsPerPerson.values()].some((suspects) => countriesOf(suspects).size > 1)).toBe(true);
    const holders = groupBy(rows.police.personPhones, (row) => row.e164);
    const shared = [...holders.values()].filter((rowsOfPhone) => rowsOfPhone.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(holders.size / 10);
    expect(rows.police.personDocuments.length).toBeGreaterThan(0);
  });

  it('intelligence: shareIntelligence input, from a country the case is released to, H3 with its conditions, reviewed five years on', () => {
    const problems = problemsOf(rows.police.intelligence, (item) => {
      const owning = cases.get(item.caseId as string);
      return [
        ...refused(
          input(ShareIntelligenceInput, {
            caseId: item.caseId,
            summary: item.summary,
            handlingCode: item.handlingCode,
            handlingConditions: item.handlingConditions,
            sourceReliability: item.sourceReliability,
            informationAccuracy: item.informationAccuracy,
            releasableTo: item.releasableTo,
          }),
        ),
        !owning && 'no such case',
        owning &&
          owning.sharingScope !== SharingScope.ALL &&
          !(owning.releasableTo ?? []).includes(item.sourceCountry as string) &&
          `source ${item.sourceCountry} may not share on a case released to ${JSON.stringify(owning.releasableTo)}`,
        !isMember(HandlingCode, item.handlingCode) && `handling ${item.handlingCode}`,
        !isMember(SourceReliability, item.sourceReliability) && `reliability ${item.sourceReliability}`,
        !isMember(InformationAccuracy, item.informationAccuracy) && `accuracy ${item.informationAccuracy}`,
        item.handlingCode === HandlingCode.H3 && !item.handlingConditions?.trim() && 'H3 without handlingConditions',
        item.reviewBy !== reviewDate(item.sharedAt as Date) &&
          `reviewBy ${item.reviewBy}, the service sets ${reviewDate(item.sharedAt as Date)}`,
      ];
    });
    expect(problems).toEqual([]);
  });

  it('migrants, identities and screenings: registerMigrant and recordScreening inputs, the current assessment is the screening', () => {
    const detections = byId(rows.police.detections);
    const screeningOf = new Map(rows.assistance.screenings.map((s) => [s.migrantId as string, s]));
    const identityOf = new Map(rows.assistance.identities.map((i) => [i.migrantId as string, i]));
    const codes = rows.assistance.migrants.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    const problems = problemsOf(rows.assistance.migrants, (m) => {
      const identity = identityOf.get(m.id as string);
      const screening = screeningOf.get(m.id as string);
      return [
        ...refused(
          input(RegisterMigrantInput, {
            caseId: m.caseId,
            detectionId: m.detectionId,
            code: m.code,
            sex: m.sex,
            ageGroup: m.ageGroup,
            nationality: m.nationality,
            registeredAt: m.registeredAt,
            identity: identity
              ? input(MigrantIdentityInput, {
                  givenName: identity.givenName,
                  familyName: identity.familyName,
                  dateOfBirth: identity.dateOfBirth ? new Date(identity.dateOfBirth) : null,
                })
              : null,
          }),
        ),
        !cases.has(m.caseId as string) && 'no such police case',
        m.detectionId && detections.get(m.detectionId)?.caseId !== m.caseId && 'the detection is not of the same case',
        badCountry(m.nationality),
        !isMember(Sex, m.sex) && `sex ${m.sex}`,
        !isMember(AgeGroup, m.ageGroup) && `age group ${m.ageGroup}`,
        !screening && 'no screening',
        ...(screening
          ? [
              ...refused(
                input(RecordScreeningInput, {
                  migrantId: screening.migrantId,
                  migrantVersion: 1,
                  screenedAt: screening.screenedAt,
                  screenedBy: screening.screenedBy,
                  vulnerabilities: screening.vulnerabilities,
                  traffickingStatus: screening.traffickingStatus,
                }),
              ),
              !(screening.vulnerabilities ?? []).every((v) => isMember(Vulnerability, v)) && 'a vulnerability outside Vulnerability',
              !isMember(TraffickingStatus, screening.traffickingStatus) && `trafficking ${screening.traffickingStatus}`,
              // recordScreening makes the screening the migrant's current assessment.
              JSON.stringify(m.vulnerabilities) !== JSON.stringify(screening.vulnerabilities) &&
                'vulnerabilities differ from the screening',
              m.traffickingStatus !== screening.traffickingStatus && 'trafficking status differs from the screening',
            ]
          : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('consents and assistance: recordConsent and recordAssistance inputs, recipients of the scope, dates that agree with the status', () => {
    const consentProblems = problemsOf(rows.assistance.consents, (c) => [
      ...refused(
        input(RecordConsentInput, {
          migrantId: c.migrantId,
          scope: c.scope,
          recipientAgency: AgencyCode[c.recipientAgency as keyof typeof AgencyCode],
          recipientCountry: c.recipientCountry,
          recipient: c.recipient,
          purpose: c.purpose,
          givenAt: c.givenAt,
          expiresAt: c.expiresAt,
        }),
      ),
      !migrants.has(c.migrantId as string) && 'no such migrant',
      !isMember(ConsentScope, c.scope) && `scope ${c.scope}`,
      !isMember(AgencyCode, c.recipientAgency) && `recipient agency ${c.recipientAgency}`,
      badCountry(c.recipientCountry),
      !RECIPIENTS_OF_SCOPE[c.scope as ConsentScope].includes(c.recipientAgency as never) && `${c.scope} names ${c.recipientAgency}`,
      c.expiresAt && c.givenAt && c.expiresAt <= c.givenAt && 'expires before it is given',
      c.withdrawnAt && 'withdrawn at creation',
    ]);
    const recordable = reachable(ASSISTANCE_TRANSITIONS, Object.values(AssistanceStatus));
    const assistanceProblems = problemsOf(rows.assistance.records, (a) => {
      const started = a.startedAt ?? null;
      const completed = a.completedAt ?? null;
      return [
        ...refused(
          input(RecordAssistanceInput, {
            migrantId: a.migrantId,
            type: a.type,
            status: a.status,
            provider: a.provider,
            startedAt: started,
            completedAt: completed,
          }),
        ),
        !migrants.has(a.migrantId as string) && 'no such migrant',
        !isMember(AssistanceType, a.type) && `type ${a.type}`,
        !recordable.has(a.status as AssistanceStatus) && `status ${a.status}`,
        (a.status === AssistanceStatus.IN_PROGRESS || a.status === AssistanceStatus.COMPLETED) && !started && 'no startedAt',
        a.status === AssistanceStatus.COMPLETED && !completed && 'COMPLETED without completedAt',
        a.status !== AssistanceStatus.COMPLETED && completed && 'completedAt without COMPLETED',
        started && completed && completed < started && 'completed before started',
      ];
    });
    expect([...consentProblems, ...assistanceProblems]).toEqual([]);
  });

  it('prosecutions: openProsecution input on a referred case, one each, in the prosecuting State, stages reachable', () => {
    const stages = reachable(STAGE_TRANSITIONS, [ProsecutionStage.INVESTIGATION, ProsecutionStage.INDICTMENT]);
    const prosecuted = rows.prosecution.prosecutions.map((p) => p.caseId);
    expect(new Set(prosecuted).size).toBe(prosecuted.length);
    const problems = problemsOf(rows.prosecution.prosecutions, (p) => {
      const owning = cases.get(p.caseId as string);
      return [
        ...refused(
          input(OpenProsecutionInput, {
            caseId: p.caseId,
            prosecutorOffice: p.prosecutorOffice,
            network: p.network,
            stage: ProsecutionStage.INVESTIGATION,
            openedAt: p.openedAt,
          }),
        ),
        !owning && 'no such police case',
        owning && owning.status !== CaseStatus.REFERRED_FOR_PROSECUTION && `the case is ${owning.status}`,
        badCountry(p.jurisdiction),
        !isMember(ProsecutorNetwork, p.network) && `network ${p.network}`,
        !stages.has(p.stage as ProsecutionStage) && `stage ${p.stage} not reachable`,
      ];
    });
    const caseLawProblems = problemsOf(rows.prosecution.caseLaw, (link) => [
      !prosecutions.has(link.prosecutionId as string) && 'no such prosecution',
      !CASE_LAW.includes(link.caseLawId as string) && 'no such case law',
    ]);
    expect([...problems, ...caseLawProblems]).toEqual([]);
  });

  it('defendants, charges and verdicts: suspects of the prosecuted case, legal bases that fit, sentences only with GUILTY', () => {
    const defendantProblems = problemsOf(rows.prosecution.defendants, (d) => {
      const prosecution = prosecutions.get(d.prosecutionId as string);
      return [
        ...refused(input(AddDefendantInput, { prosecutionId: d.prosecutionId, suspectId: d.suspectId, liability: d.liability })),
        !prosecution && 'no such prosecution',
        suspects.get(d.suspectId as string)?.caseId !== prosecution?.caseId && 'the suspect is not of the prosecuted case',
        !isMember(Liability, d.liability) && `liability ${d.liability}`,
      ];
    });
    const pairs = rows.prosecution.defendants.map((d) => `${d.prosecutionId}/${d.suspectId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const chargeProblems = problemsOf(rows.prosecution.charges, (c) => {
      const decided = c.verdict !== Verdict.PENDING;
      return [
        ...refused(input(FileChargeInput, { defendantId: c.defendantId, offence: c.offence, legalBasis: c.legalBasis })),
        !defendants.has(c.defendantId as string) && 'no such defendant',
        !isMember(Offence, c.offence) && `offence ${c.offence}`,
        !isMember(LegalBasis, c.legalBasis) && `legal basis ${c.legalBasis}`,
        !LEGAL_BASES[c.offence as Offence].includes(c.legalBasis as LegalBasis) && `${c.legalBasis} cannot ground ${c.offence}`,
        !isMember(Verdict, c.verdict) && `verdict ${c.verdict}`,
        ...(decided
          ? [
              ...refused(
                input(RecordVerdictInput, {
                  chargeId: c.id,
                  version: 1,
                  verdict: c.verdict,
                  sentenceMonths: c.sentenceMonths,
                  decidedAt: c.decidedAt,
                }),
              ),
              c.sentenceMonths !== null && c.verdict !== Verdict.GUILTY && 'a sentence without GUILTY',
              (!c.decidedAt || (c.filedAt && c.decidedAt < c.filedAt)) && 'decided before it was filed',
            ]
          : [(c.sentenceMonths !== null || c.decidedAt !== null) && 'a pending charge with a sentence or a decision date']),
      ];
    });
    expect([...defendantProblems, ...chargeProblems]).toEqual([]);
  });

  it('witnesses and MLA requests: migrants of the prosecuted case, another State asked, statuses reachable from DRAFT', () => {
    const witnessProblems = problemsOf(rows.prosecution.witnesses, (w) => {
      const prosecution = prosecutions.get(w.prosecutionId as string);
      return [
        ...refused(
          input(AddWitnessInput, {
            prosecutionId: w.prosecutionId,
            migrantId: w.migrantId,
            role: w.role,
            protectiveMeasures: w.protectiveMeasures,
          }),
        ),
        !prosecution && 'no such prosecution',
        migrants.get(w.migrantId as string)?.caseId !== prosecution?.caseId && 'the migrant is not of the prosecuted case',
        !isMember(WitnessRole, w.role) && `role ${w.role}`,
      ];
    });
    const statuses = reachable(MLA_STATUS_TRANSITIONS, [MlaStatus.DRAFT]);
    const mlaProblems = problemsOf(rows.prosecution.mla, (r) => {
      const prosecution = prosecutions.get(r.prosecutionId as string);
      return [
        ...refused(
          input(CreateMlaRequestInput, {
            prosecutionId: r.prosecutionId,
            type: r.type,
            requestedCountry: r.requestedCountry,
            subject: r.subject,
          }),
        ),
        !prosecution && 'no such prosecution',
        badCountry(r.requestingCountry),
        badCountry(r.requestedCountry),
        // The requesting State is the caller's: the prosecuting State.
        prosecution && r.requestingCountry !== prosecution.jurisdiction && 'requested by another State than the prosecuting one',
        r.requestedCountry === r.requestingCountry && 'the requested State is the requesting one',
        !isMember(MlaType, r.type) && `type ${r.type}`,
        !statuses.has(r.status as MlaStatus) && `status ${r.status} not reachable from DRAFT`,
      ];
    });
    expect([...witnessProblems, ...mlaProblems]).toEqual([]);
  });
});
