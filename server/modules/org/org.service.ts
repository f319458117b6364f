import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { requirePermission, RequestContext } from '../../graphql/context';
import { assertWithinScope } from './org.policy';
import { CreateDepartmentInput, CreateRegionInput, CreateUserInput } from './org.inputs';
import { Department } from './department.entity';
import { hashPassword, isStrongEnough } from './password';
import { Region, RegionNeighbour } from './region.entity';
import { User } from './user.entity';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';

export async function requireRegion(ctx: RequestContext, code: string): Promise<Region> {
  const region = await ctx.loaders.region.load(code);
  if (!region) throw new DomainError(ErrorCode.UNKNOWN_REGION, { code });
  return region;
}

export async function createRegion(ctx: RequestContext, input: CreateRegionInput): Promise<Region> {
  const actor = requirePermission(ctx, Permission.MANAGE_REGIONS);
  // Regions are shared by everyone: only an administrator of a top-level department maintains them.
  if (actor.departmentPath.split('/').filter(Boolean).length !== 1) throw new DomainError(ErrorCode.FORBIDDEN);
  if (input.parentCode) await requireRegion(ctx, input.parentCode);
  return ctx.transaction(async (em) => {
    if (await em.getRepository(Region).findOneBy({ code: input.code })) throw new DomainError(ErrorCode.CONFLICT, { reason: `行政区划 ${input.code} 已存在` });
    const region = em.getRepository(Region).create({ ...input, parentCode: input.parentCode ?? null });
    await em.getRepository(Region).insert(region);
    return region;
  });
}

/** Declares neighbours, stored both ways, replacing the previous declaration of `regionCode`. */
export async function declareNeighbours(ctx: RequestContext, regionCode: string, neighbourCodes: string[]): Promise<Region> {
  requirePermission(ctx, Permission.MANAGE_REGIONS);
  const region = await requireRegion(ctx, regionCode);
  for (const code of neighbourCodes) await requireRegion(ctx, code);
  await ctx.transaction(async (em) => {
    const repo = em.getRepository(RegionNeighbour);
    await repo.delete({ regionCode });
    await repo.delete({ neighbourCode: regionCode });
    const pairs = [...new Set(neighbourCodes)].filter((c) => c !== regionCode)
      .flatMap((c) => [{ regionCode, neighbourCode: c }, { regionCode: c, neighbourCode: regionCode }]);
    if (pairs.length) await repo.insert(pairs);
  });
  return region;
}

export async function neighboursOf(ctx: RequestContext, regionCode: string): Promise<Region[]> {
  const rows = await ctx.ds.getRepository(RegionNeighbour).findBy({ regionCode });
  const regions = await ctx.loaders.region.loadMany(rows.map((r) => r.neighbourCode));
  return regions.filter((r): r is Region => r instanceof Region);
}

export async function requireVisibleDepartment(ctx: RequestContext, id: number): Promise<Department> {
  const actor = requirePermission(ctx, Permission.READ_DIRECTORIES);
  const department = await ctx.loaders.department.load(id);
  if (!department) throw notFound('部门', id);
  assertWithinScope(actor, department.path, '部门', id);
  return department;
}

export async function createDepartment(ctx: RequestContext, input: CreateDepartmentInput): Promise<Department> {
  const actor = requirePermission(ctx, Permission.MANAGE_DEPARTMENTS);
  const parent = await ctx.loaders.department.load(Number(input.parentId));
  if (!parent) throw notFound('上级部门', input.parentId);
  assertWithinScope(actor, parent.path, '上级部门', input.parentId);
  await requireRegion(ctx, input.regionCode);
  return ctx.transaction(async (em) => {
    const repo = em.getRepository(Department);
    const department = repo.create({ name: input.name, kind: input.kind, regionCode: input.regionCode, parentId: parent.id, path: '', createdAt: new Date() });
    await repo.insert(department);
    department.path = `${parent.path}${department.id}/`;
    await repo.update({ id: department.id }, { path: department.path });
    return department;
  });
}

/** A top-level department (a province's, or a first install's). Used by the demo loader and the bootstrap command. */
export async function createRootDepartment(ctx: Pick<RequestContext, 'transaction'>, fields: Pick<Department, 'name' | 'kind' | 'regionCode'>): Promise<Department> {
  return ctx.transaction(async (em) => {
    const repo = em.getRepository(Department);
    const department = repo.create({ ...fields, parentId: null, path: '', createdAt: new Date() });
    await repo.insert(department);
    department.path = `/${department.id}/`;
    await repo.update({ id: department.id }, { path: department.path });
    return department;
  });
}

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
  const actor = requirePermission(ctx, Permission.MANAGE_USERS);
  const department = await ctx.loaders.department.load(Number(input.departmentId));
  if (!department) throw notFound('部门', input.departmentId);
  assertWithinScope(actor, department.path, '部门', input.departmentId);
  return insertUser(ctx, { ...input, departmentId: department.id });
}

export async function insertUser(ctx: Pick<RequestContext, 'transaction'>, input: Omit<CreateUserInput, 'departmentId'> & { departmentId: number }): Promise<User> {
  if (!isStrongEnough(input.password)) throw new DomainError(ErrorCode.WEAK_PASSWORD);
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.transaction(async (em) => {
      const user = em.getRepository(User).create({
        username: input.username, displayName: input.displayName, departmentId: input.departmentId,
        roles: [...new Set(input.roles)], passwordHash, active: true, createdAt: new Date(),
      });
      await em.getRepository(User).insert(user);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.DUPLICATE_USERNAME, { username: input.username });
    throw error;
  }
}
