import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Charge } from '../charge/charge.type.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import { Suspect } from '../suspect/suspect.type.js';
import type { DefendantEntity } from './defendant.entity.js';
import { Defendant } from './defendant.type.js';

@Resolver(() => Defendant)
export class DefendantResolver {
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
