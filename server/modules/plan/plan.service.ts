import { EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { pageOf, regionPrefix } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { checkText, FieldProblem } from '../../domain/field-problem';
import { BatchFields, checkPlanVersion, PlanStatus, PlanVersionFields, planYearProblem } from '../../domain/plan-rules';
import { requirePermission, RequestContext } from '../../graphql/context';
import { diffFields, recordChange } from '../audit/audit.service';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { rejectProblems } from '../directory/record-writer';
import { Department } from '../org/department.entity';
import { AnnualPlan, PlanVersion } from './annual-plan.entity';
import { PlanBatch, PlanBatchItem } from './plan-batch.entity';
import { AnnualPlanFilter, PlanVersionInput } from './plan.inputs';
import { assertPlanEditable, assertPlanReadable } from './plan.policy';

export const PLAN_ENTITY = 'ANNUAL_PLAN';
const CONTENT_FIELDS = ['title', 'levelSplit', 'regionalWeights', 'batches'] as const;

/** Checks typed content against the rules and the department's catalog and jurisdiction. */
async function checkedContent(ctx: RequestContext, department: Department, year: number, input: PlanVersionInput): Promise<PlanVersionFields> {
  const itemIds = [...new Set(input.batches.flatMap((b) => b.itemIds.map(Number)))].filter(Number.isInteger);
  const allowed = itemIds.length
    ? await ctx.ds.getRepository(InspectionItem).find({ select: { id: true }, where: { id: In(itemIds), departmentId: department.id, active: true } })
    : [];
  const allowedIds = new Set(allowed.map((item) => item.id));
  const regionCodes = [...new Set([...input.regionalWeights.map((w) => w.regionCode), ...input.batches.flatMap((b) => b.regionCodes)].map((c) => c.trim()))];
  const regions = await ctx.loaders.region.loadMany(regionCodes);
  const known = new Set(regions.flatMap((r) => (r && !(r instanceof Error) ? [r.code] : [])));
  const prefix = regionPrefix(department.regionCode);
  const result = checkPlanVersion({
    title: input.title,
    levelSplit: { ...input.levelSplit },
    regionalWeights: input.regionalWeights.map((w) => ({ regionCode: w.regionCode.trim(), weight: w.weight })),
    batches: input.batches.map((b) => ({ ...b, itemIds: b.itemIds.map(Number) })),
  }, {
    year,
    itemAllowed: (id) => allowedIds.has(id),
    regionExists: (code) => known.has(code),
    regionInJurisdiction: (code) => code.startsWith(prefix),
    jurisdiction: department.regionCode,
  });
  if (!result.ok) rejectProblems(result.problems);
  return result.value;
}

function contentColumns(fields: PlanVersionFields) {
  return { title: fields.title, ...fields.levelSplit, regionalWeights: fields.regionalWeights };
}

/** What the history keeps of a version's content: compact enough for a text column. */
function summary(fields: PlanVersionFields): Record<string, unknown> {
  const { provincePercent: p, cityPercent: c, countyPercent: k } = fields.levelSplit;
  return {
    title: fields.title,
    levelSplit: `${p}/${c}/${k}`,
    regionalWeights: fields.regionalWeights.map((w) => `${w.regionCode}:${w.weight}`),
    batches: fields.batches.map((b) => `${b.name} ${b.startDate}~${b.endDate} ×${b.estimatedCount} [${b.itemIds.join(',')}]`),
  };
}

async function writeBatches(em: EntityManager, planVersionId: number, batches: BatchFields[]): Promise<void> {
  const rows: Omit<PlanBatchItem, 'id'>[] = [];
  for (const [index, b] of batches.entries()) {
    const batch = em.getRepository(PlanBatch).create({
      planVersionId, position: index + 1, name: b.name, targetTypes: b.targetTypes, specialDirectories: b.specialDirectories,
      regionCodes: b.regionCodes, startDate: b.startDate, endDate: b.endDate, estimatedCount: b.estimatedCount,
    });
    await em.getRepository(PlanBatch).insert(batch);
    rows.push(...b.itemIds.map((itemId) => ({ planVersionId, batchId: batch.id, itemId })));
  }
  for (let i = 0; i < rows.length; i += 500) await em.getRepository(PlanBatchItem).insert(rows.slice(i, i + 500));
}

/** The stored content of a version, in the shape the rules check. */
export async function storedContent(em: EntityManager, version: PlanVersion): Promise<PlanVersionFields> {
  const batches = await em.getRepository(PlanBatch).find({ where: { planVersionId: version.id }, order: { position: 'ASC' } });
  const items = await em.getRepository(PlanBatchItem).find({ where: { planVersionId: version.id }, order: { id: 'ASC' } });
  return {
    title: version.title,
    levelSplit: { provincePercent: version.provincePercent, cityPercent: version.cityPercent, countyPercent: version.countyPercent },
    regionalWeights: version.regionalWeights,
    batches: batches.map((b) => ({
      name: b.name, itemIds: items.filter((i) => i.batchId === b.id).map((i) => i.itemId), targetTypes: b.targetTypes,
      specialDirectories: b.specialDirectories, regionCodes: b.regionCodes, startDate: b.startDate, endDate: b.endDate, estimatedCount: b.estimatedCount,
    })),
  };
}

async function requireDepartment(ctx: RequestContext, id: number): Promise<Department> {
  const department = await ctx.loaders.department.load(id);
  if (!department) throw notFound('部门', id);
  return department;
}

/** Inserts a new DRAFT version with its batches. */
async function insertDraft(em: EntityManager, planId: number, version: number, fields: PlanVersionFields, adjustmentReason: string, userId: number): Promise<PlanVersion> {
  const now = new Date();
  const row = em.getRepository(PlanVersion).create({
    planId, version, status: PlanStatus.DRAFT, revision: 1, adjustmentReason, adoptedOn: null, documentNumber: null, adoptedById: null, adoptedAt: null,
    createdAt: now, createdById: userId, updatedAt: now, ...contentColumns(fields),
  });
  await em.getRepository(PlanVersion).insert(row);
  await writeBatches(em, row.id, fields.batches);
  return row;
}

/** Art. 12: one plan per department and year, made by the department itself; version 1 starts as a draft. */
export async function createPlan(ctx: RequestContext, year: number, input: PlanVersionInput): Promise<AnnualPlan> {
  const actor = requirePermission(ctx, Permission.MANAGE_PLANS);
  const yearProblem = planYearProblem(year);
  if (yearProblem) rejectProblems([yearProblem]);
  const department = await requireDepartment(ctx, actor.departmentId);
  const fields = await checkedContent(ctx, department, year, input);
  try {
    return await ctx.transaction(async (em) => {
      if (await em.getRepository(AnnualPlan).findOneBy({ departmentId: department.id, year })) throw new DomainError(ErrorCode.DUPLICATE_PLAN, { year });
      const now = new Date();
      const plan = em.getRepository(AnnualPlan).create({ departmentId: department.id, year, currentVersion: 1, createdAt: now, updatedAt: now });
      await em.getRepository(AnnualPlan).insert(plan);
      await insertDraft(em, plan.id, 1, fields, '', actor.userId);
      await recordChange(em, { entityType: PLAN_ENTITY, entityId: plan.id, action: 'CREATE', changes: { year: [null, year], ...diffFields(null, summary(fields), CONTENT_FIELDS) }, userId: actor.userId });
      return plan;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.DUPLICATE_PLAN, { year });
    throw error;
  }
}

/** A version with its plan, for writing: the plan must be the actor's department's. */
export async function versionForWrite(ctx: RequestContext, versionId: number) {
  const version = await ctx.ds.getRepository(PlanVersion).findOneBy({ id: versionId });
  const plan = version ? await ctx.ds.getRepository(AnnualPlan).findOneBy({ id: version.planId }) : null;
  if (!version) throw notFound('计划版本', versionId);
  const actor = await assertPlanEditable(ctx, plan, versionId);
  return { actor, version, plan: plan! };
}

export function assertDraft(version: PlanVersion, expectedRevision: number | null): void {
  if (version.status !== PlanStatus.DRAFT) throw new DomainError(ErrorCode.PLAN_VERSION_LOCKED, { version: version.version });
  if (expectedRevision !== null && version.revision !== expectedRevision) throw new DomainError(ErrorCode.STALE_VERSION, {}, { currentRevision: version.revision });
}

/** Replaces the content of a draft. An adopted version is frozen: a change is a new version (`adjustPlan`). */
export async function updateDraft(ctx: RequestContext, versionId: number, expectedRevision: number, input: PlanVersionInput): Promise<PlanVersion> {
  const { actor, version, plan } = await versionForWrite(ctx, versionId);
  assertDraft(version, expectedRevision);
  const fields = await checkedContent(ctx, await requireDepartment(ctx, plan.departmentId), plan.year, input);
  return ctx.transaction(async (em) => {
    const before = await storedContent(em, version);
    const now = new Date();
    const updated = await em.getRepository(PlanVersion).createQueryBuilder().update()
      .set({ ...contentColumns(fields), revision: expectedRevision + 1, updatedAt: now } as never)
      .where('id = :id AND revision = :revision AND status = :status', { id: version.id, revision: expectedRevision, status: PlanStatus.DRAFT })
      .execute();
    if (!updated.affected) {
      const current = await em.getRepository(PlanVersion).findOneByOrFail({ id: version.id });
      assertDraft(current, expectedRevision);
      throw new DomainError(ErrorCode.STALE_VERSION);
    }
    await em.getRepository(PlanBatchItem).delete({ planVersionId: version.id });
    await em.getRepository(PlanBatch).delete({ planVersionId: version.id });
    await writeBatches(em, version.id, fields.batches);
    await em.getRepository(AnnualPlan).update({ id: plan.id }, { updatedAt: now });
    const changes = diffFields(summary(before), summary(fields), CONTENT_FIELDS);
    await recordChange(em, { entityType: PLAN_ENTITY, entityId: plan.id, action: 'UPDATE_DRAFT', changes: { ...changes, version: [version.version, version.version] }, userId: actor.userId });
    return { ...version, ...contentColumns(fields), revision: expectedRevision + 1, updatedAt: now };
  });
}

/**
 * An adjustment (Art. 12 para 2–3): a new DRAFT version, from the content given or a copy of the latest
 * version, with the reason. The latest version must have been adopted; earlier versions stay readable.
 */
export async function adjustPlan(ctx: RequestContext, planId: number, expectedVersion: number, reason: string, input: PlanVersionInput | null): Promise<PlanVersion> {
  const plan = await ctx.ds.getRepository(AnnualPlan).findOneBy({ id: planId });
  const actor = await assertPlanEditable(ctx, plan, planId);
  if (plan!.currentVersion !== expectedVersion) throw new DomainError(ErrorCode.STALE_VERSION, {}, { currentVersion: plan!.currentVersion });
  const latest = await ctx.ds.getRepository(PlanVersion).findOneByOrFail({ planId, version: plan!.currentVersion });
  if (latest.status === PlanStatus.DRAFT) throw new DomainError(ErrorCode.PLAN_DRAFT_PENDING, { version: latest.version });
  const problems: FieldProblem[] = [];
  checkText(problems, 'reason', reason, 500, true);
  if (problems.length) rejectProblems(problems);
  const fields = input ? await checkedContent(ctx, await requireDepartment(ctx, plan!.departmentId), plan!.year, input) : null;
  return ctx.transaction(async (em) => {
    const previous = await storedContent(em, latest);
    const content = fields ?? previous;
    const next = expectedVersion + 1;
    const moved = await em.getRepository(AnnualPlan).createQueryBuilder().update().set({ currentVersion: next, updatedAt: new Date() })
      .where('id = :id AND currentVersion = :current', { id: planId, current: expectedVersion }).execute();
    if (!moved.affected) throw new DomainError(ErrorCode.STALE_VERSION);
    const version = await insertDraft(em, planId, next, content, reason.trim(), actor.userId);
    await recordChange(em, {
      entityType: PLAN_ENTITY, entityId: planId, action: 'NEW_VERSION', userId: actor.userId,
      changes: { version: [expectedVersion, next], adjustmentReason: [null, reason.trim()], ...diffFields(summary(previous), summary(content), CONTENT_FIELDS) },
    });
    return version;
  });
}

export async function getPlan(ctx: RequestContext, id: number): Promise<AnnualPlan> {
  return assertPlanReadable(ctx, await ctx.loaders.annualPlan.load(id), id);
}

export async function getPlanVersion(ctx: RequestContext, id: number): Promise<PlanVersion> {
  const version = await ctx.loaders.planVersion.load(id);
  await assertPlanReadable(ctx, version ? await ctx.loaders.annualPlan.load(version.planId) : null, id);
  return version!;
}

export async function listPlans(ctx: RequestContext, filter: AnnualPlanFilter, page: PageInput): Promise<Paginated<AnnualPlan>> {
  requirePermission(ctx, Permission.READ_PLANS);
  const visible = await ctx.visibleDepartmentIds();
  const departments = filter.departmentId ? visible.filter((d) => d === Number(filter.departmentId)) : visible;
  if (filter.departmentId && !departments.length) throw notFound('部门', filter.departmentId);
  const qb = ctx.ds.getRepository(AnnualPlan).createQueryBuilder('plan').where('plan.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  if (filter.year != null) qb.andWhere('plan.year = :year', { year: filter.year });
  return pageOf(qb, page, 'year');
}
