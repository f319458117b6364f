import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DomainError, ErrorCode } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { requireActor, requirePermission } from '../../graphql/context';
import type { RequestContext } from '../../graphql/context';
import { RegionLevel } from '../../domain/vocabulary';
import { bearerToken, login, logout } from './auth.service';
import { Department } from './department.entity';
import { CreateDepartmentInput, CreateRegionInput, CreateUserInput } from './org.inputs';
import * as org from './org.service';
import { Region } from './region.entity';
import { User } from './user.entity';
import { In } from 'typeorm';

@ObjectType({ description: 'A fresh session' })
class LoginResult {
  @Field({ description: 'Bearer token for the Authorization header (or connectionParams.authorization on WebSocket)' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => User) user: User;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Regions, public. Without arguments: the top-level ones.' })
  async regions(
    @Ctx() ctx: RequestContext,
    @Arg('parentCode', () => String, { nullable: true }) parentCode?: string | null,
    @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel | null,
  ): Promise<Region[]> {
    const qb = ctx.ds.getRepository(Region).createQueryBuilder('r').orderBy('r.code', 'ASC');
    if (parentCode) qb.andWhere('r.parentCode = :parentCode', { parentCode });
    else if (!level) qb.andWhere('r.parentCode IS NULL');
    if (level) qb.andWhere('r.level = :level', { level });
    return qb.getMany();
  }

  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Arg('code') code: string): Promise<Region | undefined> {
    return ctx.loaders.region.load(code);
  }

  @FieldResolver(() => Region, { nullable: true })
  async parent(@Root() region: Region, @Ctx() ctx: RequestContext) {
    return region.parentCode ? ctx.loaders.region.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'Declared neighbouring regions (for cross-region matching)' })
  neighbours(@Root() region: Region, @Ctx() ctx: RequestContext) {
    return org.neighboursOf(ctx, region.code);
  }

  @Mutation(() => Region)
  createRegion(@Ctx() ctx: RequestContext, @Arg('input') input: CreateRegionInput) {
    return org.createRegion(ctx, input);
  }

  @Mutation(() => Region, { description: 'Replaces the neighbours declared for a region (stored both ways)' })
  declareNeighbours(@Ctx() ctx: RequestContext, @Arg('regionCode') regionCode: string, @Arg('neighbourCodes', () => [String]) neighbourCodes: string[]) {
    return org.declareNeighbours(ctx, regionCode, neighbourCodes);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'The actor’s department and every department below it' })
  async departments(@Ctx() ctx: RequestContext): Promise<Department[]> {
    requirePermission(ctx, Permission.READ_DIRECTORIES);
    const ids = await ctx.visibleDepartmentIds();
    return ctx.ds.getRepository(Department).find({ where: { id: In(ids) }, order: { path: 'ASC' } });
  }

  @Query(() => Department)
  department(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return org.requireVisibleDepartment(ctx, Number(id));
  }

  @FieldResolver(() => Region)
  region(@Root() department: Department, @Ctx() ctx: RequestContext) {
    return ctx.loaders.region.load(department.regionCode);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Null when the parent is outside the actor’s scope' })
  async parent(@Root() department: Department, @Ctx() ctx: RequestContext) {
    if (!department.parentId) return null;
    const parent = await ctx.loaders.department.load(department.parentId);
    return parent && ctx.actor && parent.path.startsWith(ctx.actor.departmentPath) ? parent : null;
  }

  @Mutation(() => Department)
  createDepartment(@Ctx() ctx: RequestContext, @Arg('input') input: CreateDepartmentInput) {
    return org.createDepartment(ctx, input);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The logged-in user' })
  async me(@Ctx() ctx: RequestContext): Promise<User> {
    const actor = requireActor(ctx);
    const user = await ctx.loaders.user.load(actor.userId);
    if (!user) throw new DomainError(ErrorCode.SESSION_EXPIRED);
    return user;
  }

  @FieldResolver(() => Department)
  department(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(user.departmentId);
  }

  @Mutation(() => LoginResult, { description: 'Logs in with a password. A wrong username and a wrong password get the same error.' })
  login(@Ctx() ctx: RequestContext, @Arg('username') username: string, @Arg('password') password: string): Promise<LoginResult> {
    return login(ctx.ds, username, password, ctx.config.sessionTtlSeconds);
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token presented' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    requireActor(ctx);
    const token = bearerToken(ctx.authorization);
    if (token) await logout(ctx.ds, token);
    return true;
  }

  @Mutation(() => User)
  createUser(@Ctx() ctx: RequestContext, @Arg('input') input: CreateUserInput) {
    return org.createUser(ctx, input);
  }
}
