import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ParticipantStatus } from '../../domain/joint-rules';
import { ResultOutcome } from '../../domain/result-outcome';

registerEnumType(ParticipantStatus, { name: 'ParticipantStatus', description: 'Where a participant department stands in a joint task' });
registerEnumType(ResultOutcome, { name: 'ResultOutcome', description: '检查结果类别 — result categories (several can apply to one item)' });

/**
 * 联合抽查参与部门 — a department invited to a joint task by its lead department. The row stays
 * whatever happens to the invitation: who invited when, who answered when, and why.
 */
@ObjectType({ description: '联合抽查参与部门 — a department invited to take part in a joint task' })
@Entity('task_participant')
@Index('IDX_task_participant_task_department', ['taskId', 'departmentId'], { unique: true })
@Index('IDX_task_participant_department_status', ['departmentId', 'status'])
export class TaskParticipant {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) taskId: number;
  @Column({ type: 'integer' }) departmentId: number;
  @Field(() => ParticipantStatus) @Column({ type: 'varchar', length: 16 }) status: ParticipantStatus;
  @Field() @Column({ type: 'datetime', precision: 3 }) invitedAt: Date;
  @Column({ type: 'integer' }) invitedById: number;
  @Field(() => Date, { nullable: true, description: 'When it confirmed, declined or withdrew' }) @Column({ type: 'datetime', precision: 3, nullable: true }) respondedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) respondedById: number | null;
  @Field(() => String, { nullable: true, description: 'The invitation’s message, then the answer’s or the withdrawal’s reason' }) @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
}

/**
 * 检查结果 — one result category recorded for one item of one task on one visit, by the department
 * that contributed the item. Minimal: review and publication come later.
 */
@ObjectType({ description: '检查结果 — a result recorded for one item of a task on a visit' })
@Entity('visit_item_result')
@Index('IDX_visit_item_result_visit_item_outcome', ['visitId', 'taskId', 'itemId', 'outcome'], { unique: true })
@Index('IDX_visit_item_result_task', ['taskId'])
export class VisitItemResult {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) visitId: number;
  @Column({ type: 'integer' }) taskId: number;
  @Column({ type: 'integer' }) itemId: number;
  /** The department that contributed the item (and recorded the result). */
  @Column({ type: 'integer' }) departmentId: number;
  @Field(() => ResultOutcome) @Column({ type: 'varchar', length: 64 }) outcome: ResultOutcome;
  @Field() @Column({ type: 'varchar', length: 1000 }) note: string;
  @Column({ type: 'integer' }) recordedById: number;
  @Field() @Column({ type: 'datetime', precision: 3 }) recordedAt: Date;
}
