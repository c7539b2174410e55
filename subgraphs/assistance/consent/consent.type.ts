import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentScope } from '../enums.js';

@ObjectType('Consent', { description: 'A consent the migrant gave for a scope, recipient and purpose; withdrawing it stops access at once.' })
export class Consent {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => ConsentScope, { description: 'What the migrant agreed to.' })
  scope: ConsentScope;

  @Field({ description: 'Who may receive the data, e.g. "Policía Nacional (DOM)".' })
  recipient: string;

  @Field({ description: 'The specified purpose the data may serve.' })
  purpose: string;

  @Field(() => DateTimeResolver, { description: 'When consent was given.' })
  givenAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When consent was withdrawn; null while it is live.' })
  withdrawnAt: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `withdrawConsent`; each change increments it.' })
  version: number;
}
