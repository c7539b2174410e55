import type { DataSource, EntityManager } from 'typeorm';
import type { Position } from '../pagination.js';
import { AccessLogEntity, type LoggedDecision } from './access-log.entity.js';
import type { AccessLogFilter } from './access-log.type.js';

/** One gated read of a request, as the recorder collected it (fields sorted). */
export interface ReadRow {
  actor: string;
  agency: string;
  country: string;
  entity_type: string;
  entity_id: string;
  fields: string[];
  decision: LoggedDecision;
  reason: string | null;
  operation_name: string | null;
  /** The gateway request the subgraph call served (`x-request-id`). */
  request_id: string | null;
  /** The subgraph call itself (the gateway copies its rows for callers that shared it). */
  call_id: string;
}

/** One record a transaction wrote, with the fields it set. */
export interface WriteRow {
  entity_type: string;
  entity_id: string;
  fields: string[];
}

/** Who wrote, for every row of one transaction's writes. */
export interface WriteAuthor {
  actor: string;
  agency: string;
  country: string;
  operationName: string | null;
  operation: string;
  requestId: string | null;
}

/**
 * The access log's SQL: its pages, and the appends of the recorder (reads), the write log (writes,
 * inside the writing transaction: pass its manager) and the shared-read copy.
 */
export class AccessLogStore {
  constructor(private readonly dataSource: DataSource | EntityManager) {}

  page(filter: AccessLogFilter, after: Position | null, limit: number): Promise<AccessLogEntity[]> {
    const query = this.filtered(filter, 'accessLog.page');
    if (after) query.andWhere('(log.at, log.id) < (:afterAt, :afterId)', { afterAt: after.sortKey, afterId: after.id });
    return query.orderBy('log.at', 'DESC').addOrderBy('log.id', 'DESC').limit(limit).getMany();
  }

  /** How many entries the filter matches: what `page` lists, all pages together. */
  count(filter: AccessLogFilter): Promise<number> {
    return this.filtered(filter, 'accessLog.count').getCount();
  }

  private filtered(filter: AccessLogFilter, name: string) {
    const query = this.dataSource.getRepository(AccessLogEntity).createQueryBuilder('log').comment(name).where('TRUE');
    if (filter.actor) query.andWhere('log.actor = :actor', { actor: filter.actor });
    if (filter.kind) query.andWhere('log.kind = :kind', { kind: filter.kind });
    if (filter.requestId) query.andWhere('log.request_id = :requestId', { requestId: filter.requestId });
    if (filter.agency) query.andWhere('log.agency = :agency', { agency: filter.agency });
    if (filter.entityType) query.andWhere('log.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('log.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.decision) query.andWhere('log.decision = :decision', { decision: filter.decision });
    if (filter.from) query.andWhere('log.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('log.at < :to', { to: filter.to });
    return query;
  }

  /** `accessLog.append`: gated reads in one INSERT, each row under its request and subgraph call (one request's, or several's: read-log.ts). */
  async appendReads(rows: readonly ReadRow[]): Promise<void> {
    await this.dataSource.query(
      `/* accessLog.append */
       INSERT INTO access_log (actor, agency, country, entity_type, entity_id, fields, decision, reason, operation_name, kind, request_id, call_id)
       SELECT actor, agency, country, entity_type, entity_id, fields, decision, reason, operation_name, 'READ', request_id, call_id
         FROM jsonb_to_recordset($1::jsonb) AS entry(actor text, agency text, country text, entity_type text,
              entity_id uuid, fields text[], decision text, reason text, operation_name text, request_id text, call_id uuid)`,
      [JSON.stringify(rows)],
    );
  }

  /** `accessLog.appendWrites`: a transaction's writes in one INSERT; run on its manager, it commits or fails with them. */
  async appendWrites(rows: readonly WriteRow[], author: WriteAuthor): Promise<void> {
    await this.dataSource.query(
      `/* accessLog.appendWrites */
       INSERT INTO access_log (actor, agency, country, entity_type, entity_id, fields, decision, reason, operation_name, kind, operation, request_id)
       SELECT $2, $3, $4, entity_type, entity_id, fields, 'ALLOWED', NULL, $5, 'WRITE', $6, $7
         FROM jsonb_to_recordset($1::jsonb) AS entry(entity_type text, entity_id uuid, fields text[])`,
      [JSON.stringify(rows), author.actor, author.agency, author.country, author.operationName, author.operation, author.requestId],
    );
  }

  /** Copies the gated-read rows of one subgraph call, of one actor, under each given request id; returns how many rows it wrote. */
  async copySharedRead(callId: string, actor: string, requestIds: readonly string[]): Promise<number> {
    const [{ copied }]: Array<{ copied: number }> = await this.dataSource.query(
      `/* accessLog.copySharedRead */
       WITH copied AS (
         INSERT INTO access_log (actor, agency, country, entity_type, entity_id, fields, decision, reason, operation_name, kind, request_id, call_id)
         SELECT actor, agency, country, entity_type, entity_id, fields, decision, reason, operation_name, 'READ', joiner.request_id, NULL
           FROM access_log CROSS JOIN unnest($3::text[]) AS joiner(request_id)
          WHERE call_id = $1 AND actor = $2 AND kind = 'READ'
         RETURNING 1)
       SELECT count(*)::int AS copied FROM copied`,
      [callId, actor, [...requestIds]],
    );
    return copied;
  }
}
