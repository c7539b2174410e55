import type { DataSource } from 'typeorm';
import { AccessLogRecorder } from './access-log/access-log.recorder.js';
import { attributedDataSource } from './access-log/write-log.js';
import type { Agency, Viewer } from '../../platform/auth.js';
import type { SubgraphContext } from './context.js';
import { PlannedRecordIds } from './record-ids.js';

/**
 * The context the demo seed acts in: a named system caller of the agency that owns the data, so the
 * seed goes through the same services, rules and transactions as any partner's mutation.
 */
export function seedContext(dataSource: DataSource, agency: Agency, country: string): SubgraphContext & { recordIds: PlannedRecordIds } {
  const viewer: Viewer = { subject: `tidelink-demo-seed-${agency.toLowerCase()}`, agency, country };
  const accessLog = new AccessLogRecorder(viewer, 'DemoSeed', 'demo-seed');
  // The seed's writes are logged like a partner's, under the seed's system caller.
  return {
    viewer,
    requestId: 'demo-seed',
    traceparent: null,
    kAnonymity: 11,
    operationName: 'DemoSeed',
    dataSource: attributedDataSource(dataSource, accessLog),
    accessLog,
    references: null,
    recordIds: new PlannedRecordIds(),
  };
}
