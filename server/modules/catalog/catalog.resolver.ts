import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import type { RequestContext } from '../../graphql/context';
import { Department } from '../org/department.entity';
import { InspectionItemFilter, InspectionItemInput, ItemCategoryInput } from './catalog.inputs';
import * as catalog from './catalog.service';
import { CheckForm, InspectionItem, InspectionItemVersion } from './inspection-item.entity';
import { ItemCategory } from './item-category.entity';

@ObjectType() class InspectionItemList extends PaginatedList(InspectionItem) {}

@Resolver(() => InspectionItem)
export class InspectionItemResolver {
  @Query(() => InspectionItemList, { description: '抽查事项清单 (public per department without login)' })
  inspectionItems(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => InspectionItemFilter, { nullable: true }) filter: InspectionItemFilter | null,
    @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput,
  ) {
    return catalog.listItems(ctx, filter ?? {}, page);
  }

  @Query(() => InspectionItem)
  inspectionItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return catalog.getItem(ctx, Number(id));
  }

  @Query(() => [ItemCategory])
  itemCategories(@Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(ItemCategory).find({ order: { builtIn: 'DESC', code: 'ASC' } });
  }

  @Mutation(() => InspectionItem)
  createInspectionItem(@Ctx() ctx: RequestContext, @Arg('input') input: InspectionItemInput) {
    return catalog.createItem(ctx, input);
  }

  @Mutation(() => InspectionItem, { description: 'Saves a new version of an item; `expectedVersion` is the version the edit started from' })
  reviseInspectionItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number, @Arg('input') input: InspectionItemInput) {
    return catalog.reviseItem(ctx, Number(id), expectedVersion, input);
  }

  @Mutation(() => InspectionItem)
  setInspectionItemActive(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('active') active: boolean) {
    return catalog.setItemActive(ctx, Number(id), active);
  }

  @Mutation(() => ItemCategory)
  createItemCategory(@Ctx() ctx: RequestContext, @Arg('input') input: ItemCategoryInput) {
    return catalog.createCategory(ctx, input);
  }

  @FieldResolver(() => InspectionItemVersion, { description: 'The version in force' })
  async current(@Root() item: InspectionItem, @Ctx() ctx: RequestContext) {
    return ctx.loaders.itemVersion.load(`${item.id}:${item.currentVersion}`);
  }

  @FieldResolver(() => InspectionItemVersion, { nullable: true, description: 'A given version, as tasks that used it saw it' })
  version(@Root() item: InspectionItem, @Ctx() ctx: RequestContext, @Arg('version', () => Int) version: number) {
    return ctx.loaders.itemVersion.load(`${item.id}:${version}`);
  }

  @FieldResolver(() => [InspectionItemVersion], { description: 'Every version, newest first' })
  versions(@Root() item: InspectionItem, @Ctx() ctx: RequestContext) {
    return ctx.loaders.itemVersionsByItem.load(item.id);
  }

  @FieldResolver(() => Department)
  department(@Root() item: InspectionItem, @Ctx() ctx: RequestContext) {
    return ctx.loaders.department.load(item.departmentId);
  }
}

@Resolver(() => InspectionItemVersion)
export class InspectionItemVersionResolver {
  @FieldResolver(() => [CheckForm])
  checkForms(@Root() version: InspectionItemVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.checkFormsByVersion.load(version.id);
  }

  @FieldResolver(() => ItemCategory, { nullable: true })
  category(@Root() version: InspectionItemVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.category.load(version.categoryCode);
  }
}
