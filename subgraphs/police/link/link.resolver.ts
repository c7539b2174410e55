import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CaseEntity } from '../case/case.entity.js';
import { Case } from '../case/case.type.js';
import type { PoliceContext } from '../police.context.js';
import { CaseLink } from './link.type.js';

/** `Case.links`, kept with the links (type-graphql merges field resolvers of one type). */
@Resolver(() => Case)
export class CaseLinksResolver {
  @FieldResolver(() => [CaseLink], {
    nullable: true,
    description:
      'Other cases sharing a vessel, a person of interest, a phone number, a document, a smuggling network or a route (detections within 25 km) with this one, each with what it shares, most recent link first (at most 100). POLICE and PROSECUTOR who may read this case; a linked case not released to you is a hit only.',
  })
  links(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.links.links(root);
  }
}
