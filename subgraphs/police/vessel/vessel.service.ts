import type { EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type FieldProblem } from '../../../platform/errors.js';
import { updateVersioned } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { guard } from '../../shared/policy.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { CaseService } from '../case/case.service.js';
import type { DetectionEntity } from '../detection/detection.entity.js';
import type { VesselInput } from '../detection/detection.input.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import { VesselEntity } from './vessel.entity.js';
import { imoDigits } from './vessel-identifiers.js';
import type { VesselIdentifiers } from './vessel.store.js';

/** The identifiers a known vessel is matched on, in the order the match prefers them, with their input field. */
const IDENTIFIERS = [
  { column: 'imo', field: 'vessel.imo' },
  { column: 'mmsi', field: 'vessel.mmsi' },
  { column: 'registration', field: 'vessel.registration' },
] as const;

/** A vessel across its detections: matched on exact identifiers when recorded, read within the owners' scopes. */
export class VesselService {
  constructor(
    private readonly request: PoliceCall,
    private readonly caseService: CaseService,
  ) {}

  /**
   * The vessel a detection names, inside the detection's transaction: the known vessel holding its
   * exact identifiers (IMO, MMSI, flag State and registration), with identifiers it lacked filled
   * in (a logged write), or a new one. Identifiers naming two vessels, or differing from the known
   * vessel's, are a CONFLICT: nothing merges silently. Concurrent detections of one new vessel wait
   * on its identifiers' locks, so the second links to the first's vessel.
   */
  async matchOrRecord(manager: EntityManager, input: VesselInput): Promise<string> {
    const given = this.identifiers(input);
    const { stores } = this.request;
    await stores.vessels.lockIdentifiers(manager, given);
    const matches = await stores.vessels.byIdentifiers(manager, given);
    const values = { imo: given.imo, mmsi: given.mmsi, registration: given.registration?.number ?? null };
    if (matches.length > 1) {
      // Name the fields by which vessel they found, never the vessels (they may be another owner's).
      const fields = IDENTIFIERS.filter(
        ({ column }) => values[column] !== null && matches.some((vessel) => vessel[column] === values[column]),
      );
      throw new ConflictError('the identifiers given name two different known vessels', 'VESSEL_IDENTIFIERS_DISAGREE', {
        fields: fields.map(({ field }) => ({ field, reasons: ['MATCHES_ANOTHER_VESSEL'] })),
      });
    }
    const known = matches[0];
    if (!known) {
      return stores.vessels.insert(manager, {
        id: this.request.recordIds.next('vessel'),
        name: input.name ?? null,
        type: input.type,
        flagState: input.flagState ?? null,
        registryStatus: input.registryStatus,
        boardingAuthorization: input.boardingAuthorization,
        imo: given.imo,
        mmsi: given.mmsi,
        registration: given.registration?.number ?? null,
        hullDescription: input.hullDescription ?? null,
      });
    }
    const disagree: FieldProblem[] = IDENTIFIERS.filter(
      ({ column }) => values[column] !== null && known[column] !== null && known[column] !== values[column],
    ).map(({ field }) => ({ field, reasons: ['DIFFERS_FROM_KNOWN_VESSEL'] }));
    // A registration is the flag State's: the pair identifies, so a known vessel of another flag disagrees.
    if (given.registration && known.flagState !== null && known.flagState !== given.registration.flagState) {
      disagree.push({ field: 'vessel.flagState', reasons: ['DIFFERS_FROM_KNOWN_VESSEL'] });
    }
    if (disagree.length > 0) {
      throw new ConflictError('the identifiers given differ from those of the known vessel they match', 'VESSEL_IDENTIFIERS_DISAGREE', {
        fields: disagree,
      });
    }
    const fill: Partial<VesselEntity> = {};
    if (known.imo === null && given.imo) fill.imo = given.imo;
    if (known.mmsi === null && given.mmsi) fill.mmsi = given.mmsi;
    if (known.registration === null && given.registration) fill.registration = given.registration.number;
    // The flag claimed is kept as first recorded unless unknown (flags are often false; the registration pairs with it).
    if (known.flagState === null && input.flagState) fill.flagState = input.flagState;
    if (known.name === null && input.name) fill.name = input.name;
    if (known.hullDescription === null && input.hullDescription) fill.hullDescription = input.hullDescription;
    if (Object.keys(fill).length > 0) {
      await updateVersioned(manager, VesselEntity, 'vessel.fillIdentifiers', known.id, known.version, fill);
    }
    return known.id;
  }

  /** The identifiers as stored (IMO as digits), or BAD_USER_INPUT for a registration with no State. */
  private identifiers(input: VesselInput): VesselIdentifiers {
    if (input.registration && !input.flagState) {
      throw new InvalidInputError([{ field: 'vessel.registration', reasons: ['REGISTRATION_NEEDS_FLAG_STATE'] }]);
    }
    return {
      imo: input.imo ? imoDigits(input.imo) : null,
      mmsi: input.mmsi ?? null,
      registration: input.registration && input.flagState ? { flagState: input.flagState, number: input.registration } : null,
    };
  }

  /**
   * One vessel for police and prosecutors who may see at least one of its detections' cases.
   * Anyone else of those agencies gets NOT_FOUND, exactly as for an id no vessel has: a vessel has
   * no owner of its own to contact (its cases' hits name the owners). Logged, found or not.
   */
  async get(id: string): Promise<VesselEntity> {
    const vesselId = assertId(id);
    const vessel = await this.request.loaders.vesselById.load(vesselId);
    const scopes = vessel ? await this.casesOf(vessel) : [];
    try {
      guard(this.request, policePolicy.vessel, scopes, { entityType: 'Vessel', entityId: vesselId, field: 'vessel' });
    } catch (error) {
      if (error instanceof ForbiddenError && error.extensions.reason === 'NOT_RELEASABLE') throw new NotFoundError('Vessel', 'id');
      throw error;
    }
    return vessel as VesselEntity;
  }

  /** The vessel's detections on cases the reader may see (others left out), oldest first. */
  async detections(root: VesselEntity): Promise<DetectionEntity[]> {
    const detections = await this.request.loaders.detectionsByVessel.load(root.id);
    const cases = await this.guardedCases(root, detections, 'detections');
    const visible = new Set(cases.filter((owning) => this.caseService.releasable(owning)).map((owning) => owning.id));
    return detections.filter((detection) => visible.has(detection.caseId));
  }

  /** Every case the vessel was detected in, in order of detection: a hit only where the reader is outside the owner's scope. */
  async cases(root: VesselEntity): Promise<CaseEntity[]> {
    const detections = await this.request.loaders.detectionsByVessel.load(root.id);
    return this.guardedCases(root, detections, 'cases');
  }

  private async casesOf(vessel: VesselEntity): Promise<CaseEntity[]> {
    return this.loadCases(await this.request.loaders.detectionsByVessel.load(vessel.id));
  }

  private async guardedCases(root: VesselEntity, detections: DetectionEntity[], field: string): Promise<CaseEntity[]> {
    const cases = await this.loadCases(detections);
    guard(this.request, policePolicy.vessel, cases, { entityType: 'Vessel', entityId: root.id, field });
    return cases;
  }

  /** The distinct cases of these detections, batched with every other case read of the request. */
  private async loadCases(detections: DetectionEntity[]): Promise<CaseEntity[]> {
    const ids = [...new Set(detections.map((detection) => detection.caseId))];
    const cases = await this.request.loaders.caseById.loadMany(ids);
    return cases.filter((owning): owning is CaseEntity => owning !== null && !(owning instanceof Error));
  }
}
