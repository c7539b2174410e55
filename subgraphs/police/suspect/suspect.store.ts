import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { SuspectEntity } from './suspect.entity.js';

export class SuspectStore extends RecordStore<SuspectEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, SuspectEntity, 'suspect');
  }

  byCaseIds(caseIds: readonly string[]): Promise<SuspectEntity[]> {
    return selectWhereIn(this.dataSource, SuspectEntity, 'suspect.byCaseIds', 'caseId', caseIds, {
      property: 'alias',
      direction: 'ASC',
    });
  }

  byNetworkIds(networkIds: readonly string[]): Promise<SuspectEntity[]> {
    return selectWhereIn(this.dataSource, SuspectEntity, 'suspect.byNetworkIds', 'networkId', networkIds, {
      property: 'alias',
      direction: 'ASC',
    });
  }

  byPersonIds(personIds: readonly string[]): Promise<SuspectEntity[]> {
    return selectWhereIn(this.dataSource, SuspectEntity, 'suspect.byPersonIds', 'personId', personIds, {
      property: 'alias',
      direction: 'ASC',
    });
  }
}
