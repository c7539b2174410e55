import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import type { RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Viewer } from '../platform/auth.js';
import type { Config } from '../platform/config.js';
import { UntrustedDocumentError } from '../platform/errors.js';

/** The persisted-operation manifest Apollo (Router, GraphOS) and The Guild (Hive) share. */
export const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'must be the sha256 hex of the body'),
      body: z.string().min(1),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What the guard found out about the document of a request (res.locals), for the check after authentication. */
type DocumentStanding = { trusted: true } | { trusted: false; unknownId?: string; byDocumentId?: boolean };

/**
 * The registered operations, by id, with how a request's document stands against them:
 * a known id runs its body; a text runs if it is a registered body (as sent, or once printed the way
 * the manifest prints it, so whitespace and comments do not matter).
 */
export class TrustedDocuments {
  private readonly bodies = new Map<string, string>();
  /** Whether a text (by its hash) prints as a registered body: each distinct text is parsed once. */
  private readonly normalised = new LRUCache<string, boolean>({ max: 5000 });

  constructor(manifest: Manifest) {
    for (const operation of manifest.operations) {
      if (sha256(operation.body) !== operation.id)
        throw new Error(`trusted documents: operation ${operation.name}'s id is not the sha256 of its body`);
      this.bodies.set(operation.id, operation.body);
    }
  }

  static load(file: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(
        `trusted documents: cannot read ${file} (${error instanceof Error ? error.message : String(error)}); run npm run documents:build`,
      );
    }
    const parsed = manifestSchema.safeParse(manifest);
    if (!parsed.success)
      throw new Error(`trusted documents: ${file} is not a persisted-query manifest (${parsed.error.issues[0]?.message})`);
    return new TrustedDocuments(parsed.data);
  }

  get size(): number {
    return this.bodies.size;
  }

  body(id: string): string | undefined {
    return this.bodies.get(id);
  }

  isRegisteredText(text: string): boolean {
    const hash = sha256(text);
    if (this.bodies.has(hash)) return true;
    const known = this.normalised.get(hash);
    if (known !== undefined) return known;
    let registered = false;
    try {
      registered = this.bodies.has(sha256(print(parse(text, { noLocation: true }))));
    } catch {
      // Not a document: Apollo reports the syntax error if the caller may send text at all.
    }
    this.normalised.set(hash, registered);
    return registered;
  }
}

interface PersistedBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/** Hive's `documentId` may be the bare hash or `sha256:<hash>`. */
const bareId = (id: string) => id.replace(/^sha256:/, '');

/**
 * Before Apollo: a registered id (Hive's `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`
 * without a query) becomes its body; what the request's document is (registered or not) is noted for
 * `checkTrusted`, which runs once the caller is known. An unknown APQ hash is left to Apollo's own
 * automatic persisted queries, for callers allowed to send any document.
 */
export function persistedDocumentGuard(documents: TrustedDocuments, mode: 'allow' | 'require'): RequestHandler {
  // Only `require` refuses text: in `allow` nobody reads whether a text is registered.
  const registered = (query: unknown) => mode === 'require' && typeof query === 'string' && documents.isRegisteredText(query);
  return (req, res, next) => {
    const standing = (value: DocumentStanding) => {
      res.locals.document = value;
    };
    if (req.method !== 'POST') {
      const query = (req.query as { query?: unknown }).query;
      standing({ trusted: registered(query) });
      return next();
    }
    const body = req.body as PersistedBody | undefined;
    if (!body || typeof body !== 'object') return next();
    const documentId = typeof body.documentId === 'string' ? bareId(body.documentId) : undefined;
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (documentId !== undefined) {
      delete body.documentId;
      const text = documents.body(documentId);
      if (text !== undefined) body.query = text;
      standing(text !== undefined ? { trusted: true } : { trusted: false, unknownId: documentId, byDocumentId: true });
    } else if (typeof hash === 'string' && body.query === undefined) {
      const text = documents.body(hash);
      if (text !== undefined) {
        // Run as text: Apollo's APQ cache is then neither read nor written for a registered operation.
        body.query = text;
        delete body.extensions?.persistedQuery;
      }
      standing(text !== undefined ? { trusted: true } : { trusted: false, unknownId: hash });
    } else {
      standing({ trusted: registered(body.query) });
    }
    next();
  };
}

/**
 * After authentication: in `require` mode, a caller in scope (PARTNER tokens, or everyone with
 * scope `all`) runs only registered documents. A Hive `documentId` nobody registered is refused in
 * every mode (there is no text to fall back on).
 */
export function checkTrusted(
  settings: Pick<Config, 'PERSISTED_DOCUMENTS' | 'PERSISTED_DOCUMENTS_SCOPE'>,
  viewer: Viewer,
  res: Response | undefined,
  refusalStatus: 200 | 400,
): void {
  const standing = res?.locals.document as DocumentStanding | undefined;
  if (!standing || standing.trusted) return;
  const inScope =
    settings.PERSISTED_DOCUMENTS === 'require' && (settings.PERSISTED_DOCUMENTS_SCOPE === 'all' || viewer.agency === 'PARTNER');
  if (standing.unknownId !== undefined && (inScope || standing.byDocumentId === true))
    throw new UntrustedDocumentError('PERSISTED_QUERY_NOT_IN_LIST', refusalStatus);
  if (inScope) throw new UntrustedDocumentError('QUERY_NOT_IN_SAFELIST', refusalStatus);
}
