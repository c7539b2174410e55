import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssistanceStatus, AssistanceType } from '../enums.js';

@ObjectType('Assistance', { description: 'A piece of support given to a migrant: medical care, shelter, counselling, return and so on.' })
export class Assistance {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => AssistanceType, { description: 'Kind of support.' })
  type: AssistanceType;

  @Field(() => AssistanceStatus, { description: 'Progress.' })
  status: AssistanceStatus;

  @Field({ description: 'Organisation giving the support, e.g. "IOM Santo Domingo" or a partner NGO.' })
  provider: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it started; null while only planned.' })
  startedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was completed.' })
  completedAt: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `updateAssistance`; each change increments it.' })
  version: number;
}
