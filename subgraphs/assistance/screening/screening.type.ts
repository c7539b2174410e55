import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { TraffickingStatus, Vulnerability } from '../enums.js';

@ObjectType('Screening', { description: 'A vulnerability and trafficking screening of a migrant by a caseworker.' })
export class Screening {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the screening took place.' })
  screenedAt: Date;

  @Field({ description: 'Organisation whose caseworker screened, e.g. "IOM Santo Domingo".' })
  screenedBy: string;

  @Field(() => [Vulnerability], { description: 'Special needs found.' })
  vulnerabilities: Vulnerability[];

  @Field(() => TraffickingStatus, { description: 'Trafficking assessment reached at this screening.' })
  traffickingStatus: TraffickingStatus;
}
