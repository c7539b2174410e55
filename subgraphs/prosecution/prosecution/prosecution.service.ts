import { assertId, pageSize } from '../../shared/pagination.js';
import type { ProsecutionLoaders } from '../prosecution.context.js';
import type { ProsecutionEntity } from './prosecution.entity.js';
import type { ProsecutionStore } from './prosecution.store.js';

/** Reads of prosecutions: id checks and page bounds. Access rules join here later, not in resolvers. */
export class ProsecutionService {
  constructor(
    private readonly store: ProsecutionStore,
    private readonly loaders: ProsecutionLoaders,
  ) {}

  get(id: string): Promise<ProsecutionEntity | null> {
    return this.loaders.prosecutionById.load(assertId(id));
  }

  async newest(first: number | null | undefined): Promise<ProsecutionEntity[]> {
    const rows = await this.store.newest(pageSize(first));
    // Prime the loader so nested references to these prosecutions cost nothing more.
    for (const row of rows) this.loaders.prosecutionById.prime(row.id, row);
    return rows;
  }
}
