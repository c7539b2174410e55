import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AgencyCode } from '../../shared/access-log/access-log.type.js';
import { CountryCode } from '../../shared/scalars.js';
import { ConsentScope } from '../enums.js';

@ObjectType('Consent', {
  description: 'A consent the migrant gave for a scope, recipient and purpose; withdrawing it stops access at once.',
})
export class Consent {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => ConsentScope, { description: 'What the migrant agreed to.' })
  scope: ConsentScope;

  @Field({
    description:
      'The recipient\'s name as the migrant was told it, e.g. "Policía Nacional". Informative only: `recipientAgency` and `recipientCountry` decide.',
  })
  recipient: string;

  @Field(() => AgencyCode, {
    nullable: true,
    description:
      'The agency this consent opens data to. Null for a consent recorded before recipients were data whose text could not be read as one agency and country: it opens nothing until IOM records it again.',
  })
  recipientAgency: AgencyCode | null;

  @Field(() => CountryCode, {
    nullable: true,
    description: 'The one country whose agency may receive the data; null: that agency in any member country.',
  })
  recipientCountry: string | null;

  @Field({ description: 'The specified purpose the data may serve.' })
  purpose: string;

  @Field(() => DateTimeResolver, { description: 'When consent was given.' })
  givenAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When consent was withdrawn; null while it is live.' })
  withdrawnAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the consent lapses by itself; null: until withdrawn.' })
  expiresAt: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `withdrawConsent`; each change increments it.' })
  version: number;
}
