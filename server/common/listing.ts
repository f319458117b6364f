import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Paginated, PageInput } from './pagination';

/** Applies paging and a sort column (with id as tie-breaker, so pages never overlap) and counts the total. */
export async function pageOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageInput, sortColumn: string): Promise<Paginated<T>> {
  const alias = qb.alias;
  qb.orderBy(`${alias}.${sortColumn}`, page.order).addOrderBy(`${alias}.id`, page.order).skip(page.skip).take(page.take);
  const [items, totalItems] = await qb.getManyAndCount();
  return { items, totalItems };
}

/**
 * A region code as a prefix covering the region and everything in it: 140000 → "14", 140600 → "1406",
 * 140603 → "140603" (townships 140603xxx follow).
 */
export function regionPrefix(code: string): string {
  if (code.length === 6 && code.endsWith('0000')) return code.slice(0, 2);
  if (code.length === 6 && code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Escapes LIKE wildcards in user text; use with `LIKE :x ESCAPE '!'` (a character both databases treat alike). */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
export const LIKE_ESCAPE = "ESCAPE '!'";
