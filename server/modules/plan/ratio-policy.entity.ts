import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { json } from '../../db/columns';
import type { RatioOverride } from '../../domain/ratio-policy';
import type { CreditClass, RiskLevel } from '../../domain/vocabulary';

/**
 * A department's ratio policy (Art. 14): default minimum ratio and rounds, factors per risk level
 * and credit class, per-item overrides. A department without one uses DEFAULT_RATIO_POLICY (shown
 * with `version` 0). The model is explained in server/domain/ratio-policy.ts.
 */
@ObjectType({ description: '抽查比例和频次规则 — a department’s ratio policy (Art. 14)' })
@Entity('ratio_policy')
@Index('IDX_ratio_policy_department', ['departmentId'], { unique: true })
export class RatioPolicy {
  @Field(() => ID, { nullable: true, description: 'Null while the department uses the default policy' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  departmentId: number;

  @Field(() => Float, { description: 'Minimum share of the directory per item, in percent, where law is silent (Pinglu: 5)' })
  @Column({ type: 'double' })
  minRatioPercent: number;

  @Field(() => Int, { description: 'Minimum rounds a year per item where law is silent (Pinglu: 2)' })
  @Column({ type: 'integer' })
  minRoundsPerYear: number;

  @Column({ type: 'text', transformer: json })
  riskFactors: Record<RiskLevel, number>;

  @Column({ type: 'text', transformer: json })
  creditFactors: Record<CreditClass, number>;

  @Column({ type: 'text', transformer: json })
  itemOverrides: RatioOverride[];

  @Field(() => Int, { description: '0 for the default policy; increases with every change (pass it back as expectedVersion)' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;
}
