import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where a visit stands. DONE and CANCELLED visits are closed: no new task joins them. */
export enum VisitStatus {
  /** Formed from one or more picks; no team drawn yet. */
  PENDING_TEAM = 'PENDING_TEAM',
  STAFFED = 'STAFFED',
  /** The team draw found no valid team; waiting for appointment or cross-region matching. */
  UNSTAFFED = 'UNSTAFFED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(VisitStatus, { name: 'VisitStatus' });

/** Statuses of a visit that a new pick may still join (Art. 24). */
export const OPEN_VISIT_STATUSES: readonly VisitStatus[] = [VisitStatus.PENDING_TEAM, VisitStatus.STAFFED, VisitStatus.UNSTAFFED];

export enum VisitMemberRole { LEADER = 'LEADER', MEMBER = 'MEMBER' }
registerEnumType(VisitMemberRole, { name: 'VisitMemberRole' });

export enum VisitMemberSource {
  DRAWN = 'DRAWN',
  APPOINTED = 'APPOINTED',
  CROSS_REGION = 'CROSS_REGION',
  REPLACEMENT = 'REPLACEMENT',
  SWAPPED = 'SWAPPED',
}
registerEnumType(VisitMemberSource, { name: 'VisitMemberSource' });

export enum VisitExpertSource { DRAWN = 'DRAWN', APPOINTED = 'APPOINTED' }
registerEnumType(VisitExpertSource, { name: 'VisitExpertSource' });

/**
 * 检查 — one visit to one target (进一次门、查多项事, Art. 19, 24): every task that drew the target
 * within overlapping windows is served by the same visit, one team, one leader, within the
 * intersection of the windows.
 */
@ObjectType({ description: '检查（一次上门） — one visit to a target, serving one or more tasks' })
@Entity('visit')
@Index('IDX_visit_public', ['publicId'])
@Index('IDX_visit_lead_department', ['leadDepartmentId'])
export class Visit {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) targetId: number;
  @Field({ description: 'The target’s public id (credit code)' }) @Column({ type: 'varchar', length: 64 }) publicId: string;
  /** The department whose team runs the visit. */
  @Column({ type: 'integer' }) leadDepartmentId: number;
  /** The lead department's path (jurisdiction prefix match). */
  @Column({ type: 'varchar', length: 255 }) departmentPath: string;
  @Field({ description: 'Intersection of its tasks’ windows, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10 }) windowStart: string;
  @Field({ description: 'Intersection of its tasks’ windows, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10 }) windowEnd: string;
  @Field(() => VisitStatus) @Column({ type: 'varchar', length: 16 }) status: VisitStatus;
  @Field() @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Field() @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version: number;
  /** The team draw (team_draw) that staffed the visit or found it unstaffable; null before teams are drawn. */
  @Index('IDX_visit_team_draw') @Column({ type: 'integer', nullable: true }) teamDrawId: number | null;
}

/** A task served by a visit. `addedById` null: merged automatically when the task's draw was locked. */
@ObjectType({ description: 'A task served by a visit' })
@Entity('visit_task')
@Index('IDX_visit_task_visit_task', ['visitId', 'taskId'], { unique: true })
@Index('IDX_visit_task_task', ['taskId'])
@Index('IDX_visit_task_department', ['departmentId'])
export class VisitTask {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) visitId: number;
  @Column({ type: 'integer' }) taskId: number;
  @Column({ type: 'integer' }) drawId: number;
  /** The task's executing department. */
  @Column({ type: 'integer' }) departmentId: number;
  @Field({ description: 'The task’s own window, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10 }) windowStart: string;
  @Field({ description: 'The task’s own window, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10 }) windowEnd: string;
  @Field() @Column({ type: 'datetime', precision: 3 }) addedAt: Date;
  @Column({ type: 'integer', nullable: true }) addedById: number | null;
}

/** An inspector on a visit's team. Removed members stay, with when, why and by whom. */
@ObjectType({ description: '检查组成员 — an inspector on a visit’s team' })
@Entity('visit_member')
@Index('IDX_visit_member_visit', ['visitId'])
@Index('IDX_visit_member_inspector', ['inspectorId', 'removedAt'])
export class VisitMember {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) visitId: number;
  @Column({ type: 'integer' }) inspectorId: number;
  @Column({ type: 'integer' }) departmentId: number;
  @Field(() => VisitMemberRole) @Column({ type: 'varchar', length: 16 }) role: VisitMemberRole;
  @Field(() => Int, { description: 'Draw order' }) @Column({ type: 'integer' }) ordinal: number;
  @Field(() => VisitMemberSource) @Column({ type: 'varchar', length: 16 }) source: VisitMemberSource;
  @Field() @Column({ type: 'datetime', precision: 3 }) addedAt: Date;
  @Column({ type: 'integer', nullable: true }) addedById: number | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) removedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) removedReason: string | null;
  @Column({ type: 'integer', nullable: true }) removedById: number | null;
}

/** An expert joining a visit, drawn from the expert library or appointed by name with a reason. */
@ObjectType({ description: '专家 — an expert joining a visit' })
@Entity('visit_expert')
@Index('IDX_visit_expert_visit', ['visitId'])
export class VisitExpert {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) visitId: number;
  @Column({ type: 'integer' }) expertId: number;
  @Field(() => VisitExpertSource) @Column({ type: 'varchar', length: 16 }) source: VisitExpertSource;
  @Field() @Column({ type: 'varchar', length: 500 }) reason: string;
  @Field() @Column({ type: 'datetime', precision: 3 }) addedAt: Date;
  @Column({ type: 'integer' }) addedById: number;
}
