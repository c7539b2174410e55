import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { SuspectRole } from '../enums.js';

@Directive('@key(fields: "id")')
@ObjectType('Suspect', {
  description:
    'A person suspected of smuggling migrants. Only suspects can become defendants; smuggled migrants never are (Smuggling Protocol Art. 5).',
})
export class Suspect {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Alias or nickname under which the suspect is known to investigators.' })
  alias: string;

  @Field(() => CountryCode, { nullable: true, description: 'Nationality, when established.' })
  nationality: string | null;

  @Field(() => SuspectRole, { description: 'Believed role in the smuggling operation.' })
  role: SuspectRole;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `linkSuspectToPerson`; each change increments it.' })
  version: number;
}
