import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { inTransaction } from '../../db/transaction';
import { drawSeed, entropyDigest, MAX_ENTROPY_CODE_POINTS, pickIndexSequence, segmentSeed } from '../../domain/draw-v1';
import { nodeSha256, nodeWordStream } from '../../domain/draw-v1-node';
import { bulkInsert } from '../../db/bulk';
import { WriteBehind } from '../../db/write-behind';
import { forUpdate } from '../../db/row-lock';
import { RequestContext } from '../../graphql/context';
import { User } from '../org/user.entity';
import { Task } from '../task/task.entity';
import { announceCommitted, appendEvents, NewEvent } from './draw-events';
import { formVisits } from '../visit/form-visits.command';
import { Draw, DrawEntropy, DrawPick, DrawSegment, DrawStatus, DrawWitness } from './draw.entity';
import { assertOperator, assertViewer, hashInvite, loadDraw, witnessByInvite } from './draw.policy';
import { assertAllowed, DrawAction, effectiveStatus } from './draw-state';
import { loadSegmentPool } from './pool-snapshot';

/** Reads the draw again inside the transaction, holding its row so concurrent actions queue up (SQLite queues whole transactions). */
async function lockRow(em: EntityManager, id: number): Promise<Draw> {
  return forUpdate(em.getRepository(Draw).createQueryBuilder('d').where('d.id = :id', { id })).getOneOrFail();
}

/** One draw action: state checked on the locked row, changes and events in one transaction, subscribers woken after commit. */
async function act<T>(ctx: RequestContext, drawId: number, action: DrawAction, work: (em: EntityManager, draw: Draw) => Promise<{ result: T; events: NewEvent[] }>): Promise<T> {
  const { result, stored } = await inTransaction(ctx.ds, async (em) => {
    const draw = await lockRow(em, drawId);
    assertAllowed(draw, action);
    const { result, events } = await work(em, draw);
    return { result, stored: await appendEvents(em, draw, events) };
  });
  announceCommitted(ctx.pubSub, stored);
  return result;
}

export async function openDraw(ctx: RequestContext, drawId: number): Promise<Draw> {
  const draw = await loadDraw(ctx, drawId);
  await assertOperator(ctx, draw);
  return act(ctx, drawId, DrawAction.OPEN, async (em, locked) => {
    const openedAt = new Date();
    await em.getRepository(Draw).update({ id: drawId }, { status: DrawStatus.OPEN, openedAt });
    return { result: { ...locked, status: DrawStatus.OPEN, openedAt }, events: [{ type: 'OPENED', payload: { openedAt: openedAt.toISOString(), entropyClosesAt: locked.entropyClosesAt.toISOString() } }] };
  });
}

export interface InviteInput { displayName: string; organisation: string; userId?: number | null; validHours: number }

/** Invites a witness: a user of the hub, or anyone holding the returned link (shown once, stored only as a hash). */
export async function inviteWitness(ctx: RequestContext, drawId: number, input: InviteInput): Promise<{ witness: DrawWitness; inviteToken: string | null }> {
  const draw = await loadDraw(ctx, drawId);
  const actor = await assertOperator(ctx, draw);
  if (!input.displayName.trim() || input.displayName.length > 100 || input.organisation.length > 100) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '请填写见证人姓名与单位（各100字以内） (name and organisation, at most 100 characters each)' });
  if (!(input.validHours > 0 && input.validHours <= 24 * 14)) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '邀请有效期为1小时至14天 (an invitation is valid 1 hour to 14 days)' });
  if (input.userId && !(await ctx.ds.getRepository(User).findOneBy({ id: input.userId }))) throw new DomainError(ErrorCode.NOT_FOUND, { what: '用户', id: String(input.userId) });
  const inviteToken = input.userId ? null : randomBytes(24).toString('base64url');
  return act(ctx, drawId, DrawAction.INVITE, async (em) => {
    const witness = em.getRepository(DrawWitness).create({
      drawId, userId: input.userId ?? null, displayName: input.displayName.trim(), organisation: input.organisation.trim(),
      inviteTokenHash: inviteToken ? hashInvite(inviteToken) : null, inviteExpiresAt: inviteToken ? new Date(Date.now() + input.validHours * 3600_000) : null,
      invitedAt: new Date(), invitedById: actor.userId, joinedAt: null, acknowledgedAt: null,
    });
    await em.getRepository(DrawWitness).insert(witness);
    return { result: { witness, inviteToken }, events: [{ type: 'WITNESS_INVITED', payload: { witnessId: witness.id, displayName: witness.displayName, organisation: witness.organisation } }] };
  });
}

async function witnessOf(ctx: RequestContext, draw: Draw, inviteToken?: string | null): Promise<DrawWitness> {
  const witness = inviteToken ? await witnessByInvite(ctx, draw.id, inviteToken) : await assertViewer(ctx, draw);
  if (!witness) throw new DomainError(ErrorCode.FORBIDDEN);
  return witness;
}

/** A witness arrives in the draw room; everyone sees who is present. */
export async function joinDraw(ctx: RequestContext, drawId: number, inviteToken?: string | null): Promise<DrawWitness> {
  const witness = await witnessOf(ctx, await loadDraw(ctx, drawId), inviteToken);
  if (witness.joinedAt) return witness;
  return act(ctx, drawId, DrawAction.JOIN, async (em) => {
    const joinedAt = new Date();
    await em.getRepository(DrawWitness).update({ id: witness.id }, { joinedAt });
    return { result: { ...witness, joinedAt }, events: [{ type: 'WITNESS_JOINED', payload: { witnessId: witness.id, displayName: witness.displayName, organisation: witness.organisation } }] };
  });
}

/** A witness's entropy, accepted only while the draw is open and before the published closing time; broadcast with its digest. */
export async function contributeEntropy(ctx: RequestContext, drawId: number, text: string, inviteToken?: string | null): Promise<DrawEntropy> {
  const draw = await loadDraw(ctx, drawId);
  const witness = await witnessOf(ctx, draw, inviteToken);
  const length = [...text].length;
  if (!text.trim()) throw new DomainError(ErrorCode.INVALID_ENTROPY, { reasonZh: '内容不能为空', reasonEn: 'it is empty' });
  if (length > MAX_ENTROPY_CODE_POINTS) throw new DomainError(ErrorCode.INVALID_ENTROPY, { reasonZh: `不能超过${MAX_ENTROPY_CODE_POINTS}个字符（现为${length}个）`, reasonEn: `at most ${MAX_ENTROPY_CODE_POINTS} characters, got ${length}` });
  return act(ctx, drawId, DrawAction.CONTRIBUTE, async (em, locked) => {
    const acceptedAt = new Date();
    if (acceptedAt.getTime() >= locked.entropyClosesAt.getTime()) throw new DomainError(ErrorCode.ENTROPY_WINDOW_CLOSED, { closedAt: locked.entropyClosesAt.toISOString() });
    const ordinal = await em.getRepository(DrawEntropy).count({ where: { drawId } });
    const entropy = em.getRepository(DrawEntropy).create({ drawId, ordinal, text, digest: entropyDigest(text, nodeSha256), witnessId: witness.id, acceptedAt });
    await em.getRepository(DrawEntropy).insert(entropy);
    return { result: entropy, events: [{ type: 'ENTROPY_ACCEPTED', payload: { ordinal, text, digest: entropy.digest, witness: witness.displayName, acceptedAt: acceptedAt.toISOString() } }] };
  });
}

/**
 * The draw itself: reveals the secret, computes the seed from the secret, the witnesses' entropy and
 * the beacon, and every segment's picks exactly as draw-v1 says; stores the picks and the events
 * that reveal them (batch by batch at the draw's pace). One transaction: a second "draw" press finds
 * the draw no longer open; a crash before commit leaves it open, to be drawn again with the same result.
 */
export async function revealDraw(ctx: RequestContext, drawId: number, beacon?: string | null): Promise<Draw> {
  const draw = await loadDraw(ctx, drawId);
  await assertOperator(ctx, draw);
  assertAllowed(draw, DrawAction.REVEAL);
  if (Date.now() < draw.entropyClosesAt.getTime()) throw new DomainError(ErrorCode.ENTROPY_WINDOW_NOT_CLOSED, { closesAt: draw.entropyClosesAt.toISOString() });
  if (draw.beaconSource && !beacon?.trim()) throw new DomainError(ErrorCode.BEACON_REQUIRED, { source: draw.beaconSource });
  if (beacon && beacon.length > 256) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '公开随机源数值不能超过256个字符 (beacon value: at most 256 characters)' });
  const beaconValue = draw.beaconSource ? beacon!.trim() : '';
  return act(ctx, drawId, DrawAction.REVEAL, async (em, locked) => {
    const segments = await em.getRepository(DrawSegment).find({ where: { drawId }, order: { position: 'ASC' } });
    // The snapshot never changes once scheduled, so the pools are read on another connection, outside
    // this transaction, one segment ahead: while the database stores a segment's picks, this process
    // reads the next pool and computes its picks. (Reading them all at once would keep the event loop
    // too busy to feed the first write.)
    const poolOf = (i: number) => {
      const read = loadSegmentPool(ctx.ds.manager, drawId, segments[i].position);
      read.catch(() => undefined); // awaited in the loop below
      return read;
    };
    let nextPool = segments.length ? poolOf(0) : null;
    const entropy = await em.getRepository(DrawEntropy).find({ where: { drawId }, order: { ordinal: 'ASC' } });
    // draw-v1 steps 4–10 over the stored snapshot: the seed from the published digests and counts,
    // then each segment's picks as positions in its canonical pool.
    const seed = drawSeed({ secretHex: locked.secretHex, entropyDigests: entropy.map((e) => e.digest), beacon: beaconValue, segments }, nodeSha256);
    const revealedAt = new Date();
    // Picks count towards the task's year: the year whose "twice a year" the pools are formed by.
    const { year } = await em.getRepository(Task).findOneOrFail({ where: { id: locked.taskId }, select: { id: true, year: true } });
    // Each segment's picks are written while the next segment's are computed.
    const writes = new WriteBehind();
    const bySegment: { segment: DrawSegment; segmentSeed: string; picks: DrawPick[] }[] = [];
    for (const [i, segment] of segments.entries()) {
      const pool = await nextPool!;
      nextPool = i + 1 < segments.length ? poolOf(i + 1) : null;
      const seedOfSegment = segmentSeed(seed, segment.label, nodeSha256);
      const picks: DrawPick[] = [];
      for (const index of pickIndexSequence(pool.size, segment.count, nodeWordStream(seedOfSegment))) {
        const { publicId, targetId } = pool.entry(index);
        picks.push(Object.assign(new DrawPick(), { drawId, segmentPosition: segment.position, ordinal: picks.length, publicId, targetId, year }));
      }
      bySegment.push({ segment, segmentSeed: seedOfSegment, picks });
      await writes.queue(() => bulkInsert(em, DrawPick, ['drawId', 'segmentPosition', 'ordinal', 'publicId', 'targetId', 'year'], picks));
    }
    await writes.flush();
    const result = { seed, segments: bySegment.map((s) => ({ label: s.segment.label, segmentSeed: s.segmentSeed })) };
    const batches: NewEvent[] = [];
    for (const { segment, segmentSeed: seedOfSegment, picks } of bySegment) {
      for (let from = 0; from < picks.length; from += locked.batchSize) {
        const slice = picks.slice(from, from + locked.batchSize);
        // Names are added when the event is read (draw-event-reader): looking up tens of thousands of
        // targets would cost more than the draw, and the stored picks already say who was drawn.
        batches.push({ type: 'PICKS', visibleAt: new Date(revealedAt.getTime() + batches.length * locked.paceMs), payload: { label: segment.label, segment: segment.position, segmentSeed: seedOfSegment, fromOrdinal: from, picks: slice.map((p) => ({ id: p.publicId })) } });
      }
    }
    const completedAt = new Date(revealedAt.getTime() + Math.max(0, batches.length - 1) * locked.paceMs);
    await em.getRepository(Draw).update({ id: drawId }, { status: DrawStatus.COMPLETED, seed: result.seed, beacon: beaconValue, revealedAt, completedAt });
    for (const [i, segment] of segments.entries()) await em.getRepository(DrawSegment).update({ id: segment.id }, { segmentSeed: result.segments[i].segmentSeed });
    const events: NewEvent[] = [
      { type: 'REVEALED', visibleAt: revealedAt, payload: { secretHex: locked.secretHex, beacon: beaconValue, seed: result.seed, entropy: entropy.map((e) => ({ ordinal: e.ordinal, digest: e.digest })), segments: result.segments.map((s) => ({ label: s.label, segmentSeed: s.segmentSeed })) } },
      ...batches,
      { type: 'COMPLETED', visibleAt: completedAt, payload: { completedAt: completedAt.toISOString(), picks: bySegment.reduce((n, s) => n + s.picks.length, 0) } },
    ];
    return { result: { ...locked, status: DrawStatus.COMPLETED, seed: result.seed, beacon: beaconValue, revealedAt, completedAt }, events };
  });
}

/** The operator confirms the result (locked), which publishes the task announcement (announced). */
export async function lockDraw(ctx: RequestContext, drawId: number): Promise<Draw> {
  const draw = await loadDraw(ctx, drawId);
  const actor = await assertOperator(ctx, draw);
  return act(ctx, drawId, DrawAction.LOCK, async (em, locked) => {
    const lockedAt = new Date();
    await em.getRepository(Draw).update({ id: drawId }, { status: DrawStatus.ANNOUNCED, lockedAt, lockedById: actor.userId });
    const witnesses = await em.getRepository(DrawWitness).count({ where: { drawId } });
    return {
      result: { ...locked, status: DrawStatus.ANNOUNCED, lockedAt, lockedById: actor.userId },
      events: [{ type: 'LOCKED', payload: { lockedAt: lockedAt.toISOString(), by: actor.username, witnesses } }, await formVisits(em, locked, lockedAt), { type: 'ANNOUNCED', payload: { announcedAt: lockedAt.toISOString() } }],
    };
  });
}

/** A witness present at the draw acknowledges the locked result. */
export async function acknowledgeDraw(ctx: RequestContext, drawId: number, inviteToken?: string | null): Promise<DrawWitness> {
  const witness = await witnessOf(ctx, await loadDraw(ctx, drawId), inviteToken);
  if (witness.acknowledgedAt) return witness;
  return act(ctx, drawId, DrawAction.ACKNOWLEDGE, async (em) => {
    const acknowledgedAt = new Date();
    await em.getRepository(DrawWitness).update({ id: witness.id }, { acknowledgedAt, joinedAt: witness.joinedAt ?? acknowledgedAt });
    return { result: { ...witness, acknowledgedAt }, events: [{ type: 'ACKNOWLEDGED', payload: { witnessId: witness.id, displayName: witness.displayName } }] };
  });
}

/**
 * Voids a draw before it is locked, with a reason. It stays visible forever; its secret is published
 * with the void so anyone can see what the discarded draw would have picked.
 */
export async function voidDraw(ctx: RequestContext, drawId: number, reason: string): Promise<Draw> {
  const draw = await loadDraw(ctx, drawId);
  const actor = await assertOperator(ctx, draw);
  if (!reason.trim() || reason.length > 500) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '作废须说明理由（500字以内） (a reason of at most 500 characters is required)' });
  return act(ctx, drawId, DrawAction.VOID, async (em, locked) => {
    const voidedAt = new Date();
    await em.getRepository(Draw).update({ id: drawId }, { status: DrawStatus.VOIDED, voidedAt, voidedById: actor.userId, voidReason: reason.trim() });
    return {
      result: { ...locked, status: DrawStatus.VOIDED, voidedAt, voidedById: actor.userId, voidReason: reason.trim() },
      events: [{ type: 'VOIDED', payload: { voidedAt: voidedAt.toISOString(), by: actor.username, reason: reason.trim(), secretHex: locked.secretHex, from: effectiveStatus(locked) } }],
    };
  });
}
