import { createHash } from 'node:crypto';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { Actor, requirePermission, RequestContext } from '../../graphql/context';
import { isConfirmedParticipantViewer } from '../task/participant.policy';
import { Task } from '../task/task.entity';
import { Draw, DrawWitness } from './draw.entity';

export const hashInvite = (token: string) => createHash('sha256').update(token).digest('hex');

/** Draws are run by the task's own department, by people holding the draw permission. */
export async function assertOperator(ctx: RequestContext, draw: Draw): Promise<Actor> {
  const actor = requirePermission(ctx, Permission.RUN_DRAWS);
  const task = await ctx.ds.getRepository(Task).findOneByOrFail({ id: draw.taskId });
  // Outside the actor's scope a draw "does not exist"; inside it (a department above), it is not theirs to run.
  const visible = await ctx.visibleDepartmentIds();
  const seen = visible.includes(task.departmentId) || visible.includes(task.executingDepartmentId) || (task.joint && (await isConfirmedParticipantViewer(ctx, task.id)));
  if (!seen) throw notFound('摇号', draw.id);
  if (task.departmentId !== actor.departmentId) throw new DomainError(ErrorCode.FORBIDDEN);
  return actor;
}

/**
 * Who may watch a draw: its department and every department above it (supervisors), the department
 * it is delegated to, a confirmed participant of a joint task (and those above it), an invited
 * witness (logged in, or holding a valid invitation link).
 * Returns the witness record when the viewer is one.
 */
export async function assertViewer(ctx: RequestContext, draw: Draw, inviteToken?: string | null): Promise<DrawWitness | null> {
  if (inviteToken) return witnessByInvite(ctx, draw.id, inviteToken);
  if (!ctx.actor) throw new DomainError(ctx.authFailure ?? ErrorCode.UNAUTHENTICATED);
  const witness = await ctx.ds.getRepository(DrawWitness).findOneBy({ drawId: draw.id, userId: ctx.actor.userId });
  if (witness) return witness;
  const task = await ctx.ds.getRepository(Task).findOneByOrFail({ id: draw.taskId });
  const visible = await ctx.visibleDepartmentIds();
  if (draw.departmentPath.startsWith(ctx.actor.departmentPath) || visible.includes(task.executingDepartmentId)) return null;
  // A joint task's confirmed participants (and the departments above them) watch its draws too.
  if (task.joint && (await isConfirmedParticipantViewer(ctx, task.id))) return null;
  throw notFound('摇号', draw.id);
}

/** An invitation link is valid for its own draw, until it expires. */
export async function witnessByInvite(ctx: RequestContext, drawId: number, token: string): Promise<DrawWitness> {
  const witness = await ctx.ds.getRepository(DrawWitness).findOneBy({ inviteTokenHash: hashInvite(token) });
  if (!witness) throw new DomainError(ErrorCode.INVITE_INVALID);
  if (witness.drawId !== drawId) throw new DomainError(ErrorCode.INVITE_FOR_OTHER_DRAW);
  if (witness.inviteExpiresAt && witness.inviteExpiresAt.getTime() < Date.now()) throw new DomainError(ErrorCode.INVITE_EXPIRED, { expiredAt: witness.inviteExpiresAt.toISOString() });
  return witness;
}

export async function loadDraw(ctx: RequestContext, id: number): Promise<Draw> {
  const draw = await ctx.ds.getRepository(Draw).findOneBy({ id });
  if (!draw) throw notFound('摇号', id);
  return draw;
}
