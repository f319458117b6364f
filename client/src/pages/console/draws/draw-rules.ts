/**
 * What the operator may do with a draw in each state (draw-v1's state machine, server/modules/draw/draw-state.ts),
 * and the entropy window as the form shows it. Pure: the components pass the clock in.
 */
export interface DrawState {
  status: string;
  entropyClosesAt: string;
}

export interface DrawActionsAllowed {
  open: boolean;
  invite: boolean;
  /** Open, but the reveal must wait for the entropy window to close. */
  revealWaitMs: number;
  reveal: boolean;
  lock: boolean;
  void: boolean;
}

export function allowedActions(draw: DrawState, now: number): DrawActionsAllowed {
  const { status } = draw;
  const revealWaitMs = status === 'OPEN' ? Math.max(0, Date.parse(draw.entropyClosesAt) - now) : 0;
  return {
    open: status === 'SCHEDULED',
    invite: status === 'SCHEDULED' || status === 'OPEN',
    revealWaitMs,
    reveal: status === 'OPEN' && revealWaitMs === 0,
    lock: status === 'COMPLETED',
    void: status === 'SCHEDULED' || status === 'OPEN' || status === 'DRAWING' || status === 'COMPLETED',
  };
}

/** The next state changes come from the server (pace, completion): a stream event means "read the draw again". */
export const isFinal = (status: string): boolean => status === 'LOCKED' || status === 'ANNOUNCED' || status === 'VOIDED';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (browser time, to the second). */
export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export const defaultEntropyClose = (now: Date, minutes = 10): string => localInputValue(new Date(now.getTime() + minutes * 60_000));

/** The `datetime-local` value as an instant; null when it is not a date. */
export function entropyCloseInstant(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** 125000 ms → "2:05"; hours when longer ("1:02:05"). */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The absolute invitation link a witness opens (the hub returns the path). */
export const inviteLink = (origin: string, invitePath: string): string => new URL(invitePath, origin).toString();
