import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/connection.js';
import { CountryCode } from '../../shared/scalars.js';
import { AgeGroup, Sex } from '../enums.js';

@Directive('@key(fields: "id")')
@ObjectType('Migrant', {
  description:
    'A smuggled migrant registered for assistance, known by a pseudonymous code. The identity is kept apart and reaches other agencies only under live consent. A migrant can be a witness, never a defendant (Smuggling Protocol Art. 5).',
})
export class Migrant {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Pseudonymous registration code, e.g. "MG-DOM-0142-02"; safe to use in place of a name.' })
  code: string;

  @Field(() => Sex, { description: 'Sex as recorded at registration.' })
  sex: Sex;

  @Field(() => AgeGroup, { description: 'Age band at registration.' })
  ageGroup: AgeGroup;

  @Field(() => CountryCode, { nullable: true, description: 'Nationality as declared or established; null when unknown.' })
  nationality: string | null;

  @Field(() => DateTimeResolver, { description: 'When the migrant was registered for assistance.' })
  registeredAt: Date;

  @Field(() => Int, {
    description: 'Version for optimistic locking: pass it back to `recordScreening` (as migrantVersion); each change increments it.',
  })
  version: number;
}

const migrantConnection = connectionTypes(Migrant, { name: 'Migrant', items: 'migrants', item: 'migrant', order: 'by code' });
export const MigrantConnection = migrantConnection.Connection;
export const MigrantConnectionResolver = migrantConnection.ConnectionCountResolver;
