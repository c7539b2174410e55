import type { DataSource } from 'typeorm';
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

  /** The links of a batch of prosecutions, each with its case law joined in: one statement. */
  byProsecutionIds(prosecutionIds: readonly string[]): Promise<ProsecutionCaseLawEntity[]> {
    return this.dataSource
      .getRepository(ProsecutionCaseLawEntity)
      .createQueryBuilder('link')
      .comment('caseLaw.byProsecutionIds')
      .innerJoinAndMapOne('link.caseLaw', CaseLawEntity, 'cl', 'cl.id = link.caseLawId')
      .where('link.prosecutionId = ANY(:prosecutionIds)', { prosecutionIds: [...prosecutionIds] })
      .orderBy('cl.year', 'DESC')
      .addOrderBy('cl.citation', 'ASC')
      .getMany();
  }
}
