/**
 * The synthetic data set for benchmarks and batching tests: thousands of cases across the three
 * agencies' databases, written as bulk SQL (multi-row INSERTs, one transaction per database), not
 * through the services.
 *
 * Why not through the services: measured on this 2-core machine (others' work running beside it),
 * 200 cases took 0.8 s as bulk SQL for all three databases, and 20.8 s through the services for
 * police and assistance alone (police 9.3 s for 1,600 calls, 5.8 ms a call: open, two detections,
 * two suspects, an item, two status moves; assistance 11.5 s for 3,000 calls, 3.8 ms a call: three
 * migrants each registered, screened, consenting and assisted twice), prosecution's dozen calls per
 * prosecuted case not counted. That is 26 times slower at least: 3,000 cases would take over five
 * minutes instead of about twelve seconds, and `npm run seed -- --cases 1000000` more than a day.
 *
 * What keeps it to the same rules: every row is one the services would write. The database's CHECK
 * constraints and foreign keys hold it at insert time; `syntheticRows` is a pure function, and
 * test/unit/synthetic.test.ts passes its rows through the services' input classes (class-validator,
 * as type-graphql runs them) and the services' own rule tables (case and stage transitions, legal
 * bases, consent recipients, who a case is released to, the date and count rules), so a rule added
 * to a service and not followed here fails that test.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SubgraphName } from '../shared/database.js';
import { Aggravation, Offence } from '../shared/offence.js';
import { AssistanceEntity } from '../assistance/assistance/assistance.entity.js';
import { ConsentEntity } from '../assistance/consent/consent.entity.js';
import { AgeGroup, AssistanceStatus, AssistanceType, ConsentScope, Sex, TraffickingStatus, Vulnerability } from '../assistance/enums.js';
import { MigrantIdentityEntity } from '../assistance/identity/identity.entity.js';
import { MigrantEntity } from '../assistance/migrant/migrant.entity.js';
import { ScreeningEntity } from '../assistance/screening/screening.entity.js';
import { CaseEntity } from '../police/case/case.entity.js';
import { DetectionEntity } from '../police/detection/detection.entity.js';
import {
  BoardingAuthorization,
  CaseStatus,
  SharingScope,
  DetectionOutcome,
  HandlingCode,
  InformationAccuracy,
  RegistryStatus,
  SourceReliability,
  SuspectRole,
  VesselType,
} from '../police/enums.js';
import { IntelligenceItemEntity } from '../police/intelligence/intelligence.entity.js';
import { PersonEntity } from '../police/person/person.entity.js';
import { DocumentKind } from '../police/person/person.enums.js';
import type { PersonDocumentRow, PersonPhoneRow } from '../police/person/person.store.js';
import { reviewDate } from '../police/intelligence/intelligence.service.js';
import { SuspectEntity } from '../police/suspect/suspect.entity.js';
import { VesselEntity } from '../police/vessel/vessel.entity.js';
import { ProsecutionCaseLawEntity } from '../prosecution/case-law/case-law.entity.js';
import { ChargeEntity } from '../prosecution/charge/charge.entity.js';
import { DefendantEntity } from '../prosecution/defendant/defendant.entity.js';
import {
  LegalBasis,
  Liability,
  MlaStatus,
  MlaType,
  ProsecutionStage,
  ProsecutorNetwork,
  Verdict,
  WitnessRole,
} from '../prosecution/enums.js';
import { MlaRequestEntity } from '../prosecution/mla/mla.entity.js';
import { ProsecutionEntity } from '../prosecution/prosecution/prosecution.entity.js';
import { WitnessEntity } from '../prosecution/witness/witness.entity.js';

/** Deterministic pseudo-random numbers (mulberry32), so a seed run can be repeated. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
    between: (min: number, max: number) => min + next() * (max - min),
  };
}

/** The scope columns of a synthetic case (its detections are all made by the route's detecting country). */
function syntheticSharing(scope: SharingScope, route: { lead: string; detecting: string }) {
  const involved = scope === SharingScope.OWNER ? [route.lead] : [route.lead, route.detecting];
  return { sharingScope: scope, namedCountries: [], releasableTo: [...new Set(involved)].sort() };
}

/** Real routes (domain notes): departure, sea area, rough position, detecting and lead countries. */
const ROUTES = [
  {
    lead: 'DOM',
    detecting: 'USA',
    area: 'Mona Passage',
    lat: [18.0, 18.6],
    lon: [-68.2, -67.4],
    nationalities: ['DOM', 'HTI', 'VEN'],
    vessel: VesselType.WOODEN_BOAT,
  },
  {
    lead: 'TCA',
    detecting: 'TCA',
    area: 'Caicos Bank',
    lat: [21.3, 21.9],
    lon: [-72.5, -71.6],
    nationalities: ['HTI'],
    vessel: VesselType.SAILING_YACHT,
  },
  {
    lead: 'CUW',
    detecting: 'CUW',
    area: 'North of Curaçao',
    lat: [12.1, 12.6],
    lon: [-69.3, -68.7],
    nationalities: ['VEN', 'COL'],
    vessel: VesselType.WOODEN_BOAT,
  },
  {
    lead: 'USA',
    detecting: 'USA',
    area: 'Florida Straits',
    lat: [23.5, 24.6],
    lon: [-81.8, -80.2],
    nationalities: ['CUB'],
    vessel: VesselType.SPEEDBOAT,
  },
  {
    lead: 'ITA',
    detecting: 'ITA',
    area: 'Central Mediterranean, south of Lampedusa',
    lat: [34.6, 35.4],
    lon: [12.2, 13.0],
    nationalities: ['ERI', 'SDN', 'BGD', 'EGY', 'TUN'],
    vessel: VesselType.DINGHY,
  },
  {
    lead: 'MLT',
    detecting: 'MLT',
    area: 'Maltese SAR zone',
    lat: [34.8, 35.6],
    lon: [13.6, 14.8],
    nationalities: ['SYR', 'BGD', 'PAK'],
    vessel: VesselType.FISHING_VESSEL,
  },
  {
    lead: 'ESP',
    detecting: 'ESP',
    area: 'Atlantic, south of the Canary Islands',
    lat: [27.0, 28.0],
    lon: [-18.5, -15.0],
    nationalities: ['SEN', 'MLI', 'GMB', 'GIN', 'MAR'],
    vessel: VesselType.WOODEN_BOAT,
  },
] as const;

/**
 * Mobile numbers of each lead bureau's numbering plan (E.164 prefix, then as many digits as it takes):
 * every number of these ranges is one libphonenumber-js (the person service's normaliser) takes.
 */
const PHONE_PLANS: Readonly<Record<string, { prefix: string; digits: number }>> = {
  DOM: { prefix: '+1829', digits: 7 },
  TCA: { prefix: '+1649', digits: 7 },
  CUW: { prefix: '+5999', digits: 7 },
  USA: { prefix: '+13052', digits: 6 },
  ITA: { prefix: '+39347', digits: 7 },
  MLT: { prefix: '+35679', digits: 6 },
  ESP: { prefix: '+346', digits: 8 },
};

/**
 * How often the analysis file's links occur among synthetic suspects (a guess at a realistic rate,
 * so benchmarks exercise links and person reads): a suspect is an already-known person one time in
 * twenty (mostly one seen on the same route, sometimes one from elsewhere); four persons in five
 * have a phone number, of which one in thirty is a number another person on the route already
 * uses (a phone passed around a cell); three in ten have a passport.
 */
export const SYNTHETIC_LINK_RATES = {
  recurringPerson: 0.05,
  recurringFromSameRoute: 0.7,
  phone: 0.8,
  sharedPhone: 1 / 30,
  passport: 0.3,
} as const;

const BATCH = 500;

/** Multi-row INSERTs of BATCH rows each. */
async function insertAll<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: Partial<Row>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + BATCH))
      .execute();
  }
}

/** Rows of a table without an entity (a person's phones, documents): multi-row INSERTs over unnest, column by column. */
async function insertUnnest<Row extends object>(
  manager: EntityManager,
  table: string,
  columns: ReadonlyArray<{ column: string; key: keyof Row; type: string }>,
  rows: readonly Row[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH * 10) {
    const slice = rows.slice(start, start + BATCH * 10);
    await manager.query(
      `/* synthetic.${table} */ INSERT INTO ${table} (${columns.map(({ column }) => column).join(', ')})
         SELECT * FROM unnest(${columns.map(({ type }, index) => `$${index + 1}::${type}[]`).join(', ')})`,
      columns.map(({ key }) => slice.map((row) => row[key])),
    );
  }
}

/** The rows of a synthetic data set, per agency's database, in insert order. */
export interface SyntheticRows {
  police: {
    cases: Partial<CaseEntity>[];
    vessels: Partial<VesselEntity>[];
    detections: Partial<DetectionEntity>[];
    persons: Partial<PersonEntity>[];
    personPhones: PersonPhoneRow[];
    personDocuments: PersonDocumentRow[];
    suspects: Partial<SuspectEntity>[];
    intelligence: Partial<IntelligenceItemEntity>[];
  };
  assistance: {
    migrants: Partial<MigrantEntity>[];
    identities: Partial<MigrantIdentityEntity>[];
    consents: Partial<ConsentEntity>[];
    screenings: Partial<ScreeningEntity>[];
    records: Partial<AssistanceEntity>[];
  };
  prosecution: {
    prosecutions: Partial<ProsecutionEntity>[];
    defendants: Partial<DefendantEntity>[];
    charges: Partial<ChargeEntity>[];
    witnesses: Partial<WitnessEntity>[];
    mla: Partial<MlaRequestEntity>[];
    caseLaw: Partial<ProsecutionCaseLawEntity>[];
  };
}

export interface SyntheticOptions {
  /** false: suspects point to no person (for a test that links its own); default true. */
  persons?: boolean;
}

export interface SyntheticCounts {
  cases: number;
  detections: number;
  suspects: number;
  persons: number;
  migrants: number;
  prosecutions: number;
}

/**
 * A large synthetic data set across the three agencies' databases (benchmarks, batching tests):
 * every case has detections, suspects (each a person of interest, some recurring) and intelligence; migrants with identity, consent, screening
 * and assistance; every second case a prosecution with defendants, charges, witnesses and MLA.
 */
export async function seedSynthetic(
  databases: Record<SubgraphName, DataSource>,
  caseCount: number,
  seed = 2026,
  options: SyntheticOptions = {},
): Promise<SyntheticCounts> {
  const caseLawIds: string[] = (
    await databases.prosecution.query<Array<{ id: string }>>('/* synthetic.caseLawIds */ SELECT id FROM case_law ORDER BY year DESC')
  ).map((row) => row.id);
  const { police, assistance, prosecution } = syntheticRows(caseCount, seed, caseLawIds, options);
  // One transaction per agency's database: a failed run leaves none of its rows behind there.
  await databases.police.transaction(async (manager) => {
    await insertAll(manager, CaseEntity, police.cases);
    await insertAll(manager, VesselEntity, police.vessels);
    await insertAll(manager, DetectionEntity, police.detections);
    await insertAll(manager, PersonEntity, police.persons);
    await insertUnnest(
      manager,
      'person_phones',
      [
        { column: 'person_id', key: 'personId', type: 'uuid' },
        { column: 'e164', key: 'e164', type: 'text' },
      ],
      police.personPhones,
    );
    await insertUnnest(
      manager,
      'person_documents',
      [
        { column: 'person_id', key: 'personId', type: 'uuid' },
        { column: 'kind', key: 'kind', type: 'text' },
        { column: 'number', key: 'number', type: 'text' },
        { column: 'issuing_country', key: 'issuingCountry', type: 'char(3)' },
      ],
      police.personDocuments,
    );
    await insertAll(manager, SuspectEntity, police.suspects);
    await insertAll(manager, IntelligenceItemEntity, police.intelligence);
  });
  await databases.assistance.transaction(async (manager) => {
    await insertAll(manager, MigrantEntity, assistance.migrants);
    await insertAll(manager, MigrantIdentityEntity, assistance.identities);
    await insertAll(manager, ScreeningEntity, assistance.screenings);
    await insertAll(manager, ConsentEntity, assistance.consents);
    await insertAll(manager, AssistanceEntity, assistance.records);
  });
  await databases.prosecution.transaction(async (manager) => {
    await insertAll(manager, ProsecutionEntity, prosecution.prosecutions);
    await insertAll(manager, DefendantEntity, prosecution.defendants);
    await insertAll(manager, ChargeEntity, prosecution.charges);
    await insertAll(manager, WitnessEntity, prosecution.witnesses);
    await insertAll(manager, MlaRequestEntity, prosecution.mla);
    await insertAll(manager, ProsecutionCaseLawEntity, prosecution.caseLaw);
  });
  return {
    cases: police.cases.length,
    detections: police.detections.length,
    suspects: police.suspects.length,
    persons: police.persons.length,
    migrants: assistance.migrants.length,
    prosecutions: prosecution.prosecutions.length,
  };
}

/**
 * The rows of `caseCount` synthetic cases, without touching a database (the same `seed` gives the
 * same values; ids and the run's reference prefix are fresh each time, so runs add up). Each
 * prosecution cites the first two of `caseLawIds`.
 */
export function syntheticRows(
  caseCount: number,
  seed: number,
  caseLawIds: readonly string[],
  options: SyntheticOptions = {},
): SyntheticRows {
  const rng = random(seed);
  const police = {
    cases: [] as Partial<CaseEntity>[],
    vessels: [] as Partial<VesselEntity>[],
    detections: [] as Partial<DetectionEntity>[],
    persons: [] as Partial<PersonEntity>[],
    personPhones: [] as PersonPhoneRow[],
    personDocuments: [] as PersonDocumentRow[],
    suspects: [] as Partial<SuspectEntity>[],
    intelligence: [] as Partial<IntelligenceItemEntity>[],
  };
  const assistance = {
    migrants: [] as Partial<MigrantEntity>[],
    identities: [] as Partial<MigrantIdentityEntity>[],
    consents: [] as Partial<ConsentEntity>[],
    screenings: [] as Partial<ScreeningEntity>[],
    records: [] as Partial<AssistanceEntity>[],
  };
  const prosecution = {
    prosecutions: [] as Partial<ProsecutionEntity>[],
    defendants: [] as Partial<DefendantEntity>[],
    charges: [] as Partial<ChargeEntity>[],
    witnesses: [] as Partial<WitnessEntity>[],
    mla: [] as Partial<MlaRequestEntity>[],
    caseLaw: [] as Partial<ProsecutionCaseLawEntity>[],
  };
  const runId = randomUUID().slice(0, 8).toUpperCase();
  /** The last vessel recorded on each route (by sea area), for the detections that see it again. */
  const routeVessels = new Map<string, string>();
  const identify = options.persons === false ? () => null : personsOf(random(seed ^ 0x5eed_f00d), runId, police);

  for (let n = 1; n <= caseCount; n += 1) {
    const route = rng.pick(ROUTES);
    const caseId = randomUUID();
    const openedAt = new Date(Date.UTC(2024, 0, 1) + rng.int(0, 2 * 365 * 24 * 3600) * 1000);
    const prosecuted = n % 2 === 0;
    police.cases.push({
      id: caseId,
      reference: `${route.lead}-SYN-${runId}-${n.toString().padStart(6, '0')}`,
      status: prosecuted
        ? CaseStatus.REFERRED_FOR_PROSECUTION
        : rng.pick([CaseStatus.OPEN, CaseStatus.UNDER_INVESTIGATION, CaseStatus.CLOSED]),
      leadCountry: route.lead,
      // The lead bureau recorded it. Routine synthetic cases go to every member country (7 in 10),
      // some to the countries involved, a few stay with the owner; by n, so the random draws of the
      // other columns stay as they were.
      ownerCountry: route.lead,
      ...syntheticSharing(n % 10 === 0 ? SharingScope.OWNER : n % 10 <= 2 ? SharingScope.INVOLVED : SharingScope.ALL, route),
      openedAt,
      offences: rng.chance(0.3)
        ? [Offence.SMUGGLING_OF_MIGRANTS, Offence.PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP]
        : [Offence.SMUGGLING_OF_MIGRANTS],
      aggravations: rng.chance(0.6) ? [Aggravation.ENDANGERING_LIFE] : [],
      summary: `Synthetic case on the ${route.area} route.`,
      networkId: null,
      operationId: null,
    });
    const detectionIds: string[] = [];
    for (let d = 0; d < rng.int(1, 2); d += 1) {
      // One detection in ten is of a vessel already seen on the same route (so Vessel.cases spans
      // cases); chosen by count, so the random draws of the other columns stay as they were.
      const seen = police.detections.length % 10 === 9 ? routeVessels.get(route.area) : undefined;
      const vesselId = seen ?? randomUUID();
      if (!seen) {
        police.vessels.push({
          id: vesselId,
          name: null,
          type: route.vessel,
          flagState: null,
          registryStatus: RegistryStatus.STATELESS,
          boardingAuthorization: BoardingAuthorization.OWN_FLAG,
        });
        routeVessels.set(route.area, vesselId);
      }
      const detectionId = randomUUID();
      detectionIds.push(detectionId);
      const personsOnBoard = rng.int(8, 160);
      police.detections.push({
        id: detectionId,
        caseId,
        vesselId,
        operationId: null,
        detectedAt: new Date(openedAt.getTime() - rng.int(1, 6) * 3600 * 1000),
        seaArea: route.area,
        latitude: Number(rng.between(route.lat[0], route.lat[1]).toFixed(4)),
        longitude: Number(rng.between(route.lon[0], route.lon[1]).toFixed(4)),
        detectingCountry: route.detecting,
        outcome: rng.pick([DetectionOutcome.INTERCEPTED, DetectionOutcome.RESCUED, DetectionOutcome.ESCORTED, DetectionOutcome.TRACKED]),
        personsOnBoard,
        deaths: rng.chance(0.15) ? rng.int(1, 5) : 0,
        missing: rng.chance(0.1) ? rng.int(1, 8) : 0,
      });
    }
    const suspectIds = [randomUUID(), randomUUID()];
    const captain = { alias: `Captain ${n}`, nationality: route.lead === 'USA' ? 'CUB' : route.nationalities[0] };
    const organiser = { alias: `Organiser ${n}`, nationality: route.nationalities[0] };
    police.suspects.push(
      {
        id: suspectIds[0],
        caseId,
        networkId: null,
        personId: identify(route, captain),
        ...captain,
        role: SuspectRole.CAPTAIN,
      },
      {
        id: suspectIds[1],
        caseId,
        networkId: null,
        personId: identify(route, organiser),
        ...organiser,
        role: SuspectRole.ORGANIZER,
      },
    );
    const sharedAt = new Date(openedAt.getTime() + 24 * 3600 * 1000);
    police.intelligence.push({
      id: randomUUID(),
      caseId,
      summary: `Synthetic intelligence on the departure of case ${n}.`,
      handlingCode: rng.pick([HandlingCode.H0, HandlingCode.H1, HandlingCode.H2]),
      handlingConditions: null,
      sourceReliability: rng.pick([SourceReliability.A, SourceReliability.B, SourceReliability.C]),
      informationAccuracy: rng.pick([
        InformationAccuracy.CONFIRMED,
        InformationAccuracy.CORROBORATED,
        InformationAccuracy.NOT_CORROBORATED,
      ]),
      sourceCountry: route.lead,
      releasableTo: null,
      sharedAt,
      // As the service sets it: five years after sharing (it was 1 January of that year before).
      reviewBy: reviewDate(sharedAt),
    });

    const migrantIds: string[] = [];
    for (let m = 1; m <= 3; m += 1) {
      const migrantId = randomUUID();
      migrantIds.push(migrantId);
      const ageGroup = rng.pick([AgeGroup.AGE_9_17, AgeGroup.AGE_18_25, AgeGroup.AGE_26_47, AgeGroup.AGE_26_47, AgeGroup.AGE_48_PLUS]);
      const vulnerabilities =
        ageGroup === AgeGroup.AGE_9_17 && rng.chance(0.5)
          ? [Vulnerability.UNACCOMPANIED_CHILD]
          : rng.chance(0.3)
            ? [Vulnerability.TRAUMA]
            : [];
      const traffickingStatus = rng.pick([
        TraffickingStatus.NOT_ASSESSED,
        TraffickingStatus.NOT_A_VICTIM,
        TraffickingStatus.POSSIBLE,
        TraffickingStatus.CONFIRMED,
      ]);
      const registeredAt = new Date(openedAt.getTime() + 6 * 3600 * 1000);
      assistance.migrants.push({
        id: migrantId,
        caseId,
        detectionId: detectionIds[0],
        code: `MG-SYN-${runId}-${n}-${m}`,
        sex: rng.pick([Sex.FEMALE, Sex.MALE, Sex.MALE]),
        ageGroup,
        nationality: rng.pick(route.nationalities),
        vulnerabilities,
        traffickingStatus,
        registeredAt,
      });
      assistance.identities.push({ migrantId, givenName: `Given${n}x${m}`, familyName: `Family${n}x${m}`, dateOfBirth: null });
      assistance.screenings.push({
        id: randomUUID(),
        migrantId,
        screenedAt: registeredAt,
        screenedBy: 'IOM synthetic office',
        vulnerabilities,
        traffickingStatus,
      });
      const scope = rng.pick([ConsentScope.SHARE_WITH_POLICE, ConsentScope.SHARE_WITH_PROSECUTION, ConsentScope.TESTIMONY]);
      // The consent names the lead country's police or prosecutors, as IOM records it.
      const recipientAgency = scope === ConsentScope.SHARE_WITH_POLICE ? 'POLICE' : 'PROSECUTOR';
      assistance.consents.push({
        id: randomUUID(),
        migrantId,
        scope,
        recipientAgency,
        recipientCountry: route.lead,
        recipient: `Authorities of ${route.lead}`,
        purpose: `Case ${n}`,
        givenAt: registeredAt,
        expiresAt: null,
        withdrawnAt: null,
      });
      for (const type of [
        AssistanceType.MEDICAL,
        rng.pick([AssistanceType.SHELTER, AssistanceType.PSYCHOSOCIAL, AssistanceType.LEGAL_COUNSELLING]),
      ]) {
        assistance.records.push({
          id: randomUUID(),
          migrantId,
          type,
          status: AssistanceStatus.COMPLETED,
          provider: 'IOM synthetic office',
          startedAt: registeredAt,
          completedAt: registeredAt,
        });
      }
    }

    if (prosecuted) {
      const prosecutionId = randomUUID();
      const prosecutionOpened = new Date(openedAt.getTime() + 20 * 24 * 3600 * 1000);
      prosecution.prosecutions.push({
        id: prosecutionId,
        caseId,
        stage: rng.pick([ProsecutionStage.INVESTIGATION, ProsecutionStage.INDICTMENT, ProsecutionStage.TRIAL, ProsecutionStage.FINAL]),
        jurisdiction: route.lead,
        prosecutorOffice: `Prosecution office of ${route.lead}`,
        network: rng.pick([ProsecutorNetwork.REFCO, ProsecutorNetwork.REDTRAM, ProsecutorNetwork.OTHER, ProsecutorNetwork.NONE]),
        openedAt: prosecutionOpened,
      });
      for (const [index, suspectId] of suspectIds.entries()) {
        const defendantId = randomUUID();
        prosecution.defendants.push({
          id: defendantId,
          prosecutionId,
          suspectId,
          liability: index === 0 ? Liability.PRINCIPAL : Liability.ORGANIZER,
        });
        const decided = rng.chance(0.4);
        const verdict = decided ? rng.pick([Verdict.GUILTY, Verdict.GUILTY, Verdict.ACQUITTED]) : Verdict.PENDING;
        prosecution.charges.push(
          {
            id: randomUUID(),
            defendantId,
            offence: Offence.SMUGGLING_OF_MIGRANTS,
            legalBasis: LegalBasis.SOM_6_1_A,
            verdict,
            sentenceMonths: verdict === Verdict.GUILTY ? rng.int(12, 120) : null,
            filedAt: prosecutionOpened,
            decidedAt: decided ? new Date(prosecutionOpened.getTime() + 200 * 24 * 3600 * 1000) : null,
          },
          {
            id: randomUUID(),
            defendantId,
            offence: Offence.SMUGGLING_OF_MIGRANTS,
            legalBasis: LegalBasis.SOM_6_3_A,
            verdict: Verdict.PENDING,
            sentenceMonths: null,
            filedAt: prosecutionOpened,
            decidedAt: null,
          },
        );
      }
      prosecution.witnesses.push({
        id: randomUUID(),
        prosecutionId,
        migrantId: migrantIds[0],
        role: WitnessRole.SMUGGLED_MIGRANT_WITNESS,
        protectiveMeasures: [],
      });
      prosecution.mla.push({
        id: randomUUID(),
        prosecutionId,
        type: MlaType.EVIDENCE,
        status: rng.pick([MlaStatus.DRAFT, MlaStatus.TRANSMITTED, MlaStatus.EXECUTED]),
        requestingCountry: route.lead,
        requestedCountry: route.lead === 'USA' ? 'CUB' : 'USA',
        subject: `Evidence for case ${n}`,
      });
      for (const caseLawId of caseLawIds.slice(0, 2)) prosecution.caseLaw.push({ prosecutionId, caseLawId });
    }
  }

  return { police, assistance, prosecution };
}

/**
 * The person of interest each synthetic suspect is, at SYNTHETIC_LINK_RATES: an already-known one
 * (who then also goes by the suspect's alias), or a new person recorded by the case's lead bureau,
 * with a phone number (now and then one already used on the route) and maybe a passport. Its own
 * random numbers, so the draws of every other column stay as they were before persons existed;
 * numbers and passports carry the run (runs add up without linking to each other by accident).
 */
function personsOf(rng: ReturnType<typeof random>, runId: string, police: SyntheticRows['police']) {
  const rates = SYNTHETIC_LINK_RATES;
  const byRoute = new Map<string, Array<Partial<PersonEntity>>>();
  const phonesByRoute = new Map<string, string[]>();
  // Where this run's numbers start in each plan's range.
  const firstNumber = Number.parseInt(runId, 16);
  let numbered = 0;
  return (route: { lead: string; area: string }, suspect: { alias: string; nationality: string }): string => {
    const known = byRoute.get(route.area) ?? [];
    if (police.persons.length > 0 && rng.chance(rates.recurringPerson)) {
      const person = known.length > 0 && rng.chance(rates.recurringFromSameRoute) ? rng.pick(known) : rng.pick(police.persons);
      if (!person.aliases?.includes(suspect.alias)) person.aliases = [...(person.aliases ?? []), suspect.alias];
      return person.id as string;
    }
    const person: Partial<PersonEntity> = {
      id: randomUUID(),
      ownerCountry: route.lead,
      nationality: suspect.nationality,
      yearOfBirth: rng.chance(0.6) ? rng.int(1965, 2004) : null,
      aliases: [suspect.alias],
    };
    police.persons.push(person);
    byRoute.set(route.area, [...known, person]);
    const personId = person.id as string;
    if (rng.chance(rates.phone)) {
      const used = phonesByRoute.get(route.area) ?? [];
      let e164: string;
      if (used.length > 0 && rng.chance(rates.sharedPhone)) {
        e164 = rng.pick(used);
      } else {
        const plan = PHONE_PLANS[route.lead];
        e164 = `${plan.prefix}${((firstNumber + numbered) % 10 ** plan.digits).toString().padStart(plan.digits, '0')}`;
        numbered += 1;
        phonesByRoute.set(route.area, [...used, e164]);
      }
      police.personPhones.push({ personId, e164 });
    }
    if (rng.chance(rates.passport)) {
      police.personDocuments.push({
        personId,
        kind: DocumentKind.PASSPORT,
        number: `P${runId}${police.personDocuments.length.toString().padStart(6, '0')}`,
        issuingCountry: suspect.nationality,
      });
    }
    return personId;
  };
}
