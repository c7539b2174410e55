import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TokenVerifier, Viewer } from '../../../platform/auth.js';
import type { Config } from '../../../platform/config.js';
import type { Logger } from '../../../platform/logger.js';
import { signedJson } from '../../../platform/http-server.js';
import { badUserInput, databaseDown, isDatabaseDown } from '../../../platform/errors.js';
import { AccessLogStore } from './access-log.store.js';
import { SHARED_READ_PATH } from '../../../platform/shared-read-protocol.js';

export { CALL_HEADER, LOGGED_HEADER, SHARED_READ_PATH } from '../../../platform/shared-read-protocol.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const SharedRead = z.object({
  /** The call whose rows are copied (its `x-tidelink-call`). */
  from: z.uuid(),
  /** The request ids of the callers that joined the call. */
  requestIds: z.array(z.string().regex(REQUEST_ID)).min(1).max(1000),
});
export type SharedReadRequest = z.infer<typeof SharedRead>;

function refuse(reason: string) {
  return { errors: [{ message: 'Request refused', extensions: { code: 'UNAUTHENTICATED', reason } }] };
}

/** POST /access-log/shared-read: signed by the gateway, with the joiner's own token. */
export function serveSharedReads(
  app: Express,
  options: { config: Config; verifier: TokenVerifier; dataSource: DataSource; logger: Logger },
): void {
  const { config, verifier, dataSource, logger } = options;
  // Only the gateway may ask for log rows to be copied: the same signature guard as /graphql (http-server.ts).
  const signing = { secret: config.SUBGRAPH_SIGNING_SECRET, maxAgeSeconds: config.SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS };
  app.post(SHARED_READ_PATH, ...signedJson(128 * 1024, signing, logger), async (req: Request, res: Response) => {
    let viewer: Viewer;
    try {
      viewer = await verifier.verifyAuthorization(req.headers.authorization);
    } catch {
      res.status(401).json(refuse('TOKEN'));
      return;
    }
    const parsed = SharedRead.safeParse(req.body);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', reasons: [issue.message] }));
      res.status(400).json({ errors: [{ message: 'Expected { from: <call id>, requestIds: [...] }', extensions: badUserInput(fields) }] });
      return;
    }
    const request: SharedReadRequest = parsed.data;
    try {
      // Only the caller's own rows: the same subject as the token that asks.
      const copied = await new AccessLogStore(dataSource).copySharedRead(request.from, viewer.subject, request.requestIds);
      res.json({ copied });
    } catch (error) {
      // The database down is a state the gateway passes on as such (its callers retry), not a fault here.
      if (isDatabaseDown(error)) {
        logger.warn({ err: error }, 'shared read copy failed: database unreachable');
        res.status(503).json({ errors: [databaseDown()] });
        return;
      }
      logger.error({ err: error }, 'shared read copy failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
}
