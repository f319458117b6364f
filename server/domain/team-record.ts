import { isValidId, LABEL_PATTERN, pickIndexSequence, segmentSeedText, Sha256Sync, toHex, utf8, wordStream } from './draw-v1';
import { MatchCandidate, MatchGroup, MatchInput, MatchResult, MatchTarget, verifyTeams } from './team-matching';

/**
 * The published team record of a draw (docs/team-draw.md, "The team record"): every seeded draw of
 * inspectors or experts made from the draw's seed, each with everything needed to reproduce it —
 * the candidates in canonical order with their capacities, specialties and departments, who was
 * ineligible for which target and why, each target's groups, the team size, the seed and the label —
 * and its result. Pure: the server builds it from stored snapshots, `draw verify-teams` checks it.
 *
 * Ineligibility is written factored, as it arises (the full per-target lists would repeat the same
 * expired certificates 50,000 times): candidate c may serve on target t unless c is listed
 * - in `windows[t.window].ineligible` (inactive, certificate not valid for the window, workload full),
 * - in `townships[t.township]` (the department's "not the target's own township" rule), or
 * - in `t.ineligible` (a declared conflict, already on the team, …).
 */
export const TEAM_RECORD_PROTOCOL = 'team-draw-v1';

export type TeamRoundKind = 'TEAMS' | 'CROSS_REGION' | 'REPLACEMENT';

/** [candidate id, reason code] */
export type Ineligible = [string, string];

export interface RecordCandidate extends MatchCandidate {
  certificateNumber: string;
  name: string;
}

export interface RecordWindow {
  start: string;
  end: string;
  ineligible: Ineligible[];
}

export interface RecordTarget {
  /** The target's public id (as drawn). */
  id: string;
  visitId: number;
  /** Index into `windows`. */
  window: number;
  /** Key into `townships` (the target's township) when the township rule applies, else null. */
  township: string | null;
  groups: MatchGroup[];
  ineligible: Ineligible[];
}

export interface TeamRound {
  teamDrawId: number;
  kind: TeamRoundKind;
  label: string;
  seed: string;
  teamSize: number;
  drawnAt: string;
  drawnBy: string;
  departmentId: number;
  policy: { teamSize: number; requireSpecialtyCoverage: boolean; recuseSameTownship: boolean; workloadLimit: number };
  /** Departments whose inspectors were candidates (for cross-region draws: home first, then the neighbours). */
  candidateDepartmentIds: number[];
  candidates: RecordCandidate[];
  windows: RecordWindow[];
  townships: Record<string, string[]>;
  /** In priority order (draw order of the picks). */
  targets: RecordTarget[];
  result: MatchResult;
  /** REPLACEMENT: the change it carried out and the inspector replaced. */
  memberChangeId?: number;
  replaced?: string;
}

export interface ExpertRound {
  teamDrawId: number;
  kind: 'EXPERT';
  label: string;
  seed: string;
  drawnAt: string;
  drawnBy: string;
  departmentId: number;
  visitId: number;
  /** The specialty asked for ('' for any). */
  field: string;
  /** The experts that could be drawn, canonical (byte) order of their ids. */
  pool: { id: string; name: string; organisation: string; specialty: string }[];
  picked: string;
}

export type RecordRound = TeamRound | ExpertRound;

export interface TeamRecord {
  protocol: typeof TEAM_RECORD_PROTOCOL;
  drawId: number;
  /** The draw's seed (draw-v1; verify it with `draw verify` on the draw's record). */
  seed: string;
  rounds: RecordRound[];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The matching input a team round describes (eligibility rebuilt from the factored lists). */
export function roundInput(round: TeamRound): MatchInput {
  const windowSets = round.windows.map((w) => new Set(w.ineligible.map(([id]) => id)));
  const townshipSets = new Map(Object.entries(round.townships ?? {}).map(([key, ids]) => [key, new Set(ids)]));
  const targets: MatchTarget[] = round.targets.map((t) => {
    const byWindow = windowSets[t.window] ?? new Set<string>();
    const byTownship = t.township == null ? null : townshipSets.get(t.township) ?? null;
    const own = new Set(t.ineligible.map(([id]) => id));
    return { id: t.id, groups: t.groups, eligible: (c: MatchCandidate) => !byWindow.has(c.id) && !own.has(c.id) && !(byTownship?.has(c.id) ?? false) };
  });
  const candidates = round.candidates.map((c) => ({ id: c.id, departmentId: c.departmentId, specialties: c.specialties, capacity: c.capacity }));
  return { seed: round.seed, label: round.label, teamSize: round.teamSize, targets, candidates };
}

/** The expert a round's seed picks from its pool: draw-v1 selection of one id from the canonical pool, segment `label`. */
export function expertPick(round: Pick<ExpertRound, 'seed' | 'label' | 'pool'>, hash: Sha256Sync): string | null {
  const ids = round.pool.map((e) => e.id).sort(compareText);
  if (!ids.length) return null;
  const seedOfSegment = toHex(hash(utf8(segmentSeedText(round.seed, round.label))));
  const [index] = pickIndexSequence(ids.length, 1, wordStream(seedOfSegment, hash));
  return ids[index];
}

/** The first thing wrong with the record's shape (before anything is recomputed), or null. */
export function teamRecordShapeProblem(value: unknown): string | null {
  const record = value as TeamRecord;
  if (!record || typeof record !== 'object') return 'the record must be a JSON object';
  if (record.protocol !== TEAM_RECORD_PROTOCOL) return `protocol must be "${TEAM_RECORD_PROTOCOL}"`;
  if (typeof record.seed !== 'string' || !/^[0-9a-f]{64}$/.test(record.seed)) return 'seed must be 64 lowercase hex digits';
  if (!Array.isArray(record.rounds)) return 'rounds must be a list';
  for (const [k, round] of record.rounds.entries()) {
    const at = `rounds[${k}]`;
    if (!round || typeof round !== 'object') return `${at} must be an object`;
    if (typeof round.label !== 'string' || !LABEL_PATTERN.test(round.label)) return `${at}.label must be a draw-v1 label`;
    if (round.seed !== record.seed) return `${at}.seed is not the draw's seed`;
    if (round.kind === 'EXPERT') {
      if (!Array.isArray(round.pool) || !round.pool.every((e) => e && isValidId(e.id))) return `${at}.pool must be a list of experts with draw-v1 ids`;
      if (typeof round.picked !== 'string') return `${at}.picked must be an expert id`;
      continue;
    }
    if (!['TEAMS', 'CROSS_REGION', 'REPLACEMENT'].includes(round.kind)) return `${at}.kind must be TEAMS, CROSS_REGION, REPLACEMENT or EXPERT`;
    if (!Array.isArray(round.candidates) || !Array.isArray(round.targets) || !Array.isArray(round.windows)) return `${at} must list candidates, windows and targets`;
    if (!round.result || !Array.isArray(round.result.teams) || !Array.isArray(round.result.unstaffed)) return `${at}.result must list teams and unstaffed targets`;
    for (const [w, window] of round.windows.entries()) {
      if (!window || !Array.isArray(window.ineligible) || !window.ineligible.every(isIneligible)) return `${at}.windows[${w}].ineligible must be a list of [candidate id, reason]`;
    }
    for (const [t, target] of round.targets.entries()) {
      if (!target || !Number.isInteger(target.window) || target.window < 0 || target.window >= round.windows.length) return `${at}.targets[${t}].window must index windows`;
      if (!Array.isArray(target.ineligible) || !target.ineligible.every(isIneligible)) return `${at}.targets[${t}].ineligible must be a list of [candidate id, reason]`;
      if (target.township != null && !(round.townships && Array.isArray(round.townships[target.township]))) return `${at}.targets[${t}].township is not listed in townships`;
    }
  }
  return null;
}

const isIneligible = (x: unknown): boolean => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string';

export type TeamRecordVerification =
  | { ok: true; rounds: number; teams: number; unstaffed: number; experts: number }
  | { ok: false; round: number; label: string; problem: string };

/**
 * Recomputes every round of a team record: team rounds with verifyTeams (each rule on its own, then
 * the exact teams matchTeams draws from the round's input), expert rounds with draw-v1 selection.
 * Reports the first round that does not reproduce.
 */
export function verifyTeamRecord(record: TeamRecord, hash: Sha256Sync): TeamRecordVerification {
  let teams = 0, unstaffed = 0, experts = 0;
  for (const [k, round] of record.rounds.entries()) {
    if (round.kind === 'EXPERT') {
      const want = expertPick(round, hash);
      if (want !== round.picked) return { ok: false, round: k, label: round.label, problem: `the seed picks expert ${want ?? '(none: the pool is empty)'}, the record has ${round.picked}` };
      experts++;
      continue;
    }
    const outcome = verifyTeams(roundInput(round), round.result, hash);
    if (!outcome.ok) return { ok: false, round: k, label: round.label, problem: outcome.problem };
    teams += round.result.teams.length;
    unstaffed += round.result.unstaffed.length;
  }
  return { ok: true, rounds: record.rounds.length, teams, unstaffed, experts };
}

const REASON_ORDER = ['INACTIVE', 'CERTIFICATE_NOT_VALID_FOR_WINDOW', 'WORKLOAD_FULL', 'CONFLICT_DECLARED', 'SAME_TOWNSHIP', 'ON_TEAM', 'LEAVING', 'GROUP_NOT_KEPT'];
const reasonRank = (reason: string) => (REASON_ORDER.includes(reason) ? REASON_ORDER.indexOf(reason) : REASON_ORDER.length);

/**
 * Why the candidates of one target were ineligible, counted once each by the first reason that
 * applies (per-window reasons, then the target's own, then the township rule), in the order of
 * team-eligibility's checks.
 */
export function ineligibleCounts(round: TeamRound, targetIndex: number): { reason: string; count: number }[] {
  const target = round.targets[targetIndex];
  const reasonOf = new Map<string, string>();
  for (const [id, reason] of round.windows[target.window]?.ineligible ?? []) reasonOf.set(id, reason);
  for (const [id, reason] of target.ineligible) if (!reasonOf.has(id)) reasonOf.set(id, reason);
  if (target.township != null) for (const id of round.townships[target.township] ?? []) if (!reasonOf.has(id)) reasonOf.set(id, 'SAME_TOWNSHIP');
  const counts = new Map<string, number>();
  for (const c of round.candidates) {
    const reason = reasonOf.get(c.id);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => reasonRank(a.reason) - reasonRank(b.reason) || (a.reason < b.reason ? -1 : 1));
}
