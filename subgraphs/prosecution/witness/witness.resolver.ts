import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import { Migrant } from '../migrant/migrant.type.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import type { WitnessEntity } from './witness.entity.js';
import { AddWitnessInput } from './witness.input.js';
import { Witness } from './witness.type.js';

@Resolver(() => Witness)
export class WitnessResolver {
  @Mutation(() => Witness, { nullable: true, description: 'Adds a migrant as a witness, victim or civil party (PROSECUTOR only).' })
  addWitness(
    @Arg('input', () => AddWitnessInput, { description: 'The witness.' }) input: AddWitnessInput,
    @Ctx() context: ProsecutionContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.witnesses.add(input, idempotencyKey);
  }

  @FieldResolver(() => Migrant, {
    nullable: true,
    description: 'The migrant who testifies; the assistance subgraph resolves its details under its consent rules.',
  })
  migrant(@Root() root: WitnessEntity): Migrant {
    return { id: root.migrantId };
  }
}
