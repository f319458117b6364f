import { In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { regionPrefix } from '../../common/listing';
import { isRegionCode } from '../../domain/region-code';
import { Actor, requirePermission, RequestContext } from '../../graphql/context';
import { Permission } from '../../common/permissions';
import { Department } from '../org/department.entity';
import { Region } from '../org/region.entity';
import { inRegion } from './figures';

/**
 * Who supervises, and over what (Art. 36–39): the SUPERVISE permission (supervisors, reviewing leaders
 * and administrators); like every other read, it covers the actor's own department and everything below.
 */
export const requireSupervisor = (ctx: RequestContext): Actor => requirePermission(ctx, Permission.SUPERVISE);

/** A region code as typed: well-formed and known. */
export async function requireKnownRegion(ctx: RequestContext, code: string): Promise<Region> {
  const trimmed = code.trim();
  if (!isRegionCode(trimmed)) throw new DomainError(ErrorCode.INVALID_REGION_CODE, { code: trimmed });
  const region = await ctx.loaders.region.load(trimmed);
  if (!region) throw new DomainError(ErrorCode.UNKNOWN_REGION, { code: trimmed });
  return region;
}

export interface SupervisionScope {
  /** The region looked at. */
  region: Region;
  /** From the actor's own region down to `region` (the breadcrumb of a drill-down). */
  path: Region[];
  /** The departments in the actor's scope whose region lies in `region`. */
  departments: Department[];
}

/**
 * The actor's jurisdiction, or a region inside it. A region outside it (a sibling county, a parent)
 * is NOT_FOUND, as every record outside a department's scope is.
 */
export async function resolveScope(ctx: RequestContext, actor: Actor, regionCode?: string | null): Promise<SupervisionScope> {
  const own = await ctx.loaders.department.load(actor.departmentId);
  if (!own) throw new DomainError(ErrorCode.SESSION_EXPIRED);
  const home = await requireKnownRegion(ctx, own.regionCode);
  const region = regionCode ? await requireKnownRegion(ctx, regionCode) : home;
  if (!region.code.startsWith(regionPrefix(home.code))) throw notFound('行政区划', region.code);
  const prefix = regionPrefix(region.code);
  const visible = await ctx.visibleDepartmentIds();
  const departments = (await ctx.ds.getRepository(Department).findBy({ id: In(visible.length ? visible : [-1]) })).filter((d) => inRegion(d.regionCode, prefix));
  departments.sort((a, b) => a.path.localeCompare(b.path));
  return { region, path: await pathDown(ctx, home, region), departments };
}

async function pathDown(ctx: RequestContext, home: Region, region: Region): Promise<Region[]> {
  const path = [region];
  for (let current = region; current.code !== home.code && current.parentCode; ) {
    const parent = await ctx.loaders.region.load(current.parentCode);
    if (!parent) break;
    path.unshift(parent);
    current = parent;
  }
  return path;
}

/** The child regions that hold at least one department of the scope, in code order. */
export async function childRegions(ctx: RequestContext, scope: SupervisionScope): Promise<Region[]> {
  const children = await ctx.ds.getRepository(Region).find({ where: { parentCode: scope.region.code }, order: { code: 'ASC' } });
  return children.filter((child) => scope.departments.some((d) => inRegion(d.regionCode, regionPrefix(child.code))));
}
