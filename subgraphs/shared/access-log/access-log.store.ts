import type { DataSource } from 'typeorm';
import type { Position } from '../pagination.js';
import { AccessLogEntity } from './access-log.entity.js';
import type { AccessLogFilter } from './access-log.type.js';

/** Reads of the access log (writes go through the recorder, in one statement per request). */
export class AccessLogStore {
  constructor(private readonly dataSource: DataSource) {}

  page(filter: AccessLogFilter, after: Position | null, limit: number): Promise<AccessLogEntity[]> {
    const query = this.dataSource.getRepository(AccessLogEntity).createQueryBuilder('log').comment('accessLog.page').where('TRUE');
    if (filter.actor) query.andWhere('log.actor = :actor', { actor: filter.actor });
    if (filter.agency) query.andWhere('log.agency = :agency', { agency: filter.agency });
    if (filter.entityType) query.andWhere('log.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('log.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.decision) query.andWhere('log.decision = :decision', { decision: filter.decision });
    if (filter.from) query.andWhere('log.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('log.at < :to', { to: filter.to });
    if (after) query.andWhere('(log.at, log.id) < (:afterAt, :afterId)', { afterAt: after.sortKey, afterId: after.id });
    return query.orderBy('log.at', 'DESC').addOrderBy('log.id', 'DESC').limit(limit).getMany();
  }
}
