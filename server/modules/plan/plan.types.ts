import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FilingRecipient, FilingState, PlanStatus, PlanWarningKind } from '../../domain/plan-rules';
import { RatioSource } from '../../domain/ratio-policy';
import { CreditClass, RiskLevel } from '../../domain/vocabulary';

registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'DRAFT (editable) → ADOPTED (frozen, filing deadline running) → FILED (filed with all three recipients)' });
registerEnumType(FilingRecipient, { name: 'FilingRecipient', description: 'Art. 12: the plan is filed with the justice and market-supervision departments at the same level and the upper agriculture department' });
registerEnumType(FilingState, { name: 'FilingState' });
registerEnumType(PlanWarningKind, { name: 'PlanWarningKind' });
registerEnumType(RatioSource, { name: 'RatioSource', description: 'Where an item’s base ratio or minimum rounds come from' });

@ObjectType({ description: 'Art. 13: shares of the checks by level, in percent (they add up to 100)' })
export class LevelSplit {
  @Field(() => Float, { description: '省级统一抽查' }) provincePercent: number;
  @Field(() => Float, { description: '市级自行抽查' }) cityPercent: number;
  @Field(() => Float, { description: '县级自行抽查' }) countyPercent: number;
}

@ObjectType({ description: 'Weight of a region (不同地区的抽查比重) and its share of the total' })
export class RegionalWeightEntry {
  @Field() regionCode: string;
  @Field(() => Float) weight: number;
  @Field(() => Float, { description: 'weight ÷ sum of weights, in percent' }) sharePercent: number;
}

@ObjectType({ description: '备案 — the filing of a plan version with one recipient, done or not' })
export class PlanFiling {
  @Field(() => FilingRecipient) recipient: FilingRecipient;
  @Field() filed: boolean;
  @Field(() => String, { nullable: true, description: 'Day submitted, YYYY-MM-DD' }) filedOn: string | null;
  @Field({ description: 'Filed after the deadline' }) late: boolean;
  @Field({ description: 'Not filed and the deadline has passed (today in China)' }) overdue: boolean;
  @Field(() => String, { nullable: true, description: 'Recipient as named at filing' }) recipientName: string | null;
  @Field(() => String, { nullable: true }) documentNumber: string | null;
  @Field(() => Date, { nullable: true, description: 'When the filing was recorded' }) filedAt: Date | null;
  recipientDepartmentId: number | null;
  filedById: number | null;
}

@ObjectType({ description: 'Something in a plan version that falls short of the rules; it does not block adoption or filing' })
export class PlanWarning {
  @Field(() => PlanWarningKind) kind: PlanWarningKind;
  @Field({ description: 'In the request’s language' }) message: string;
  @Field() messageEn: string;
  @Field(() => Int, { nullable: true }) batchPosition: number | null;
  @Field(() => String, { nullable: true }) batchName: string | null;
  @Field(() => Int, { nullable: true, description: 'Estimated count, or rounds a year, as planned' }) planned: number | null;
  @Field(() => Int, { nullable: true, description: 'What the rule asks: minimum count (maximum for ABOVE_RATIO_CAP) or minimum rounds' }) required: number | null;
  @Field(() => Int, { nullable: true, description: 'Targets in business within the batch’s scope' }) scopeTargetCount: number | null;
  @Field(() => Float, { nullable: true }) ratioPercent: number | null;
  itemId: number | null;
}

@ObjectType()
export class RiskFactor {
  @Field(() => RiskLevel) riskLevel: RiskLevel;
  @Field(() => Float) factor: number;
}

@ObjectType()
export class CreditFactor {
  @Field(() => CreditClass) creditClass: CreditClass;
  @Field(() => Float) factor: number;
}

@ObjectType({ description: 'A per-item exception to the department default' })
export class RatioOverrideEntry {
  @Field(() => ID) itemId: number;
  @Field(() => Float, { nullable: true }) ratioPercent: number | null;
  @Field(() => Int, { nullable: true }) roundsPerYear: number | null;
}

@ObjectType({ description: 'The ratio to draw for targets of one risk level and credit class under one item (see the RatioPolicy model)' })
export class EffectiveRatio {
  @Field(() => Float, { description: 'Share of the directory to draw, in percent' }) ratioPercent: number;
  @Field(() => Float) basePercent: number;
  @Field(() => RatioSource) baseSource: RatioSource;
  @Field(() => Float, { description: 'riskFactor × creditFactor' }) factor: number;
  @Field(() => Float) riskFactor: number;
  @Field(() => Float) creditFactor: number;
  @Field(() => Float, { nullable: true, description: 'The GENERAL item cap that applied; null for KEY items and focus targets' }) capPercent: number | null;
  @Field() capped: boolean;
  @Field({ description: 'High risk or credit class C/D: focused checks, no cap (Art. 14)' }) focusTarget: boolean;
  @Field({ description: 'May be drawn more than twice a year (Art. 14 para 2)' }) exemptFromYearlyLimit: boolean;
  @Field(() => Int) minRoundsPerYear: number;
}
