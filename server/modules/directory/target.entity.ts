import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, csvSet, json } from '../../db/columns';
import { CreditClass, RiskLevel, SpecialDirectory, TargetStatus, TargetType } from '../../domain/vocabulary';

@ObjectType({ description: '许可证 — a licence held by a target' })
export class Licence {
  @Field({ description: 'Kind, e.g. 农药经营许可证' }) kind: string;
  @Field() number: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validTo: string | null;
}

/**
 * A target (检查对象) in a department's directory. `naturalKey` is what a re-import matches on:
 * the credit code, or for targets without one (products, projects, behaviours) type|region|name.
 */
@ObjectType({ description: '检查对象 — a target in the directory' })
@Entity('target')
@Index('IDX_target_department_naturalKey', ['departmentId', 'naturalKey'], { unique: true })
@Index('IDX_target_department_region', ['departmentId', 'regionCode'])
export class Target {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  departmentId: number;

  @Column({ type: 'varchar', length: 200 })
  naturalKey: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (GB 32100-2015)' })
  @Index('IDX_target_creditCode')
  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => TargetType)
  @Column({ type: 'varchar', length: 32 })
  type: TargetType;

  @Field()
  @Column({ type: 'varchar', length: 9 })
  regionCode: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Field(() => TargetStatus)
  @Column({ type: 'varchar', length: 32 })
  status: TargetStatus;

  @Field(() => RiskLevel)
  @Column({ type: 'varchar', length: 16 })
  riskLevel: RiskLevel;

  @Field(() => CreditClass)
  @Column({ type: 'varchar', length: 1 })
  creditClass: CreditClass;

  @Field(() => Int)
  @Column({ type: 'integer' })
  complaintCount: number;

  @Field({ description: '失信 — on a dishonesty list' })
  @Column({ type: 'boolean', transformer: bool })
  dishonest: boolean;

  @Field({ description: '严重违法失信 — serious violation record' })
  @Column({ type: 'boolean', transformer: bool })
  seriousViolation: boolean;

  @Field(() => [SpecialDirectory])
  @Column({ type: 'varchar', length: 500, transformer: csvSet })
  specialDirectories: SpecialDirectory[];

  @Field(() => [Licence])
  @Column({ type: 'text', transformer: json })
  licences: Licence[];

  @Field()
  @Column({ type: 'varchar', length: 100 })
  legalRepresentative: string;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  phone: string;

  @Field(() => Int, { description: 'Increases with every change; pass it back to update without overwriting someone else' })
  @Column({ type: 'integer' })
  version: number;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** The import that created this record, if one did (its history then starts with that import). */
  @Column({ type: 'integer', nullable: true })
  createdByImportJobId: number | null;
}
