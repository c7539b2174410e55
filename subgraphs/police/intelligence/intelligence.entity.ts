import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { HandlingCode, InformationAccuracy, SourceReliability } from '../enums.js';

@Entity('intelligence_items')
export class IntelligenceItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @Column('text') summary: string;
  @Column({ type: 'text', name: 'handling_code' }) handlingCode: HandlingCode;
  @Column({ type: 'text', name: 'handling_conditions', nullable: true }) handlingConditions: string | null;
  @Column({ type: 'text', name: 'source_reliability' }) sourceReliability: SourceReliability;
  @Column({ type: 'text', name: 'information_accuracy' }) informationAccuracy: InformationAccuracy;
  @Column({ type: 'char', length: 3, name: 'source_country' }) sourceCountry: string;
  /** Countries the source allows the item to reach; null means no restriction by country. */
  @Column({ type: 'text', array: true, name: 'releasable_to', nullable: true }) releasableTo: string[] | null;
  @Column({ type: 'timestamptz', name: 'shared_at' }) sharedAt: Date;
  @Column({ type: 'date', name: 'review_by' }) reviewBy: string;
  @VersionColumn() version: number;
}
