import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/connection.js';
import { Offence } from '../../shared/offence.js';
import { CaseStatus } from '../enums.js';
import { CountryCode } from '../../shared/scalars.js';
import type { CaseCriteria } from './case.store.js';

@Directive('@key(fields: "id")')
@ObjectType('Case', {
  description:
    'A migrant-smuggling case opened by a police service, usually on a detection at sea. The hub of Tidelink: migrant assistance adds `migrants` and `assistanceSummary`, prosecutor support adds `prosecution`. The bureau that recorded it (`ownerCountry`) decides which countries may read it (`sharingScope`); a reader outside gets a hit only (`releasable: false`).',
})
export class Case {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID).' })
  id: string;

  @Field({ description: 'Human-readable case reference of the lead police service, e.g. "DOM-2026-0142".' })
  reference: string;

  @Field(() => CountryCode, {
    description:
      'Country whose police bureau recorded the case and owns it: it alone sets who may read it (`sharingScope`) and changes it. A reader outside the scope contacts this bureau.',
  })
  ownerCountry: string;

  // Every other field is resolved in CaseResolver: for a reader outside the owner's scope it is null
  // with FORBIDDEN NOT_RELEASABLE (a hit only).
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

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also list cases whose owner has not released them to your country, as hits (`releasable: false`: id, reference and owning country only). Default false: such cases are left out and not counted.',
  })
  includeHits?: boolean | null;
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

  /** Counts with the reader's scoped criteria, only when `totalCount` is asked for. */
  count: () => Promise<number>;
}
