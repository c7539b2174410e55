import { createUnionType, Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/connection.js';
import { CaseEntity } from '../case/case.entity.js';
import { Case } from '../case/case.type.js';
import { SmugglingNetworkEntity } from '../network/network.entity.js';
import { PersonEntity } from '../person/person.entity.js';
import { Person } from '../person/person.type.js';
import { SmugglingNetwork } from '../network/network.type.js';
import { SuspectEntity } from '../suspect/suspect.entity.js';
import { Suspect } from '../suspect/suspect.type.js';
import { VesselEntity } from '../vessel/vessel.entity.js';
import { Vessel } from '../vessel/vessel.type.js';
import { SearchMatch } from './search.enums.js';

/** A record `search` found; a new kind joins this list and resolveType. */
export const SearchResult = createUnionType({
  name: 'SearchResult',
  description:
    'A police record found by `search`. A case outside your scope comes back as a hit (`releasable: false`: id, reference and owning country only); a person of interest is found only when you may see one of its cases.',
  types: () => [Case, SmugglingNetwork, Vessel, Suspect, Person] as const,
  resolveType: (value) => {
    if (value instanceof CaseEntity) return Case;
    if (value instanceof SmugglingNetworkEntity) return SmugglingNetwork;
    if (value instanceof VesselEntity) return Vessel;
    if (value instanceof SuspectEntity) return Suspect;
    if (value instanceof PersonEntity) return Person;
    return undefined;
  },
});

/** What the service hands the resolvers: the node is the loaded row of its kind. */
export type SearchNode = CaseEntity | SmugglingNetworkEntity | VesselEntity | SuspectEntity | PersonEntity;

@ObjectType({ description: 'A search result, how well it matched, which field matched, and its position in the ranking.' })
export class SearchEdge {
  @Field({ description: 'Opaque cursor of this result; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => SearchResult, { description: 'The record found.' })
  node: SearchNode;

  @Field(() => Float, {
    description:
      'How well it matched, 0 to 1 (higher first): 1 for a reference equal to the text; names and aliases by trigram similarity; summaries by full-text rank, below any exact match.',
  })
  score: number;

  @Field(() => SearchMatch, { description: 'The field that matched best.' })
  matched: SearchMatch;
}

@ObjectType({ description: 'A page of search results, best first (then by id, so pages are stable).' })
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The results of this page with their scores and cursors.' })
  edges: SearchEdge[];

  @Field(() => [SearchResult], { description: 'The records of this page, in order (the `node` of each edge).' })
  nodes: SearchNode[];

  @Field(() => PageInfo, { description: 'Whether more results follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, {
    description: 'How many records match in all pages: exactly those the pages list (hits counted as hits, nothing you may not see).',
  })
  totalCount: number;
}
