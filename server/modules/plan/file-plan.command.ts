import { EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { isUniqueViolation } from '../../db/transaction';
import { todayInChina } from '../../domain/calendar-date';
import { checkText, FieldProblem } from '../../domain/field-problem';
import { filingDateProblem, FilingRecipient, filingRecipientLabels, PlanStatus } from '../../domain/plan-rules';
import type { RequestContext } from '../../graphql/context';
import { recordChange } from '../audit/audit.service';
import { rejectProblems } from '../directory/record-writer';
import { Department } from '../org/department.entity';
import { PlanVersion } from './annual-plan.entity';
import { PlanBatch } from './plan-batch.entity';
import { PlanFilingRecord } from './plan-filing.entity';
import { PlanFilingInput } from './plan.inputs';
import { PLAN_ENTITY, versionForWrite } from './plan.service';

/**
 * Whom the plan is filed with. A department named by id must be of the right kind: justice or market
 * supervision of the same region ("同级"), or an agriculture department above the plan's. Without a
 * department or a name the hub picks the nearest agriculture department above, or the justice /
 * market-supervision department of the same region when there is exactly one (in the plan department's
 * own hierarchy, or else in the hub); otherwise the caller names it.
 */
async function resolveRecipient(em: EntityManager, planDepartment: Department, input: PlanFilingInput): Promise<{ departmentId: number | null; name: string }> {
  const label = filingRecipientLabels[input.recipient];
  const typedName = input.recipientName?.trim() || '';
  const problems: FieldProblem[] = [];
  checkText(problems, 'recipientName', typedName, 100, false);
  if (problems.length) rejectProblems(problems);
  const ancestorIds = planDepartment.path.split('/').filter(Boolean).map(Number).filter((id) => id !== planDepartment.id);
  const fits = (d: Department) => d.kind === label.kind
    && (input.recipient === FilingRecipient.UPPER_AGRICULTURE ? ancestorIds.includes(d.id) : d.regionCode === planDepartment.regionCode && d.id !== planDepartment.id);

  if (input.recipientDepartmentId) {
    const department = await em.getRepository(Department).findOneBy({ id: Number(input.recipientDepartmentId) });
    if (!department) throw notFound('部门', input.recipientDepartmentId);
    if (!fits(department)) throw new DomainError(ErrorCode.FILING_RECIPIENT_MISMATCH, { name: department.name, expectedZh: label.zh, expectedEn: label.en });
    return { departmentId: department.id, name: typedName || department.name };
  }
  if (typedName) return { departmentId: null, name: typedName };
  let candidates: Department[];
  if (input.recipient === FilingRecipient.UPPER_AGRICULTURE) {
    const above = ancestorIds.length ? await em.getRepository(Department).findBy({ id: In(ancestorIds), kind: label.kind }) : [];
    candidates = above.sort((a, b) => b.path.length - a.path.length).slice(0, 1);
  } else {
    // Prefer the one in the plan department's own hierarchy; else the only one of its kind in the region.
    const sameRegion = await em.getRepository(Department).findBy({ kind: label.kind, regionCode: planDepartment.regionCode });
    const root = `/${planDepartment.path.split('/').filter(Boolean)[0]}/`;
    const sameTree = sameRegion.filter((d) => d.path.startsWith(root));
    candidates = sameTree.length === 1 ? sameTree : sameRegion;
  }
  if (candidates.length !== 1) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: `请指明备案接收的${label.zh} (name the ${label.en})` });
  }
  return { departmentId: candidates[0].id, name: candidates[0].name };
}

/**
 * Records the filing (备案) of an adopted version with one recipient (Art. 12 para 3). Each recipient
 * once per version; the filing day counts for the deadline, the time it was recorded and by whom are kept.
 */
export async function filePlanVersion(ctx: RequestContext, versionId: number, input: PlanFilingInput): Promise<PlanVersion> {
  const { actor, version, plan } = await versionForWrite(ctx, versionId);
  const label = filingRecipientLabels[input.recipient];
  const today = todayInChina();
  const filedOn = input.filedOn?.trim() || today;
  const planDepartment = await ctx.loaders.department.load(plan.departmentId);
  try {
    return await ctx.transaction(async (em) => {
      const current = await em.getRepository(PlanVersion).findOneByOrFail({ id: version.id });
      if (current.status === PlanStatus.DRAFT) {
        const batches = await em.getRepository(PlanBatch).countBy({ planVersionId: current.id });
        throw new DomainError(batches ? ErrorCode.PLAN_VERSION_NOT_ADOPTED : ErrorCode.PLAN_HAS_NO_BATCHES, { version: current.version });
      }
      if (await em.getRepository(PlanFilingRecord).findOneBy({ planVersionId: current.id, recipient: input.recipient })) {
        throw new DomainError(ErrorCode.DUPLICATE_FILING, { version: current.version, recipientZh: label.zh, recipientEn: label.en });
      }
      const dateProblem = filingDateProblem(filedOn, { adoptedOn: current.adoptedOn!, today });
      if (dateProblem) rejectProblems([dateProblem]);
      const recipient = await resolveRecipient(em, planDepartment!, input);
      await em.getRepository(PlanFilingRecord).insert({
        planVersionId: current.id, recipient: input.recipient, recipientDepartmentId: recipient.departmentId, recipientName: recipient.name,
        filedOn, documentNumber: input.documentNumber?.trim() || null, filedAt: new Date(), filedById: actor.userId,
      });
      await recordChange(em, {
        entityType: PLAN_ENTITY, entityId: plan.id, action: 'FILE', userId: actor.userId,
        changes: { version: [current.version, current.version], recipient: [null, input.recipient], recipientName: [null, recipient.name], filedOn: [null, filedOn] },
      });
      return current;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.DUPLICATE_FILING, { version: version.version, recipientZh: label.zh, recipientEn: label.en });
    throw error;
  }
}
