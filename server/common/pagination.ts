import { Max, Min } from 'class-validator';
import { ClassType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { SortOrder } from '../graphql/enums';

export const MAX_PAGE_SIZE = 500;

/** Skip/take paging shared by every list. */
@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 0 })
  @Min(0, { message: 'skip 不能为负数 (skip must not be negative)' })
  skip: number = 0;

  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: 'take 至少为 1 (take must be at least 1)' })
  @Max(MAX_PAGE_SIZE, { message: `take 不能超过 ${MAX_PAGE_SIZE} (take must be at most ${MAX_PAGE_SIZE})` })
  take: number = 50;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder = SortOrder.ASC;
}

export interface Paginated<T> { items: T[]; totalItems: number }

/** `items + totalItems` for any item type (type-graphql generic types). */
export function PaginatedList<T extends object>(itemType: ClassType<T>) {
  @ObjectType()
  abstract class PaginatedListClass implements Paginated<T> {
    @Field(() => [itemType]) items: T[];
    @Field(() => Int) totalItems: number;
  }
  return PaginatedListClass;
}
