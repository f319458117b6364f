import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { json } from '../../db/columns';
import type { PlanStatus, RegionalWeight } from '../../domain/plan-rules';

/**
 * An annual plan (年度抽查工作计划, Art. 12–13): one per department and year. Its content lives in
 * versions: version 1 is the plan, every later one an adjustment (调整) that is adopted and filed again.
 * `currentVersion` is the latest version (possibly a draft).
 */
@ObjectType({ description: '年度抽查工作计划 — one department’s plan for one year; its content is in versions' })
@Entity('annual_plan')
@Index('IDX_annual_plan_department_year', ['departmentId', 'year'], { unique: true })
export class AnnualPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  departmentId: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int, { description: 'The latest version (a draft, or the version in force)' })
  @Column({ type: 'integer' })
  currentVersion: number;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/**
 * One version of a plan. A DRAFT is edited in place (`revision` guards against lost edits); once
 * adopted its content is frozen, the 15-day filing deadline runs from `adoptedOn`, and a change is a
 * new version.
 */
@ObjectType({ description: '计划版本 — one version of an annual plan (the plan, or an adjustment)' })
@Entity('plan_version')
@Index('IDX_plan_version_plan_version', ['planId', 'version'], { unique: true })
export class PlanVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planId: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** DRAFT or ADOPTED; FILED is derived from the filings. */
  @Column({ type: 'varchar', length: 16 })
  status: PlanStatus;

  @Field(() => Int, { description: 'Increases with every edit of a draft; pass it back to edit or adopt without overwriting someone else' })
  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'double' })
  provincePercent: number;

  @Column({ type: 'double' })
  cityPercent: number;

  @Column({ type: 'double' })
  countyPercent: number;

  @Column({ type: 'text', transformer: json })
  regionalWeights: RegionalWeight[];

  @Field({ description: 'Why this adjustment was made (empty for version 1)' })
  @Column({ type: 'varchar', length: 500 })
  adjustmentReason: string;

  @Field(() => String, { nullable: true, description: 'Day the version was adopted and issued (YYYY-MM-DD); the filing period runs from it' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  adoptedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Document number of the adoption, e.g. 平农发〔2026〕5号' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Column({ type: 'integer', nullable: true })
  adoptedById: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  adoptedAt: Date | null;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
