import { type ClassType, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';

/** Relay-style page information, shared by every connection in every subgraph. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page of results sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page; pass `endCursor` as `after` to get them.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; null on an empty page.' })
  endCursor: string | null;
}

/** One item of a page and its cursor; a connection's edge type may add fields (a search's score). */
export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/** What a service returns for every connection: the page, its edges, where it sits, and how to count the whole list. */
export interface Page<Node, PageEdge extends Edge<Node> = Edge<Node>> {
  nodes: Node[];
  edges: PageEdge[];
  pageInfo: PageInfo;
  /**
   * Counts the whole list, run only when `totalCount` is asked for. It must count exactly what the
   * pages list for this reader (the same scoped criteria), never a record the reader may not see.
   */
  count: () => Promise<number>;
}

/**
 * A page from rows fetched with one more than the page size: the extra row only tells whether more
 * follow, so a page costs one statement whatever `first` is.
 */
export function pageOf<Node>(
  rows: readonly Node[],
  limit: number,
  cursorOf: (node: Node) => string,
  count: () => Promise<number>,
): Page<Node> {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { nodes, edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, count };
}

/** The `totalCount` of every connection: counted only when asked for, by the page's own `count`. */
export function totalCountOf(connection: Pick<Page<unknown>, 'count'>): Promise<number> {
  return connection.count();
}

/** Words that name a connection's types and describe its fields. */
interface ConnectionWords {
  /** Type name prefix: `Prosecution` gives `ProsecutionConnection` and `ProsecutionEdge`. */
  name: string;
  /** The items, plural: "prosecutions". */
  items: string;
  /** The item, singular: "prosecution". */
  item: string;
  /** The order of the list: "most recently opened first". */
  order: string;
}

/**
 * The GraphQL types of a cursor connection in the shape of `cases` (edges with cursors, nodes,
 * pageInfo, totalCount), and the resolver of its `totalCount`: add it to the subgraph's resolvers.
 */
export function connectionTypes<Node extends object>(nodeType: ClassType<Node>, words: ConnectionWords) {
  @ObjectType(`${words.name}Edge`, { description: `A ${words.item} and its position in the list.` })
  class ConnectionEdge implements Edge<Node> {
    @Field({ description: `Opaque cursor of this ${words.item}; pass it as \`after\` to continue after it.` })
    cursor: string;

    @Field(() => nodeType, { description: `The ${words.item}.` })
    node: Node;
  }

  @ObjectType(`${words.name}Connection`, { description: `A page of ${words.items}, ${words.order}.` })
  class Connection implements Page<Node, ConnectionEdge> {
    @Field(() => [nodeType], { description: `The ${words.items} of this page, in order.` })
    nodes: Node[];

    @Field(() => [ConnectionEdge], { description: `The ${words.items} of this page with their cursors.` })
    edges: ConnectionEdge[];

    @Field(() => PageInfo, { description: `Whether more ${words.items} follow, and where to continue.` })
    pageInfo: PageInfo;

    count: () => Promise<number>;
  }

  @Resolver(() => Connection)
  class ConnectionCountResolver {
    @FieldResolver(() => Int, {
      description: `How many ${words.items} you may see in all pages (exactly those the pages list); counted only when asked for.`,
    })
    totalCount(@Root() connection: Connection): Promise<number> {
      return totalCountOf(connection);
    }
  }

  return { Edge: ConnectionEdge, Connection, ConnectionCountResolver };
}
