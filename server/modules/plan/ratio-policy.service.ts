import { In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { FieldProblem, problem } from '../../domain/field-problem';
import { checkRatioPolicy, DEFAULT_RATIO_POLICY, effectiveRatio, EffectiveRatio, RatioItem, RatioPolicyRules } from '../../domain/ratio-policy';
import { CreditClass, RiskLevel } from '../../domain/vocabulary';
import { requirePermission, RequestContext } from '../../graphql/context';
import { diffFields, recordChange } from '../audit/audit.service';
import { getItem } from '../catalog/catalog.service';
import { InspectionItem, InspectionItemVersion } from '../catalog/inspection-item.entity';
import { rejectProblems } from '../directory/record-writer';
import { RatioPolicyInput } from './plan.inputs';
import { RatioPolicy } from './ratio-policy.entity';

const POLICY_FIELDS = ['minRatioPercent', 'minRoundsPerYear', 'riskFactors', 'creditFactors', 'itemOverrides'] as const;

export function rulesOf(policy: RatioPolicy): RatioPolicyRules {
  return {
    minRatioPercent: policy.minRatioPercent,
    minRoundsPerYear: policy.minRoundsPerYear,
    riskFactors: { ...DEFAULT_RATIO_POLICY.riskFactors, ...policy.riskFactors },
    creditFactors: { ...DEFAULT_RATIO_POLICY.creditFactors, ...policy.creditFactors },
    itemOverrides: policy.itemOverrides ?? [],
  };
}

/** The policy a department works under: its own, or the default (version 0, not stored). */
export async function policyOf(ctx: RequestContext, departmentId: number): Promise<RatioPolicy> {
  const stored = await ctx.loaders.ratioPolicyByDepartment.load(departmentId);
  if (stored) return stored;
  return Object.assign(new RatioPolicy(), {
    id: null as never, departmentId, ...DEFAULT_RATIO_POLICY, riskFactors: { ...DEFAULT_RATIO_POLICY.riskFactors },
    creditFactors: { ...DEFAULT_RATIO_POLICY.creditFactors }, itemOverrides: [], version: 0, updatedAt: null as never, updatedById: null,
  });
}

export async function getRatioPolicy(ctx: RequestContext, departmentId: string | null | undefined): Promise<RatioPolicy> {
  const actor = requirePermission(ctx, Permission.READ_PLANS);
  const id = departmentId ? Number(departmentId) : actor.departmentId;
  if (!(await ctx.visibleDepartmentIds()).includes(id)) throw notFound('部门', departmentId ?? id);
  return policyOf(ctx, id);
}

function factorsOf<K extends string>(entries: { key: K; factor: number }[], defaults: Record<K, number>, field: string, problems: FieldProblem[]): Record<K, number> {
  const factors = { ...defaults };
  const seen = new Set<K>();
  for (const { key, factor } of entries) {
    if (seen.has(key)) problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: `${key} 重复设置 (${key} is given twice)` }));
    seen.add(key);
    factors[key] = factor;
  }
  return factors;
}

/** Sets the department's own policy; `expectedVersion` is the version read (0 for the default). */
export async function setRatioPolicy(ctx: RequestContext, expectedVersion: number, input: RatioPolicyInput): Promise<RatioPolicy> {
  const actor = requirePermission(ctx, Permission.MANAGE_PLANS);
  const problems: FieldProblem[] = [];
  const riskFactors = factorsOf(input.riskFactors.map((f) => ({ key: f.riskLevel, factor: f.factor })), DEFAULT_RATIO_POLICY.riskFactors, 'riskFactors', problems);
  const creditFactors = factorsOf(input.creditFactors.map((f) => ({ key: f.creditClass, factor: f.factor })), DEFAULT_RATIO_POLICY.creditFactors, 'creditFactors', problems);
  if (problems.length) rejectProblems(problems);
  const itemOverrides = input.itemOverrides.map((o) => ({ itemId: Number(o.itemId), ratioPercent: o.ratioPercent ?? null, roundsPerYear: o.roundsPerYear ?? null }));
  const ids = itemOverrides.map((o) => o.itemId).filter(Number.isInteger);
  const own = ids.length ? await ctx.ds.getRepository(InspectionItem).find({ select: { id: true }, where: { id: In(ids), departmentId: actor.departmentId } }) : [];
  const checked = checkRatioPolicy({ minRatioPercent: input.minRatioPercent, minRoundsPerYear: input.minRoundsPerYear, riskFactors, creditFactors, itemOverrides },
    { itemAllowed: (id) => own.some((item) => item.id === id) });
  if (!checked.ok) rejectProblems(checked.problems);
  const rules = checked.value;
  try {
    return await ctx.transaction(async (em) => {
      const repo = em.getRepository(RatioPolicy);
      const existing = await repo.findOneBy({ departmentId: actor.departmentId });
      if ((existing?.version ?? 0) !== expectedVersion) throw new DomainError(ErrorCode.STALE_VERSION, {}, { currentVersion: existing?.version ?? 0 });
      const now = new Date();
      let saved: RatioPolicy;
      if (existing) {
        const updated = await repo.createQueryBuilder().update().set({ ...rules, version: existing.version + 1, updatedAt: now, updatedById: actor.userId } as never)
          .where('id = :id AND version = :version', { id: existing.id, version: existing.version }).execute();
        if (!updated.affected) throw new DomainError(ErrorCode.STALE_VERSION);
        saved = { ...existing, ...rules, version: existing.version + 1, updatedAt: now, updatedById: actor.userId };
      } else {
        saved = repo.create({ departmentId: actor.departmentId, ...rules, version: 1, updatedAt: now, updatedById: actor.userId });
        await repo.insert(saved);
      }
      const before = existing ? rulesOf(existing) : { ...DEFAULT_RATIO_POLICY };
      await recordChange(em, { entityType: 'RATIO_POLICY', entityId: saved.id, action: existing ? 'UPDATE' : 'CREATE', changes: diffFields({ ...before }, { ...rules }, POLICY_FIELDS), userId: actor.userId });
      return Object.assign(new RatioPolicy(), saved);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.STALE_VERSION);
    throw error;
  }
}

/** The catalog facts of an item version that the ratio rules need. */
export function ratioItemOf(itemId: number, version: InspectionItemVersion): RatioItem {
  return { id: itemId, kind: version.kind, ratioMinPercent: version.ratioMinPercent, ratioMaxPercent: version.ratioMaxPercent, frequencyPerYear: version.frequencyPerYear };
}

/** The effective ratio for an item (its version in force) and a class of targets, under the item's department's policy. */
export async function effectiveRatioFor(ctx: RequestContext, itemId: number, riskLevel: RiskLevel, creditClass: CreditClass): Promise<EffectiveRatio> {
  requirePermission(ctx, Permission.READ_PLANS);
  const item = await getItem(ctx, itemId);
  const version = await ctx.loaders.itemVersion.load(`${item.id}:${item.currentVersion}`);
  if (!version) throw notFound('抽查事项', itemId);
  const policy = await policyOf(ctx, item.departmentId);
  return effectiveRatio(rulesOf(policy), ratioItemOf(item.id, version), riskLevel, creditClass);
}
