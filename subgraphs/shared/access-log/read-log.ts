import type { DataSource } from 'typeorm';
import { isDatabaseDown } from '../../../platform/errors.js';
import { AccessLogStore, type ReadRow } from './access-log.store.js';

/** One request's rows waiting for the INSERT that commits them. */
interface Waiting {
  rows: readonly ReadRow[];
  resolve(): void;
  reject(error: unknown): void;
}

export interface ReadLogOptions {
  /** INSERTs in flight at once; requests that flush meanwhile wait and go together in the next one. */
  maxInFlight?: number;
  /** Rows in one INSERT at most (a deep read logs a few hundred; a batch takes whole requests only). */
  maxRows?: number;
}

/**
 * The access log's read rows, written by group commit. Every request still waits for the INSERT that
 * holds its rows to commit before its answer leaves (no gated read goes out unlogged), but requests
 * that flush while earlier INSERTs are in flight share the next one: one statement and one commit
 * for many requests under load, where each paid its own (a round trip, a WAL flush). A request that
 * flushes alone goes at once, so nothing waits when there is nothing to share.
 *
 * A shared INSERT fails or succeeds whole. If it fails with the database down, every request in it
 * gets that error (SERVICE_UNAVAILABLE); for any other reason, each request's rows are tried again
 * alone, so one request's bad row fails only that request.
 */
export class ReadLog {
  private readonly store: AccessLogStore;
  private readonly maxInFlight: number;
  private readonly maxRows: number;
  private waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(dataSource: DataSource, options: ReadLogOptions = {}) {
    this.store = new AccessLogStore(dataSource);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
    this.maxRows = Math.max(1, options.maxRows ?? 5000);
  }

  /** Resolves once the rows are committed; rejects if they could not be written. */
  append(rows: readonly ReadRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.send();
    });
  }

  private send(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.send();
      });
    }
  }

  /** Whole requests, in arrival order, up to maxRows (a request larger than that goes alone). */
  private takeBatch(): Waiting[] {
    let rows = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || rows + this.waiting[count].rows.length <= this.maxRows)) {
      rows += this.waiting[count].rows.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      await this.store.appendReads(batch.length === 1 ? batch[0].rows : batch.flatMap((waiting) => waiting.rows));
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1 || isDatabaseDown(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      // Not the database: find whose rows it was, each request alone.
      await Promise.all(
        batch.map(async (waiting) => {
          try {
            await this.store.appendReads(waiting.rows);
            waiting.resolve();
          } catch (alone) {
            waiting.reject(alone);
          }
        }),
      );
    }
  }
}
