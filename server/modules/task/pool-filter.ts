import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CreditClass, RiskLevel, SpecialDirectory, TargetStatus, TargetType } from '../../domain/vocabulary';

/**
 * Which targets of the directories form a segment's pool: any filter the directories support.
 * The same shape is an input (when a task is made) and an output (shown with the task and its draw).
 */
@ObjectType('PoolFilter')
@InputType('PoolFilterInput')
export class PoolFilter {
  @Field(() => [TargetType], { nullable: true }) types?: TargetType[] | null;
  @Field(() => [SpecialDirectory], { nullable: true, description: 'Targets in any of these special directories' }) specialDirectories?: SpecialDirectory[] | null;
  @Field(() => String, { nullable: true, description: 'A region and everything in it' }) regionCode?: string | null;
  @Field(() => [RiskLevel], { nullable: true }) riskLevels?: RiskLevel[] | null;
  @Field(() => [CreditClass], { nullable: true }) creditClasses?: CreditClass[] | null;
  @Field(() => [TargetStatus], { nullable: true, description: 'Statuses to consider (out-of-business ones are excluded by the rules anyway)' }) statuses?: TargetStatus[] | null;
  @Field(() => Int, { nullable: true }) minComplaints?: number | null;
  @Field(() => Boolean, { nullable: true }) dishonest?: boolean | null;
  @Field(() => Boolean, { nullable: true }) seriousViolation?: boolean | null;
}
