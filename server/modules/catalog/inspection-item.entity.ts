import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, csvSet, json } from '../../db/columns';
import { CheckMethod, ItemKind, RegionLevel, TargetType } from '../../domain/vocabulary';

/**
 * An inspection item (抽查事项) of a department's catalog. The item is the stable identity (code);
 * its content lives in versions, because tasks and results refer to the version they used.
 */
@ObjectType({ description: '抽查事项 — a catalog item; its content is in versions' })
@Entity('inspection_item')
@Index('IDX_inspection_item_department_code', ['departmentId', 'code'], { unique: true })
export class InspectionItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  departmentId: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  currentVersion: number;

  @Field()
  @Column({ type: 'boolean', transformer: bool })
  active: boolean;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** One immutable version of an item's content. */
@ObjectType({ description: '抽查事项版本 — one immutable version of an item' })
@Entity('inspection_item_version')
@Index('IDX_item_version_item_version', ['itemId', 'version'], { unique: true })
export class InspectionItemVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  itemId: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  categoryCode: string;

  @Field(() => ItemKind)
  @Column({ type: 'varchar', length: 16 })
  kind: ItemKind;

  @Field(() => [TargetType])
  @Column({ type: 'varchar', length: 255, transformer: csvSet })
  targetTypes: TargetType[];

  @Field()
  @Column({ type: 'text' })
  checkContent: string;

  @Field(() => [CheckMethod])
  @Column({ type: 'varchar', length: 255, transformer: csvSet })
  methods: CheckMethod[];

  @Field(() => Float, { nullable: true, description: 'Lowest share of the directory to draw, in percent' })
  @Column({ type: 'double', nullable: true })
  ratioMinPercent: number | null;

  @Field(() => Float, { nullable: true, description: 'Cap on the share drawn, in percent (GENERAL items only)' })
  @Column({ type: 'double', nullable: true })
  ratioMaxPercent: number | null;

  @Field(() => Int, { description: 'Rounds of checks a year' })
  @Column({ type: 'integer' })
  frequencyPerYear: number;

  @Field({ description: 'Responsible unit within the department, e.g. 种子管理站' })
  @Column({ type: 'varchar', length: 100 })
  responsibleUnit: string;

  @Field(() => RegionLevel, { description: 'Administrative level that carries the item out' })
  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  @Field()
  @Column({ type: 'text' })
  legalBasis: string;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;
}

/** One check point of a check form (Art. 25–26): what to check, how, how to decide, what follows. */
@ObjectType()
export class CheckPoint {
  @Field() point: string;
  @Field() method: string;
  @Field() criterion: string;
  @Field() followUp: string;
}

/** A check form (检查表单) attached to one item version. */
@ObjectType({ description: '检查表单 — a check form of an item version' })
@Entity('check_form')
export class CheckForm {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_check_form_itemVersionId')
  @Column({ type: 'integer' })
  itemVersionId: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => [CheckPoint])
  @Column({ type: 'text', transformer: json })
  checkPoints: CheckPoint[];

  @Column({ type: 'integer' })
  position: number;
}
