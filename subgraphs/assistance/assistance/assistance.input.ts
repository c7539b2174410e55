import { IsOptional, Length } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { NotInFuture } from '../../shared/mutation/validators.js';
import { AssistanceStatus, AssistanceType } from '../enums.js';

@InputType({ description: 'A piece of support given or planned.' })
export class RecordAssistanceInput {
  @Field(() => ID, { description: 'The migrant.' })
  migrantId: string;

  @Field(() => AssistanceType, { description: 'Kind of support.' })
  type: AssistanceType;

  @Field(() => AssistanceStatus, { description: 'Progress.' })
  status: AssistanceStatus;

  @Length(1, 200)
  @Field({ description: 'Organisation giving the support.' })
  provider: string;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it started (required once in progress or completed).' })
  startedAt?: Date | null;

  @IsOptional()
  @NotInFuture()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was completed (only when completed).' })
  completedAt?: Date | null;
}
