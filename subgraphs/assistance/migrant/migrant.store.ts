import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { MigrantEntity } from './migrant.entity.js';

export interface CaseMigrantCounts {
  caseId: string;
  migrants: number;
  minors: number;
  unaccompaniedMinors: number;
  traffickingVictims: number;
  possibleTraffickingVictims: number;
}

export class MigrantStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<MigrantEntity[]> {
    return selectWhereIn(this.dataSource, MigrantEntity, 'migrant.byIds', 'id', ids);
  }

  byCaseIds(caseIds: readonly string[]): Promise<MigrantEntity[]> {
    return selectWhereIn(this.dataSource, MigrantEntity, 'migrant.byCaseIds', 'caseId', caseIds, {
      property: 'code',
      direction: 'ASC',
    });
  }

  /** Counted in SQL, one statement for a batch of cases. */
  async countsByCaseIds(caseIds: readonly string[]): Promise<CaseMigrantCounts[]> {
    const rows: Array<Record<keyof CaseMigrantCounts, string>> = await this.dataSource.query(
      `/* migrant.countsByCaseIds */
       SELECT case_id AS "caseId",
              count(*) AS "migrants",
              count(*) FILTER (WHERE age_group IN ('AGE_0_8', 'AGE_9_17')) AS "minors",
              count(*) FILTER (WHERE 'UNACCOMPANIED_CHILD' = ANY (vulnerabilities)) AS "unaccompaniedMinors",
              count(*) FILTER (WHERE trafficking_status = 'CONFIRMED') AS "traffickingVictims",
              count(*) FILTER (WHERE trafficking_status = 'POSSIBLE') AS "possibleTraffickingVictims"
         FROM migrants
        WHERE case_id = ANY ($1)
        GROUP BY case_id`,
      [[...caseIds]],
    );
    return rows.map((row) => ({
      caseId: row.caseId,
      migrants: Number(row.migrants),
      minors: Number(row.minors),
      unaccompaniedMinors: Number(row.unaccompaniedMinors),
      traffickingVictims: Number(row.traffickingVictims),
      possibleTraffickingVictims: Number(row.possibleTraffickingVictims),
    }));
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<MigrantEntity>): Promise<string> {
    return insertRow(manager, MigrantEntity, 'migrant.insert', values);
  }

  codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager.getRepository(MigrantEntity).createQueryBuilder('m').comment('migrant.codeTaken').where('m.code = :code', { code }).getExists();
  }
}
