import { GraphQLError } from 'graphql';

/** Why a field was withheld; callers get it as `extensions.reason` next to `code: FORBIDDEN`. */
export type DenialReason = 'ROLE' | 'CONSENT_REQUIRED' | 'HANDLING_RESTRICTED' | 'NOT_RELEASABLE';

export type Decision = { allowed: true } | { allowed: false; reason: DenialReason };

export const ALLOW: Decision = { allowed: true };
export const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

/**
 * A denied field: it resolves to null with this error, which names the reason but never the value
 * nor anything about it.
 */
export class ForbiddenError extends GraphQLError {
  constructor(reason: DenialReason) {
    super(`Access denied (${reason})`, { extensions: { code: 'FORBIDDEN', reason } });
  }
}
