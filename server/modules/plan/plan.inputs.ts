import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FilingRecipient } from '../../domain/plan-rules';
import { CreditClass, RiskLevel, SpecialDirectory, TargetType } from '../../domain/vocabulary';

@InputType({ description: 'Art. 13: shares of the checks drawn province-wide and by the city and county themselves; they add up to 100' })
export class LevelSplitInput {
  @Field(() => Float) provincePercent: number;
  @Field(() => Float) cityPercent: number;
  @Field(() => Float) countyPercent: number;
}

@InputType({ description: 'Relative weight of a region (≥ 0); shares are computed from the weights' })
export class RegionalWeightInput {
  @Field() regionCode: string;
  @Field(() => Float) weight: number;
}

@InputType({ description: 'A batch: scope (items + target types and/or special directories, optionally regions), window and estimated count' })
export class PlanBatchInput {
  @Field() name: string;
  @Field(() => [ID], { description: 'Active inspection items of the plan’s department' }) @ArrayMaxSize(300) itemIds: string[];
  @Field(() => [TargetType], { defaultValue: [], description: 'Empty: the target types of the items' }) targetTypes: TargetType[];
  @Field(() => [SpecialDirectory], { defaultValue: [] }) specialDirectories: SpecialDirectory[];
  @Field(() => [String], { defaultValue: [], description: 'Regions within the department’s jurisdiction; empty: all of it' }) @ArrayMaxSize(300) regionCodes: string[];
  @Field({ description: 'YYYY-MM-DD, within the plan year' }) startDate: string;
  @Field({ description: 'YYYY-MM-DD, within the plan year, not before startDate' }) endDate: string;
  @Field(() => Int) estimatedCount: number;
}

@InputType({ description: 'The content of a plan version' })
export class PlanVersionInput {
  @Field() title: string;
  @Field(() => LevelSplitInput) @ValidateNested() levelSplit: LevelSplitInput;
  @Field(() => [RegionalWeightInput], { defaultValue: [] }) @ArrayMaxSize(300) @ValidateNested({ each: true }) regionalWeights: RegionalWeightInput[];
  @Field(() => [PlanBatchInput], { defaultValue: [] }) @ArrayMaxSize(100) @ValidateNested({ each: true }) batches: PlanBatchInput[];
}

@InputType()
export class AdoptPlanVersionInput {
  @Field(() => String, { nullable: true, description: 'Day of adoption, YYYY-MM-DD; default today (China)' }) adoptedOn?: string | null;
  @Field(() => String, { nullable: true, description: '文号 of the issuing document' }) @Length(0, 100) documentNumber?: string | null;
}

@InputType({ description: 'A filing (备案) with one recipient. Without a department or a name, the hub picks the department when it can tell which' })
export class PlanFilingInput {
  @Field(() => FilingRecipient) recipient: FilingRecipient;
  @Field(() => String, { nullable: true, description: 'Day the plan was submitted, YYYY-MM-DD; default today (China)' }) filedOn?: string | null;
  @Field(() => ID, { nullable: true, description: 'The recipient when it is a department in the hub' }) recipientDepartmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'The recipient’s name when it is not in the hub' }) @Length(0, 100) recipientName?: string | null;
  @Field(() => String, { nullable: true }) @Length(0, 100) documentNumber?: string | null;
}

@InputType()
export class AnnualPlanFilter {
  @Field(() => ID, { nullable: true, description: 'One department (default: every department in scope)' }) departmentId?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
}

@InputType()
export class RiskFactorInput {
  @Field(() => RiskLevel) riskLevel: RiskLevel;
  @Field(() => Float) factor: number;
}

@InputType()
export class CreditFactorInput {
  @Field(() => CreditClass) creditClass: CreditClass;
  @Field(() => Float) factor: number;
}

@InputType({ description: 'A per-item exception (law or the upper level says otherwise); at least one of ratio and rounds' })
export class RatioOverrideInput {
  @Field(() => ID) itemId: string;
  @Field(() => Float, { nullable: true }) ratioPercent?: number | null;
  @Field(() => Int, { nullable: true }) roundsPerYear?: number | null;
}

@InputType({ description: 'A department’s ratio policy; factors not given keep their default' })
export class RatioPolicyInput {
  @Field(() => Float) minRatioPercent: number;
  @Field(() => Int) minRoundsPerYear: number;
  @Field(() => [RiskFactorInput], { defaultValue: [] }) @ValidateNested({ each: true }) riskFactors: RiskFactorInput[];
  @Field(() => [CreditFactorInput], { defaultValue: [] }) @ValidateNested({ each: true }) creditFactors: CreditFactorInput[];
  @Field(() => [RatioOverrideInput], { defaultValue: [] }) @ArrayMaxSize(500) @ValidateNested({ each: true }) itemOverrides: RatioOverrideInput[];
}
