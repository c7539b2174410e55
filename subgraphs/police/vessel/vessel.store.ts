import type { DataSource, EntityManager } from 'typeorm';
import { RecordStore } from '../../shared/store.js';
import { VesselEntity } from './vessel.entity.js';

/** The exact identifiers a detection may name a known vessel by. */
export interface VesselIdentifiers {
  imo: string | null;
  mmsi: string | null;
  registration: { flagState: string; number: string } | null;
}

export class VesselStore extends RecordStore<VesselEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, VesselEntity, 'vessel');
  }

  /**
   * Serialises recordDetections naming the same identifiers until their transaction ends, so two
   * detections of one new vessel make one vessel (the second finds the first's). Keys are taken in
   * sorted order, so two writers never wait on each other crosswise.
   */
  async lockIdentifiers(manager: EntityManager, identifiers: VesselIdentifiers): Promise<void> {
    const keys = [
      identifiers.imo && `vessel:imo:${identifiers.imo}`,
      identifiers.mmsi && `vessel:mmsi:${identifiers.mmsi}`,
      identifiers.registration && `vessel:registration:${identifiers.registration.flagState}:${identifiers.registration.number}`,
    ]
      .filter((key): key is string => Boolean(key))
      .sort();
    for (const key of keys) {
      await manager.query('/* vessel.lockIdentifiers */ SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    }
  }

  /** The vessels (at most three) holding any of these identifiers, locked for the caller's transaction. */
  byIdentifiers(manager: EntityManager, identifiers: VesselIdentifiers): Promise<VesselEntity[]> {
    const query = manager
      .getRepository(VesselEntity)
      .createQueryBuilder('vessel')
      .comment('vessel.byIdentifiers')
      .setLock('pessimistic_write');
    const clauses: string[] = [];
    if (identifiers.imo) clauses.push('vessel.imo = :imo');
    if (identifiers.mmsi) clauses.push('vessel.mmsi = :mmsi');
    if (identifiers.registration) clauses.push('(vessel.flagState = :flagState AND vessel.registration = :registration)');
    if (clauses.length === 0) return Promise.resolve([]);
    return query
      .where(clauses.join(' OR '), {
        imo: identifiers.imo,
        mmsi: identifiers.mmsi,
        flagState: identifiers.registration?.flagState,
        registration: identifiers.registration?.number,
      })
      .orderBy('vessel.id')
      .getMany();
  }
}
