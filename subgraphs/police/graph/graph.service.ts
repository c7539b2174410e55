import { InvalidInputError, NotFoundError, type FieldProblem } from '../../../platform/errors.js';
import { assertId } from '../../shared/pagination.js';
import { guard, permits } from '../../shared/policy.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { CaseService } from '../case/case.service.js';
import type { SmugglingNetworkEntity } from '../network/network.entity.js';
import type { PersonEntity } from '../person/person.entity.js';
import type { PersonService } from '../person/person.service.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import type { SuspectEntity } from '../suspect/suspect.entity.js';
import type { VesselEntity } from '../vessel/vessel.entity.js';
import { GraphEdgeKind, GraphNodeKind } from './graph.enums.js';
import type { GraphAnchor } from './graph.input.js';
import type { GraphEdge, GraphNode, NetworkGraph } from './graph.type.js';

/** The picture stops growing at this many nodes (`truncated` then tells), whatever the depth. */
export const MAX_GRAPH_NODES = 200;
/** Depth bounds: each level costs a batched statement per relation (per hop of the walk), so the cost is bounded too. */
export const MAX_GRAPH_DEPTH = 3;

/** A node as walked: what is drawn, and the row to walk on from (none for a hit: nothing behind it is read). */
type Walked =
  | { node: GraphNode; kind: GraphNodeKind.CASE; row: CaseEntity | null }
  | { node: GraphNode; kind: GraphNodeKind.PERSON; row: PersonEntity | null }
  | { node: GraphNode; kind: GraphNodeKind.VESSEL; row: VesselEntity }
  | { node: GraphNode; kind: GraphNodeKind.NETWORK; row: SmugglingNetworkEntity };

/** A neighbour found from a node, and the edge that reaches it. */
interface Step {
  next: Walked;
  edge: GraphEdge;
}

const present = <Row>(rows: ReadonlyArray<Row | null | Error>): Row[] =>
  rows.filter((row): row is Row => row !== null && !(row instanceof Error));

/**
 * The network picture: a breadth-first walk from a case, person or network over suspects,
 * detections and networks, each record decided by the rule that gates it elsewhere. A case the
 * reader may not read is a hit (reference and owning country) and the walk does not go through it;
 * persons and vessels are reached only through cases the reader may read (so their own rules allow
 * them). Each level loads through the request's loaders: a batched statement per relation per hop, whatever the number of nodes.
 */
export class NetworkGraphService {
  constructor(
    private readonly request: PoliceCall,
    private readonly cases: CaseService,
    private readonly persons: PersonService,
  ) {}

  async around(anchor: GraphAnchor, depth: number): Promise<NetworkGraph> {
    const start = anchorOf(anchor);
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_GRAPH_DEPTH) {
      throw new InvalidInputError([{ field: 'depth', reasons: [`OUT_OF_RANGE: 1 to ${MAX_GRAPH_DEPTH}`] }]);
    }
    // The picture is a gated read, logged against its anchor, allowed or refused.
    guard(this.request, policePolicy.networkGraph, undefined, { entityType: start.entityType, entityId: start.id, field: 'networkGraph' });
    const first = await this.anchorNode(start);

    const nodes = new Map<string, GraphNode>([[first.node.id, first.node]]);
    const edges = new Map<string, GraphEdge>();
    let truncated = false;
    let frontier: Walked[] = [first];
    for (let level = 0; level < depth && frontier.length > 0; level += 1) {
      // All nodes of a level at once, so each loader batches the level into one statement.
      const steps = (await Promise.all(frontier.map((walked) => this.steps(walked)))).flat();
      const next: Walked[] = [];
      for (const { next: reached, edge } of steps) {
        if (!nodes.has(reached.node.id)) {
          if (nodes.size >= MAX_GRAPH_NODES) {
            truncated = true;
            continue;
          }
          nodes.set(reached.node.id, reached.node);
          next.push(reached);
        }
        edges.set(`${edge.from}|${edge.kind}|${edge.to}`, edge);
      }
      frontier = next;
    }
    const listed = [...nodes.values()];
    for (const node of listed) {
      // Each record the picture shows is logged against it, hits included (as search does).
      permits(this.request, policePolicy.networkGraph, undefined, {
        entityType: ENTITY_TYPE[node.kind],
        entityId: node.id,
        field: 'networkGraph',
      });
    }
    return { nodes: listed, edges: [...edges.values()], withheld: listed.filter((node) => !node.releasable).length, truncated };
  }

  /** The anchor as a node: NOT_FOUND for no such record; a hit when the reader may not read it (and the walk stops). */
  private async anchorNode(start: Anchor): Promise<Walked> {
    const { loaders } = this.request;
    switch (start.kind) {
      case GraphNodeKind.CASE: {
        const row = await loaders.caseById.load(start.id);
        if (!row) throw new NotFoundError('Case', start.field);
        return this.caseNode(row);
      }
      case GraphNodeKind.PERSON: {
        guard(this.request, policePolicy.personHit, undefined);
        const row = await loaders.personById.load(start.id);
        if (!row) throw new NotFoundError('Person', start.field);
        return this.personNode(row, await this.persons.releasable(row));
      }
      case GraphNodeKind.NETWORK: {
        guard(this.request, policePolicy.networks, undefined);
        const row = await loaders.networkById.load(start.id);
        if (!row) throw new NotFoundError('SmugglingNetwork', start.field);
        return networkNode(row);
      }
      default:
        throw new Error('unreachable anchor kind');
    }
  }

  /** The neighbours of one node; a hit has none. */
  private steps(walked: Walked): Promise<Step[]> {
    switch (walked.kind) {
      case GraphNodeKind.CASE:
        return walked.row ? this.fromCase(walked.row) : Promise.resolve([]);
      case GraphNodeKind.PERSON:
        return walked.row ? this.fromPerson(walked.row) : Promise.resolve([]);
      case GraphNodeKind.VESSEL:
        return this.fromVessel(walked.row);
      case GraphNodeKind.NETWORK:
        return this.fromNetwork(walked.row);
    }
  }

  /** A case the reader reads: its suspects' persons and networks (Case.suspects' rule), its vessels (Detection.vessel's), its network. */
  private async fromCase(row: CaseEntity): Promise<Step[]> {
    const { loaders } = this.request;
    const steps: Step[] = [];
    const seesSuspects = permits(this.request, policePolicy.suspects, row);
    const seesNetworks = permits(this.request, policePolicy.networks, undefined);
    const [suspects, detections, network] = await Promise.all([
      seesSuspects ? loaders.suspectsByCase.load(row.id) : Promise.resolve([]),
      permits(this.request, policePolicy.vesselAndPosition, row) ? loaders.detectionsByCase.load(row.id) : Promise.resolve([]),
      seesSuspects && seesNetworks && row.networkId ? loaders.networkById.load(row.networkId) : Promise.resolve(null),
    ]);
    if (network) steps.push({ next: networkNode(network), edge: { from: row.id, to: network.id, kind: GraphEdgeKind.ATTRIBUTED_TO } });
    steps.push(...(await this.suspectSteps(suspects, row, seesNetworks)));
    const vesselIds = [...new Set(detections.flatMap((detection) => (detection.vesselId ? [detection.vesselId] : [])))];
    for (const vessel of present(await loaders.vesselById.loadMany(vesselIds))) {
      steps.push({ next: vesselNode(vessel), edge: { from: vessel.id, to: row.id, kind: GraphEdgeKind.DETECTED_IN } });
    }
    return steps;
  }

  /**
   * The persons of a released case's suspects (each person's rule holds: one of its cases is this
   * one; the read of its alias is logged against it), and the networks those suspects belong to.
   */
  private async suspectSteps(suspects: readonly SuspectEntity[], owning: CaseEntity, seesNetworks: boolean): Promise<Step[]> {
    const { loaders } = this.request;
    const withPerson = suspects.filter((suspect) => suspect.personId !== null);
    const [persons, networks] = await Promise.all([
      loaders.personById.loadMany([...new Set(withPerson.map((suspect) => suspect.personId as string))]),
      seesNetworks
        ? loaders.networkById.loadMany([...new Set(withPerson.flatMap((suspect) => (suspect.networkId ? [suspect.networkId] : [])))])
        : Promise.resolve([]),
    ]);
    const personById = new Map(present(persons).map((person) => [person.id, person]));
    const networkById = new Map(present(networks).map((network) => [network.id, network]));
    const steps: Step[] = [];
    for (const suspect of withPerson) {
      const person = personById.get(suspect.personId as string);
      if (!person) continue;
      const releasable = permits(this.request, policePolicy.personRecord, [owning], {
        entityType: 'Person',
        entityId: person.id,
        field: 'networkGraph',
      });
      steps.push({
        next: this.personNode(person, releasable),
        edge: { from: person.id, to: suspect.caseId, kind: GraphEdgeKind.SUSPECT_IN },
      });
      const network = suspect.networkId ? networkById.get(suspect.networkId) : undefined;
      if (network) steps.push({ next: networkNode(network), edge: { from: person.id, to: network.id, kind: GraphEdgeKind.MEMBER_OF } });
    }
    return steps;
  }

  /** A person the reader reads: its cases, each whole or a hit (as Person.cases), and its networks through released cases. */
  private async fromPerson(person: PersonEntity): Promise<Step[]> {
    const { loaders } = this.request;
    guard(this.request, policePolicy.personHit, undefined);
    const suspects = await loaders.suspectsByPerson.load(person.id);
    const cases = new Map(
      present(await loaders.caseById.loadMany([...new Set(suspects.map((suspect) => suspect.caseId))])).map((row) => [row.id, row]),
    );
    const steps: Step[] = [];
    for (const owning of cases.values()) {
      steps.push({ next: this.caseNode(owning), edge: { from: person.id, to: owning.id, kind: GraphEdgeKind.SUSPECT_IN } });
    }
    const seesNetworks = permits(this.request, policePolicy.networks, undefined);
    const memberships = suspects.filter((suspect) => {
      const owning = cases.get(suspect.caseId);
      return seesNetworks && suspect.networkId !== null && owning !== undefined && permits(this.request, policePolicy.suspects, owning);
    });
    const networks = present(await loaders.networkById.loadMany([...new Set(memberships.map((suspect) => suspect.networkId as string))]));
    for (const network of networks) {
      steps.push({ next: networkNode(network), edge: { from: person.id, to: network.id, kind: GraphEdgeKind.MEMBER_OF } });
    }
    return steps;
  }

  /** A vessel (reached through a released case): every case it was detected in, whole or a hit (as Vessel.cases, logged). */
  private async fromVessel(vessel: VesselEntity): Promise<Step[]> {
    const { loaders } = this.request;
    const detections = await loaders.detectionsByVessel.load(vessel.id);
    const cases = present(await loaders.caseById.loadMany([...new Set(detections.map((detection) => detection.caseId))]));
    if (!permits(this.request, policePolicy.vessel, cases, { entityType: 'Vessel', entityId: vessel.id, field: 'networkGraph' })) return [];
    return cases.map((owning) => ({
      next: this.caseNode(owning),
      edge: { from: vessel.id, to: owning.id, kind: GraphEdgeKind.DETECTED_IN },
    }));
  }

  /**
   * A network: the cases attributed to it, each whole or a hit (as Case.links names a hidden case
   * sharing the network: the walk stops there), and the persons of its suspects in cases the reader
   * reads (as SmugglingNetwork.suspects leaves the others out).
   */
  private async fromNetwork(network: SmugglingNetworkEntity): Promise<Step[]> {
    const { loaders } = this.request;
    if (!permits(this.request, policePolicy.networks, undefined)) return [];
    const [suspects, attributed] = await Promise.all([loaders.suspectsByNetwork.load(network.id), loaders.casesByNetwork.load(network.id)]);
    const steps: Step[] = attributed.map((owning) => ({
      next: this.caseNode(owning),
      edge: { from: owning.id, to: network.id, kind: GraphEdgeKind.ATTRIBUTED_TO },
    }));
    const cases = new Map(
      present(await loaders.caseById.loadMany([...new Set(suspects.map((suspect) => suspect.caseId))])).map((row) => [row.id, row]),
    );
    const released = suspects.filter((suspect) => {
      const owning = cases.get(suspect.caseId);
      return suspect.personId !== null && owning !== undefined && permits(this.request, policePolicy.suspects, owning);
    });
    const persons = present(await loaders.personById.loadMany([...new Set(released.map((suspect) => suspect.personId as string))]));
    for (const person of persons) {
      const owning = released.filter((suspect) => suspect.personId === person.id).map((suspect) => cases.get(suspect.caseId) as CaseEntity);
      const releasable = permits(this.request, policePolicy.personRecord, owning, {
        entityType: 'Person',
        entityId: person.id,
        field: 'networkGraph',
      });
      steps.push({ next: this.personNode(person, releasable), edge: { from: person.id, to: network.id, kind: GraphEdgeKind.MEMBER_OF } });
    }
    return steps;
  }

  /** A case node: whole when the case service releases it to the reader, else a hit that the walk does not go through. */
  private caseNode(row: CaseEntity): Walked {
    const releasable = this.cases.releasable(row);
    return {
      kind: GraphNodeKind.CASE,
      row: releasable ? row : null,
      node: { id: row.id, kind: GraphNodeKind.CASE, label: row.reference, releasable, ownerCountry: row.ownerCountry },
    };
  }

  /** A person node: its first alias when released, else a hit naming only the bureau that recorded it. */
  private personNode(row: PersonEntity, releasable: boolean): Walked {
    return {
      kind: GraphNodeKind.PERSON,
      row: releasable ? row : null,
      node: {
        id: row.id,
        kind: GraphNodeKind.PERSON,
        label: releasable ? (row.aliases[0] ?? 'person of interest') : 'person of interest',
        releasable,
        ownerCountry: row.ownerCountry,
      },
    };
  }
}

function vesselNode(row: VesselEntity): Walked {
  const label = row.name ?? (row.imo ? `IMO ${row.imo}` : null) ?? (row.mmsi ? `MMSI ${row.mmsi}` : null) ?? row.registration ?? row.type;
  return { kind: GraphNodeKind.VESSEL, row, node: { id: row.id, kind: GraphNodeKind.VESSEL, label, releasable: true, ownerCountry: null } };
}

function networkNode(row: SmugglingNetworkEntity): Walked {
  return {
    kind: GraphNodeKind.NETWORK,
    row,
    node: { id: row.id, kind: GraphNodeKind.NETWORK, label: row.name, releasable: true, ownerCountry: null },
  };
}

const ENTITY_TYPE: Record<GraphNodeKind, string> = {
  [GraphNodeKind.CASE]: 'Case',
  [GraphNodeKind.PERSON]: 'Person',
  [GraphNodeKind.VESSEL]: 'Vessel',
  [GraphNodeKind.NETWORK]: 'SmugglingNetwork',
};

interface Anchor {
  kind: GraphNodeKind.CASE | GraphNodeKind.PERSON | GraphNodeKind.NETWORK;
  id: string;
  field: string;
  entityType: string;
}

/** Exactly one of caseId, personId, networkId, as a UUID; else BAD_USER_INPUT naming the fields. */
function anchorOf(anchor: GraphAnchor): Anchor {
  const given = (
    [
      ['around.caseId', anchor.caseId, GraphNodeKind.CASE],
      ['around.personId', anchor.personId, GraphNodeKind.PERSON],
      ['around.networkId', anchor.networkId, GraphNodeKind.NETWORK],
    ] as const
  ).filter(([, id]) => id !== null && id !== undefined);
  if (given.length !== 1) {
    const fields = given.length === 0 ? ['around.caseId', 'around.personId', 'around.networkId'] : given.map(([field]) => field);
    const problems: FieldProblem[] = fields.map((field) => ({ field, reasons: ['EXACTLY_ONE_ANCHOR'] }));
    throw new InvalidInputError(problems);
  }
  const [[field, id, kind]] = given;
  return { kind, id: assertId(String(id), field), field, entityType: ENTITY_TYPE[kind] };
}
