import { In, LessThan } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { todayInChina } from '../../domain/calendar-date';
import { adoptionDateProblem, PlanStatus } from '../../domain/plan-rules';
import type { RequestContext } from '../../graphql/context';
import { recordChange } from '../audit/audit.service';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { rejectProblems } from '../directory/record-writer';
import { PlanVersion } from './annual-plan.entity';
import { PlanBatchItem } from './plan-batch.entity';
import { AdoptPlanVersionInput } from './plan.inputs';
import { assertDraft, PLAN_ENTITY, versionForWrite } from './plan.service';

/**
 * Adoption (通过/印发) of a draft: its content is frozen and the 15-day filing period starts on the
 * adoption day (see `filingDeadline`). A version without batches cannot be adopted, nor one naming an
 * item that has left the catalog since it was drafted.
 */
export async function adoptPlanVersion(ctx: RequestContext, versionId: number, expectedRevision: number, input: AdoptPlanVersionInput): Promise<PlanVersion> {
  const { actor, version, plan } = await versionForWrite(ctx, versionId);
  assertDraft(version, expectedRevision);
  const today = todayInChina();
  const adoptedOn = input.adoptedOn?.trim() || today;
  return ctx.transaction(async (em) => {
    const items = await em.getRepository(PlanBatchItem).find({ where: { planVersionId: version.id } });
    if (!items.length) throw new DomainError(ErrorCode.PLAN_HAS_NO_BATCHES, { version: version.version });
    const itemIds = [...new Set(items.map((i) => i.itemId))];
    const active = await em.getRepository(InspectionItem).find({ select: { id: true }, where: { id: In(itemIds), departmentId: plan.departmentId, active: true } });
    const missing = itemIds.find((id) => !active.some((item) => item.id === id));
    if (missing !== undefined) throw new DomainError(ErrorCode.UNKNOWN_ITEM, { id: String(missing) });
    const previous = await em.getRepository(PlanVersion).findOne({ where: { planId: plan.id, version: LessThan(version.version), status: PlanStatus.ADOPTED }, order: { version: 'DESC' } });
    const dateProblem = adoptionDateProblem(adoptedOn, { year: plan.year, today, previousAdoptedOn: previous?.adoptedOn ?? null });
    if (dateProblem) rejectProblems([dateProblem]);
    const now = new Date();
    const values = { status: PlanStatus.ADOPTED, adoptedOn, documentNumber: input.documentNumber?.trim() || null, adoptedById: actor.userId, adoptedAt: now, revision: expectedRevision + 1, updatedAt: now };
    const updated = await em.getRepository(PlanVersion).createQueryBuilder().update().set(values as never)
      .where('id = :id AND revision = :revision AND status = :status', { id: version.id, revision: expectedRevision, status: PlanStatus.DRAFT }).execute();
    if (!updated.affected) throw new DomainError(ErrorCode.STALE_VERSION);
    await recordChange(em, {
      entityType: PLAN_ENTITY, entityId: plan.id, action: 'ADOPT', userId: actor.userId,
      changes: { version: [version.version, version.version], status: [PlanStatus.DRAFT, PlanStatus.ADOPTED], adoptedOn: [null, adoptedOn], documentNumber: [null, values.documentNumber] },
    });
    return { ...version, ...values };
  });
}
