import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type.js';
import { CaseLawReference } from '../case-law/case-law.type.js';
import { Defendant } from '../defendant/defendant.type.js';
import { MlaRequest } from '../mla/mla.type.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import { Witness } from '../witness/witness.type.js';
import type { ProsecutionEntity } from './prosecution.entity.js';
import { Prosecution } from './prosecution.type.js';

@Resolver(() => Prosecution)
export class ProsecutionResolver {
  @Query(() => Prosecution, { nullable: true, description: 'One prosecution by id; null when none has that id.' })
  prosecution(@Arg('id', () => ID, { description: 'The prosecution id.' }) id: string, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.get(id);
  }

  @Query(() => [Prosecution], { description: 'Prosecutions, most recently opened first (at most 100).' })
  prosecutions(
    @Ctx() context: ProsecutionContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many to return, 1 to 100; default 20.' }) first?: number | null,
  ) {
    return context.prosecutions.newest(first);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The police case prosecuted (null when the caller may not see police cases).' })
  case(@Root() root: ProsecutionEntity): Case {
    return { id: root.caseId };
  }

  @FieldResolver(() => [Defendant], { description: 'Suspects charged in the prosecution, in the order they were added.' })
  defendants(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.defendants(root);
  }

  @FieldResolver(() => [Witness], {
    nullable: true,
    description: 'Migrants taking part as witnesses, victims or civil parties; null when the caller may not see them.',
  })
  witnesses(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.witnesses(root);
  }

  @FieldResolver(() => [MlaRequest], {
    nullable: true,
    description: 'Mutual legal assistance requests sent for the prosecution, oldest first; null when the caller may not see them (UNTOC Art. 18 use limitation).',
  })
  mlaRequests(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.mlaRequests(root);
  }

  @FieldResolver(() => [CaseLawReference], { description: 'Case law the prosecutor relies on, most recent first.' })
  caseLaw(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.caseLaw(root);
  }
}
