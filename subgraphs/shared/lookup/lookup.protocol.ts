import { z } from 'zod';

/**
 * The reference check between subgraphs: a subgraph about to store another agency's id asks the
 * owner, over a signed POST to the owner's `/lookup`, what it knows of that id for this caller.
 * One call per mutation, a few ids at most; the owner answers through its own services and policy
 * and logs each check.
 */
export const LOOKUP_PATH = '/lookup';

/** Ids per lookup call: a mutation names one reference; a read batches the ids of one request level (DataLoader). */
export const MAX_LOOKUP_IDS = 100;

/** What the owner tells of each kind of record it owns. */
export const lookupFacts = {
  /**
   * A police case: its status, lead country, and whether its owner released it to this caller (false:
   * the caller may know it exists, a hit, and nothing it holds, which binds the other agencies' data
   * on the case too).
   */
  case: z.object({ status: z.string(), leadCountry: z.string(), releasable: z.boolean() }),
  /** A police suspect: the case it belongs to. */
  suspect: z.object({ caseId: z.string() }),
  /** A migrant registered by IOM: the case it belongs to. */
  migrant: z.object({ caseId: z.string() }),
  /** A migrant's live TESTIMONY consent, read by its owner (who logs the read), for `testifyingWitnesses`. */
  testimonyConsent: z.object({ consent: z.boolean() }),
};
export type LookupKind = keyof typeof lookupFacts;
export type LookupFacts<Kind extends LookupKind> = z.infer<(typeof lookupFacts)[Kind]>;
/** Per id asked: the facts, or null when the owner has no such record this caller may know of. */
export type LookupAnswer<Kind extends LookupKind> = Record<string, LookupFacts<Kind> | null>;

/** Which subgraph owns each kind. */
export const LOOKUP_OWNER = {
  case: 'police',
  suspect: 'police',
  migrant: 'assistance',
  testimonyConsent: 'assistance',
} as const satisfies Record<LookupKind, string>;
export type LookupOwner = (typeof LOOKUP_OWNER)[LookupKind];

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** The request body. */
export const lookupRequest = z.object({
  kind: z.enum(['case', 'suspect', 'migrant', 'testimonyConsent']),
  ids: z.array(uuid).min(1).max(MAX_LOOKUP_IDS),
});
export type LookupRequest = z.infer<typeof lookupRequest>;
