import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import { Case } from '../case/case.type.js';
import { SmugglingNetwork } from '../network/network.type.js';
import type { PoliceContext } from '../police.context.js';
import type { SuspectEntity } from './suspect.entity.js';
import { AddSuspectInput } from './suspect.input.js';
import { Suspect } from './suspect.type.js';

@Resolver(() => Suspect)
export class SuspectResolver {
  @Query(() => Suspect, { nullable: true, description: 'One suspect by id; null when none has that id.' })
  suspect(@Arg('id', () => ID, { description: 'The suspect id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.suspects.get(id);
  }

  @FieldResolver(() => Case, { description: 'The case in which the suspect was identified.' })
  case(@Root() root: SuspectEntity, @Ctx() context: PoliceContext) {
    return context.suspects.case(root);
  }

  @FieldResolver(() => SmugglingNetwork, { nullable: true, description: 'The network the suspect is believed to belong to.' })
  network(@Root() root: SuspectEntity, @Ctx() context: PoliceContext) {
    return context.suspects.network(root);
  }

  @Mutation(() => Suspect, { nullable: true, description: 'Adds a suspect to a case (POLICE of the owning country only).' })
  addSuspect(
    @Arg('input', () => AddSuspectInput, { description: 'The suspect.' }) input: AddSuspectInput,
    @Ctx() context: PoliceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.suspects.add(input, idempotencyKey);
  }
}
