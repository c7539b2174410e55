import { guard, permits } from '../../shared/policy.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { DetectionEntity } from '../detection/detection.entity.js';
import type { PersonEntity } from '../person/person.entity.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import type { SuspectEntity } from '../suspect/suspect.entity.js';
import type { VesselEntity } from '../vessel/vessel.entity.js';
import type { NetworkRoute, RouteEnd } from './network-route.type.js';
import type { SmugglingNetworkEntity } from './network.entity.js';

/** Networks are analysis of suspects across cases: shared as such, but each suspect follows its case's scope. */
export class SmugglingNetworkService {
  constructor(private readonly request: PoliceCall) {}

  all() {
    guard(this.request, policePolicy.networks, undefined);
    return this.request.stores.networks.all();
  }

  /** The network's suspects whose cases the reader may read; the others are left out (their cases load in one batch). */
  async suspects(root: SmugglingNetworkEntity): Promise<SuspectEntity[]> {
    guard(this.request, policePolicy.networks, undefined);
    const suspects = await this.request.loaders.suspectsByNetwork.load(root.id);
    const cases = await this.request.loaders.caseById.loadMany([...new Set(suspects.map((suspect) => suspect.caseId))]);
    const readable = new Set(
      cases.flatMap((owning) =>
        owning && !(owning instanceof Error) && permits(this.request, policePolicy.suspects, owning) ? [owning.id] : [],
      ),
    );
    return suspects.filter((suspect) => readable.has(suspect.caseId));
  }

  /**
   * The cases attributed to the network or with a suspect believed to belong to it, newest first,
   * each once: one outside the reader's scope is a Case like any other, so it resolves as a hit (as
   * Case.links names a hidden case sharing the network). Three batched statements, whatever the count.
   */
  async cases(root: SmugglingNetworkEntity): Promise<CaseEntity[]> {
    guard(this.request, policePolicy.networks, undefined);
    const [attributed, suspects] = await Promise.all([
      this.request.loaders.casesByNetwork.load(root.id),
      this.request.loaders.suspectsByNetwork.load(root.id),
    ]);
    // The attributed cases go through the same batch as the suspects' cases, so every network's
    // list resolves in the same tick and what is loaded from it (detections, vessels) batches as one.
    const ids = new Set([...attributed.map((row) => row.id), ...suspects.map((suspect) => suspect.caseId)]);
    const cases = await this.request.loaders.caseById.loadMany([...ids]);
    return cases
      .filter((row): row is CaseEntity => row !== null && !(row instanceof Error))
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || a.id.localeCompare(b.id));
  }

  /** The persons of interest of the suspects listed (in cases the reader may read), each once. */
  async persons(root: SmugglingNetworkEntity): Promise<PersonEntity[]> {
    const personIds = [...new Set((await this.suspects(root)).flatMap((suspect) => (suspect.personId ? [suspect.personId] : [])))];
    const persons = await this.request.loaders.personById.loadMany(personIds);
    return persons.filter((row): row is PersonEntity => row !== null && !(row instanceof Error));
  }

  /**
   * The vessels detected in the network's cases the reader may see whole, in order of first
   * detection, each once: a vessel met only in a hidden case is left out (as `Vessel.cases` would
   * show that case as a hit). Batched across networks: detections by case, then vessels by id.
   */
  async vessels(root: SmugglingNetworkEntity): Promise<VesselEntity[]> {
    const detections = (await this.visibleDetections(root)).flatMap(({ detections: rows }) => rows);
    detections.sort((a, b) => a.detectedAt.getTime() - b.detectedAt.getTime() || a.id.localeCompare(b.id));
    const ids = [...new Set(detections.flatMap((detection) => (detection.vesselId ? [detection.vesselId] : [])))];
    const vessels = await this.request.loaders.vesselById.loadMany(ids);
    return vessels.filter((row): row is VesselEntity => row !== null && !(row instanceof Error));
  }

  /** The route at sea of each of the network's cases the reader may see whole and that has a detection, newest case first. */
  async routes(root: SmugglingNetworkEntity): Promise<NetworkRoute[]> {
    return (await this.visibleDetections(root)).flatMap(({ owning, detections }) => {
      const first = detections[0];
      const last = detections[detections.length - 1];
      if (!first || !last) return [];
      return [
        {
          case: owning,
          from: routeEnd(first),
          to: routeEnd(last),
          seaAreas: [...new Set(detections.map((detection) => detection.seaArea))],
          detections: detections.length,
        },
      ];
    });
  }

  /**
   * The network's cases whose positions and vessels the reader may see (hits have none here), each
   * with its detections oldest first (the rows the ROUTE links compare), in one batch for all networks.
   */
  private async visibleDetections(root: SmugglingNetworkEntity): Promise<Array<{ owning: CaseEntity; detections: DetectionEntity[] }>> {
    const cases = (await this.cases(root)).filter((owning) => permits(this.request, policePolicy.vesselAndPosition, owning));
    const detections = await this.request.loaders.detectionsByCase.loadMany(cases.map((owning) => owning.id));
    return cases.map((owning, index) => {
      const rows = detections[index];
      return { owning, detections: rows && !(rows instanceof Error) ? rows : [] };
    });
  }
}

function routeEnd(detection: DetectionEntity): RouteEnd {
  return {
    seaArea: detection.seaArea,
    position: { latitude: detection.latitude, longitude: detection.longitude },
    detectedAt: detection.detectedAt,
  };
}
