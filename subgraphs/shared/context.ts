import type { DataSource } from 'typeorm';
import type { AccessLogRecorder } from './access-log/access-log.recorder.js';
import type { Viewer } from './auth.js';

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
}
