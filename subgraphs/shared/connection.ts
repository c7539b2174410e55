import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay-style page information, shared by every connection in every subgraph. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page of results sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page; pass `endCursor` as `after` to get them.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; null on an empty page.' })
  endCursor: string | null;
}
