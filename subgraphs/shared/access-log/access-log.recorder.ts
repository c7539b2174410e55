import { randomUUID } from 'node:crypto';
import type { Decision } from '../policy.js';
import type { Viewer } from '../../../platform/auth.js';
import type { Writer } from './write-log.js';
import type { ReadRow } from './access-log.store.js';
import type { ReadLog } from './read-log.js';
import type { LoggedDecision } from './access-log.entity.js';

interface PendingEntry {
  entityType: string;
  entityId: string;
  fields: Set<string>;
  decision: LoggedDecision;
  reason: string | null;
}

/**
 * Collects the gated reads of one request (allowed and denied) and writes them in one statement
 * when the response is ready, so logging costs one INSERT per request, not one per row. It is also
 * the request's writer: transactions of the request's data source log their writes under its caller.
 */
export class AccessLogRecorder implements Writer {
  private readonly pending = new Map<string, PendingEntry>();
  /** Rows written by `flush` so far: the gateway copies them for callers that shared this call. */
  logged = 0;
  /** The root mutation field being resolved, set by the subgraph server as each one starts. */
  mutation: string | null = null;

  constructor(
    readonly viewer: Viewer,
    readonly operationName: string | null,
    /** The gateway request this subgraph call serves (`x-request-id`). */
    readonly requestId: string | null = null,
    /** This subgraph call alone: a gateway request may call one subgraph several times. */
    readonly callId: string = randomUUID(),
  ) {}

  record(entityType: string, entityId: string, field: string, decision: Decision): void {
    const reason = decision.allowed ? null : decision.reason;
    const key = `${entityType}\u0000${entityId}\u0000${reason ?? 'ALLOWED'}`;
    const entry = this.pending.get(key);
    if (entry) {
      entry.fields.add(field);
      return;
    }
    this.pending.set(key, {
      entityType,
      entityId,
      fields: new Set([field]),
      decision: decision.allowed ? 'ALLOWED' : 'DENIED',
      reason,
    });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Writes the rows collected so far and waits for their commit (the read log shares INSERTs between requests). */
  async flush(readLog: ReadLog): Promise<void> {
    if (this.pending.size === 0) return;
    const rows: ReadRow[] = [...this.pending.values()].map((entry) => ({
      actor: this.viewer.subject,
      agency: this.viewer.agency,
      country: this.viewer.country,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      fields: [...entry.fields].sort(),
      decision: entry.decision,
      reason: entry.reason,
      operation_name: this.operationName,
      request_id: this.requestId,
      call_id: this.callId,
    }));
    this.pending.clear();
    await readLog.append(rows);
    this.logged += rows.length;
  }
}
