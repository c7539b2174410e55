import type { DataSource } from 'typeorm';
import { demoId, kind } from '../../demo/ids.js';
import { Aggravation, Offence } from '../../shared/offence.js';
import { CaseLawEntity, ProsecutionCaseLawEntity } from '../case-law/case-law.entity.js';
import type { ChargeEntity } from '../charge/charge.entity.js';
import type { DefendantEntity } from '../defendant/defendant.entity.js';
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
} from '../enums.js';
import type { MlaRequestEntity } from '../mla/mla.entity.js';
import type { ProsecutionEntity } from '../prosecution/prosecution.entity.js';
import { createProsecutionContext, type ProsecutionContext } from '../prosecution.context.js';
import type { PlannedRecordIds } from '../../shared/record-ids.js';
import { seedContext } from '../../shared/seed-context.js';
import type { WitnessEntity } from '../witness/witness.entity.js';

// Every person is invented, and so is every case-law reference below: the citations name real
// courts but no real judgment. Case, suspect and migrant ids are those of the police and
// assistance demo seeds.

const prosecutions: Partial<ProsecutionEntity>[] = [
  {
    id: demoId(kind.prosecution, 1),
    caseId: demoId(kind.case, 1),
    stage: ProsecutionStage.INDICTMENT,
    jurisdiction: 'DOM',
    prosecutorOffice: 'Procuraduría Especializada contra el Tráfico Ilícito de Migrantes y la Trata de Personas (PETT), Santo Domingo',
    network: ProsecutorNetwork.REFCO,
    openedAt: new Date('2026-04-02T13:00:00Z'),
  },
  {
    id: demoId(kind.prosecution, 2),
    caseId: demoId(kind.case, 4),
    stage: ProsecutionStage.TRIAL,
    jurisdiction: 'ITA',
    prosecutorOffice: 'Procura della Repubblica di Agrigento',
    network: ProsecutorNetwork.OTHER,
    openedAt: new Date('2026-06-10T08:30:00Z'),
  },
];

const defendants: Partial<DefendantEntity>[] = [
  // Case 1: "El Capi" steered the yola; "Tío Ramón" organised the crossing. "La Flaca" is still sought.
  {
    id: demoId(kind.defendant, 1),
    prosecutionId: demoId(kind.prosecution, 1),
    suspectId: demoId(kind.suspect, 1),
    liability: Liability.PRINCIPAL,
  },
  {
    id: demoId(kind.defendant, 2),
    prosecutionId: demoId(kind.prosecution, 1),
    suspectId: demoId(kind.suspect, 2),
    liability: Liability.ORGANIZER,
  },
  // Case 4: "Abu Salem" organised the departure from the Libyan coast.
  {
    id: demoId(kind.defendant, 3),
    prosecutionId: demoId(kind.prosecution, 2),
    suspectId: demoId(kind.suspect, 5),
    liability: Liability.ORGANIZER,
  },
];

const pending = { verdict: Verdict.PENDING, sentenceMonths: null, decidedAt: null };

const charges: Partial<ChargeEntity>[] = [
  {
    id: demoId(kind.charge, 1),
    defendantId: demoId(kind.defendant, 1),
    offence: Offence.SMUGGLING_OF_MIGRANTS,
    legalBasis: LegalBasis.SOM_6_1_A,
    filedAt: new Date('2026-04-24T15:00:00Z'),
    ...pending,
  },
  {
    id: demoId(kind.charge, 2),
    defendantId: demoId(kind.defendant, 1),
    offence: Offence.SMUGGLING_OF_MIGRANTS,
    legalBasis: LegalBasis.SOM_6_3_A,
    filedAt: new Date('2026-04-24T15:00:00Z'),
    ...pending,
  },
  {
    id: demoId(kind.charge, 3),
    defendantId: demoId(kind.defendant, 2),
    offence: Offence.SMUGGLING_OF_MIGRANTS,
    legalBasis: LegalBasis.SOM_6_1_A,
    filedAt: new Date('2026-04-24T15:00:00Z'),
    ...pending,
  },
  {
    id: demoId(kind.charge, 4),
    defendantId: demoId(kind.defendant, 2),
    offence: Offence.PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP,
    legalBasis: LegalBasis.UNTOC_5,
    filedAt: new Date('2026-04-24T15:00:00Z'),
    ...pending,
  },
  {
    id: demoId(kind.charge, 5),
    defendantId: demoId(kind.defendant, 3),
    offence: Offence.SMUGGLING_OF_MIGRANTS,
    legalBasis: LegalBasis.SOM_6_3_A,
    filedAt: new Date('2026-07-01T09:00:00Z'),
    ...pending,
  },
];

const witnesses: Partial<WitnessEntity>[] = [
  {
    id: demoId(kind.witness, 1),
    prosecutionId: demoId(kind.prosecution, 1),
    // Migrant 2 gave TESTIMONY consent to IOM.
    migrantId: demoId(kind.migrant, 2),
    role: WitnessRole.SMUGGLED_MIGRANT_WITNESS,
    protectiveMeasures: ['Identity withheld from the public record', 'Testimony by video link'],
  },
  {
    id: demoId(kind.witness, 2),
    prosecutionId: demoId(kind.prosecution, 2),
    // Migrant 7 survived the Lampedusa crossing.
    migrantId: demoId(kind.migrant, 7),
    role: WitnessRole.VICTIM,
    protectiveMeasures: ['Testimony in closed session', 'Residence permit for the duration of the proceedings'],
  },
];

const mlaRequests: Partial<MlaRequestEntity>[] = [
  {
    id: demoId(kind.mla, 1),
    prosecutionId: demoId(kind.prosecution, 1),
    type: MlaType.EVIDENCE,
    status: MlaStatus.ACKNOWLEDGED,
    requestingCountry: 'DOM',
    requestedCountry: 'USA',
    subject: 'Boarding report, photographs and GPS track of the US Coast Guard interdiction of 14 March 2026',
    createdAt: new Date('2026-04-06T14:20:00Z'),
    updatedAt: new Date('2026-04-21T16:45:00Z'),
  },
  {
    id: demoId(kind.mla, 2),
    prosecutionId: demoId(kind.prosecution, 2),
    type: MlaType.EVIDENCE,
    status: MlaStatus.POSTPONED,
    requestingCountry: 'ITA',
    requestedCountry: 'LBY',
    subject: 'Subscriber and activation records of the satellite phone used aboard, and records of the departure beach near Zuwara',
    createdAt: new Date('2026-06-15T10:00:00Z'),
    updatedAt: new Date('2026-07-22T09:10:00Z'),
  },
  {
    id: demoId(kind.mla, 3),
    prosecutionId: demoId(kind.prosecution, 2),
    type: MlaType.TESTIMONY,
    status: MlaStatus.EXECUTED,
    requestingCountry: 'ITA',
    requestedCountry: 'TUN',
    subject: 'Hearing by video link of the crew of the Tunisian fishing boat that first sighted the dinghy in distress',
    createdAt: new Date('2026-06-18T11:30:00Z'),
    updatedAt: new Date('2026-08-05T15:00:00Z'),
  },
];

const caseLaw: Partial<CaseLawEntity>[] = [
  {
    id: demoId(kind.caseLaw, 1),
    citation: 'Tribunal de Primera Instancia de La Altagracia, Sentencia 0042/2024',
    jurisdiction: 'DOM',
    year: 2024,
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [Aggravation.ENDANGERING_LIFE],
    seaMode: true,
    holding:
      "Evidence seized by a foreign coast guard boarding a Dominican-flagged vessel is admissible when the flag State's authorisation under Art. 8 of the Protocol is on the record.",
  },
  {
    id: demoId(kind.caseLaw, 2),
    citation: 'Corte de Apelación Penal de San Pedro de Macorís, Sentencia 0117/2023',
    jurisdiction: 'DOM',
    year: 2023,
    offences: [Offence.SMUGGLING_OF_MIGRANTS, Offence.PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP],
    aggravations: [Aggravation.ENDANGERING_LIFE],
    seaMode: true,
    holding:
      'Loading an open yola far beyond its capacity, without life jackets, for a night crossing of the Mona Passage establishes the endangering-life aggravation even though no one was harmed.',
  },
  {
    id: demoId(kind.caseLaw, 3),
    citation: 'Tribunal Colegiado del Distrito Nacional, Sentencia 0208/2025',
    jurisdiction: 'DOM',
    year: 2025,
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [],
    seaMode: true,
    holding:
      'Migrants carried on the vessel cannot be charged with their own smuggling (Art. 5 of the Protocol); their statements are weighed as those of witnesses, not co-accused.',
  },
  {
    id: demoId(kind.caseLaw, 4),
    citation: 'Tribunale di Agrigento, Sezione penale, sentenza n. 0512/2022',
    jurisdiction: 'ITA',
    year: 2022,
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [Aggravation.ENDANGERING_LIFE, Aggravation.INHUMAN_OR_DEGRADING_TREATMENT],
    seaMode: true,
    holding:
      'Crowding passengers onto an inflatable with no water and beating those who moved amounts to inhuman or degrading treatment aggravating the smuggling offence.',
  },
  {
    id: demoId(kind.caseLaw, 5),
    citation: "Corte d'Appello di Palermo, Sezione II penale, sentenza n. 1488/2024",
    jurisdiction: 'ITA',
    year: 2024,
    offences: [Offence.SMUGGLING_OF_MIGRANTS, Offence.PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP],
    aggravations: [Aggravation.ENDANGERING_LIFE],
    seaMode: true,
    holding:
      'An organiser who never boarded is liable for the deaths caused by launching an unseaworthy dinghy into forecast bad weather, and Italian courts have jurisdiction over his acts ashore abroad.',
  },
  {
    id: demoId(kind.caseLaw, 6),
    citation: 'Tribunale di Catania, Ufficio GIP, sentenza n. 0077/2021',
    jurisdiction: 'ITA',
    year: 2021,
    offences: [Offence.SMUGGLING_OF_MIGRANTS],
    aggravations: [],
    seaMode: true,
    holding: 'A passenger made to steer the dinghy under threat, paid nothing and travelling as a migrant, is not liable as a smuggler.',
  },
];

const caseLawLinks: Partial<ProsecutionCaseLawEntity>[] = [
  { prosecutionId: demoId(kind.prosecution, 1), caseLawId: demoId(kind.caseLaw, 1) },
  { prosecutionId: demoId(kind.prosecution, 1), caseLawId: demoId(kind.caseLaw, 2) },
  { prosecutionId: demoId(kind.prosecution, 1), caseLawId: demoId(kind.caseLaw, 3) },
  { prosecutionId: demoId(kind.prosecution, 2), caseLawId: demoId(kind.caseLaw, 4) },
  { prosecutionId: demoId(kind.prosecution, 2), caseLawId: demoId(kind.caseLaw, 5) },
];

/** The stages after each opening stage, in order (the demo's prosecutions go no further than TRIAL). */
const STAGE_PATH: Record<ProsecutionStage.INVESTIGATION | ProsecutionStage.INDICTMENT, ProsecutionStage[]> = {
  [ProsecutionStage.INVESTIGATION]: [],
  [ProsecutionStage.INDICTMENT]: [ProsecutionStage.TRIAL, ProsecutionStage.APPEAL],
};

/** The shortest way a request moves from DRAFT to `target` along the MLA state machine. */
function mlaPath(target: MlaStatus): MlaStatus[] {
  const queue: MlaStatus[][] = [[MlaStatus.DRAFT]];
  while (queue.length > 0) {
    const path = queue.shift() as MlaStatus[];
    const last = path[path.length - 1];
    if (last === target) return path.slice(1);
    for (const next of MLA_STATUS_TRANSITIONS[last]) if (!path.includes(next)) queue.push([...path, next]);
  }
  throw new Error(`no way from DRAFT to ${target}`);
}

/**
 * Loads the prosecution side of the demo stories if the database has no prosecutions yet, through
 * the same services (rules, transactions, idempotency keys, state machines) prosecutors use, with
 * the stories' ids planned before each write.
 * Case law is reference data with no workflow of its own, so it is inserted as it is.
 */
export async function seedProsecutionDemo(dataSource: DataSource): Promise<boolean> {
  const [{ present }] = await dataSource.query<Array<{ present: boolean }>>(
    '/* seed.prosecution.present */ SELECT EXISTS (SELECT 1 FROM prosecutions) AS present',
  );
  if (present) return false;
  await dataSource.transaction(async (manager) => {
    await manager.insert(CaseLawEntity, caseLaw);
  });
  // Each State's prosecutors write their own files (only a prosecution's jurisdiction writes on it),
  // and each side of an MLA request moves it as the transition fits.
  const prosecutors = new Map<string, { services: ProsecutionContext; ids: PlannedRecordIds }>();
  /** The prosecutors of `country`, with the id of the record their next write creates planned. */
  const as = (country: string, planned: Readonly<Record<string, string | undefined>> = {}) => {
    let prosecutor = prosecutors.get(country);
    if (!prosecutor) {
      const seed = seedContext(dataSource, 'PROSECUTOR', country);
      prosecutor = { services: createProsecutionContext(seed), ids: seed.recordIds };
      prosecutors.set(country, prosecutor);
    }
    prosecutor.ids.plan(planned);
    return prosecutor.services;
  };
  const jurisdictionOf = new Map(prosecutions.map((p) => [p.id as string, p.jurisdiction as string]));
  const defendantIn = new Map(defendants.map((d) => [d.id as string, d.prosecutionId as string]));
  for (const p of prosecutions) {
    // Proceedings open at INVESTIGATION or INDICTMENT; later stages are reached by advancing.
    const opening = p.stage === ProsecutionStage.INVESTIGATION ? ProsecutionStage.INVESTIGATION : ProsecutionStage.INDICTMENT;
    let opened = await as(p.jurisdiction as string, { prosecution: p.id }).prosecutions.open(
      {
        caseId: p.caseId as string,
        prosecutorOffice: p.prosecutorOffice as string,
        network: p.network as ProsecutorNetwork,
        stage: opening,
        openedAt: p.openedAt,
      },
      `demo:prosecution:${p.id}`,
    );
    for (const stage of STAGE_PATH[opening].slice(0, STAGE_PATH[opening].indexOf(p.stage as ProsecutionStage) + 1)) {
      opened = opened && (await as(p.jurisdiction as string).prosecutions.advanceStage(opened.id, opened.version, stage));
    }
  }
  await dataSource.transaction(async (manager) => {
    await manager.insert(ProsecutionCaseLawEntity, caseLawLinks);
  });
  for (const d of defendants) {
    await as(jurisdictionOf.get(d.prosecutionId as string) as string, { defendant: d.id }).defendants.add(
      { prosecutionId: d.prosecutionId as string, suspectId: d.suspectId as string, liability: d.liability as Liability },
      `demo:defendant:${d.id}`,
    );
  }
  for (const c of charges) {
    await as(jurisdictionOf.get(defendantIn.get(c.defendantId as string) as string) as string, { charge: c.id }).charges.file(
      { defendantId: c.defendantId as string, offence: c.offence as Offence, legalBasis: c.legalBasis as LegalBasis },
      `demo:charge:${c.id}`,
    );
  }
  for (const w of witnesses) {
    await as(jurisdictionOf.get(w.prosecutionId as string) as string, { witness: w.id }).witnesses.add(
      {
        prosecutionId: w.prosecutionId as string,
        migrantId: w.migrantId as string,
        role: w.role as WitnessRole,
        protectiveMeasures: w.protectiveMeasures,
      },
      `demo:witness:${w.id}`,
    );
  }
  for (const m of mlaRequests) {
    let request = await as(m.requestingCountry as string, { mla: m.id }).mlaRequests.create(
      {
        prosecutionId: m.prosecutionId as string,
        type: m.type as MlaType,
        requestedCountry: m.requestedCountry as string,
        subject: m.subject as string,
      },
      `demo:mla:${m.id}`,
    );
    for (const status of mlaPath(m.status as MlaStatus)) {
      const side = status === MlaStatus.TRANSMITTED || status === MlaStatus.WITHDRAWN ? m.requestingCountry : m.requestedCountry;
      request = await as(side as string).mlaRequests.advance(request.id, request.version, status);
    }
  }
  return true;
}
