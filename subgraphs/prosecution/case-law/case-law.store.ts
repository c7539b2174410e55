import type { DataSource } from 'typeorm';
import { entityColumns } from '../../shared/store.js';
import { CaseLawEntity, ProsecutionCaseLawEntity } from './case-law.entity.js';

export class CaseLawStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Every reference, most recent first. */
  all(): Promise<CaseLawEntity[]> {
    return this.dataSource
      .getRepository(CaseLawEntity)
      .createQueryBuilder('cl')
      .comment('caseLaw.all')
      .orderBy('cl.year', 'DESC')
      .addOrderBy('cl.citation', 'ASC')
      .getMany();
  }

  /** The links of a batch of prosecutions, each with its case law joined in: one statement, written once (a loader's read). */
  async byProsecutionIds(prosecutionIds: readonly string[]): Promise<ProsecutionCaseLawEntity[]> {
    const link = entityColumns(this.dataSource, ProsecutionCaseLawEntity, 'link');
    const caseLaw = entityColumns(this.dataSource, CaseLawEntity, 'cl');
    const raws = await this.dataSource.query<Array<Record<string, unknown>>>(
      `/* caseLaw.byProsecutionIds */ SELECT ${link.list}, ${caseLaw.list} FROM ${link.from} ` +
        `INNER JOIN ${caseLaw.from} ON ${caseLaw.column('id')} = ${link.column('caseLawId')} ` +
        `WHERE ${link.column('prosecutionId')} = ANY($1) ORDER BY ${caseLaw.column('year')} DESC, ${caseLaw.column('citation')} ASC`,
      [[...prosecutionIds]],
    );
    const driver = this.dataSource.driver;
    return raws.flatMap((raw) => {
      const row = link.entity(raw, driver);
      const law = caseLaw.entity(raw, driver);
      if (!row || !law) return [];
      row.caseLaw = law;
      return [row];
    });
  }
}
