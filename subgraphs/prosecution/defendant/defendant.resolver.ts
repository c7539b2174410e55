import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import { Charge } from '../charge/charge.type.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import { Suspect } from '../suspect/suspect.type.js';
import type { DefendantEntity } from './defendant.entity.js';
import { AddDefendantInput } from './defendant.input.js';
import { Defendant } from './defendant.type.js';

@Resolver(() => Defendant)
export class DefendantResolver {
  @Mutation(() => Defendant, {
    nullable: true,
    description: 'Charges a police suspect as a defendant (PROSECUTOR only). Never a migrant (Art. 5).',
  })
  addDefendant(
    @Arg('input', () => AddDefendantInput, { description: 'The defendant.' }) input: AddDefendantInput,
    @Ctx() context: ProsecutionContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.defendants.add(input, idempotencyKey);
  }

  @FieldResolver(() => Suspect, {
    nullable: true,
    description:
      'The police suspect standing trial; the police subgraph resolves its details (null, FORBIDDEN, for agencies that may not see suspects).',
  })
  suspect(@Root() root: DefendantEntity): Suspect {
    return { id: root.suspectId };
  }

  @FieldResolver(() => [Charge], { description: 'Charges against the defendant, in the order filed.' })
  charges(@Root() root: DefendantEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.charges(root);
  }
}
