import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { GraphEdgeKind, GraphNodeKind } from './graph.enums.js';

@ObjectType({ description: 'A record of the network picture, with what it is drawn as.' })
export class GraphNode {
  @Field(() => ID, { description: 'The record id (of a case, person, vessel or network); edges name nodes by it.' })
  id: string;

  @Field(() => GraphNodeKind, { description: 'What the record is: a case, person of interest, vessel or network.' })
  kind: GraphNodeKind;

  @Field({
    description:
      "What to draw it as: a case's reference, a person's first alias, a vessel's name (or IMO, MMSI, registration), a network's name. A hit: the case reference only.",
  })
  label: string;

  @Field({
    description:
      "Whether you may read the record (false: a hit, a case outside your country's share: its id, reference and owning country to contact; the walk stops there).",
  })
  releasable: boolean;

  @Field(() => CountryCode, {
    nullable: true,
    description: 'The bureau that owns the case or recorded the person (to contact); null for vessels and networks.',
  })
  ownerCountry: string | null;
}

@ObjectType({ description: 'A link between two nodes of the picture.' })
export class GraphEdge {
  @Field(() => ID, { description: 'The id of the node the edge starts at.' })
  from: string;

  @Field(() => ID, { description: 'The id of the node the edge ends at.' })
  to: string;

  @Field(() => GraphEdgeKind, { description: 'What links the two: a suspect, a detection or an attribution.' })
  kind: GraphEdgeKind;
}

@ObjectType({ description: 'The network picture around a case, person or network, for drawing.' })
export class NetworkGraph {
  @Field(() => [GraphNode], { description: 'The records reached, the anchor first, then breadth-first.' })
  nodes: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The links between the nodes listed (each once).' })
  edges: GraphEdge[];

  @Field(() => Int, {
    description:
      'How many nodes are hits (records you may not read, drawn with releasable false: cases outside your share, or a person anchor known to you only as a hit): exactly the hits listed, so the count tells nothing the hits do not. What lies behind a hit is not walked and not counted.',
  })
  withheld: number;

  @Field({ description: 'Whether the walk stopped at the node cap (200) before reaching the depth asked for.' })
  truncated: boolean;
}
