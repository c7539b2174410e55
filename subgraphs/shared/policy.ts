import type { Agency, Viewer } from '../../platform/auth.js';
import { ForbiddenError, type DenialReason } from '../../platform/errors.js';

/** A rule's verdict on one read: allowed, or denied with the reason the caller (and the access log) gets. */
export type Decision = { allowed: true } | { allowed: false; reason: DenialReason };

export const ALLOW: Decision = { allowed: true };
export const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

/**
 * A subgraph's policy is a declarative table: each entry names the fields it gates, the agencies it
 * may reach, and (for rules that depend on the record: owning country, sharing scope, consent,
 * handling code) a condition on the record. `guard()` is the one place that decides, logs and throws;
 * services call it, resolvers never decide. The unit test reads every table against the design's
 * "Who may see what", and the README's table is checked against them.
 */
export interface FieldRule<Subject = void> {
  /** The schema fields this rule gates, as `Type.field` (or `Type.*` for a whole type). */
  fields: readonly string[];
  /** The agencies that may have these fields at all (every other agency: FORBIDDEN ROLE). */
  agencies: readonly Agency[];
  /**
   * What must also hold for this caller on this record (decided only for the agencies above). Omit
   * for rules that depend on the agency alone.
   */
  condition?: (viewer: Viewer, subject: Subject) => Decision;
  /** Whether every read (allowed or denied) writes an access-log row. */
  logged: boolean;
  /** The rule in the design's words (for the README table and the denial's reader). */
  rule: string;
}

/** Any subgraph's table: rule name → rule. */
export type PolicyTable = Record<string, FieldRule<never>>;

/** What a guard needs of the request: the caller and the request's access log. */
export interface Guarded {
  viewer: Viewer;
  accessLog: { record(entityType: string, entityId: string, field: string, decision: Decision): void };
}

/** Where a logged read lands in the access log. */
export interface LoggedRead {
  entityType: string;
  entityId: string;
  field: string;
}

/** The decision of a rule for a caller (and record), without logging or throwing. */
export function decide<Subject>(viewer: Viewer, rule: FieldRule<Subject>, subject: Subject): Decision {
  if (!rule.agencies.includes(viewer.agency)) return deny('ROLE');
  return rule.condition ? rule.condition(viewer, subject) : ALLOW;
}

/**
 * Decides a rule, writes the access-log row when the rule is logged and a target is given, and
 * throws FORBIDDEN (with the reason) when denied. Returns the decision for callers that go on to
 * decide per item.
 */
export function guard<Subject>(request: Guarded, rule: FieldRule<Subject>, subject: Subject, read?: LoggedRead): Decision {
  const decision = decide(request.viewer, rule, subject);
  if (rule.logged && read) request.accessLog.record(read.entityType, read.entityId, read.field, decision);
  if (!decision.allowed) throw ForbiddenError.of(decision.reason);
  return decision;
}

/** Like guard, but answers instead of throwing: for lists that leave out what the caller may not have. */
export function permits<Subject>(request: Guarded, rule: FieldRule<Subject>, subject: Subject, read?: LoggedRead): boolean {
  const decision = decide(request.viewer, rule, subject);
  if (rule.logged && read) request.accessLog.record(read.entityType, read.entityId, read.field, decision);
  return decision.allowed;
}
