import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { countFromRatio, exclusionReasonText } from '../../domain/eligibility';
import { commitment, poolDigest } from '../../domain/draw-v1';
import { nodeSha256 } from '../../domain/draw-v1-node';
import { ItemKind } from '../../domain/vocabulary';
import { requirePermission, RequestContext } from '../../graphql/context';
import { InspectionItem, InspectionItemVersion } from '../catalog/inspection-item.entity';
import { formPools, SegmentPool } from '../task/pool-builder';
import { Task, TaskItem } from '../task/task.entity';
import { Department } from '../org/department.entity';
import { canSeeTask, participantsOf } from '../task/participant.policy';
import { lockTask } from '../task/joint-task.service';
import { announceCommitted, appendEvents } from './draw-events';
import { Draw, DrawSegment, DrawStatus } from './draw.entity';
import { packPool, storeChunks } from './pool-snapshot';
import { WriteBehind } from '../../db/write-behind';

export interface ScheduleOptions { entropyClosesAt: Date; beaconSource: string; paceMs: number; batchSize: number }

/** GENERAL items keep their cap (Art. 8); the strictest one of the task's items applies. KEY items have none. */
async function ratioCap(ctx: RequestContext, task: Task): Promise<{ cap: number; item: string } | null> {
  const taskItems = await ctx.ds.getRepository(TaskItem).findBy({ taskId: task.id });
  if (!taskItems.length) return null;
  const versions = await ctx.ds.getRepository(InspectionItemVersion).find({ where: taskItems.map((t) => ({ itemId: t.itemId, version: t.itemVersion })) });
  const capped = versions.filter((v) => v.kind === ItemKind.GENERAL && v.ratioMaxPercent != null).sort((a, b) => a.ratioMaxPercent! - b.ratioMaxPercent!);
  if (!capped.length) return null;
  const item = await ctx.ds.getRepository(InspectionItem).findOneByOrFail({ id: capped[0].itemId });
  return { cap: capped[0].ratioMaxPercent!, item: `${item.code} ${capped[0].name}` };
}

/** Who takes part in a joint task, as "departmentId:status" pairs (empty for a task of one department). */
async function participantsKey(db: DataSource | EntityManager, task: Task): Promise<string> {
  if (!task.joint) return '';
  return (await participantsOf(db, task.id)).map((p) => `${p.departmentId}:${p.status}`).join(',');
}

/**
 * The pools were formed outside the transaction from the participants of that moment. Participant
 * changes lock the task row and are refused once a draw exists; locking it here too means either the
 * change came first (and is seen here) or this draw did (and the change is refused).
 */
async function assertParticipantsUnchanged(em: EntityManager, task: Task, before: string): Promise<void> {
  if (!task.joint) return;
  await lockTask(em, task.id);
  if ((await participantsKey(em, task)) !== before) {
    throw new DomainError(ErrorCode.CONFLICT, { reason: '联合抽查的参与部门在摇号编排期间发生变化，请重新编排 (the participants of the joint task changed while the draw was being scheduled; schedule it again)' });
  }
}

/** Each segment's count by the published counting rule, refused before anything is written if a rule is broken. */
function countsFor(pools: SegmentPool[], cap: { cap: number; item: string } | null): number[] {
  return pools.map((pool) => {
    const poolSize = pool.entries.length;
    const label = pool.label;
    if (poolSize === 0) throw new DomainError(ErrorCode.EMPTY_POOL, { label });
    const count = pool.segment.fixedCount ?? countFromRatio(poolSize, pool.segment.ratioPercent!);
    if (count > poolSize) throw new DomainError(ErrorCode.COUNT_ABOVE_POOL, { label, count, poolSize });
    if (cap && count > countFromRatio(poolSize, cap.cap)) throw new DomainError(ErrorCode.RATIO_OVER_CAP, { label, count, poolSize, cap: cap.cap, item: cap.item });
    return count;
  });
}

/**
 * Schedules a draw of a task: forms the pools by the published rules, fixes the counts, generates the
 * secret (kept on the server) and publishes its commitment with every segment's label, pool digest,
 * size and count. From here on these cannot change; a change means voiding and scheduling anew.
 */
export async function scheduleDraw(ctx: RequestContext, taskId: number, options: ScheduleOptions): Promise<Draw> {
  const actor = requirePermission(ctx, Permission.RUN_DRAWS);
  const task = await ctx.ds.getRepository(Task).findOneBy({ id: taskId });
  // A participant of a joint task sees the task but may not schedule its draws: FORBIDDEN below, not NOT_FOUND.
  if (!task || !(await canSeeTask(ctx, task))) throw notFound('抽查任务', taskId);
  if (task.departmentId !== actor.departmentId) throw new DomainError(ErrorCode.FORBIDDEN);
  if (options.entropyClosesAt.getTime() <= Date.now()) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '见证随机数截止时间须晚于现在 (the entropy window must close in the future)' });
  if (!(options.paceMs >= 0 && options.paceMs <= 60000) || !(options.batchSize >= 1 && options.batchSize <= 400)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '揭晓节奏 0–60000 毫秒，每批 1–400 户 (pace 0–60000 ms, batches of 1–400)' });
  }
  const participants = await participantsKey(ctx.ds, task);
  const pools = await formPools(ctx.ds, task);
  const counts = countsFor(pools, await ratioCap(ctx, task));
  const secretHex = randomBytes(32).toString('hex');
  const department = await ctx.ds.getRepository(Department).findOneByOrFail({ id: task.departmentId });
  const { draw, events } = await ctx.transaction(async (em) => {
    const draw = em.getRepository(Draw).create({
      taskId, departmentPath: department.path, status: DrawStatus.SCHEDULED, secretHex, commitment: commitment(secretHex, nodeSha256),
      beaconSource: options.beaconSource.trim(), beacon: null, entropyClosesAt: options.entropyClosesAt, seed: null, paceMs: options.paceMs,
      batchSize: options.batchSize, lastSeq: 0, scheduledAt: new Date(), scheduledById: actor.userId, openedAt: null, revealedAt: null, completedAt: null,
      lockedAt: null, lockedById: null, voidedAt: null, voidedById: null, voidReason: null,
    });
    await assertParticipantsUnchanged(em, task, participants);
    await em.getRepository(Draw).insert(draw);
    // A segment's digest and compressed snapshot are computed while the previous one is being written.
    const writes = new WriteBehind();
    const segments = [];
    for (const [i, pool] of pools.entries()) {
      segments.push({
        position: pool.position, label: pool.label, poolSize: pool.entries.length, count: counts[i], excludedCount: pool.excluded.length,
        poolDigest: poolDigest(pool.entries.map((e) => e.publicId), nodeSha256),
      });
      const chunks = packPool(draw.id, pool.position, pool.entries, pool.excluded);
      await writes.queue(() => storeChunks(em, chunks));
    }
    await writes.flush();
    await em.getRepository(DrawSegment).insert(segments.map((s) => ({ ...s, drawId: draw.id, segmentSeed: null })));
    const events = await appendEvents(em, draw, [{
      type: 'SCHEDULED',
      payload: {
        taskId, taskName: task.name, commitment: draw.commitment, entropyClosesAt: draw.entropyClosesAt.toISOString(), beaconSource: draw.beaconSource,
        segments: segments.map((s) => ({ label: s.label, poolSize: s.poolSize, poolDigest: s.poolDigest, count: s.count, excludedCount: s.excludedCount })),
        exclusionReasons: exclusionReasonText,
      },
    }]);
    return { draw, events };
  });
  announceCommitted(ctx.pubSub, events);
  return draw;
}
