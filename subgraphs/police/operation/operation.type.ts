import { DateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';

@ObjectType('Operation', { description: 'A joint police operation during which detections were made.' })
export class Operation {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Name of the operation.' })
  name: string;

  @Field({ description: 'Body that coordinated it, e.g. "INTERPOL and UNODC".' })
  coordinatingBody: string;

  @Field(() => [CountryCode], { description: 'Participating countries.' })
  countries: string[];

  @Field(() => DateResolver, { description: 'First day of the operation.' })
  startedOn: string;

  @Field(() => DateResolver, { nullable: true, description: 'Last day; null while it runs.' })
  endedOn: string | null;
}
