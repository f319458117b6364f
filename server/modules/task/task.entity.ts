import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, json } from '../../db/columns';
import { PoolFilter } from './pool-filter';

export enum TaskKind {
  /** From a batch of the annual plan. */
  PLANNED = 'PLANNED',
  /** An ad-hoc directed check (专项/定向), with its reason recorded. */
  DIRECTED = 'DIRECTED',
}
registerEnumType(TaskKind, { name: 'TaskKind' });

/** 抽查任务 (Art. 16): set up before any draw; holds its items and its segments. */
@ObjectType({ description: '抽查任务 — an inspection task' })
@Entity('task')
@Index('IDX_task_department_year', ['departmentId', 'year'])
@Index('IDX_task_executing_department', ['executingDepartmentId'])
export class Task {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) departmentId: number;
  /** The department that carries the checks out (Art. 16: upper departments may delegate downward). */
  @Column({ type: 'integer' }) executingDepartmentId: number;
  @Field(() => Int) @Column({ type: 'integer' }) year: number;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => TaskKind) @Column({ type: 'varchar', length: 16 }) kind: TaskKind;
  @Field(() => ID, { nullable: true }) @Column({ type: 'integer', nullable: true }) planBatchId: number | null;
  @Field(() => String, { nullable: true, description: 'Why a directed check is made' }) @Column({ type: 'varchar', length: 500, nullable: true }) directedReason: string | null;
  @Field({ description: 'Execution window, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10 }) windowStart: string;
  @Field({ description: 'Execution window, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10 }) windowEnd: string;
  @Column({ type: 'integer' }) createdById: number;
  @Field() @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** 联合抽查: other departments are invited to take part (see task_participant). */
  @Field({ description: '联合抽查 — a joint task: other departments are invited to take part' }) @Column({ type: 'boolean', transformer: bool }) joint: boolean = false;
}

/** An item of a task, pinned to the catalog version in force when the task was made. */
@ObjectType()
@Entity('task_item')
@Index('IDX_task_item_task', ['taskId'])
export class TaskItem {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) taskId: number;
  @Column({ type: 'integer' }) itemId: number;
  @Field(() => Int) @Column({ type: 'integer' }) itemVersion: number;
  /** The department that contributes the item: the task's own, or a participant of a joint task. */
  @Column({ type: 'integer' }) departmentId: number;
}

/** One pool of a task (Art. 17): a filter over the directories with its own ratio or count, drawn in order. */
@ObjectType({ description: '抽取分段 — one pool of a task with its own ratio or count' })
@Entity('task_segment')
@Index('IDX_task_segment_task', ['taskId'])
export class TaskSegment {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) taskId: number;
  @Field(() => Int) @Column({ type: 'integer' }) position: number;
  @Field({ description: 'draw-v1 segment label, e.g. objects/pesticide-dealer' }) @Column({ type: 'varchar', length: 128 }) label: string;
  @Field(() => PoolFilter) @Column({ type: 'text', transformer: json }) filter: PoolFilter;
  @Field(() => Float, { nullable: true }) @Column({ type: 'double', nullable: true }) ratioPercent: number | null;
  @Field(() => Int, { nullable: true }) @Column({ type: 'integer', nullable: true }) fixedCount: number | null;
}
