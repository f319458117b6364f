import { notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { Actor, requirePermission, RequestContext } from '../../graphql/context';
import { assertOwnDepartment } from '../org/org.policy';
import type { AnnualPlan } from './annual-plan.entity';

/**
 * Who may do what to which plan: everyone with READ_PLANS sees the plans of their department and of
 * the departments below it (a city's supervisors follow the counties' plans and their filing, Art. 36);
 * only planners and administrators of the plan's own department change it. A plan out of scope
 * "does not exist" (NOT_FOUND), so a sibling learns nothing of it.
 */
export async function assertPlanReadable(ctx: RequestContext, plan: AnnualPlan | null | undefined, id: string | number): Promise<AnnualPlan> {
  requirePermission(ctx, Permission.READ_PLANS);
  if (!plan || !(await ctx.visibleDepartmentIds()).includes(plan.departmentId)) throw notFound('年度抽查工作计划', id);
  return plan;
}

export async function assertPlanEditable(ctx: RequestContext, plan: AnnualPlan | null | undefined, id: string | number): Promise<Actor> {
  const actor = requirePermission(ctx, Permission.MANAGE_PLANS);
  const readable = await assertPlanReadable(ctx, plan, id);
  assertOwnDepartment(actor, readable.departmentId);
  return actor;
}
