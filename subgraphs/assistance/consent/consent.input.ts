import { IsOptional, Length } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { AgencyCode } from '../../shared/access-log/access-log.type.js';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { CountryCode } from '../../shared/scalars.js';
import { ConsentScope } from '../enums.js';

@InputType({ description: 'A consent the migrant gives: for one scope, to one recipient, for one purpose.' })
export class RecordConsentInput {
  @Field(() => ID, { description: 'The migrant.' })
  migrantId: string;

  @Field(() => ConsentScope, { description: 'What the migrant agrees to.' })
  scope: ConsentScope;

  @Field(() => AgencyCode, {
    description:
      'The agency that may receive the data: POLICE for SHARE_WITH_POLICE, PROSECUTOR for SHARE_WITH_PROSECUTION and TESTIMONY; IOM, ANALYST or PARTNER for RESEARCH.',
  })
  recipientAgency: AgencyCode;

  @Field(() => CountryCode, {
    nullable: true,
    description: 'The one country whose agency may receive the data; omit or null for that agency in any member country.',
  })
  recipientCountry?: string | null;

  @IsOptional()
  @Length(1, 200)
  @Field(() => String, {
    nullable: true,
    description:
      'The recipient\'s name as the migrant was told it, e.g. "Policía Nacional"; default the agency and country. Informative only.',
  })
  recipient?: string | null;

  @Length(1, 1000)
  @Field({ description: 'The specified purpose.' })
  purpose: string;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When given; default now.' })
  givenAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the consent lapses by itself; after `givenAt`. Omit for a consent that lasts until withdrawn.',
  })
  expiresAt?: Date | null;
}
