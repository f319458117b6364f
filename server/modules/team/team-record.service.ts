import { In } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { RecordRound, TEAM_RECORD_PROTOCOL, TeamRecord, TeamRound } from '../../domain/team-record';
import { RequestContext } from '../../graphql/context';
import { Draw, DrawEvent } from '../draw/draw.entity';
import { assertViewer, loadDraw } from '../draw/draw.policy';
import { Visit, VisitStatus } from '../visit/visit.entity';
import { diagnoses, UnstaffedDiagnosis } from './draw-teams.command';
import { TeamDraw } from './team-draw.entity';
import { loadRounds } from './team-snapshot';
import { TEAM_DRAWN_STATUSES } from './team.policy';

/** Every change to a draw's teams after they were drawn, as its log keeps them. */
export const TEAM_CHANGE_EVENTS = ['TEAM_APPOINTED', 'MEMBER_CHANGE_REQUESTED', 'MEMBER_CHANGE_REJECTED', 'MEMBER_REPLACED', 'MEMBER_RECUSED', 'EXPERT_ADDED'];

/** A draw the actor may watch (as a witness, a department of the task or above, or the executing department). */
export async function viewableDraw(ctx: RequestContext, drawId: number, inviteToken?: string | null): Promise<Draw> {
  const draw = await loadDraw(ctx, drawId);
  await assertViewer(ctx, draw, inviteToken);
  return draw;
}

/**
 * The published team record of a draw (docs/team-draw.md): every team draw made from its seed, in
 * order, each with its stored snapshot, and every later change to its teams from the draw's log.
 * `npm run draw -- verify-teams` reproduces it.
 */
export async function buildTeamRecord(ctx: RequestContext, draw: Draw): Promise<TeamRecord & { changes: { seq: number; type: string; at: string; payload: unknown }[] }> {
  if (!TEAM_DRAWN_STATUSES.includes(draw.status) || !draw.seed) throw new DomainError(ErrorCode.DRAW_NOT_LOCKED, { drawId: draw.id });
  const teamDraws = await ctx.ds.getRepository(TeamDraw).find({ where: { drawId: draw.id }, order: { id: 'ASC' }, select: { id: true } });
  const rounds = await loadRounds(ctx.ds.manager, teamDraws.map((t) => t.id));
  const events = await ctx.ds.getRepository(DrawEvent).find({ where: { drawId: draw.id, type: In(TEAM_CHANGE_EVENTS) }, order: { seq: 'ASC' } });
  return {
    protocol: TEAM_RECORD_PROTOCOL, drawId: draw.id, seed: draw.seed,
    rounds: teamDraws.map((t) => rounds.get(t.id)).filter((r): r is RecordRound => !!r),
    changes: events.map((e) => ({ seq: e.seq, type: e.type, at: e.visibleAt.toISOString(), payload: JSON.parse(e.payload) })),
  };
}

/**
 * The draw's visits that are still unstaffed, each with the reason its last team draw gave and who
 * was excluded. Reads the stored rounds (the reasons as they were when the draw was made).
 */
export async function unstaffedVisits(ctx: RequestContext, draw: Draw, skip: number, take: number): Promise<{ items: (UnstaffedDiagnosis & { visit: Visit })[]; totalItems: number }> {
  const qb = ctx.ds.getRepository(Visit).createQueryBuilder('v')
    .where('v.status = :status AND v.teamDrawId IN (SELECT t.id FROM team_draw t WHERE t.drawId = :drawId)', { status: VisitStatus.UNSTAFFED, drawId: draw.id })
    .orderBy('v.id', 'ASC');
  const [visits, totalItems] = await qb.skip(skip).take(take).getManyAndCount();
  const rounds = await loadRounds(ctx.ds.manager, [...new Set(visits.map((v) => v.teamDrawId!))]);
  const byVisit = new Map<number, UnstaffedDiagnosis>();
  for (const round of rounds.values()) {
    if (round.kind === 'EXPERT') continue;
    const wanted = new Set(visits.filter((v) => v.teamDrawId === round.teamDrawId).map((v) => v.publicId));
    const slim: TeamRound = { ...round, result: { teams: [], unstaffed: round.result.unstaffed.filter((u) => wanted.has(u.target)) } };
    for (const d of diagnoses(slim, Infinity)) byVisit.set(d.visitId, d);
  }
  return { items: visits.filter((v) => byVisit.has(v.id)).map((v) => ({ ...byVisit.get(v.id)!, visit: v })), totalItems };
}
