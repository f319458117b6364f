import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreditClass, RiskLevel } from '../../domain/vocabulary';
import type { RequestContext } from '../../graphql/context';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { Department } from '../org/department.entity';
import { RatioPolicyInput } from './plan.inputs';
import { CreditFactor, EffectiveRatio, RatioOverrideEntry, RiskFactor } from './plan.types';
import { RatioPolicy } from './ratio-policy.entity';
import * as policies from './ratio-policy.service';

@Resolver(() => RatioPolicy)
export class RatioPolicyResolver {
  @Query(() => RatioPolicy, { description: 'A department’s ratio policy (default: the actor’s department); the default policy until one is set' })
  ratioPolicy(@Ctx() ctx: RequestContext, @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null) {
    return policies.getRatioPolicy(ctx, departmentId);
  }

  @Query(() => EffectiveRatio, { description: 'The ratio to draw for targets of one risk level and credit class under an item (Art. 14)' })
  effectiveRatio(
    @Ctx() ctx: RequestContext,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('riskLevel', () => RiskLevel) riskLevel: RiskLevel,
    @Arg('creditClass', () => CreditClass) creditClass: CreditClass,
  ) {
    return policies.effectiveRatioFor(ctx, Number(itemId), riskLevel, creditClass);
  }

  @Mutation(() => RatioPolicy, { description: 'Sets the actor’s department’s ratio policy; expectedVersion is the version read (0 for the default)' })
  setRatioPolicy(@Ctx() ctx: RequestContext, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('input') input: RatioPolicyInput) {
    return policies.setRatioPolicy(ctx, expectedVersion, input);
  }

  @FieldResolver(() => Department)
  department(@Root() policy: RatioPolicy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(policy.departmentId);
  }

  @FieldResolver(() => Boolean, { description: 'The department has not set its own policy' })
  isDefault(@Root() policy: RatioPolicy): boolean {
    return policy.version === 0;
  }

  @FieldResolver(() => [RiskFactor], { description: 'Multiplier of the base ratio per risk level' })
  riskFactors(@Root() policy: RatioPolicy): RiskFactor[] {
    const rules = policies.rulesOf(policy);
    return Object.values(RiskLevel).map((riskLevel) => ({ riskLevel, factor: rules.riskFactors[riskLevel] }));
  }

  @FieldResolver(() => [CreditFactor], { description: 'Multiplier of the base ratio per credit class' })
  creditFactors(@Root() policy: RatioPolicy): CreditFactor[] {
    const rules = policies.rulesOf(policy);
    return Object.values(CreditClass).map((creditClass) => ({ creditClass, factor: rules.creditFactors[creditClass] }));
  }

  @FieldResolver(() => [RatioOverrideEntry])
  itemOverrides(@Root() policy: RatioPolicy): RatioOverrideEntry[] {
    return policies.rulesOf(policy).itemOverrides.map((o) => Object.assign(new RatioOverrideEntry(), o));
  }
}

@Resolver(() => RatioOverrideEntry)
export class RatioOverrideEntryResolver {
  @FieldResolver(() => InspectionItem, { nullable: true })
  item(@Root() entry: RatioOverrideEntry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.inspectionItem.load(entry.itemId);
  }
}
