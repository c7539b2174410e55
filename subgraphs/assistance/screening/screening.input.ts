import { ArrayUnique, Length } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { TraffickingStatus, Vulnerability } from '../enums.js';

@InputType({ description: "A vulnerability and trafficking screening; it becomes the migrant's current assessment." })
export class RecordScreeningInput {
  @Field(() => ID, { description: 'The migrant.' })
  migrantId: string;

  @Field(() => Int, { description: "The migrant's version you read (the screening updates the migrant)." })
  migrantVersion: number;

  @NotInFuture()
  @Field(() => DateTimeResolver, { description: 'When the screening took place.' })
  screenedAt: Date;

  @Length(1, 200)
  @Field({ description: 'Organisation whose caseworker screened.' })
  screenedBy: string;

  @ArrayUnique()
  @Field(() => [Vulnerability], { description: 'Special needs found.' })
  vulnerabilities: Vulnerability[];

  @Field(() => TraffickingStatus, { description: 'Trafficking assessment.' })
  traffickingStatus: TraffickingStatus;
}
