import type { DataSource } from 'typeorm';
import type { Position } from '../pagination.js';
import { AccessLogEntity } from './access-log.entity.js';
import type { AccessLogFilter } from './access-log.type.js';

/** Reads of the access log (rows are appended by the recorder, the write log and the shared-read copy). */
export class AccessLogStore {
  constructor(private readonly dataSource: DataSource) {}

  page(filter: AccessLogFilter, after: Position | null, limit: number): Promise<AccessLogEntity[]> {
    const query = this.dataSource.getRepository(AccessLogEntity).createQueryBuilder('log').comment('accessLog.page').where('TRUE');
    if (filter.actor) query.andWhere('log.actor = :actor', { actor: filter.actor });
    if (filter.kind) query.andWhere('log.kind = :kind', { kind: filter.kind });
    if (filter.requestId) query.andWhere('log.request_id = :requestId', { requestId: filter.requestId });
    if (filter.agency) query.andWhere('log.agency = :agency', { agency: filter.agency });
    if (filter.entityType) query.andWhere('log.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('log.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.decision) query.andWhere('log.decision = :decision', { decision: filter.decision });
    if (filter.from) query.andWhere('log.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('log.at < :to', { to: filter.to });
    if (after) query.andWhere('(log.at, log.id) < (:afterAt, :afterId)', { afterAt: after.sortKey, afterId: after.id });
    return query.orderBy('log.at', 'DESC').addOrderBy('log.id', 'DESC').limit(limit).getMany();
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
