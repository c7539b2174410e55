import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../connection.js';
import { CountryCode } from '../scalars.js';
import { AGENCIES, type Agency } from '../../../platform/auth.js';
import { DENIAL_REASONS, type DenialReason } from '../../../platform/errors.js';
import { ACCESS_DECISIONS, ACCESS_KINDS, type LoggedDecision, type LoggedKind } from './access-log.entity.js';

/** A list of codes as a GraphQL enum (`{ ROLE: 'ROLE', … }`), so the list is declared once, where its meaning is. */
function enumOf<Code extends string>(codes: readonly Code[]): { [Key in Code]: Key } {
  return Object.fromEntries(codes.map((code) => [code, code])) as { [Key in Code]: Key };
}

export const AccessDecision = enumOf(ACCESS_DECISIONS);
export type AccessDecision = LoggedDecision;
registerEnumType(AccessDecision, {
  name: 'AccessDecision',
  description: 'Whether a gated read was served.',
  valuesConfig: {
    ALLOWED: { description: 'The fields were returned.' },
    DENIED: { description: 'The fields were withheld (null with a FORBIDDEN error).' },
  },
});

export const AccessKind = enumOf(ACCESS_KINDS);
export type AccessKind = LoggedKind;
registerEnumType(AccessKind, {
  name: 'AccessKind',
  description: 'Whether an access-log entry records a gated read or a write.',
  valuesConfig: {
    READ: { description: 'A gated read, allowed or denied.' },
    WRITE: { description: 'A write made by a mutation: which fields of which record changed (never their values).' },
  },
});

/** The denial reasons of platform/errors.ts (what ForbiddenError and the access log carry). */
export const DenialReasonCode = enumOf(DENIAL_REASONS);
export type DenialReasonCode = DenialReason;
registerEnumType(DenialReasonCode, {
  name: 'DenialReason',
  description: 'Why a field was withheld; the same value a denied caller gets in `extensions.reason`.',
  valuesConfig: {
    ROLE: { description: "The caller's agency may not see this field group." },
    CONSENT_REQUIRED: { description: 'No live consent of the migrant covers this recipient.' },
    HANDLING_RESTRICTED: { description: "The source's handling code forbids this use (H1: not for judicial proceedings)." },
    NOT_RELEASABLE: { description: "The source has not released the item to the caller's country." },
  },
});

/** The agencies of platform/auth.ts (the token's `agency` claim). */
export const AgencyCode = enumOf(AGENCIES);
export type AgencyCode = Agency;
registerEnumType(AgencyCode, {
  name: 'Agency',
  description: 'The kind of organisation a caller acts for (the `agency` claim of the token).',
  valuesConfig: {
    POLICE: { description: 'A police service (National Central Bureau).' },
    IOM: { description: 'A migrant-assistance caseworker (IOM-style).' },
    PROSECUTOR: { description: 'A prosecution office.' },
    ANALYST: { description: 'An analyst working on de-identified statistics.' },
    PARTNER: { description: 'A partner organisation integrating over GraphQL; statistics and public record only.' },
    AUDITOR: { description: 'A data-protection auditor; reads the access logs only.' },
  },
});

@Directive('@shareable')
@ObjectType({
  description:
    'One gated read, allowed or denied, or one write: who read or changed which fields of which record, and why a read was decided as it was. Append-only.',
})
export class AccessLogEntry {
  @Field(() => ID, { description: 'Opaque identifier of the entry.' })
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the read happened.' })
  at: Date;

  @Field({ description: 'The caller (`sub` claim of the token).' })
  actor: string;

  @Field(() => AgencyCode, { description: "The caller's agency." })
  agency: AgencyCode;

  @Field(() => CountryCode, { description: "The caller's country." })
  country: string;

  @Field(() => AccessKind, { description: 'A gated read or a write.' })
  kind: AccessKind;

  @Field({ description: 'Type of the record read or written, e.g. "Migrant" or "IntelligenceItem".' })
  entityType: string;

  @Field(() => ID, { description: 'Id of the record read or written.' })
  entityId: string;

  @Field(() => [String], {
    description:
      'For a read, the gated fields asked for, e.g. ["identity", "traffickingStatus"]; for a write, the names of the fields set (never their values).',
  })
  fields: string[];

  @Field(() => AccessDecision, { description: 'Whether they were served (a write is always ALLOWED: a refused write changes nothing).' })
  decision: AccessDecision;

  @Field(() => DenialReasonCode, { nullable: true, description: 'Why they were withheld; null when allowed.' })
  reason: DenialReasonCode | null;

  @Field(() => String, { nullable: true, description: 'The GraphQL operation name the caller gave, if any.' })
  operationName: string | null;

  @Field(() => String, { nullable: true, description: 'For a write, the mutation that made it, e.g. "advanceCase"; null for reads.' })
  operation: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The request id (`x-request-id`) of the caller's request, to match an entry with the caller's own logs; null for entries older than this field.",
  })
  requestId: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'An access-log entry and its position in the log.' })
export class AccessLogEdge {
  @Field({ description: 'Opaque cursor of this entry; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => AccessLogEntry, { description: 'The entry.' })
  node: AccessLogEntry;
}

@Directive('@shareable')
@ObjectType({ description: 'A page of access-log entries, newest first.' })
export class AccessLogConnection {
  @Field(() => [AccessLogEntry], { description: 'The entries of this page.' })
  nodes: AccessLogEntry[];

  @Field(() => [AccessLogEdge], { description: 'The entries of this page with their cursors.' })
  edges: AccessLogEdge[];

  @Field(() => PageInfo, { description: 'Whether more entries follow, and where to continue.' })
  pageInfo: PageInfo;

  /** Counts the filtered log, only when `totalCount` is asked for. */
  count: () => Promise<number>;
}

@InputType({ description: 'Narrows an access log. Every given condition must hold.' })
export class AccessLogFilter {
  @Field(() => String, { nullable: true, description: 'Only reads by this caller (`sub`).' })
  actor?: string | null;

  @Field(() => AccessKind, { nullable: true, description: 'Only reads, or only writes; both when not given.' })
  kind?: AccessKind | null;

  @Field(() => String, { nullable: true, description: 'Only entries of this request (`x-request-id`).' })
  requestId?: string | null;

  @Field(() => AgencyCode, { nullable: true, description: 'Only reads by this agency.' })
  agency?: AgencyCode | null;

  @Field(() => String, { nullable: true, description: 'Only reads of this record type, e.g. "Migrant".' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only reads of this record.' })
  entityId?: string | null;

  @Field(() => AccessDecision, { nullable: true, description: 'Only allowed, or only denied, reads.' })
  decision?: AccessDecision | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only reads at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only reads before this instant.' })
  to?: Date | null;
}
