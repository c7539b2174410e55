import express, { type Request, type Response } from 'express';
import { ALLOW, deny, type Decision } from '../policy.js';
import type { TokenVerifier, Viewer } from '../../../platform/auth.js';
import type { Config } from '../../../platform/config.js';
import type { SubgraphContext } from '../context.js';
import { AuthenticationError, DATABASE_DOWN_MESSAGE, ForbiddenError, isDatabaseDown, type DenialReason } from '../../../platform/errors.js';
import type { Logger } from '../../../platform/logger.js';
import type { ReadLog } from '../access-log/read-log.js';
import { signedJson } from '../../../platform/http-server.js';
import { LOOKUP_PATH, lookupRequest, type LookupAnswer, type LookupFacts, type LookupKind } from './lookup.protocol.js';

/**
 * What an owning subgraph answers for one kind: the facts of each id through its own services (so
 * its policy and scoping apply), null for a record the caller may not know of.
 */
// Method syntax on purpose: a module's handlers for its own context fit the shared module type, as `createContext` does.
export type LookupHandler<Context, Kind extends LookupKind> = {
  check(context: Context, id: string): Promise<LookupFacts<Kind> | null>;
}['check'];
export type LookupHandlers<Context> = { [Kind in LookupKind]?: LookupHandler<Context, Kind> };

/** What a lookup handler reads of a record's owner service, and how the check is logged. */
export interface LookupTarget<Row> {
  entityType: string;
  /** The owner's own read (e.g. `cases.reference`): throws FORBIDDEN when the caller may not have it. */
  read(id: string): Promise<Row | null>;
}

/**
 * One reference check: reads the record through the owner's service and logs the check (field
 * `referenceCheck`) whatever the outcome. A record the caller may not see is "not found".
 */
export async function checkReference<Row, Facts>(
  context: SubgraphContext,
  target: LookupTarget<Row>,
  id: string,
  facts: (row: Row) => Facts,
): Promise<Facts | null> {
  let row: Row | null;
  let decision: Decision = ALLOW;
  try {
    row = await target.read(id);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    row = null;
    decision = deny(error.extensions.reason as DenialReason);
  }
  context.accessLog.record(target.entityType, id, 'referenceCheck', decision);
  return row ? facts(row) : null;
}

export interface LookupServerOptions<Context extends SubgraphContext> {
  config: Config;
  logger: Logger;
  verifier: TokenVerifier;
  handlers: LookupHandlers<Context>;
  /** The same context a /graphql request gets, for the verified caller. */
  createContext(viewer: Viewer, requestId: string): Context;
  /** Where each check's log rows are written before the answer leaves. */
  readLog: ReadLog;
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * `POST /lookup` on an owning subgraph: signed like the gateway's calls (only Tidelink services can
 * ask), carrying the original caller's token (the owner decides for that caller, not for the asking
 * subgraph). Every check is logged before the answer leaves; if the log cannot be written, no answer.
 */
export function mountLookup<Context extends SubgraphContext>(app: express.Express, options: LookupServerOptions<Context>): void {
  const { config, logger } = options;
  // Signed like the gateway's calls, checked by the same guard as /graphql (http-server.ts).
  const signing = { secret: config.SUBGRAPH_SIGNING_SECRET, maxAgeSeconds: config.SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS };
  app.post(LOOKUP_PATH, ...signedJson(16 * 1024, signing, logger), async (req: Request, res: Response) => {
    const header = (name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : undefined);
    let viewer: Viewer;
    try {
      viewer = await options.verifier.verifyAuthorization(req.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) return refuse(res, 401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    const parsed = lookupRequest.safeParse(req.body);
    if (!parsed.success)
      return refuse(res, 400, 'BAD_REQUEST', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const handler = options.handlers[parsed.data.kind] as LookupHandler<Context, LookupKind> | undefined;
    if (!handler) return refuse(res, 404, 'NOT_FOUND', `this subgraph does not own ${parsed.data.kind} records`);
    const requestId = header('x-request-id') ?? 'lookup';
    const context = options.createContext(viewer, requestId);
    try {
      // All ids at once, so the owner's DataLoaders read them in one statement per kind (a read
      // asks for the ids of a whole request level).
      const ids = [...new Set(parsed.data.ids.map((id) => id.toLowerCase()))];
      const answers = await Promise.all(ids.map((id) => handler(context, id)));
      const facts: LookupAnswer<LookupKind> = Object.fromEntries(ids.map((id, index) => [id, answers[index]]));
      await context.accessLog.flush(options.readLog);
      res.json({ facts });
    } catch (error) {
      // The owner's database down: the asking subgraph answers SERVICE_UNAVAILABLE either way, but
      // the status says it is a state to retry, not a fault of the owner's.
      if (isDatabaseDown(error)) {
        logger.warn({ err: error, requestId }, 'lookup failed: database unreachable; no answer sent');
        return refuse(res, 503, 'SERVICE_UNAVAILABLE', DATABASE_DOWN_MESSAGE);
      }
      logger.error({ err: error, requestId }, 'lookup failed; no answer sent');
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
}
