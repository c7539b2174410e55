import type { DataSource } from 'typeorm';
import { Aggravation, Offence } from '../../shared/offence.js';
import { demoId, kind } from '../../demo/ids.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { DetectionEntity } from '../detection/detection.entity.js';
import {
  BoardingAuthorization,
  SharingScope,
  CaseStatus,
  DetectionOutcome,
  HandlingCode,
  InformationAccuracy,
  RegistryStatus,
  SourceReliability,
  SuspectRole,
  VesselType,
} from '../enums.js';
import type { IntelligenceItemEntity } from '../intelligence/intelligence.entity.js';
import { DocumentKind } from '../person/person.enums.js';
import type { PersonDocumentInput } from '../person/person.input.js';
import { SmugglingNetworkEntity } from '../network/network.entity.js';
import { OperationEntity } from '../operation/operation.entity.js';
import { createPoliceContext, type PoliceContext } from '../police.context.js';
import type { SuspectEntity } from '../suspect/suspect.entity.js';
import type { VesselEntity } from '../vessel/vessel.entity.js';
import type { PlannedRecordIds } from '../../shared/record-ids.js';
import { seedContext } from '../../shared/seed-context.js';

// Every person and vessel below is invented; the routes and patterns are public ones.

const networks: Partial<SmugglingNetworkEntity>[] = [
  {
    id: demoId(kind.network, 1),
    name: 'Red del Canal de la Mona',
    modusOperandi:
      'Recruits in the eastern Dominican Republic and in Haiti; departs at night from beaches near Miches in wooden yolas carrying 30-60 people; charges about USD 3,000 a passenger, paid half before departure; pick-up boats meet arrivals on the west coast of Puerto Rico.',
    activeCountries: ['DOM', 'HTI', 'PRI', 'USA'],
  },
  {
    id: demoId(kind.network, 2),
    name: 'Zuwara coastal cell',
    modusOperandi:
      'Launches inflatable dinghies from beaches west of Tripoli; a migrant is made to steer; satellite phone numbers are handed over at departure.',
    activeCountries: ['LBY', 'TUN', 'ITA'],
  },
];

const operations: Partial<OperationEntity>[] = [
  {
    id: demoId(kind.operation, 1),
    name: 'Operation Turquoise Current',
    coordinatingBody: 'INTERPOL and UNODC',
    countries: ['DOM', 'TCA', 'CUW', 'USA'],
    startedOn: '2026-03-02',
    endedOn: '2026-03-27',
  },
];

const cases: Partial<CaseEntity>[] = [
  {
    id: demoId(kind.case, 1),
    reference: 'DOM-2026-0142',
    status: CaseStatus.REFERRED_FOR_PROSECUTION,
    leadCountry: 'DOM',
    openedAt: new Date('2026-03-14T06:10:00Z'),
    offences: [Offence.SMUGGLING_OF_MIGRANTS, Offence.PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP],
    aggravations: [Aggravation.ENDANGERING_LIFE],
    summary:
      'Overloaded wooden yola intercepted in the Mona Passage bound for Puerto Rico with 38 people aboard, no life jackets and one outboard engine.',
    networkId: demoId(kind.network, 1),
    operationId: demoId(kind.operation, 1),
  },
  {
    id: demoId(kind.case, 2),
    reference: 'TCA-2026-0031',
    status: CaseStatus.UNDER_INVESTIGATION,
    leadCountry: 'TCA',
    openedAt: new Date('2026-02-09T15:40:00Z'),
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [Aggravation.ENDANGERING_LIFE],
    summary: 'Haitian sloop grounded on a reef off Providenciales; passengers rescued by the marine branch.',
    networkId: null,
    operationId: null,
  },
  {
    id: demoId(kind.case, 3),
    reference: 'CUW-2026-0007',
    status: CaseStatus.OPEN,
    leadCountry: 'CUW',
    openedAt: new Date('2026-03-20T23:05:00Z'),
    offences: [Offence.SMUGGLING_OF_MIGRANTS, Offence.DOCUMENT_FRAUD],
    aggravations: [],
    summary: 'Open boat from the Venezuelan coast intercepted north of Curaçao with forged identity cards aboard.',
    networkId: null,
    operationId: demoId(kind.operation, 1),
  },
  {
    id: demoId(kind.case, 4),
    reference: 'ITA-2026-0311',
    status: CaseStatus.REFERRED_FOR_PROSECUTION,
    leadCountry: 'ITA',
    openedAt: new Date('2026-05-30T09:25:00Z'),
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [Aggravation.ENDANGERING_LIFE, Aggravation.INHUMAN_OR_DEGRADING_TREATMENT],
    summary: 'Inflatable dinghy in distress south of Lampedusa; three dead and five missing after departure from the Libyan coast.',
    networkId: demoId(kind.network, 2),
    operationId: null,
  },
  {
    id: demoId(kind.case, 5),
    reference: 'ESP-2026-0058',
    status: CaseStatus.OPEN,
    leadCountry: 'ESP',
    openedAt: new Date('2026-08-18T17:50:00Z'),
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [Aggravation.ENDANGERING_LIFE],
    summary: 'Cayuco from the Senegalese coast reached El Hierro after eleven days at sea.',
    networkId: null,
    operationId: null,
  },
];

const vessels: Partial<VesselEntity>[] = [
  {
    // Detected twice (the analysis file's recurring vessel): intercepted in the Mona Passage, released
    // to its registered owner in Higüey, then met again north of Curaçao six days later.
    id: demoId(kind.vessel, 1),
    name: null,
    type: VesselType.WOODEN_BOAT,
    flagState: 'DOM',
    registryStatus: RegistryStatus.CONFIRMED,
    boardingAuthorization: BoardingAuthorization.GRANTED,
    // 327: the Dominican Republic's maritime identification digits.
    mmsi: '327004512',
    registration: 'HIG-0457',
    hullDescription: 'Wooden yola, about 9 m, white hull with a blue sheer stripe, one 75 hp outboard.',
  },
  {
    id: demoId(kind.vessel, 2),
    name: 'Bon Dye Bon',
    type: VesselType.SAILING_YACHT,
    flagState: 'HTI',
    registryStatus: RegistryStatus.REQUESTED,
    boardingAuthorization: BoardingAuthorization.REQUESTED,
  },
  {
    id: demoId(kind.vessel, 4),
    name: null,
    type: VesselType.DINGHY,
    flagState: null,
    registryStatus: RegistryStatus.STATELESS,
    boardingAuthorization: BoardingAuthorization.OWN_FLAG,
  },
  {
    id: demoId(kind.vessel, 5),
    name: 'Baye Fall',
    type: VesselType.WOODEN_BOAT,
    flagState: 'SEN',
    registryStatus: RegistryStatus.DENIED,
    boardingAuthorization: BoardingAuthorization.OWN_FLAG,
  },
];

const detections: Partial<DetectionEntity>[] = [
  {
    id: demoId(kind.detection, 1),
    caseId: demoId(kind.case, 1),
    vesselId: demoId(kind.vessel, 1),
    operationId: demoId(kind.operation, 1),
    detectedAt: new Date('2026-03-14T04:20:00Z'),
    seaArea: 'Mona Passage',
    latitude: 18.3312,
    longitude: -67.8471,
    detectingCountry: 'USA',
    outcome: DetectionOutcome.INTERCEPTED,
    personsOnBoard: 38,
    deaths: 0,
    missing: 0,
  },
  {
    id: demoId(kind.detection, 2),
    caseId: demoId(kind.case, 2),
    vesselId: demoId(kind.vessel, 2),
    operationId: null,
    detectedAt: new Date('2026-02-09T13:05:00Z'),
    seaArea: 'Caicos Bank, off Providenciales',
    latitude: 21.7421,
    longitude: -72.3298,
    detectingCountry: 'TCA',
    outcome: DetectionOutcome.RESCUED,
    personsOnBoard: 112,
    deaths: 0,
    missing: 0,
  },
  {
    id: demoId(kind.detection, 3),
    caseId: demoId(kind.case, 3),
    // The Mona Passage yola again: the Curaçao bureau's MMSI and registration link it to the DOM case.
    vesselId: demoId(kind.vessel, 1),
    operationId: demoId(kind.operation, 1),
    detectedAt: new Date('2026-03-20T21:40:00Z'),
    seaArea: 'North of Curaçao',
    latitude: 12.3501,
    longitude: -69.1522,
    detectingCountry: 'CUW',
    outcome: DetectionOutcome.INTERCEPTED,
    personsOnBoard: 14,
    deaths: 0,
    missing: 0,
  },
  {
    id: demoId(kind.detection, 4),
    caseId: demoId(kind.case, 4),
    vesselId: demoId(kind.vessel, 4),
    operationId: null,
    detectedAt: new Date('2026-05-30T06:55:00Z'),
    seaArea: 'Central Mediterranean, south of Lampedusa',
    latitude: 35.0117,
    longitude: 12.6094,
    detectingCountry: 'ITA',
    outcome: DetectionOutcome.RESCUED,
    personsOnBoard: 47,
    deaths: 3,
    missing: 5,
  },
  {
    id: demoId(kind.detection, 5),
    caseId: demoId(kind.case, 5),
    vesselId: demoId(kind.vessel, 5),
    operationId: null,
    detectedAt: new Date('2026-08-18T15:30:00Z'),
    seaArea: 'Atlantic, south-west of El Hierro',
    latitude: 27.5633,
    longitude: -18.2104,
    detectingCountry: 'ESP',
    outcome: DetectionOutcome.RESCUED,
    personsOnBoard: 164,
    deaths: 2,
    missing: 0,
  },
];

const suspects: Partial<SuspectEntity>[] = [
  {
    id: demoId(kind.suspect, 1),
    caseId: demoId(kind.case, 1),
    networkId: demoId(kind.network, 1),
    alias: 'El Capi',
    nationality: 'DOM',
    role: SuspectRole.CAPTAIN,
  },
  {
    id: demoId(kind.suspect, 2),
    caseId: demoId(kind.case, 1),
    networkId: demoId(kind.network, 1),
    alias: 'Tío Ramón',
    nationality: 'DOM',
    role: SuspectRole.ORGANIZER,
  },
  {
    id: demoId(kind.suspect, 3),
    caseId: demoId(kind.case, 1),
    networkId: demoId(kind.network, 1),
    alias: 'La Flaca',
    nationality: 'HTI',
    role: SuspectRole.RECRUITER,
  },
  {
    id: demoId(kind.suspect, 4),
    caseId: demoId(kind.case, 2),
    networkId: null,
    alias: 'Captain Ti Jan',
    nationality: 'HTI',
    role: SuspectRole.CAPTAIN,
  },
  {
    id: demoId(kind.suspect, 5),
    caseId: demoId(kind.case, 4),
    networkId: demoId(kind.network, 2),
    alias: 'Abu Salem',
    nationality: 'LBY',
    role: SuspectRole.ORGANIZER,
  },
];

/**
 * The analysis file's recurring organiser: "El Capitán", with a Dominican mobile number, is first a
 * suspect in the Curaçao case (shared with every member country); the Turks and Caicos bureau
 * records the same number in national format, and addSuspect links its suspect to the same person.
 * A second Turks and Caicos suspect, "Capitán", has no identifier: recorded as a person of its own,
 * with El Capitán as a candidate awaiting an officer's confirmation. Added once the cases' sharing is set.
 */
const recurring: Array<Partial<SuspectEntity> & { phones: string[]; documents?: PersonDocumentInput[]; yearOfBirth?: number }> = [
  {
    id: demoId(kind.suspect, 6),
    caseId: demoId(kind.case, 3),
    networkId: null,
    alias: 'El Capitán',
    nationality: 'DOM',
    role: SuspectRole.ORGANIZER,
    yearOfBirth: 1979,
    phones: ['+1 809 555 0142'],
    documents: [{ kind: DocumentKind.PASSPORT, number: 'sc 4471902', issuingCountry: 'DOM' }],
  },
  {
    id: demoId(kind.suspect, 7),
    caseId: demoId(kind.case, 2),
    networkId: null,
    alias: 'El Capitan',
    nationality: 'DOM',
    role: SuspectRole.ORGANIZER,
    phones: ['(809) 555-0142'],
  },
  {
    id: demoId(kind.suspect, 8),
    caseId: demoId(kind.case, 2),
    networkId: null,
    alias: 'Capitán',
    nationality: 'DOM',
    role: SuspectRole.FACILITATOR,
    phones: [],
  },
];

const intelligence: Partial<IntelligenceItemEntity>[] = [
  {
    id: demoId(kind.intelligence, 1),
    caseId: demoId(kind.case, 1),
    summary:
      'Departures of the network leave from beaches east of Miches on moonless nights; the yola was fuelled the evening before at a private jetty.',
    handlingCode: HandlingCode.H0,
    handlingConditions: null,
    sourceReliability: SourceReliability.B,
    informationAccuracy: InformationAccuracy.CORROBORATED,
    sourceCountry: 'DOM',
    releasableTo: null,
    sharedAt: new Date('2026-03-15T10:00:00Z'),
    reviewBy: '2031-03-15',
  },
  {
    id: demoId(kind.intelligence, 2),
    caseId: demoId(kind.case, 1),
    summary:
      "Passenger fees are collected through two money-transfer agents in Higüey; a ledger seized in a previous case lists the organiser's alias.",
    handlingCode: HandlingCode.H1,
    handlingConditions: null,
    sourceReliability: SourceReliability.A,
    informationAccuracy: InformationAccuracy.KNOWN_TO_SOURCE,
    sourceCountry: 'USA',
    releasableTo: ['DOM', 'USA', 'PRI'],
    sharedAt: new Date('2026-03-18T14:30:00Z'),
    reviewBy: '2031-03-18',
  },
  {
    id: demoId(kind.intelligence, 3),
    caseId: demoId(kind.case, 1),
    summary: 'The same organiser is linked to departures toward the Turks and Caicos Islands in 2025.',
    handlingCode: HandlingCode.H3,
    handlingConditions: "Do not disclose to the vessel's flag State before 2026-09-30.",
    sourceReliability: SourceReliability.C,
    informationAccuracy: InformationAccuracy.NOT_CORROBORATED,
    sourceCountry: 'TCA',
    releasableTo: ['DOM', 'TCA'],
    sharedAt: new Date('2026-03-22T08:15:00Z'),
    reviewBy: '2031-03-22',
  },
  {
    id: demoId(kind.intelligence, 4),
    caseId: demoId(kind.case, 4),
    summary: 'Satellite phone used aboard was activated in Zuwara two days before departure.',
    handlingCode: HandlingCode.H2,
    handlingConditions: null,
    sourceReliability: SourceReliability.B,
    informationAccuracy: InformationAccuracy.CONFIRMED,
    sourceCountry: 'ITA',
    releasableTo: ['ITA', 'MLT'],
    sharedAt: new Date('2026-06-02T11:00:00Z'),
    reviewBy: '2031-06-02',
  },
];

/**
 * Who each owner releases its case to. DOM-2026-0142 keeps the default (INVOLVED: DOM, and the USA
 * whose Coast Guard intercepted the yola); the Turks and Caicos bureau names the Dominican and
 * Haitian bureaus working the same Hispaniola routes; the Curaçao case of the joint operation and
 * the Canary Islands arrival go to every member country; the Lampedusa shipwreck stays with Italy
 * (INVOLVED), so any other bureau sees it as a hit and contacts Rome.
 */
const SHARING: Record<string, { scope: SharingScope; countries?: string[] }> = {
  'TCA-2026-0031': { scope: SharingScope.NAMED, countries: ['DOM', 'HTI', 'USA'] },
  'CUW-2026-0007': { scope: SharingScope.ALL },
  'ESP-2026-0058': { scope: SharingScope.ALL },
};

/** The person recorded with demo suspect n, when it is a new person, has number n too. */
const personIdOf = (suspectId: string | undefined) => demoId(kind.person, Number.parseInt((suspectId as string).slice(-12), 16));

/** The statuses each demo case goes through, as its investigation did. */
const STATUS_PATH: Record<CaseStatus, CaseStatus[]> = {
  [CaseStatus.OPEN]: [],
  [CaseStatus.UNDER_INVESTIGATION]: [CaseStatus.UNDER_INVESTIGATION],
  [CaseStatus.REFERRED_FOR_PROSECUTION]: [CaseStatus.UNDER_INVESTIGATION, CaseStatus.REFERRED_FOR_PROSECUTION],
  [CaseStatus.CLOSED]: [CaseStatus.CLOSED],
};

/**
 * Loads the police side of the demo stories if the database has no cases yet, through the same
 * services (rules, transactions, idempotency keys) that police partners' mutations use.
 */
export async function seedPoliceDemo(dataSource: DataSource): Promise<boolean> {
  const [{ present }] = await dataSource.query<Array<{ present: boolean }>>(
    '/* seed.police.present */ SELECT EXISTS (SELECT 1 FROM cases) AS present',
  );
  if (present) return false;
  // Analysts' network files and joint operations have no workflow of their own: reference data.
  await dataSource.transaction(async (manager) => {
    await manager.insert(SmugglingNetworkEntity, networks);
    await manager.insert(OperationEntity, operations);
  });
  // Each bureau records its own: the caller's country owns what it opens and shares.
  // Each write takes the fixed id the stories are told with: planned on the bureau's record ids just before it.
  const bureaus = new Map<string, PoliceContext & { recordIds: PlannedRecordIds }>();
  const bureau = (country: string) => {
    const known = bureaus.get(country);
    if (known) return known;
    const base = seedContext(dataSource, 'POLICE', country);
    const created = { ...createPoliceContext(base), recordIds: base.recordIds };
    bureaus.set(country, created);
    return created;
  };
  const ownerOf = (caseId: string | undefined) => bureau(cases.find((c) => c.id === caseId)?.leadCountry as string);
  const versions = new Map<string, number>();
  for (const c of cases) {
    const lead = bureau(c.leadCountry as string);
    lead.recordIds.plan({ case: c.id });
    await lead.cases.open(
      {
        reference: c.reference as string,
        leadCountry: c.leadCountry as string,
        openedAt: c.openedAt,
        offences: c.offences as Offence[],
        aggravations: c.aggravations,
        summary: c.summary,
        networkId: c.networkId,
        operationId: c.operationId,
      },
      `demo:case:${c.reference}`,
    );
  }
  const recorded = new Set<string | undefined>();
  for (const d of detections) {
    const vessel = vessels.find((candidate) => candidate.id === d.vesselId);
    const owner = ownerOf(d.caseId);
    // A vessel seen before is matched on its identifiers, not recorded again: no id to plan for it.
    owner.recordIds.plan({ detection: d.id, vessel: recorded.has(vessel?.id) ? undefined : vessel?.id });
    recorded.add(vessel?.id);
    await owner.detections.record(
      {
        caseId: d.caseId,
        operationId: d.operationId,
        detectedAt: d.detectedAt as Date,
        seaArea: d.seaArea as string,
        position: { latitude: d.latitude as number, longitude: d.longitude as number },
        detectingCountry: d.detectingCountry as string,
        outcome: d.outcome as DetectionOutcome,
        personsOnBoard: d.personsOnBoard as number,
        deaths: d.deaths as number,
        missing: d.missing,
        vessel: vessel
          ? {
              name: vessel.name,
              type: vessel.type as VesselType,
              flagState: vessel.flagState,
              registryStatus: vessel.registryStatus as RegistryStatus,
              boardingAuthorization: vessel.boardingAuthorization as BoardingAuthorization,
              imo: vessel.imo,
              mmsi: vessel.mmsi,
              registration: vessel.registration,
              hullDescription: vessel.hullDescription,
            }
          : null,
      },
      `demo:detection:${d.id}`,
    );
  }
  for (const suspect of suspects) {
    const owner = ownerOf(suspect.caseId);
    // Each of these suspects is a person of its own: the person takes the suspect's number.
    owner.recordIds.plan({ suspect: suspect.id, person: personIdOf(suspect.id) });
    await owner.suspects.add(
      {
        caseId: suspect.caseId as string,
        alias: suspect.alias as string,
        nationality: suspect.nationality,
        role: suspect.role as SuspectRole,
        networkId: suspect.networkId,
      },
      `demo:suspect:${suspect.id}`,
    );
  }
  for (const c of cases) versions.set(c.id as string, 1);
  const setSharing = async (caseId: string, scope: SharingScope, countries?: string[]) => {
    const changed = await ownerOf(caseId).cases.setSharing(caseId, versions.get(caseId) as number, scope, countries);
    versions.set(caseId, changed?.version ?? (versions.get(caseId) as number) + 1);
  };
  for (const item of intelligence) {
    // The Turks and Caicos bureau is not involved in the Mona Passage case: Santo Domingo names it
    // while it shares its lead on the organiser, then narrows the case back to the countries involved.
    const outsider = item.sourceCountry === 'TCA' && item.caseId === demoId(kind.case, 1);
    if (outsider) await setSharing(item.caseId as string, SharingScope.NAMED, ['TCA']);
    const source = bureau(item.sourceCountry as string);
    source.recordIds.plan({ intelligence: item.id });
    await source.intelligence.share(
      {
        caseId: item.caseId as string,
        summary: item.summary as string,
        handlingCode: item.handlingCode as HandlingCode,
        handlingConditions: item.handlingConditions,
        sourceReliability: item.sourceReliability as SourceReliability,
        informationAccuracy: item.informationAccuracy as InformationAccuracy,
        releasableTo: item.releasableTo,
      },
      `demo:intelligence:${item.id}`,
    );
    if (outsider) await setSharing(item.caseId as string, SharingScope.INVOLVED);
  }
  for (const c of cases) {
    const sharing = SHARING[c.reference as string];
    if (sharing) await setSharing(c.id as string, sharing.scope, sharing.countries);
  }
  for (const suspect of recurring) {
    const owner = ownerOf(suspect.caseId);
    owner.recordIds.plan({ suspect: suspect.id, person: personIdOf(suspect.id) });
    await owner.suspects.add(
      {
        caseId: suspect.caseId as string,
        alias: suspect.alias as string,
        nationality: suspect.nationality,
        role: suspect.role as SuspectRole,
        networkId: suspect.networkId,
        yearOfBirth: suspect.yearOfBirth,
        phones: suspect.phones,
        documents: suspect.documents,
      },
      `demo:suspect:${suspect.id}`,
    );
    // A linked suspect records no person: its planned id is not left for a later write.
    owner.recordIds.next('person');
  }
  for (const c of cases) {
    let version = versions.get(c.id as string) as number;
    for (const status of STATUS_PATH[c.status as CaseStatus]) {
      version = (await ownerOf(c.id).cases.advance(c.id as string, version, status))?.version ?? version + 1;
    }
  }
  return true;
}
