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
    return context.loaders.detectionsByCase.load(root.id);
  }

  @FieldResolver(() => [Suspect], { nullable: true, description: 'Suspects identified in the case.' })
  suspects(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.loaders.suspectsByCase.load(root.id);
  }

  @FieldResolver(() => [IntelligenceItem], {
    nullable: true,
    description: 'Intelligence shared on the case, oldest first, within the handling codes that bind the reader.',
  })
  intelligence(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.loaders.intelligenceByCase.load(root.id);
  }

  @FieldResolver(() => SmugglingNetwork, { nullable: true, description: 'The smuggling network behind the case, when identified.' })
  network(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return root.networkId ? context.loaders.networkById.load(root.networkId) : null;
  }

  @FieldResolver(() => Operation, { nullable: true, description: 'The joint operation the case arose from, if any.' })
  operation(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return root.operationId ? context.loaders.operationById.load(root.operationId) : null;
  }
}

@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many cases match the filter in all pages; counted only when asked for.' })
  totalCount(@Root() connection: CaseConnection, @Ctx() context: PoliceContext) {
    return context.cases.count(connection.criteria);
  }
}
