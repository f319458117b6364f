import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import { todayInChina } from '../../domain/calendar-date';
import { FilingState, filingOverview, PlanStatus, regionalShares } from '../../domain/plan-rules';
import type { RequestContext } from '../../graphql/context';
import { ChangeRecord } from '../audit/change-record.entity';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { Department } from '../org/department.entity';
import { Region } from '../org/region.entity';
import { adoptPlanVersion } from './adopt-plan.command';
import { AnnualPlan, PlanVersion } from './annual-plan.entity';
import { filePlanVersion } from './file-plan.command';
import { batchItems, scopeTargetCount, uncoveredItems, versionWarnings } from './plan-analysis.service';
import { PlanBatch } from './plan-batch.entity';
import { AdoptPlanVersionInput, AnnualPlanFilter, PlanFilingInput, PlanVersionInput } from './plan.inputs';
import * as plans from './plan.service';
import { LevelSplit, PlanFiling, PlanWarning, RegionalWeightEntry } from './plan.types';

@ObjectType() class AnnualPlanList extends PaginatedList(AnnualPlan) {}

async function displayName(ctx: RequestContext, userId: number | null): Promise<string | null> {
  return userId ? (await ctx.loaders.user.load(userId))?.displayName ?? null : null;
}

@Resolver(() => AnnualPlan)
export class AnnualPlanResolver {
  @Query(() => AnnualPlanList, { description: '年度抽查工作计划 of the actor’s department and the departments below it' })
  annualPlans(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AnnualPlanFilter, { nullable: true }) filter: AnnualPlanFilter | null,
    @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput,
  ) {
    return plans.listPlans(ctx, filter ?? {}, page);
  }

  @Query(() => AnnualPlan)
  annualPlan(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return plans.getPlan(ctx, Number(id));
  }

  @Query(() => PlanVersion)
  planVersion(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return plans.getPlanVersion(ctx, Number(id));
  }

  @Mutation(() => AnnualPlan, { description: 'Makes the department’s plan for a year (one per year); version 1 starts as a draft' })
  createAnnualPlan(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('input') input: PlanVersionInput) {
    return plans.createPlan(ctx, year, input);
  }

  @Mutation(() => PlanVersion, { description: 'Replaces the content of a draft version; adopted versions cannot change (adjust the plan instead)' })
  updatePlanVersion(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedRevision', () => Int) expectedRevision: number, @Arg('input') input: PlanVersionInput) {
    return plans.updateDraft(ctx, Number(id), expectedRevision, input);
  }

  @Mutation(() => PlanVersion, { description: 'An adjustment (调整): a new draft version, from `input` or a copy of the latest version; it is adopted and filed again' })
  adjustAnnualPlan(
    @Ctx() ctx: RequestContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int, { description: 'The plan’s currentVersion as read' }) expectedVersion: number,
    @Arg('reason') reason: string,
    @Arg('input', () => PlanVersionInput, { nullable: true }) input: PlanVersionInput | null,
  ) {
    return plans.adjustPlan(ctx, Number(planId), expectedVersion, reason, input ?? null);
  }

  @Mutation(() => PlanVersion, { description: 'Records the adoption (通过/印发) of a draft: its content is frozen and the 15-day filing period starts' })
  adoptPlanVersion(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedRevision', () => Int) expectedRevision: number,
    @Arg('input', () => AdoptPlanVersionInput, { nullable: true }) input: AdoptPlanVersionInput | null,
  ) {
    return adoptPlanVersion(ctx, Number(id), expectedRevision, input ?? {});
  }

  @Mutation(() => PlanVersion, { description: 'Records the filing (备案) of an adopted version with one recipient (Art. 12)' })
  filePlanVersion(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: PlanFilingInput) {
    return filePlanVersion(ctx, Number(id), input);
  }

  @FieldResolver(() => Department)
  department(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(plan.departmentId);
  }

  @FieldResolver(() => PlanVersion, { description: 'The latest version (a draft, or the version in force)' })
  async current(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.planVersionsByPlan.load(plan.id)).find((v) => v.version === plan.currentVersion);
  }

  @FieldResolver(() => PlanVersion, { nullable: true, description: 'The latest adopted version: the plan in force; null until one is adopted' })
  async inForce(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.planVersionsByPlan.load(plan.id)).find((v) => v.status !== PlanStatus.DRAFT) ?? null;
  }

  @FieldResolver(() => PlanVersion, { nullable: true })
  async version(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext, @Arg('version', () => Int) version: number) {
    return (await ctx.loaders.planVersionsByPlan.load(plan.id)).find((v) => v.version === version) ?? null;
  }

  @FieldResolver(() => [PlanVersion], { description: 'Every version, newest first' })
  versions(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.planVersionsByPlan.load(plan.id);
  }

  @FieldResolver(() => [ChangeRecord], { description: 'Who created, edited, adjusted, adopted and filed the plan, oldest first' })
  history(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(ChangeRecord).find({ where: { entityType: plans.PLAN_ENTITY, entityId: plan.id }, order: { id: 'ASC' } });
  }
}

@Resolver(() => PlanVersion)
export class PlanVersionResolver {
  private async overview(version: PlanVersion, ctx: RequestContext) {
    const filings = await ctx.loaders.planFilingsByVersion.load(version.id);
    return { filings, overview: filingOverview(version.adoptedOn, filings, todayInChina()) };
  }

  @FieldResolver(() => AnnualPlan)
  plan(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.annualPlan.load(version.planId);
  }

  @FieldResolver(() => PlanStatus)
  async status(@Root() version: PlanVersion, @Ctx() ctx: RequestContext): Promise<PlanStatus> {
    if (version.status === PlanStatus.DRAFT) return PlanStatus.DRAFT;
    const { overview } = await this.overview(version, ctx);
    return overview.recipients.every((r) => r.filed) ? PlanStatus.FILED : PlanStatus.ADOPTED;
  }

  @FieldResolver(() => LevelSplit)
  levelSplit(@Root() version: PlanVersion): LevelSplit {
    return { provincePercent: version.provincePercent, cityPercent: version.cityPercent, countyPercent: version.countyPercent };
  }

  @FieldResolver(() => [RegionalWeightEntry])
  regionalWeights(@Root() version: PlanVersion): RegionalWeightEntry[] {
    const shares = regionalShares(version.regionalWeights);
    return version.regionalWeights.map((w, i) => Object.assign(new RegionalWeightEntry(), { ...w, sharePercent: shares[i] }));
  }

  @FieldResolver(() => [PlanBatch])
  batches(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.planBatchesByVersion.load(version.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Last day to file (YYYY-MM-DD): 15 calendar days after adoption, moved off a weekend; null for a draft' })
  async filingDeadline(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return (await this.overview(version, ctx)).overview.deadline;
  }

  @FieldResolver(() => FilingState)
  async filingState(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return (await this.overview(version, ctx)).overview.state;
  }

  @FieldResolver(() => Boolean, { description: 'Not filed with every recipient and the deadline has passed (today in China)' })
  async overdue(@Root() version: PlanVersion, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.overview(version, ctx)).overview.overdue;
  }

  @FieldResolver(() => [PlanFiling], { description: 'One entry per recipient (justice, market supervision, upper agriculture), filed or not' })
  async filings(@Root() version: PlanVersion, @Ctx() ctx: RequestContext): Promise<PlanFiling[]> {
    const { filings, overview } = await this.overview(version, ctx);
    return overview.recipients.map((r) => {
      const record = filings.find((f) => f.recipient === r.recipient);
      return Object.assign(new PlanFiling(), r, {
        recipientName: record?.recipientName ?? null, documentNumber: record?.documentNumber ?? null, filedAt: record?.filedAt ?? null,
        recipientDepartmentId: record?.recipientDepartmentId ?? null, filedById: record?.filedById ?? null,
      });
    });
  }

  @FieldResolver(() => Boolean, { description: 'A later version has been adopted' })
  async superseded(@Root() version: PlanVersion, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.planVersionsByPlan.load(version.planId)).some((v) => v.version > version.version && v.status !== PlanStatus.DRAFT);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded the adoption' })
  adoptedBy(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return displayName(ctx, version.adoptedById);
  }

  @FieldResolver(() => String, { nullable: true })
  createdBy(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return displayName(ctx, version.createdById);
  }

  @FieldResolver(() => [InspectionItem], { description: 'Art. 12 coverage: active catalog items of the department that no batch covers; empty when the plan covers the catalog' })
  uncoveredItems(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return uncoveredItems(ctx, version);
  }

  @FieldResolver(() => [PlanWarning], { description: 'Uncovered items, batches below the minimum ratio or above a GENERAL cap, empty scopes, items with too few rounds' })
  warnings(@Root() version: PlanVersion, @Ctx() ctx: RequestContext) {
    return versionWarnings(ctx, version);
  }
}

@Resolver(() => PlanBatch)
export class PlanBatchResolver {
  @FieldResolver(() => [InspectionItem])
  items(@Root() batch: PlanBatch, @Ctx() ctx: RequestContext) {
    return batchItems(ctx, batch);
  }

  @FieldResolver(() => [Region])
  async regions(@Root() batch: PlanBatch, @Ctx() ctx: RequestContext) {
    const regions = await ctx.loaders.region.loadMany(batch.regionCodes);
    return regions.filter((r): r is Region => r instanceof Region);
  }

  @FieldResolver(() => Int, { description: 'Targets in business within the scope, in the directories of the plan’s department and below, as of now' })
  scopeTargetCount(@Root() batch: PlanBatch, @Ctx() ctx: RequestContext) {
    return scopeTargetCount(ctx, batch);
  }
}

@Resolver(() => PlanFiling)
export class PlanFilingResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The recipient department when it is in the hub and within the reader’s scope' })
  async recipientDepartment(@Root() filing: PlanFiling, @Ctx() ctx: RequestContext) {
    if (!filing.recipientDepartmentId || !(await ctx.visibleDepartmentIds()).includes(filing.recipientDepartmentId)) return null;
    return ctx.loaders.department.load(filing.recipientDepartmentId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded the filing' })
  filedBy(@Root() filing: PlanFiling, @Ctx() ctx: RequestContext) {
    return displayName(ctx, filing.filedById);
  }
}

@Resolver(() => PlanWarning)
export class PlanWarningResolver {
  @FieldResolver(() => InspectionItem, { nullable: true })
  async item(@Root() warning: PlanWarning, @Ctx() ctx: RequestContext) {
    return warning.itemId ? ctx.loaders.inspectionItem.load(warning.itemId) : null;
  }
}

@Resolver(() => RegionalWeightEntry)
export class RegionalWeightEntryResolver {
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() entry: RegionalWeightEntry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.region.load(entry.regionCode);
  }
}
