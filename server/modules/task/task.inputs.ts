import { ArrayMaxSize, ArrayNotEmpty, Length, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { TaskKind } from './task.entity';
import { PoolFilter } from './pool-filter';

@InputType()
export class TaskSegmentInput {
  @Field({ description: 'draw-v1 label, e.g. objects/seed-dealer (letters, digits, . _ : / -)' }) label: string;
  @Field(() => PoolFilter) filter: PoolFilter;
  @Field(() => Float, { nullable: true, description: 'Share of the eligible pool to draw, in percent; or give fixedCount' }) ratioPercent?: number | null;
  @Field(() => Int, { nullable: true }) fixedCount?: number | null;
}

@InputType()
export class CreateTaskInput {
  @Field() @Length(1, 200) name: string;
  @Field(() => TaskKind) kind: TaskKind;
  @Field(() => ID, { nullable: true, description: 'The plan batch a PLANNED task comes from' }) planBatchId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for DIRECTED tasks' }) directedReason?: string | null;
  @Field(() => [ID], { description: 'Catalog items (their current versions are pinned)' }) @ArrayNotEmpty() itemIds: string[];
  @Field(() => [TaskSegmentInput]) @ArrayNotEmpty() @ArrayMaxSize(30) @ValidateNested({ each: true }) segments: TaskSegmentInput[];
  @Field({ description: 'YYYY-MM-DD' }) windowStart: string;
  @Field({ description: 'YYYY-MM-DD' }) windowEnd: string;
  @Field(() => ID, { nullable: true, description: 'Delegate execution to this department (the task’s own or one below, Art. 16)' }) executingDepartmentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '联合抽查: other departments will be invited (inviting a participant makes a task joint anyway)' }) joint?: boolean | null;
}
