import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Detection } from '../detection/detection.type.js';
import { IntelligenceItem } from '../intelligence/intelligence.type.js';
import { SmugglingNetwork } from '../network/network.type.js';
import { Operation } from '../operation/operation.type.js';
import type { PoliceContext } from '../police.context.js';
import { Suspect } from '../suspect/suspect.type.js';
import type { CaseEntity } from './case.entity.js';
import { Case, CaseConnection, CaseFilter } from './case.type.js';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: 'One case by id; null when no case has that id.' })
  case(@Arg('id', () => ID, { description: 'The case id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.cases.get(id);
  }

  @Query(() => CaseConnection, { description: 'Cases, newest first, a page at a time (at most 100 per page).' })
  cases(
    @Ctx() context: PoliceContext,
    @Arg('filter', () => CaseFilter, { nullable: true, description: 'Conditions every returned case meets.' }) filter?: CaseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page).' })
    after?: string | null,
  ) {
    return context.cases.list(filter ?? {}, first, after);
  }

  @FieldResolver(() => [Detection], { description: 'Detections at sea that belong to the case, oldest first.' })
  detections(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.detections(root);
  }

  @FieldResolver(() => [Suspect], { nullable: true, description: 'Suspects identified in the case.' })
  suspects(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.suspects(root);
  }

  @FieldResolver(() => [IntelligenceItem], {
    nullable: 'itemsAndList',
    description:
      'Intelligence shared on the case, oldest first. An item the reader may not have (not released to their country, or H1 for a prosecutor) is a null entry with a FORBIDDEN error giving the reason.',
  })
  intelligence(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.intelligence(root);
  }

  @FieldResolver(() => SmugglingNetwork, { nullable: true, description: 'The smuggling network behind the case, when identified.' })
  network(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.network(root);
  }

  @FieldResolver(() => Operation, { nullable: true, description: 'The joint operation the case arose from, if any.' })
  operation(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.operation(root);
  }
}

@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many cases match the filter in all pages; counted only when asked for.' })
  totalCount(@Root() connection: CaseConnection, @Ctx() context: PoliceContext) {
    return context.cases.count(connection.criteria);
  }
}
