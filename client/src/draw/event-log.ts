import { addBatch, NO_PICKS, PickBatches } from './pick-batches';

/**
 * A draw room's state, built only from the draw's event log (`drawEvents`): every event is applied
 * exactly once and in seq order, whatever the connection does. Events at or below the last applied seq
 * are repeats (a resumed subscription) and are dropped; an event that arrives ahead of a missing one is
 * held until the gap is filled (`hasGap` tells the connection to resume from `lastSeq`).
 */
export interface LiveEvent {
  seq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

export type DrawPhase = 'WAITING' | 'SCHEDULED' | 'OPEN' | 'DRAWING' | 'COMPLETED' | 'LOCKED' | 'ANNOUNCED' | 'VOIDED';

export interface SegmentInfo {
  label: string;
  poolSize: number;
  poolDigest: string;
  count: number;
  excludedCount: number;
}

export interface Schedule {
  taskName: string;
  commitment: string;
  entropyClosesAt: string;
  beaconSource: string;
  segments: SegmentInfo[];
  scheduledAt: string;
}

export interface Witness {
  id: string;
  displayName: string;
  organisation: string;
  joined: boolean;
  acknowledged: boolean;
}

export interface Contribution {
  ordinal: number;
  text: string;
  digest: string;
  witness: string;
  acceptedAt: string;
}

export interface Reveal {
  seq: number;
  at: string;
  secretHex: string;
  beacon: string;
  seed: string;
}

export interface TeamDrawSummary {
  teamDrawId: string;
  kind: string;
  label: string;
  visits: number;
  staffed: number;
  unstaffed: number;
  unstaffedByReason: Record<string, number>;
  at: string;
}

export interface RoomState {
  lastSeq: number;
  /** Events received ahead of a missing seq, sorted by seq. */
  held: LiveEvent[];
  phase: DrawPhase;
  schedule: Schedule | null;
  openedAt: string | null;
  witnesses: Witness[];
  entropy: Contribution[];
  reveal: Reveal | null;
  picks: PickBatches;
  completed: { at: string; picks: number } | null;
  locked: { at: string; by: string } | null;
  visitsFormed: number | null;
  announcedAt: string | null;
  voided: { at: string; by: string; reason: string } | null;
  teamDraws: TeamDrawSummary[];
  appointments: number;
}

export const initialRoom: RoomState = {
  lastSeq: 0, held: [], phase: 'WAITING', schedule: null, openedAt: null, witnesses: [], entropy: [], reveal: null, picks: NO_PICKS,
  completed: null, locked: null, visitsFormed: null, announcedAt: null, voided: null, teamDraws: [], appointments: 0,
};

const str = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);

function upsertWitness(witnesses: Witness[], payload: Record<string, unknown>, change: Partial<Witness>): Witness[] {
  const id = str(payload.witnessId);
  const known = witnesses.find((w) => w.id === id);
  if (known) return witnesses.map((w) => (w.id === id ? { ...w, ...change } : w));
  const fresh: Witness = { id, displayName: str(payload.displayName), organisation: str(payload.organisation), joined: false, acknowledged: false, ...change };
  return [...witnesses, fresh];
}

/** One event's effect on the room (events it does not know change nothing but the seq). */
function apply(state: RoomState, event: LiveEvent): RoomState {
  const p = event.payload;
  switch (event.type) {
    case 'SCHEDULED':
      return {
        ...state,
        phase: 'SCHEDULED',
        schedule: {
          taskName: str(p.taskName), commitment: str(p.commitment), entropyClosesAt: str(p.entropyClosesAt), beaconSource: str(p.beaconSource), scheduledAt: event.at,
          segments: list(p.segments).map((s) => ({ label: str(s.label), poolSize: num(s.poolSize), poolDigest: str(s.poolDigest), count: num(s.count), excludedCount: num(s.excludedCount) })),
        },
      };
    case 'OPENED':
      return { ...state, phase: 'OPEN', openedAt: str(p.openedAt) || event.at };
    case 'WITNESS_INVITED':
      return { ...state, witnesses: upsertWitness(state.witnesses, p, {}) };
    case 'WITNESS_JOINED':
      return { ...state, witnesses: upsertWitness(state.witnesses, p, { joined: true }) };
    case 'ACKNOWLEDGED':
      return { ...state, witnesses: upsertWitness(state.witnesses, p, { joined: true, acknowledged: true }) };
    case 'ENTROPY_ACCEPTED':
      return { ...state, entropy: [...state.entropy, { ordinal: num(p.ordinal), text: str(p.text), digest: str(p.digest), witness: str(p.witness), acceptedAt: str(p.acceptedAt) || event.at }] };
    case 'REVEALED':
      return { ...state, phase: 'DRAWING', reveal: { seq: event.seq, at: event.at, secretHex: str(p.secretHex), beacon: str(p.beacon), seed: str(p.seed) } };
    case 'PICKS':
      return { ...state, picks: addBatch(state.picks, num(p.segment), num(p.fromOrdinal), list(p.picks).map((x) => ({ id: str(x.id), name: str(x.name) }))) };
    case 'COMPLETED':
      return { ...state, phase: 'COMPLETED', completed: { at: str(p.completedAt) || event.at, picks: num(p.picks) } };
    case 'LOCKED':
      return { ...state, phase: 'LOCKED', locked: { at: str(p.lockedAt) || event.at, by: str(p.by) } };
    case 'VISITS_FORMED':
      return { ...state, visitsFormed: num(p.visits) };
    case 'ANNOUNCED':
      return { ...state, phase: 'ANNOUNCED', announcedAt: str(p.announcedAt) || event.at };
    case 'VOIDED':
      return { ...state, phase: 'VOIDED', voided: { at: str(p.voidedAt) || event.at, by: str(p.by), reason: str(p.reason) } };
    case 'TEAMS_DRAWN': {
      const reasons = (p.unstaffedByReason && typeof p.unstaffedByReason === 'object' ? p.unstaffedByReason : {}) as Record<string, unknown>;
      const summary: TeamDrawSummary = {
        teamDrawId: str(p.teamDrawId), kind: str(p.kind), label: str(p.label), visits: num(p.visits), staffed: num(p.staffed), unstaffed: num(p.unstaffed),
        unstaffedByReason: Object.fromEntries(Object.entries(reasons).map(([reason, n]) => [reason, num(n)])), at: event.at,
      };
      return { ...state, teamDraws: [...state.teamDraws, summary] };
    }
    case 'TEAM_APPOINTED':
      return { ...state, appointments: state.appointments + 1 };
    default:
      return state;
  }
}

/** Applies what arrived: repeats dropped, the rest in seq order, held back behind a gap until it is filled. */
export function receiveEvents(state: RoomState, arrived: readonly LiveEvent[]): RoomState {
  const waiting = new Map<number, LiveEvent>(state.held.map((e) => [e.seq, e]));
  const before = waiting.size;
  for (const event of arrived) if (event.seq > state.lastSeq && !waiting.has(event.seq)) waiting.set(event.seq, event);
  // Nothing new: the same state, so a repeat costs no render.
  if (waiting.size === before) return state;
  let next = state;
  let seq = state.lastSeq;
  for (let event = waiting.get(seq + 1); event; event = waiting.get(seq + 1)) {
    next = apply(next, event);
    seq = event.seq;
    waiting.delete(seq);
  }
  return { ...next, lastSeq: seq, held: [...waiting.values()].sort((a, b) => a.seq - b.seq) };
}

/** Whether an event is missing: later ones arrived without it, so the connection should resume from `lastSeq`. */
export const hasGap = (state: RoomState): boolean => state.held.length > 0;

/** The draw is complete and its record can be checked (a draw voided after completion keeps its record). */
export const isComplete = (state: RoomState): boolean => state.completed !== null;
