import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MLA_STATUS_TRANSITIONS } from '../enums.js';
import type { MlaRequestEntity } from './mla.entity.js';
import { MlaRequest } from './mla.type.js';

const DAY_MS = 24 * 60 * 60 * 1000;

@Resolver(() => MlaRequest)
export class MlaRequestResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Whole days the request has been waiting since it was created; null once it has reached a final status (executed, refused, withdrawn).',
  })
  waitingDays(@Root() root: MlaRequestEntity): number | null {
    if (MLA_STATUS_TRANSITIONS[root.status].length === 0) return null;
    return Math.floor((Date.now() - root.createdAt.getTime()) / DAY_MS);
  }
}
