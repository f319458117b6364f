import { EntityManager } from 'typeorm';
import { forUpdate } from '../../db/row-lock';
import { Draw } from './draw.entity';

/**
 * The draws' rows, held until commit and always taken in id order — the order lockDraw, the visit
 * merges and the team changes all use — so two transactions touching the same draws cannot deadlock.
 */
export async function lockDraws(em: EntityManager, drawIds: number[]): Promise<Draw[]> {
  const ids = [...new Set(drawIds)].sort((a, b) => a - b);
  if (!ids.length) return [];
  return forUpdate(em.getRepository(Draw).createQueryBuilder('d').where('d.id IN (:...ids)', { ids }).orderBy('d.id', 'ASC')).getMany();
}
