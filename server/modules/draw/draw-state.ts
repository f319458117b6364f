import { DomainError, ErrorCode } from '../../common/errors';
import { DrawStatus } from './draw.entity';

/** The actions on a draw and the states each may start from (draw-v1's state machine). */
export enum DrawAction { OPEN = 'OPEN', INVITE = 'INVITE', JOIN = 'JOIN', CONTRIBUTE = 'CONTRIBUTE', REVEAL = 'REVEAL', LOCK = 'LOCK', ACKNOWLEDGE = 'ACKNOWLEDGE', VOID = 'VOID' }

const ALLOWED: Record<DrawAction, readonly DrawStatus[]> = {
  OPEN: [DrawStatus.SCHEDULED],
  INVITE: [DrawStatus.SCHEDULED, DrawStatus.OPEN],
  JOIN: [DrawStatus.SCHEDULED, DrawStatus.OPEN, DrawStatus.DRAWING, DrawStatus.COMPLETED],
  CONTRIBUTE: [DrawStatus.OPEN],
  REVEAL: [DrawStatus.OPEN],
  LOCK: [DrawStatus.COMPLETED],
  ACKNOWLEDGE: [DrawStatus.LOCKED, DrawStatus.ANNOUNCED],
  VOID: [DrawStatus.SCHEDULED, DrawStatus.OPEN, DrawStatus.DRAWING, DrawStatus.COMPLETED],
};

/** A stored COMPLETED draw whose paced reveal is still running shows as DRAWING until its last batch is out. */
export function effectiveStatus(draw: { status: DrawStatus; completedAt: Date | null }, now = new Date()): DrawStatus {
  if (draw.status === DrawStatus.COMPLETED && draw.completedAt && draw.completedAt.getTime() > now.getTime()) return DrawStatus.DRAWING;
  return draw.status;
}

export function assertAllowed(draw: { status: DrawStatus; completedAt: Date | null }, action: DrawAction, now = new Date()): void {
  const from = effectiveStatus(draw, now);
  if (!ALLOWED[action].includes(from)) {
    if (action === DrawAction.LOCK && from === DrawStatus.DRAWING) throw new DomainError(ErrorCode.DRAW_NOT_COMPLETE);
    throw new DomainError(ErrorCode.INVALID_STATE_TRANSITION, { from, action }, { from, action });
  }
}
