import { Field, InputType } from 'type-graphql';
import { Brackets } from 'typeorm';
import { regionPrefix } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { requireActor, RequestContext } from '../../graphql/context';
import { Draw, DrawStatus, SequenceCounter } from '../draw/draw.entity';
import { confirmedParticipantSql } from '../task/participant.policy';
import { requireKnownRegion } from './supervision-scope';

@InputType({ description: 'Which draws to list' })
export class DrawFilter {
  @Field(() => [DrawStatus], { nullable: true, description: 'As shown (a paced reveal still running is DRAWING)' }) statuses?: DrawStatus[] | null;
  @Field(() => String, { nullable: true, description: 'Draws of tasks whose department lies in this region or below it' }) regionCode?: string | null;
}

/** The hub-wide counter of draw events (draw-events.ts advances it in the transaction that stores the events, so its committed value follows commit order). */
const GLOBAL_SEQ = 'draw_event';

/**
 * A status as shown, as an SQL condition: a stored COMPLETED draw whose paced reveal is still
 * running is DRAWING until its last pick is out (draw-state.ts effectiveStatus).
 */
function statusSql(status: DrawStatus, param: string): string {
  if (status === DrawStatus.DRAWING) return `(d.status = '${DrawStatus.DRAWING}' OR (d.status = '${DrawStatus.COMPLETED}' AND d.completedAt > :${param}))`;
  if (status === DrawStatus.COMPLETED) return `(d.status = '${DrawStatus.COMPLETED}' AND (d.completedAt IS NULL OR d.completedAt <= :${param}))`;
  return `d.status = '${status}'`;
}

/**
 * The draws a user may watch (draw.policy.ts assertViewer, as a query): those of the user's
 * department and every department below it, of tasks delegated to one of them, of joint tasks in
 * which one of them is a confirmed participant, and those the user is a witness of. Newest first.
 * `globalSeq` is the last hub-wide event number committed before the list was read: a
 * jurisdictionDrawEvents subscription from it misses nothing the list does not show.
 */
export async function listDraws(ctx: RequestContext, filter: DrawFilter, page: PageInput): Promise<Paginated<Draw> & { globalSeq: number }> {
  const actor = requireActor(ctx);
  const counter = await ctx.ds.getRepository(SequenceCounter).findOneBy({ name: GLOBAL_SEQ });
  const visible = await ctx.visibleDepartmentIds();
  const visibleIds = visible.length ? visible : [-1];
  const qb = ctx.ds.getRepository(Draw).createQueryBuilder('d').innerJoin('task', 't', 't.id = d.taskId')
    .where(new Brackets((w) => w
      .where('d.departmentPath LIKE :prefix', { prefix: `${actor.departmentPath}%` })
      .orWhere('t.executingDepartmentId IN (:...visibleIds)', { visibleIds })
      .orWhere(confirmedParticipantSql('t.id', 'visibleIds'))
      .orWhere('EXISTS (SELECT 1 FROM draw_witness w WHERE w.drawId = d.id AND w.userId = :userId)', { userId: actor.userId })));
  if (filter.statuses?.length) {
    qb.andWhere(new Brackets((w) => { for (const status of filter.statuses!) w.orWhere(statusSql(status, 'now')); }), { now: new Date() });
  }
  if (filter.regionCode) {
    const region = await requireKnownRegion(ctx, filter.regionCode);
    qb.innerJoin('department', 'dep', 'dep.id = t.departmentId').andWhere('dep.regionCode LIKE :region', { region: `${regionPrefix(region.code)}%` });
  }
  qb.orderBy('d.scheduledAt', 'DESC').addOrderBy('d.id', 'DESC').offset(page.skip).limit(page.take);
  const [items, totalItems] = await qb.getManyAndCount();
  return { items, totalItems, globalSeq: counter?.value ?? 0 };
}
