import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Migrant } from '../migrant/migrant.type.js';
import type { WitnessEntity } from './witness.entity.js';
import { Witness } from './witness.type.js';

@Resolver(() => Witness)
export class WitnessResolver {
  @FieldResolver(() => Migrant, {
    nullable: true,
    description: 'The migrant who testifies; the assistance subgraph resolves its details under its consent rules.',
  })
  migrant(@Root() root: WitnessEntity): Migrant {
    return { id: root.migrantId };
  }
}
