import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Config } from '../../../platform/config.js';
import type { Logger } from '../../../platform/logger.js';
import { signedJsonPost } from '../../../platform/signed-post.js';
import {
  LOOKUP_OWNER,
  LOOKUP_PATH,
  lookupFacts,
  type LookupAnswer,
  type LookupKind,
  type LookupOwner,
  type LookupRequest,
} from './lookup.protocol.js';

/** The owner of a reference could not be asked (down, slow, refusing): the write is not made. */
export class OwnerUnavailableError extends GraphQLError {
  constructor(owner: LookupOwner) {
    super(`The ${owner} service could not confirm the reference right now; nothing was written, retry shortly`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: owner },
    });
  }
}

/**
 * Where this subgraph reaches its peers' /lookup. Standalone: POLICE_URL / ASSISTANCE_URL (their
 * /graphql URLs); in the one-process stack, the started subgraphs' URLs, handed over once all are up.
 */
export class LookupPeers {
  private urls: Partial<Record<LookupOwner, string>>;

  constructor(urls: Partial<Record<LookupOwner, string | undefined>>) {
    this.urls = {};
    this.set(urls);
  }

  set(urls: Partial<Record<LookupOwner, string | undefined>>): void {
    for (const [owner, url] of Object.entries(urls) as Array<[LookupOwner, string | undefined]>) {
      if (url) this.urls[owner] = new URL(LOOKUP_PATH, url).toString();
    }
  }

  url(owner: LookupOwner): string | undefined {
    return this.urls[owner];
  }
}

/**
 * The answer's schema per kind, built once: zod compiles a schema on its first parse, and building
 * it per call paid that on every reference check.
 */
const answerSchemas = Object.fromEntries(
  (Object.keys(lookupFacts) as LookupKind[]).map((kind) => [kind, z.object({ facts: z.record(z.string(), lookupFacts[kind].nullable()) })]),
) as { [Kind in LookupKind]: z.ZodObject<{ facts: z.ZodRecord<z.ZodString, z.ZodNullable<(typeof lookupFacts)[Kind]>> }> };

/** The lookup client of one request: signs each call and carries the caller's own Authorization. */
export class ReferenceLookup {
  constructor(
    private readonly config: Pick<Config, 'SUBGRAPH_SIGNING_SECRET' | 'SUBGRAPH_TIMEOUT_MS'>,
    private readonly peers: LookupPeers,
    private readonly authorization: string | undefined,
    private readonly logger: Logger,
    private readonly requestId: string,
  ) {}

  /** What the owner knows of each id for this caller (null: no such record, or not one the caller may know of). */
  async lookup<Kind extends LookupKind>(kind: Kind, ids: readonly string[]): Promise<LookupAnswer<Kind>> {
    const owner = LOOKUP_OWNER[kind];
    const url = this.peers.url(owner);
    const secret = this.config.SUBGRAPH_SIGNING_SECRET;
    if (!url || !secret) {
      this.logger.error({ owner, requestId: this.requestId, url: url ?? null }, 'no peer URL or signing secret for the reference check');
      throw new OwnerUnavailableError(owner);
    }
    const payload: LookupRequest = { kind, ids: ids.map((id) => id.toLowerCase()) };
    const answer = answerSchemas[kind];
    // Half the gateway's budget for its own call to this subgraph, so a slow owner ends as this typed
    // error (nothing written) before the gateway gives up on the whole mutation.
    const timeout = Math.max(50, Math.floor(this.config.SUBGRAPH_TIMEOUT_MS / 2));
    try {
      const response = await signedJsonPost(url, payload, this.authorization, secret, timeout, undefined, {
        'x-request-id': this.requestId,
      });
      if (response.status !== 200) {
        // 503: the owner's database is down, a state to retry (warn); anything else is a fault to look at.
        const entry = { owner, status: response.status, requestId: this.requestId };
        if (response.status === 503) this.logger.warn(entry, 'reference check unanswered: its owner cannot reach its database');
        else this.logger.error(entry, 'reference check refused by its owner');
        throw new OwnerUnavailableError(owner);
      }
      const facts = answer.parse(response.body).facts as LookupAnswer<Kind>;
      // Every id asked gets an answer: a missing one counts as not found.
      return Object.fromEntries(payload.ids.map((id) => [id, facts[id] ?? null]));
    } catch (error) {
      if (error instanceof OwnerUnavailableError) throw error;
      this.logger.warn({ err: error, owner, requestId: this.requestId }, 'reference check failed');
      throw new OwnerUnavailableError(owner);
    }
  }
}
