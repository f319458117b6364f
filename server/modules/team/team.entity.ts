import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bool } from '../../db/columns';

/** Defaults when a department has no team policy row. */
export const DEFAULT_TEAM_SIZE = 2;
export const DEFAULT_WORKLOAD_LIMIT = 30;

/** How an executing department draws its teams (Art. 20–23). */
@ObjectType({ description: '检查组规则 — how a department draws its teams' })
@Entity('team_policy')
export class TeamPolicy {
  @Field(() => ID) @PrimaryColumn({ type: 'integer' }) departmentId: number;
  @Field(() => Int, { description: 'Inspectors per team, at least 2' }) @Column({ type: 'integer' }) teamSize: number;
  @Field({ description: 'The team must cover the specialties of the items' }) @Column({ type: 'boolean', transformer: bool }) requireSpecialtyCoverage: boolean;
  @Field({ description: 'Inspectors do not check targets of their own township' }) @Column({ type: 'boolean', transformer: bool }) recuseSameTownship: boolean;
  @Field(() => Int, { description: 'Open visits per inspector at most' }) @Column({ type: 'integer' }) workloadLimit: number;
  /** Null in GraphQL for a department that has not set its policy (the defaults apply). */
  @Field(() => Date, { nullable: true, description: 'When the department last set it; null: the defaults apply' }) @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'integer' }) updatedById: number;
}

export enum MemberChangeKind {
  /** Replace a drawn inspector (Art. 22): a reason and a leader's approval. */
  REPLACE = 'REPLACE',
  /** Recusal by swapping targets with another inspector of the task (Art. 23). */
  RECUSE_SWAP = 'RECUSE_SWAP',
  /** Recusal by leaving the visit and being replaced (Art. 23). */
  RECUSE_LEAVE = 'RECUSE_LEAVE',
}
registerEnumType(MemberChangeKind, { name: 'MemberChangeKind' });

export enum MemberChangeStatus { REQUESTED = 'REQUESTED', APPROVED = 'APPROVED', REJECTED = 'REJECTED' }
registerEnumType(MemberChangeStatus, { name: 'MemberChangeStatus' });

/** A requested change to a visit's team, with its reason and the leader's decision. */
@ObjectType({ description: '人员变更 — a requested change to a visit’s team' })
@Entity('member_change')
@Index('IDX_member_change_visit', ['visitId'])
export class MemberChange {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) visitId: number;
  @Field(() => MemberChangeKind) @Column({ type: 'varchar', length: 16 }) kind: MemberChangeKind;
  @Column({ type: 'integer' }) inspectorId: number;
  @Column({ type: 'integer', nullable: true }) replacementInspectorId: number | null;
  @Column({ type: 'integer', nullable: true }) otherVisitId: number | null;
  @Field() @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ type: 'integer' }) requestedById: number;
  @Field() @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Field(() => MemberChangeStatus) @Column({ type: 'varchar', length: 16 }) status: MemberChangeStatus;
  @Column({ type: 'integer', nullable: true }) decidedById: number | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
}
