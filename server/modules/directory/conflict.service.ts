import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { requirePermission, RequestContext } from '../../graphql/context';
import { recordChange } from '../audit/audit.service';
import { assertOwnDepartment } from '../org/org.policy';
import { ConflictOfInterest } from './conflict.entity';
import { getInspector } from './inspector.service';
import { getTarget } from './target.service';

/** Records that an inspector must not inspect a target (Art. 23). Declared by the inspector's own department. */
export async function declareConflict(ctx: RequestContext, inspectorId: number, targetId: number, reason: string): Promise<ConflictOfInterest> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  const inspector = await getInspector(ctx, inspectorId);
  await getTarget(ctx, targetId);
  assertOwnDepartment(actor, inspector.departmentId);
  if (!reason.trim() || reason.length > 300) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '请填写利害关系说明（300字以内） (state the conflict in at most 300 characters)' });
  try {
    return await ctx.transaction(async (em) => {
      const conflict = em.getRepository(ConflictOfInterest).create({ inspectorId, targetId, reason: reason.trim(), declaredAt: new Date(), declaredById: actor.userId });
      await em.getRepository(ConflictOfInterest).insert(conflict);
      await recordChange(em, { entityType: 'INSPECTOR', entityId: inspectorId, action: 'DECLARE_CONFLICT', changes: { conflictWithTarget: [null, targetId], reason: [null, conflict.reason] }, userId: actor.userId });
      return conflict;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.CONFLICT, { reason: '该人员与该对象的利害关系已申报 (already declared)' });
    throw error;
  }
}

export async function withdrawConflict(ctx: RequestContext, conflictId: number, reason: string): Promise<boolean> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  const conflict = await ctx.ds.getRepository(ConflictOfInterest).findOneBy({ id: conflictId });
  if (!conflict) throw notFound('利害关系申报', conflictId);
  const inspector = await getInspector(ctx, conflict.inspectorId);
  assertOwnDepartment(actor, inspector.departmentId);
  if (!reason.trim()) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '撤销申报须说明理由 (a reason is required)' });
  await ctx.transaction(async (em) => {
    await em.getRepository(ConflictOfInterest).delete({ id: conflictId });
    await recordChange(em, { entityType: 'INSPECTOR', entityId: conflict.inspectorId, action: 'WITHDRAW_CONFLICT', changes: { conflictWithTarget: [conflict.targetId, null], reason: [conflict.reason, reason.trim()] }, userId: actor.userId });
  });
  return true;
}
