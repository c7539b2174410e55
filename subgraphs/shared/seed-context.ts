import type { DataSource } from 'typeorm';
import { AccessLogRecorder } from './access-log/access-log.recorder.js';
import type { Agency, Viewer } from './auth.js';
import type { SubgraphContext } from './context.js';

/**
 * The context the demo seed acts in: a named system caller of the agency that owns the data, so the
 * seed goes through the same services, rules and transactions as any partner's mutation.
 */
export function seedContext(dataSource: DataSource, agency: Agency, country: string): SubgraphContext {
  const viewer: Viewer = { subject: `tidelink-demo-seed-${agency.toLowerCase()}`, agency, country };
  return { viewer, requestId: 'demo-seed', traceparent: null, kAnonymity: 11, operationName: 'DemoSeed', dataSource, accessLog: new AccessLogRecorder(viewer, 'DemoSeed'), references: null };
}
