import { notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { requirePermission, RequestContext } from '../../graphql/context';

/** The departments a directory listing covers: one named department if visible, else every visible one. */
export async function listingDepartments(ctx: RequestContext, departmentId?: string | null): Promise<number[]> {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  const visible = await ctx.visibleDepartmentIds();
  if (!departmentId) return visible;
  const id = Number(departmentId);
  if (!visible.includes(id)) throw notFound('部门', departmentId);
  return [id];
}

/** A record is readable when it belongs to a department in the actor's scope; otherwise it "does not exist". */
export async function assertReadable(ctx: RequestContext, record: { departmentId: number } | undefined | null, what: string, id: string | number) {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  if (!record || !(await ctx.visibleDepartmentIds()).includes(record.departmentId)) throw notFound(what, id);
}
