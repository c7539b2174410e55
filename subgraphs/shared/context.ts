import type { DataSource } from 'typeorm';
import type { AccessLogRecorder } from './access-log/access-log.recorder.js';
import type { Viewer } from '../../platform/auth.js';
import type { ReferenceLookup } from './lookup/lookup.client.js';
import type { RecordIds } from './record-ids.js';

/** What every subgraph resolver receives: the verified caller, the operation, and its access log. */
export interface SubgraphContext {
  viewer: Viewer;
  /** Correlates this request's log lines across the gateway and the subgraphs. */
  requestId: string;
  /** W3C trace context of the request, as the gateway passed it on (null when none). */
  traceparent: string | null;
  operationName: string | null;
  dataSource: DataSource;
  /** Smallest group a statistic may show (K_ANONYMITY); smaller buckets are suppressed. */
  kAnonymity: number;
  /** Gated reads of this request, written in one statement when the response is ready. */
  accessLog: AccessLogRecorder;
  /**
   * Signed reference checks with the subgraph that owns an id (`/lookup`), as this caller. Null where
   * no check can be made: the demo seed (it runs before the peers are up, and its ids are consistent
   * by construction: test/integration/references.test.ts checks the seeded data) and the owner's own
   * lookup handlers (an owner answers from its own data).
   */
  references: ReferenceLookup | null;
  /** Ids of the records this request creates (random; planned by the demo seed). */
  recordIds: RecordIds;
}
