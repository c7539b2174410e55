import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/connection.js';
import { Aggravation, Offence } from '../../shared/offence.js';
import { CountryCode } from '../../shared/scalars.js';
import { CaseStatus } from '../enums.js';
import type { CaseCriteria } from './case.store.js';

@Directive('@key(fields: "id")')
@ObjectType('Case', {
  description:
    'A migrant-smuggling case opened by a police service, usually on a detection at sea. The hub of Tidelink: migrant assistance adds `migrants` and `assistanceSummary`, prosecutor support adds `prosecution`.',
})
export class Case {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Human-readable case reference of the lead police service, e.g. "DOM-2026-0142".' })
  reference: string;

  @Field(() => CaseStatus, { description: 'Where the case stands.' })
  status: CaseStatus;

  @Field(() => CountryCode, { description: 'Country whose police service leads the case.' })
  leadCountry: string;

  @Field(() => DateTimeResolver, { description: 'When the case was opened (UTC).' })
  openedAt: Date;

  @Field(() => [Offence], { description: 'Offences under investigation.' })
  offences: Offence[];

  @Field(() => [Aggravation], { description: 'Aggravating circumstances established or alleged (Smuggling Protocol Art. 6(3)).' })
  aggravations: Aggravation[];

  @Field({ description: 'Short factual summary of the case, free of personal data.' })
  summary: string;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it back to `advanceCase`; each change increments it.' })
  version: number;
}

@InputType({ description: 'Narrows `cases`. Every given condition must hold.' })
export class CaseFilter implements CaseCriteria {
  @Field(() => CaseStatus, { nullable: true, description: 'Only cases in this status.' })
  status?: CaseStatus | null;

  @Field(() => CountryCode, { nullable: true, description: 'Only cases led by this country.' })
  leadCountry?: string | null;

  @Field(() => Offence, { nullable: true, description: 'Only cases that name this offence.' })
  offence?: Offence | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only cases opened at or after this instant.' })
  openedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only cases opened before this instant.' })
  openedTo?: Date | null;
}

@ObjectType({ description: 'A case and its position in the list.' })
export class CaseEdge {
  @Field({ description: 'Opaque cursor of this case; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Case, { description: 'The case.' })
  node: Case;
}

@ObjectType({ description: 'A page of cases, newest first.' })
export class CaseConnection {
  @Field(() => [Case], { description: 'The cases of this page, in order.' })
  nodes: Case[];

  @Field(() => [CaseEdge], { description: 'The cases of this page with their cursors.' })
  edges: CaseEdge[];

  @Field(() => PageInfo, { description: 'Whether more cases follow, and where to continue.' })
  pageInfo: PageInfo;

  /** Carried so `totalCount` is only counted when asked for. */
  criteria: CaseCriteria;
}
