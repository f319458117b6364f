import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { csvSet } from '../../db/columns';
import { SpecialDirectory, TargetType } from '../../domain/vocabulary';

/**
 * A batch (批次) of a plan version (Art. 13): its scope (items, and which targets: types and/or
 * special directories, optionally regions), its time window and the estimated number of targets.
 */
@ObjectType({ description: '批次 — one batch of a plan version: scope, time window, estimated count' })
@Entity('plan_batch')
@Index('IDX_plan_batch_version_position', ['planVersionId', 'position'], { unique: true })
export class PlanBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planVersionId: number;

  @Field(() => Int, { description: 'Order within the version, from 1' })
  @Column({ type: 'integer' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => [TargetType], { description: 'Target types in scope; empty means the target types of the batch’s items' })
  @Column({ type: 'varchar', length: 255, transformer: csvSet })
  targetTypes: TargetType[];

  @Field(() => [SpecialDirectory], { description: 'Special directories in scope (a target in any of them); empty means no restriction' })
  @Column({ type: 'varchar', length: 500, transformer: csvSet })
  specialDirectories: SpecialDirectory[];

  @Field(() => [String], { description: 'Regions in scope (a region and everything in it); empty means the whole jurisdiction' })
  @Column({ type: 'text', transformer: csvSet })
  regionCodes: string[];

  @Field({ description: 'First day of the window, YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  startDate: string;

  @Field({ description: 'Last day of the window, YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  endDate: string;

  @Field(() => Int, { description: 'Estimated number of targets to check' })
  @Column({ type: 'integer' })
  estimatedCount: number;
}

/** An item in a batch's scope; one row per (batch, item), with the version for coverage look-ups. */
@Entity('plan_batch_item')
@Index('IDX_plan_batch_item_batch_item', ['batchId', 'itemId'], { unique: true })
@Index('IDX_plan_batch_item_version_item', ['planVersionId', 'itemId'])
export class PlanBatchItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planVersionId: number;

  @Column({ type: 'integer' })
  batchId: number;

  @Column({ type: 'integer' })
  itemId: number;
}
