import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { MlaStatus, MlaType } from '../enums.js';

@ObjectType('MlaRequest', {
  description:
    'A request for mutual legal assistance sent by one State to another for a prosecution (UNTOC Art. 18). What it yields may be used only for the purpose stated in the request.',
})
export class MlaRequest {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field(() => MlaType, { description: 'What the request asks for.' })
  type: MlaType;

  @Field(() => MlaStatus, { description: 'Where the request stands.' })
  status: MlaStatus;

  @Field(() => CountryCode, { description: 'State that sends the request (the prosecuting State).' })
  requestingCountry: string;

  @Field(() => CountryCode, { description: 'State asked to provide the assistance.' })
  requestedCountry: string;

  @Field({ description: 'What is asked, in one or two sentences, e.g. "Boarding report and GPS track of the interdiction".' })
  subject: string;

  @Field(() => DateTimeResolver, { description: 'When the request was created (UTC).' })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'When the request last changed, e.g. its status (UTC).' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `advanceMlaRequest`; each change increments it.' })
  version: number;
}
