import { Brackets } from 'typeorm';
import { regionPrefix } from '../../common/listing';
import { planWarnings, PlanWarning as PlanWarningFacts, WarningItem } from '../../domain/plan-rules';
import { TargetStatus, TargetType } from '../../domain/vocabulary';
import type { RequestContext } from '../../graphql/context';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { Target } from '../directory/target.entity';
import { Department } from '../org/department.entity';
import { PlanVersion } from './annual-plan.entity';
import { PlanBatch } from './plan-batch.entity';
import { PlanWarning } from './plan.types';
import { policyOf, ratioItemOf, rulesOf } from './ratio-policy.service';

/**
 * Coverage (Art. 12) and warnings (Art. 14, Pinglu) of a plan version, computed when asked, against
 * the catalog and the directories as they are now.
 */

/** Targets that can be checked: in business (abnormal-list targets are still in business). */
const IN_BUSINESS = [TargetStatus.ACTIVE, TargetStatus.ABNORMAL_LIST];

async function itemsOf(ctx: RequestContext, batch: PlanBatch): Promise<InspectionItem[]> {
  const links = await ctx.loaders.planBatchItemsByBatch.load(batch.id);
  const items = await ctx.loaders.inspectionItem.loadMany(links.map((l) => l.itemId));
  return items.filter((i): i is InspectionItem => !!i && !(i instanceof Error));
}

export function batchItems(ctx: RequestContext, batch: PlanBatch): Promise<InspectionItem[]> {
  return itemsOf(ctx, batch);
}

async function currentVersions(ctx: RequestContext, items: InspectionItem[]) {
  const versions = await ctx.loaders.itemVersion.loadMany(items.map((i) => `${i.id}:${i.currentVersion}`));
  return items.flatMap((item, i) => {
    const version = versions[i];
    return version && !(version instanceof Error) ? [{ item, version }] : [];
  });
}

async function planDepartment(ctx: RequestContext, planVersionId: number): Promise<Department | undefined> {
  const version = await ctx.loaders.planVersion.load(planVersionId);
  const plan = version ? await ctx.loaders.annualPlan.load(version.planId) : undefined;
  return plan ? ctx.loaders.department.load(plan.departmentId) : undefined;
}

/**
 * Targets in business within a batch's scope, in the directories of the plan's department and those
 * below it: of the batch's target types (or, when it names none, of its items' target types), in any
 * of its special directories (if it names some), within any of its regions (if it names some).
 */
export async function scopeTargetCount(ctx: RequestContext, batch: PlanBatch): Promise<number> {
  const department = await planDepartment(ctx, batch.planVersionId);
  if (!department) return 0;
  let types: TargetType[] = batch.targetTypes;
  if (!types.length) types = [...new Set((await currentVersions(ctx, await itemsOf(ctx, batch))).flatMap(({ version }) => version.targetTypes))];
  const qb = ctx.ds.getRepository(Target).createQueryBuilder('t')
    .innerJoin(Department, 'd', 'd.id = t.departmentId')
    .where('d.path LIKE :path', { path: `${department.path}%` })
    .andWhere('t.status IN (:...statuses)', { statuses: IN_BUSINESS });
  if (types.length) qb.andWhere('t.type IN (:...types)', { types });
  if (batch.specialDirectories.length) {
    qb.andWhere(new Brackets((w) => batch.specialDirectories.forEach((dir, i) => w.orWhere(`t.specialDirectories LIKE :dir${i}`, { [`dir${i}`]: `%,${dir},%` }))));
  }
  if (batch.regionCodes.length) {
    qb.andWhere(new Brackets((w) => batch.regionCodes.forEach((code, i) => w.orWhere(`t.regionCode LIKE :region${i}`, { [`region${i}`]: `${regionPrefix(code)}%` }))));
  }
  return qb.getCount();
}

async function activeItems(ctx: RequestContext, departmentId: number): Promise<InspectionItem[]> {
  return ctx.ds.getRepository(InspectionItem).find({ where: { departmentId, active: true }, order: { code: 'ASC', id: 'ASC' } });
}

/** Art. 12: every active catalog item of the department that no batch of the version covers; empty when covered. */
export async function uncoveredItems(ctx: RequestContext, version: PlanVersion): Promise<InspectionItem[]> {
  const plan = await ctx.loaders.annualPlan.load(version.planId);
  if (!plan) return [];
  const batches = await ctx.loaders.planBatchesByVersion.load(version.id);
  const links = await ctx.loaders.planBatchItemsByBatch.loadMany(batches.map((b) => b.id));
  const covered = new Set(links.flatMap((l) => (Array.isArray(l) ? l.map((x) => x.itemId) : [])));
  return (await activeItems(ctx, plan.departmentId)).filter((item) => !covered.has(item.id));
}

function view(ctx: RequestContext, facts: PlanWarningFacts): PlanWarning {
  const { messageZh, messageEn, ...rest } = facts;
  return Object.assign(new PlanWarning(), rest, { message: ctx.lang === 'en' ? messageEn : messageZh, messageEn });
}

/** Where the version falls short of coverage, the minimum ratio, the GENERAL caps and the minimum rounds. */
export async function versionWarnings(ctx: RequestContext, version: PlanVersion): Promise<PlanWarning[]> {
  const plan = await ctx.loaders.annualPlan.load(version.planId);
  if (!plan) return [];
  const batches = await ctx.loaders.planBatchesByVersion.load(version.id);
  const batchItemLists = await Promise.all(batches.map((b) => itemsOf(ctx, b)));
  const active = await activeItems(ctx, plan.departmentId);
  const all = new Map<number, InspectionItem>([...active, ...batchItemLists.flat()].map((i) => [i.id, i]));
  const items: WarningItem[] = (await currentVersions(ctx, [...all.values()]))
    .map(({ item, version: v }) => ({ ...ratioItemOf(item.id, v), code: item.code, name: v.name }));
  const counts = await Promise.all(batches.map((b) => scopeTargetCount(ctx, b)));
  const policy = rulesOf(await policyOf(ctx, plan.departmentId));
  const facts = planWarnings({
    batches: batches.map((b, i) => ({ position: b.position, name: b.name, itemIds: batchItemLists[i].map((item) => item.id), estimatedCount: b.estimatedCount, scopeTargetCount: counts[i] })),
    items,
    activeItemIds: active.map((i) => i.id),
    policy,
  });
  return facts.map((f) => view(ctx, f));
}
