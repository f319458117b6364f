import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import type { RequestContext } from '../../graphql/context';
import { todayInChina } from '../../domain/calendar-date';
import { Department } from '../org/department.entity';
import { Region } from '../org/region.entity';
import { ConflictOfInterest } from './conflict.entity';
import * as conflicts from './conflict.service';
import {
  ExpertFilter, ExpertInput, InspectorFilter, InspectorInput, InspectorSort, TargetFilter, TargetInput, TargetSort,
} from './directory.inputs';
import { Expert } from './expert.entity';
import * as experts from './expert.service';
import { Inspector } from './inspector.entity';
import * as inspectors from './inspector.service';
import { Target } from './target.entity';
import * as targets from './target.service';
import { CertificateStatus, certificateStatus } from './certificate-status';

@ObjectType() class TargetList extends PaginatedList(Target) {}
@ObjectType() class InspectorList extends PaginatedList(Inspector) {}
@ObjectType() class ExpertList extends PaginatedList(Expert) {}

const page = () => Arg('page', () => PageInput, { defaultValue: new PageInput() });

@Resolver(() => Target)
export class TargetResolver {
  @Query(() => TargetList, { description: '检查对象名录库: the targets of every directory in scope, filtered and sorted' })
  targets(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => TargetFilter, { nullable: true }) filter: TargetFilter | null,
    @page() paging: PageInput,
    @Arg('sort', () => TargetSort, { defaultValue: TargetSort.NAME }) sort: TargetSort,
  ) {
    return targets.listTargets(ctx, filter ?? {}, paging, sort);
  }

  @Query(() => Target)
  target(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return targets.getTarget(ctx, Number(id));
  }

  @Mutation(() => Target)
  createTarget(@Ctx() ctx: RequestContext, @Arg('input') input: TargetInput) {
    return targets.createTarget(ctx, input);
  }

  @Mutation(() => Target, { description: 'Saves an edited target; fails with STALE_VERSION if it changed since `expectedVersion`' })
  updateTarget(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('input') input: TargetInput) {
    return targets.updateTarget(ctx, Number(id), expectedVersion, input);
  }

  @FieldResolver(() => Region)
  region(@Root() target: Target, @Ctx() ctx: RequestContext) {
    return ctx.loaders.region.load(target.regionCode);
  }

  @FieldResolver(() => Department, { description: 'The department whose directory holds the target' })
  department(@Root() target: Target, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(target.departmentId);
  }

  @FieldResolver(() => [ConflictOfInterest], { description: 'Inspectors who declared a conflict with this target' })
  conflicts(@Root() target: Target, @Ctx() ctx: RequestContext) {
    return ctx.loaders.conflictsByTarget.load(target.id);
  }
}

@Resolver(() => Inspector)
export class InspectorResolver {
  @Query(() => InspectorList, { description: '执法检查人员名录库' })
  inspectors(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => InspectorFilter, { nullable: true }) filter: InspectorFilter | null,
    @page() paging: PageInput,
    @Arg('sort', () => InspectorSort, { defaultValue: InspectorSort.NAME }) sort: InspectorSort,
  ) {
    return inspectors.listInspectors(ctx, filter ?? {}, paging, sort);
  }

  @Query(() => Inspector)
  inspector(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return inspectors.getInspector(ctx, Number(id));
  }

  @Mutation(() => Inspector)
  createInspector(@Ctx() ctx: RequestContext, @Arg('input') input: InspectorInput) {
    return inspectors.createInspector(ctx, input);
  }

  @Mutation(() => Inspector)
  updateInspector(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('input') input: InspectorInput) {
    return inspectors.updateInspector(ctx, Number(id), expectedVersion, input);
  }

  @Mutation(() => Inspector, { description: 'Deactivates or reactivates an inspector (never deleted: past draws refer to them)' })
  setInspectorActive(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('active') active: boolean) {
    return inspectors.setInspectorActive(ctx, Number(id), expectedVersion, active);
  }

  @FieldResolver(() => CertificateStatus, { description: 'Certificate validity on a day (default: today in China)' })
  certificateStatus(@Root() inspector: Inspector, @Arg('on', () => String, { nullable: true }) on?: string | null) {
    return certificateStatus(inspector, on ?? todayInChina());
  }

  @FieldResolver(() => Region)
  region(@Root() inspector: Inspector, @Ctx() ctx: RequestContext) {
    return ctx.loaders.region.load(inspector.regionCode);
  }

  @FieldResolver(() => Department)
  department(@Root() inspector: Inspector, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(inspector.departmentId);
  }

  @FieldResolver(() => [ConflictOfInterest], { description: 'Declared conflicts of interest (recusal)' })
  conflicts(@Root() inspector: Inspector, @Ctx() ctx: RequestContext) {
    return ctx.loaders.conflictsByInspector.load(inspector.id);
  }
}

@Resolver(() => ConflictOfInterest)
export class ConflictResolver {
  @Mutation(() => ConflictOfInterest, { description: 'Declares that an inspector must not inspect a target (Art. 23)' })
  declareConflict(@Ctx() ctx: RequestContext, @Arg('inspectorId', () => ID) inspectorId: string, @Arg('targetId', () => ID) targetId: string, @Arg('reason') reason: string) {
    return conflicts.declareConflict(ctx, Number(inspectorId), Number(targetId), reason);
  }

  @Mutation(() => Boolean, { description: 'Withdraws a declaration, with the reason kept in the inspector’s history' })
  withdrawConflict(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return conflicts.withdrawConflict(ctx, Number(id), reason);
  }

  @FieldResolver(() => Inspector, { nullable: true })
  inspector(@Root() conflict: ConflictOfInterest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.inspector.load(conflict.inspectorId);
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() conflict: ConflictOfInterest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.target.load(conflict.targetId);
  }
}

@Resolver(() => Expert)
export class ExpertResolver {
  @Query(() => ExpertList, { description: '专家库' })
  experts(@Ctx() ctx: RequestContext, @Arg('filter', () => ExpertFilter, { nullable: true }) filter: ExpertFilter | null, @page() paging: PageInput) {
    return experts.listExperts(ctx, filter ?? {}, paging);
  }

  @Query(() => Expert)
  expert(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return experts.getExpert(ctx, Number(id));
  }

  @Mutation(() => Expert)
  createExpert(@Ctx() ctx: RequestContext, @Arg('input') input: ExpertInput) {
    return experts.createExpert(ctx, input);
  }

  @Mutation(() => Expert)
  updateExpert(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('input') input: ExpertInput) {
    return experts.reviseExpert(ctx, Number(id), expectedVersion, input);
  }

  @Mutation(() => Expert)
  setExpertActive(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('active') active: boolean) {
    return experts.updateExpert(ctx, Number(id), expectedVersion, { active }, active ? 'REACTIVATE' : 'DEACTIVATE');
  }

  @FieldResolver(() => Department)
  department(@Root() expert: Expert, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(expert.departmentId);
  }
}
