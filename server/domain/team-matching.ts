import { Bytes, isValidId, LABEL_PATTERN, NextWord, randBelow, segmentSeedText, Sha256Sync, toHex, utf8, wordStream } from './draw-v1';

/**
 * The seeded team draw (检查组, Art. 20–23): for every drawn target, a team of inspectors, every member
 * eligible for that target, the team covering the target's groups (specialties, departments), no
 * inspector on more teams than its remaining capacity. docs/team-draw.md describes the algorithm so
 * that anyone can reproduce the teams from the published record; this file implements exactly that.
 *
 * In short, per target in the given (priority) order, with randomness only from the draw-v1 word
 * stream of segment `<label>/<target id>`:
 * 1. the team's places are slots: one per required group (only its members fit), then general ones;
 * 2. each slot draws its member uniformly from the free candidates that fit it (partial Fisher–Yates
 *    over them in canonical order), taking the first drawn one that is eligible and not on the team;
 * 3. when none is, a breadth-first augmenting-path search (max-flow on slots → candidates) fills the
 *    slot, moving members of earlier teams, or of this one between its slots, where needed;
 * 4. when there is no path, everything done for this target is undone and it is listed as unstaffed
 *    with the most precise reason; once staffed, the leader's position is drawn.
 * Because augmenting paths never empty a filled slot, a staffed target stays staffed; and because a
 * slot that has no augmenting path never gets one later, the result is: every target is staffed when
 * that is possible at all, and otherwise no unstaffed target can be added to the staffed ones.
 *
 * Pure: no I/O; SHA-256 is injected (draw-v1-node.ts `nodeSha256` on the server).
 */

export interface MatchCandidate {
  /** The certificate number; candidates are put in canonical (byte) order of these ids. */
  id: string;
  departmentId: number;
  specialties: readonly string[];
  /** How many more teams (visits) the inspector may join in this draw. */
  capacity: number;
}

/** At least one member of the team must belong to the group (a distinct member per group, see the doc). */
export interface MatchGroup {
  kind: 'SPECIALTY' | 'DEPARTMENT';
  value: string;
}

export interface MatchTarget {
  /** The target's publicId. */
  id: string;
  groups: readonly MatchGroup[];
  /** Whether the candidate may serve on this target's team (team-eligibility.ts); called often, keep it cheap. */
  eligible: (candidate: MatchCandidate) => boolean;
}

export interface MatchInput {
  /** The draw's seed (64 hex digits). */
  seed: string;
  /** Starts with `inspectors/`, e.g. `inspectors/draw-12`; each target's segment is `<label>/<target id>`. */
  label: string;
  teamSize: number;
  /** In priority order: when not all can be staffed, earlier targets are staffed first. */
  targets: readonly MatchTarget[];
  candidates: readonly MatchCandidate[];
}

export interface StaffedTeam {
  target: string;
  /** Leader (组长) first, then the order in which the members joined the team. */
  members: string[];
}

export type UnstaffableReason = 'TOO_FEW_ELIGIBLE' | 'GROUP_NOT_COVERED' | 'CAPACITY_EXHAUSTED';

export interface Unstaffable {
  target: string;
  reason: UnstaffableReason;
  /** Candidates eligible for the target, capacity not considered. */
  eligible: number;
  /** Team size for this target: max(teamSize, number of groups). */
  needed: number;
  /** Groups that distinct eligible candidates cannot all cover (empty when that is not the problem). */
  missingGroups: MatchGroup[];
}

export interface MatchResult {
  teams: StaffedTeam[];
  unstaffed: Unstaffable[];
}

export const INSPECTOR_LABEL_PREFIX = 'inspectors/';
const SEED_PATTERN = /^[0-9a-f]{64}$/;
const MAX_LABEL_LENGTH = 128;
const GROUP_KINDS: ReadonlySet<string> = new Set(['SPECIALTY', 'DEPARTMENT']);

/** The draw-v1 segment label of one target's candidate order. */
export const targetSegmentLabel = (label: string, targetId: string): string => `${label}/${targetId}`;

/**
 * draw-v1 spec step 7 for the target's segment: H("draw-v1/segment\n" + seed + "\n" + label). The
 * same bytes as draw-v1's segmentSeed, hashed directly: its generator runner costs
 * more than the hash itself, 50,000 times over.
 */
export function targetSegmentSeed(input: Pick<MatchInput, 'seed' | 'label'>, targetId: string, hash: Sha256Sync): string {
  return toHex(hash(utf8(segmentSeedText(input.seed, targetSegmentLabel(input.label, targetId)))));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const groupKey = (g: MatchGroup): string => `${g.kind}\n${g.value}`;

/** A target's groups without repeats, in canonical order (kind, then value): listing order must not change the draw. */
export function canonicalGroups(groups: readonly MatchGroup[]): MatchGroup[] {
  if (groups.length < 2) return groups.map((g) => ({ kind: g.kind, value: g.value })); // the common case, 50,000 times
  const unique = new Map<string, MatchGroup>();
  for (const g of groups) if (!unique.has(groupKey(g))) unique.set(groupKey(g), { kind: g.kind, value: g.value });
  return [...unique.values()].sort((a, b) => compareText(a.kind, b.kind) || compareText(a.value, b.value));
}

/** Members a target's team needs: the team size, raised to one distinct member per group. */
export const neededFor = (teamSize: number, groups: readonly MatchGroup[]): number => Math.max(teamSize, canonicalGroups(groups).length);

/** Whether the candidate belongs to the group. */
export function belongsTo(candidate: MatchCandidate, group: MatchGroup): boolean {
  return group.kind === 'SPECIALTY' ? candidate.specialties.includes(group.value) : String(candidate.departmentId) === group.value;
}

// ---------------------------------------------------------------------------------------------
// Input checks and the prepared (indexed) instance

function fail(message: string): never {
  throw new RangeError(`invalid team-draw input: ${message}`);
}

function checkHeader(input: MatchInput): void {
  if (typeof input.seed !== 'string' || !SEED_PATTERN.test(input.seed)) fail('seed must be 64 lowercase hex digits');
  if (typeof input.label !== 'string' || !input.label.startsWith(INSPECTOR_LABEL_PREFIX) || !LABEL_PATTERN.test(input.label)) {
    fail(`label must be a draw-v1 label starting with "${INSPECTOR_LABEL_PREFIX}", got ${JSON.stringify(input.label)}`);
  }
  if (!Number.isSafeInteger(input.teamSize) || input.teamSize < 1) fail(`teamSize must be an integer ≥ 1, got ${input.teamSize}`);
}

function checkCandidate(c: MatchCandidate, seen: Set<string>): void {
  if (!isValidId(c.id)) fail(`candidate id ${JSON.stringify(c.id)} is not a valid draw-v1 id`);
  if (seen.has(c.id)) fail(`candidate ${c.id} is listed twice`);
  seen.add(c.id);
  if (!Number.isSafeInteger(c.departmentId)) fail(`candidate ${c.id}: departmentId must be an integer`);
  if (!Array.isArray(c.specialties) || !c.specialties.every((s) => typeof s === 'string')) fail(`candidate ${c.id}: specialties must be a list of strings`);
  if (!Number.isSafeInteger(c.capacity) || c.capacity < 0) fail(`candidate ${c.id}: capacity must be an integer ≥ 0, got ${c.capacity}`);
}

function checkTarget(t: MatchTarget, label: string, seen: Set<string>): void {
  if (!isValidId(t.id)) fail(`target id ${JSON.stringify(t.id)} is not a valid draw-v1 id`);
  // label and id are valid already, so only the length can break the segment label
  if (label.length + 1 + t.id.length > MAX_LABEL_LENGTH) fail(`segment label ${targetSegmentLabel(label, t.id)} is longer than 128 characters`);
  if (seen.has(t.id)) fail(`target ${t.id} is listed twice`);
  seen.add(t.id);
  if (typeof t.eligible !== 'function') fail(`target ${t.id}: eligible must be a function`);
  if (!Array.isArray(t.groups)) fail(`target ${t.id}: groups must be a list`);
  for (const g of t.groups) {
    if (!g || !GROUP_KINDS.has(g.kind) || typeof g.value !== 'string') fail(`target ${t.id}: a group must be {kind: SPECIALTY | DEPARTMENT, value: string}`);
  }
}

/** Throws a RangeError naming the first thing wrong with the input. */
export function checkMatchInput(input: MatchInput): void {
  checkHeader(input);
  if (!Array.isArray(input.candidates) || !Array.isArray(input.targets)) fail('candidates and targets must be lists');
  const candidateIds = new Set<string>();
  for (const c of input.candidates) checkCandidate(c, candidateIds);
  const targetIds = new Set<string>();
  for (const t of input.targets) checkTarget(t, input.label, targetIds);
}

/**
 * The instance in flat arrays. Slots: target t owns slots slotStart[t] .. slotStart[t+1]−1; first one
 * slot per group (canonical group order), accepting only that group's members, then general slots.
 */
interface Prepared {
  n: number;
  /** Candidates in canonical order. */
  candidates: MatchCandidate[];
  capacity: Int32Array;
  groups: MatchGroup[];
  /** mask[g * n + c] = 1 when candidate c belongs to group g. */
  mask: Uint8Array;
  /** Members of group g, ascending canonical index. */
  members: Int32Array[];
  /** Groups each candidate belongs to (only groups some target asks for). */
  groupsOf: number[][];
  targets: readonly MatchTarget[];
  /** Canonical groups of each target, as group indices. */
  targetGroups: Int32Array[];
  slotStart: Int32Array;
  slotTarget: Int32Array;
  /** Group of a slot, −1 for a general slot. */
  slotGroup: Int32Array;
}

function indexGroups(targets: readonly MatchTarget[]): { groups: MatchGroup[]; targetGroups: Int32Array[] } {
  const byKey = new Map<string, number>();
  const groups: MatchGroup[] = [];
  const targetGroups = targets.map((t) => Int32Array.from(canonicalGroups(t.groups), (g) => {
    const key = groupKey(g);
    if (!byKey.has(key)) byKey.set(key, groups.push(g) - 1);
    return byKey.get(key)!;
  }));
  return { groups, targetGroups };
}

function prepare(input: MatchInput): Prepared {
  checkMatchInput(input);
  const candidates = [...input.candidates].sort((a, b) => compareText(a.id, b.id));
  const n = candidates.length;
  const { groups, targetGroups } = indexGroups(input.targets);
  const mask = new Uint8Array(groups.length * n);
  const groupsOf: number[][] = candidates.map(() => []);
  const members = groups.map((g, gi) => {
    const list: number[] = [];
    candidates.forEach((c, ci) => {
      if (!belongsTo(c, g)) return;
      mask[gi * n + ci] = 1;
      groupsOf[ci].push(gi);
      list.push(ci);
    });
    return Int32Array.from(list);
  });
  const slotStart = new Int32Array(input.targets.length + 1);
  targetGroups.forEach((gs, t) => (slotStart[t + 1] = slotStart[t] + Math.max(input.teamSize, gs.length)));
  const slots = slotStart[input.targets.length];
  const slotTarget = new Int32Array(slots);
  const slotGroup = new Int32Array(slots).fill(-1);
  targetGroups.forEach((gs, t) => {
    for (let s = slotStart[t]; s < slotStart[t + 1]; s++) slotTarget[s] = t;
    gs.forEach((g, k) => (slotGroup[slotStart[t] + k] = g));
  });
  const capacity = Int32Array.from(candidates, (c) => c.capacity);
  return { n, candidates, capacity, groups, mask, members, groupsOf, targets: input.targets, targetGroups, slotStart, slotTarget, slotGroup };
}

// ---------------------------------------------------------------------------------------------
// Random draws: draw-v1 selection (spec step 10), one pick at a time

/**
 * Partial Fisher–Yates over positions 0..size−1, one draw at a time: exactly pickIndexSequence, but
 * on one shared identity array instead of a fresh one per draw (there are 100,000 slots to fill).
 * start() resets the positions the previous draw touched, which restores the identity.
 */
class DrawOrder {
  private i = 0;
  private size = 0;
  private nextWord: NextWord = () => 0n;
  private readonly touched: number[] = [];

  constructor(private readonly perm: Int32Array) {}

  start(size: number, nextWord: NextWord): void {
    for (const k of this.touched) this.perm[k] = k;
    this.touched.length = 0;
    this.i = 0;
    this.size = size;
    this.nextWord = nextWord;
  }

  get remaining(): number {
    return this.size - this.i;
  }

  draw(): number {
    const { perm } = this;
    const i = this.i++;
    const j = i + randBelow(this.size - i, this.nextWord);
    const picked = perm[j];
    perm[j] = perm[i];
    perm[i] = picked;
    this.touched.push(i, j);
    return picked;
  }
}

// ---------------------------------------------------------------------------------------------
// Candidate lists: all candidates, or one group's members, in canonical order

function lowerBound(list: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A list of candidates that knows which of them have capacity left (a Fenwick tree of 0/1 flags:
 * the k-th free member in O(log n), for draws and goal tests), and carries skip pointers for one
 * search at a time (positions whose candidate is settled for the search are jumped over).
 */
class CandidateList {
  readonly length: number;
  free = 0;
  private readonly tree: Int32Array;
  private readonly topBit: number;
  /** Skip pointers, valid where stamp equals the current search's epoch. */
  readonly skipTo: Int32Array;
  readonly stamp: Int32Array;

  constructor(readonly members: Int32Array) {
    this.length = members.length;
    this.tree = new Int32Array(this.length + 1);
    this.topBit = this.length === 0 ? 0 : 1 << (31 - Math.clz32(this.length));
    this.skipTo = new Int32Array(this.length);
    this.stamp = new Int32Array(this.length);
  }

  positionOf(c: number): number {
    return lowerBound(this.members, c);
  }

  /** Flags the member at `position` free (+1) or not (−1). */
  add(position: number, delta: number): void {
    this.free += delta;
    for (let i = position + 1; i <= this.length; i += i & -i) this.tree[i] += delta;
  }

  /** Free members before `position`. */
  freeBefore(position: number): number {
    let sum = 0;
    for (let i = position; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }

  /** Position of the k-th free member (k from 0). */
  selectFree(k: number): number {
    let at = 0;
    let rest = k + 1;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = at + bit;
      if (next <= this.length && this.tree[next] < rest) {
        at = next;
        rest -= this.tree[next];
      }
    }
    return at;
  }
}

// ---------------------------------------------------------------------------------------------
// The matcher: assignment state, random draws, augmenting paths, undo

/** Free candidates above which a kind of slot is not checked before an attempt (any number gives the same result). */
const PLENTY = 256;

class Matcher implements TeamMatching {
  private readonly n: number;
  private readonly slots: number;
  /** Teams each candidate is on. */
  private readonly used: Int32Array;
  /** Candidate in each slot, −1 when open. */
  private readonly holder: Int32Array;
  /** When the slot's member joined its team: members are listed in this order. */
  private readonly joinedAt: Float64Array;
  private joins = 0;
  /** Slots each candidate holds, ascending (the search's order). */
  private readonly holdings: number[][];
  /** lists[0]: all candidates; lists[1 + g]: members of group g. */
  private readonly lists: CandidateList[];
  /** Each target's starting point in canonical order for goal tests and scans (its first random number). */
  private readonly rotation: Int32Array;
  /** Each staffed target's drawn leader position in its final join order; −1 when not staffed. */
  private readonly leaderAt: Int32Array;
  /** (slot, old holder, old joinedAt) of every change in the current target's attempt; empty between targets. */
  private undo: number[] = [];
  // Search scratch. Nodes: slot s is node s, candidate c is node slots + c.
  private readonly seen: Int32Array;
  private epoch = 0;
  private readonly parent: Int32Array;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  /** Whether the exploration under way is a search (goal tests on) or a measurement. */
  private searching = false;
  /** Nodes proven unable to reach a candidate with capacity left, for the rest of the run (see proveDead). */
  private readonly dead: Uint8Array;
  /** Region of each node (0: none) and, per region, a bound on the units it can still pass on (see measureRegion). */
  private readonly region: Int32Array;
  private readonly budgets: number[] = [0];
  /** During a slot expansion: the slot candidate c holds on the expanded team, or −1. */
  private readonly teamSlot: Int32Array;
  private readonly order: DrawOrder;
  /** The largest team any target needs. */
  private readonly maxNeeded: number;

  constructor(
    private readonly p: Prepared,
    private readonly input: MatchInput,
    private readonly hash: Sha256Sync,
  ) {
    const n = (this.n = p.n);
    this.slots = p.slotTarget.length;
    this.used = new Int32Array(n);
    this.holder = new Int32Array(this.slots).fill(-1);
    this.joinedAt = new Float64Array(this.slots);
    this.holdings = Array.from({ length: n }, () => []);
    this.lists = [new CandidateList(Int32Array.from({ length: n }, (_, c) => c)), ...p.members.map((m) => new CandidateList(m))];
    for (let c = 0; c < n; c++) if (p.capacity[c] > 0) this.flagFree(c, 1);
    this.rotation = new Int32Array(p.targets.length);
    this.leaderAt = new Int32Array(p.targets.length).fill(-1);
    const nodes = this.slots + n;
    this.seen = new Int32Array(nodes);
    this.parent = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.dead = new Uint8Array(nodes);
    this.region = new Int32Array(nodes);
    this.teamSlot = new Int32Array(n).fill(-1);
    this.order = new DrawOrder(Int32Array.from({ length: n }, (_, k) => k));
    this.maxNeeded = 0;
    for (let t = 0; t < p.targets.length; t++) this.maxNeeded = Math.max(this.maxNeeded, p.slotStart[t + 1] - p.slotStart[t]);
  }

  drawn = 0;
  private readonly unstaffed: Unstaffable[] = [];

  get targetCount(): number {
    return this.p.targets.length;
  }

  drawUntil(end: number): void {
    for (const last = Math.min(end, this.p.targets.length); this.drawn < last; this.drawn++) {
      if (!this.staff(this.drawn)) this.unstaffed.push(unstaffable(this.p, this.drawn));
    }
  }

  result(): MatchResult {
    if (this.drawn < this.p.targets.length) throw new Error('the team draw is not finished');
    return { teams: this.teams(0, this.drawn), unstaffed: [...this.unstaffed] };
  }

  /** Staffs target t, or leaves no trace of trying. */
  private staff(t: number): boolean {
    const { slotStart } = this.p;
    if (slotStart[t + 1] - slotStart[t] > this.n) return false;
    const next = wordStream(targetSegmentSeed(this.input, this.p.targets[t].id, this.hash), this.hash);
    this.rotation[t] = randBelow(this.n, next);
    if (!this.mayBeStaffable(t)) return false;
    for (let s = slotStart[t]; s < slotStart[t + 1]; s++) {
      if (!this.fill(t, s, next)) {
        const changed = this.undo.length > 0; // else the failed search has marked its nodes dead already
        this.rollback();
        if (changed) this.measureRegion(t);
        return false;
      }
    }
    this.undo = [];
    this.leaderAt[t] = randBelow(slotStart[t + 1] - slotStart[t], next);
    return true;
  }

  private fill(t: number, s: number, next: NextWord): boolean {
    if (this.drawInto(t, s, next)) return true;
    const end = this.search(t, s, this.p.slotGroup[s], false);
    if (end < 0) return false;
    this.augment(s, end);
    return true;
  }

  // -- state changes -------------------------------------------------------------------------

  private listFor(g: number): CandidateList {
    return this.lists[g + 1];
  }

  private isFree(c: number): boolean {
    return this.used[c] < this.p.capacity[c];
  }

  private flagFree(c: number, delta: number): void {
    this.lists[0].add(c, delta);
    for (const g of this.p.groupsOf[c]) {
      const list = this.listFor(g);
      list.add(list.positionOf(c), delta);
    }
  }

  private changeUsed(c: number, delta: number): void {
    const wasFree = this.isFree(c);
    this.used[c] += delta;
    if (wasFree !== this.isFree(c)) this.flagFree(c, wasFree ? -1 : 1);
  }

  private setHolder(s: number, c: number, joinedAt: number, log: boolean): void {
    const old = this.holder[s];
    if (log) this.undo.push(s, old, this.joinedAt[s]);
    if (old >= 0) {
      const list = this.holdings[old];
      list.splice(list.indexOf(s), 1);
      this.changeUsed(old, -1);
    }
    this.holder[s] = c;
    this.joinedAt[s] = joinedAt;
    if (c >= 0) {
      const list = this.holdings[c];
      list.splice(lowerBound(list, s), 0, s);
      this.changeUsed(c, 1);
    }
  }

  private rollback(): void {
    const u = this.undo;
    for (let k = u.length - 3; k >= 0; k -= 3) this.setHolder(u[k], u[k + 1], u[k + 2], false);
    this.undo = [];
  }

  private onTeam(t: number, c: number): boolean {
    const { slotStart } = this.p;
    for (let s = slotStart[t]; s < slotStart[t + 1]; s++) if (this.holder[s] === c) return true;
    return false;
  }

  private eligible(t: number, c: number): boolean {
    return this.p.targets[t].eligible(this.p.candidates[c]);
  }

  // -- the random draw -------------------------------------------------------------------------

  /**
   * Draws slot s's member uniformly from the candidates that fit it and have capacity left (in
   * canonical order, partial Fisher–Yates on t's word stream), taking the first drawn one that is
   * eligible and not on the team yet. False when there is none: then the slot needs a search.
   */
  private drawInto(t: number, s: number, next: NextWord): boolean {
    const list = this.listFor(this.p.slotGroup[s]);
    const { order } = this;
    order.start(list.free, next);
    let taken = -1;
    while (taken < 0 && order.remaining > 0) {
      const c = list.members[list.selectFree(order.draw())];
      if (!this.onTeam(t, c) && this.eligible(t, c)) taken = c;
    }
    if (taken >= 0) this.setHolder(s, taken, ++this.joins, true);
    return taken >= 0;
  }

  // -- the repair: augmenting paths ------------------------------------------------------------

  /**
   * Quick necessary checks before touching anything; not needed for the result, they make hopeless
   * targets cheap and let a failure be found on the committed state. The regions around t must be
   * able to pass on enough units (see overBudget). And for each kind of slot t has, a fresh slot of
   * that kind must have an augmenting path now: if one has none, it never will (see proveDead).
   */
  private mayBeStaffable(t: number): boolean {
    if (this.budgets.length > 1 && this.overBudget(t)) return false;
    const { slotStart, slotGroup } = this.p;
    for (let s = slotStart[t]; s < slotStart[t + 1]; s++) {
      const g = slotGroup[s];
      if (g < 0 && s > slotStart[t] && slotGroup[s - 1] < 0) continue; // one check per kind
      // Where plenty of candidates are free the draws succeed; a search there would only cost time.
      if (this.listFor(g).free <= PLENTY && this.search(t, -1, g, true) < 0) return false;
    }
    return true;
  }

  /** The kinds of slot t has: its groups, then −1 when it has a general slot. */
  private slotKinds(t: number): number[] {
    const groups = [...this.p.targetGroups[t]];
    const needed = this.p.slotStart[t + 1] - this.p.slotStart[t];
    return needed > groups.length ? [...groups, -1] : groups;
  }

  /**
   * After an attempt fails with some slots filled, its state is gone but the reason often stays: a
   * few units of capacity that every path reaches, fewer than a team needs. Every later target then
   * finds a path for each slot, fills some and fails after searching everything. So, back on the
   * committed state, everything reachable from t's candidates (through free candidates too) becomes
   * a region, with the free units in it as its budget. No edge leaves a region except to the sink, so
   * the flow out of it is at most the budget; later augmentations never raise that cut (a path
   * starting outside crosses it as often inwards as outwards), so the bound holds for the rest of
   * the run.
   */
  private measureRegion(t: number): void {
    this.epoch++;
    this.head = this.tail = 0;
    for (const g of this.slotKinds(t)) this.scanList(t, this.listFor(g), -1, false);
    let units = 0;
    while (this.head < this.tail) {
      const v = this.queue[this.head++];
      if (v < this.slots) {
        this.expandSlotFully(v);
        continue;
      }
      const c = v - this.slots;
      units += Math.max(0, this.p.capacity[c] - this.used[c]);
      if (units >= this.maxNeeded) return; // a region this rich can rule out no team: stop early
      for (const s of this.holdings[c]) if (this.isOpenNode(s)) this.discoverNode(s, v);
    }
    const id = this.budgets.length;
    for (let k = 0; k < this.tail; k++) this.region[this.queue[k]] = id;
    this.budgets.push(units);
  }

  private expandSlotFully(s: number): void {
    const u = this.p.slotTarget[s];
    const g = this.p.slotGroup[s];
    this.discoverTeamMoves(u, g, s);
    this.markTeam(u, 1);
    this.scanList(u, this.listFor(g), s, false);
    this.markTeam(u, -1);
  }

  /**
   * Whether t's eligible candidates all lie in dead nodes or measured regions whose budgets add up
   * to less than t needs: then the flow t could get is too small (the cut around the union of the
   * regions is at most the sum of their cuts). Undecided (false) as soon as one lies elsewhere.
   */
  private overBudget(t: number): boolean {
    const groups = this.p.targetGroups[t];
    const needed = this.p.slotStart[t + 1] - this.p.slotStart[t];
    const everyoneFits = needed > groups.length; // t has a general slot
    const counted: number[] = []; // regions are few
    let units = 0;
    for (let c = 0; c < this.n; c++) {
      const node = this.slots + c;
      const r = this.region[node];
      if (this.dead[node] === 1 || (r !== 0 && counted.includes(r))) continue;
      if ((!everyoneFits && !this.fitsSome(groups, c)) || !this.eligible(t, c)) continue;
      if (r === 0) return false;
      counted.push(r);
      units += this.budgets[r];
      if (units >= needed) return false;
    }
    return true;
  }

  private fitsSome(groups: Int32Array, c: number): boolean {
    for (let k = 0; k < groups.length; k++) if (this.p.mask[groups[k] * this.n + c]) return true;
    return false;
  }

  /**
   * Breadth-first search for an augmenting path from slot `root` of target t, group g (root −1: a
   * fresh slot that is not in the graph). A slot node means "this slot needs a new member", a
   * candidate node "this candidate, whose capacity is used up, joins a team and must leave one of
   * its slots". Returns the node of the candidate with capacity left that ends the path, or −1.
   * The root's own goal test is skipped after a draw: the draw has just tried the same candidates.
   */
  private search(t: number, root: number, g: number, testRoot: boolean): number {
    this.searching = true;
    this.epoch++;
    this.head = this.tail = 0;
    if (root >= 0) this.seen[root] = this.epoch;
    let end = testRoot ? this.goalTest(t, g, root) : -1;
    if (end < 0) end = this.expandSlot(t, g, root);
    while (end < 0 && this.head < this.tail) {
      const v = this.queue[this.head++];
      end = v < this.slots ? this.expandSlot(this.p.slotTarget[v], this.p.slotGroup[v], v) : this.expandCandidate(v);
    }
    if (end < 0 && this.undo.length === 0) this.proveDead(root);
    this.searching = false;
    return end;
  }

  /**
   * After a failed search every node it reached cannot reach a candidate with capacity left. An
   * augmentation only adds reverse edges between nodes that can, so they stay dead for the rest of
   * the run; a rollback only returns to an earlier state of the run. Hence only a search on a
   * committed state (nothing changed yet for the current target) may record them.
   */
  private proveDead(root: number): void {
    if (root >= 0) this.dead[root] = 1;
    for (let k = 0; k < this.tail; k++) this.dead[this.queue[k]] = 1;
  }

  private isOpenNode(node: number): boolean {
    return this.seen[node] !== this.epoch && this.dead[node] === 0;
  }

  /**
   * The path's end, if slot `from` (of target u, group g) can take a candidate with capacity left
   * directly: the first, in canonical order from u's rotation, that is eligible and not on u's team.
   */
  private goalTest(u: number, g: number, from: number): number {
    const list = this.listFor(g);
    const m = list.free;
    const start = list.freeBefore(lowerBound(list.members, this.rotation[u]));
    for (let k = 0; k < m; k++) {
      const c = list.members[list.selectFree(start + k < m ? start + k : start + k - m)];
      if (this.onTeam(u, c) || !this.eligible(u, c)) continue;
      this.parent[this.slots + c] = from;
      return this.slots + c;
    }
    return -1;
  }

  /**
   * Marks a node reached from `from` and queues it. In a search a slot is tested at once, so the
   * search ends at the first slot reached that can take a free candidate (that candidate's node is
   * returned); −1 otherwise.
   */
  private discoverNode(node: number, from: number): number {
    this.seen[node] = this.epoch;
    this.parent[node] = from;
    const end = node < this.slots && this.searching ? this.goalTest(this.p.slotTarget[node], this.p.slotGroup[node], node) : -1;
    if (end < 0) this.queue[this.tail++] = node;
    return end;
  }

  /**
   * Edges from slot `from` (target u, group g): first the other slots of u whose member fits g, in
   * slot order (that member moves here), then the candidates without capacity left that fit g, are
   * not on u's team and are eligible, in canonical order from u's rotation.
   */
  private expandSlot(u: number, g: number, from: number): number {
    const end = this.discoverTeamMoves(u, g, from);
    if (end >= 0) return end;
    this.markTeam(u, 1);
    this.scanList(u, this.listFor(g), from, true);
    this.markTeam(u, -1);
    return -1;
  }

  /** Discovers the slots of u whose member fits g and could move to slot `from`; in a search, tests each at once. */
  private discoverTeamMoves(u: number, g: number, from: number): number {
    const { slotStart, mask } = this.p;
    for (let k = slotStart[u]; k < slotStart[u + 1]; k++) {
      const h = this.holder[k];
      if (h < 0 || k === from || (g >= 0 && !mask[g * this.n + h]) || !this.isOpenNode(k)) continue;
      const end = this.discoverNode(k, from);
      if (end >= 0) return end;
    }
    return -1;
  }

  private markTeam(u: number, on: number): void {
    const { slotStart } = this.p;
    for (let s = slotStart[u]; s < slotStart[u + 1]; s++) if (this.holder[s] >= 0) this.teamSlot[this.holder[s]] = on > 0 ? s : -1;
  }

  /**
   * Discovers, in canonical order from u's rotation, the list's candidates that are not on u's team
   * (marked), not reached yet, not dead and eligible for u; in a search (`freeSettles`) only those
   * without capacity left, free ones being the goal tests' business.
   */
  private scanList(u: number, list: CandidateList, from: number, freeSettles: boolean): void {
    const start = lowerBound(list.members, this.rotation[u]);
    for (let i = this.nextUnsettled(list, start, freeSettles); i < list.length; i = this.nextUnsettled(list, i + 1, freeSettles)) this.tryCandidate(u, list.members[i], from);
    for (let i = this.nextUnsettled(list, 0, freeSettles); i < start; i = this.nextUnsettled(list, i + 1, freeSettles)) this.tryCandidate(u, list.members[i], from);
  }

  private tryCandidate(u: number, c: number, from: number): void {
    if (this.teamSlot[c] < 0 && this.eligible(u, c)) this.discoverNode(this.slots + c, from);
  }

  /** Settled for this search or measurement: already reached, dead, or (in a search) free. */
  private settled(c: number, freeSettles: boolean): boolean {
    const node = this.slots + c;
    return this.seen[node] === this.epoch || this.dead[node] === 1 || (freeSettles && this.isFree(c));
  }

  /** The first position at or after i whose candidate is not settled (list.length if none), with path compression. */
  private nextUnsettled(list: CandidateList, i: number, freeSettles: boolean): number {
    const { members, skipTo, stamp } = list;
    const epoch = this.epoch;
    let j = i;
    while (j < list.length && this.settled(members[j], freeSettles)) j = stamp[j] === epoch ? skipTo[j] : j + 1;
    for (let k = i; k < j; ) {
      const after = stamp[k] === epoch ? skipTo[k] : k + 1;
      stamp[k] = epoch;
      skipTo[k] = j;
      k = after;
    }
    return j;
  }

  /** Edges from a candidate without capacity left: the slots it holds, ascending ("it leaves that slot"). */
  private expandCandidate(node: number): number {
    for (const s of this.holdings[node - this.slots]) {
      if (!this.isOpenNode(s)) continue;
      const end = this.discoverNode(s, node);
      if (end >= 0) return end;
    }
    return -1;
  }

  /** Applies the path root … end: each slot on it takes the member the next node brings. */
  private augment(root: number, end: number): void {
    const path: number[] = [];
    for (let v = end; v !== root; v = this.parent[v]) path.push(v);
    path.push(root);
    path.reverse();
    const changes: number[] = [];
    for (let k = 0; k + 1 < path.length; k++) {
      const [v, next] = [path[k], path[k + 1]];
      if (v >= this.slots) continue; // a candidate leaving the slot that follows it
      if (next >= this.slots) changes.push(v, next - this.slots, ++this.joins);
      else changes.push(v, this.holder[next], this.joinedAt[next]); // moves within the team, keeps its place
    }
    for (let k = 0; k < changes.length; k += 3) this.setHolder(changes[k], changes[k + 1], changes[k + 2], true);
  }

  // -- result ----------------------------------------------------------------------------------

  /** Teams in target order: the member at the drawn leader position of the join order first, then the others in join order. */
  teams(from: number, to: number): StaffedTeam[] {
    const { p } = this;
    const teams: StaffedTeam[] = [];
    for (let t = from; t < Math.min(to, this.drawn); t++) {
      if (this.leaderAt[t] < 0) continue;
      const slots = this.slotsByJoin(t);
      const members: string[] = [p.candidates[this.holder[slots[this.leaderAt[t]]]].id];
      for (let k = 0; k < slots.length; k++) if (k !== this.leaderAt[t]) members.push(p.candidates[this.holder[slots[k]]].id);
      teams.push({ target: p.targets[t].id, members });
    }
    return teams;
  }

  /** t's slots in the order their members joined (insertion sort: a handful of slots). */
  private slotsByJoin(t: number): number[] {
    const slots: number[] = [];
    for (let s = this.p.slotStart[t]; s < this.p.slotStart[t + 1]; s++) {
      let k = slots.length;
      while (k > 0 && this.joinedAt[slots[k - 1]] > this.joinedAt[s]) k--;
      slots.splice(k, 0, s);
    }
    return slots;
  }
}

// ---------------------------------------------------------------------------------------------
// Why a target cannot be staffed

/**
 * Groups that distinct eligible candidates cannot all cover: after a maximum matching of groups to
 * distinct eligible members, the groups reachable by alternating paths from an unmatched group (a
 * set with fewer eligible members than groups, the same for every maximum matching). A group
 * without any eligible member is always among them. Empty when every group can have its own member.
 */
export function uncoverableGroups(groupMembers: readonly (readonly number[])[]): number[] {
  const matchOf = new Map<number, number>(); // candidate → group
  const tryGroup = (g: number, visited: Set<number>): boolean => {
    for (const c of groupMembers[g]) {
      if (visited.has(c)) continue;
      visited.add(c);
      const other = matchOf.get(c);
      if (other === undefined || tryGroup(other, visited)) {
        matchOf.set(c, g);
        return true;
      }
    }
    return false;
  };
  const unmatched = groupMembers.map((_, g) => g).filter((g) => !tryGroup(g, new Set()));
  const reached = new Set<number>(unmatched);
  const queue = [...unmatched];
  while (queue.length) {
    for (const c of groupMembers[queue.shift()!]) {
      const other = matchOf.get(c);
      if (other !== undefined && !reached.has(other)) {
        reached.add(other);
        queue.push(other);
      }
    }
  }
  return [...reached].sort((a, b) => a - b);
}

/** The reason, by precedence: too few eligible at all, else groups not coverable, else capacity. */
function unstaffable(p: Prepared, t: number): Unstaffable {
  const target = p.targets[t];
  const groups = p.targetGroups[t];
  const groupMembers: number[][] = Array.from(groups, () => []);
  let eligible = 0;
  for (let c = 0; c < p.n; c++) {
    if (!target.eligible(p.candidates[c])) continue;
    eligible++;
    for (let k = 0; k < groups.length; k++) if (p.mask[groups[k] * p.n + c]) groupMembers[k].push(c);
  }
  const needed = p.slotStart[t + 1] - p.slotStart[t];
  const missingGroups = uncoverableGroups(groupMembers).map((k) => ({ ...p.groups[groups[k]] }));
  const reason: UnstaffableReason = eligible < needed ? 'TOO_FEW_ELIGIBLE' : missingGroups.length ? 'GROUP_NOT_COVERED' : 'CAPACITY_EXHAUSTED';
  return { target: target.id, reason, eligible, needed, missingGroups };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** The team draw. Throws a RangeError when the input is invalid (see checkMatchInput). */
export function matchTeams(input: MatchInput, hash: Sha256Sync): MatchResult {
  const matching = startTeamMatching(input, hash);
  matching.drawUntil(matching.targetCount);
  return matching.result();
}

/**
 * matchTeams a part at a time, for a caller that stores the teams of the targets drawn so far while
 * the rest are drawn. The result is the same. A team read early may still change: a later target's
 * augmenting path can move a member of an earlier team (never empty it), and with it the join order
 * the leader is taken from; so the caller compares what it stored with `result()`.
 */
export interface TeamMatching {
  readonly targetCount: number;
  /** Targets drawn so far, in the given order: [0, drawn). */
  readonly drawn: number;
  /** Draws the targets up to `end` (exclusive). */
  drawUntil(end: number): void;
  /** The teams of the staffed targets among [from, to) as they stand now (only drawn targets count). */
  teams(from: number, to: number): StaffedTeam[];
  /** The whole result, once every target is drawn. */
  result(): MatchResult;
}

/** Throws a RangeError when the input is invalid (see checkMatchInput). */
export function startTeamMatching(input: MatchInput, hash: Sha256Sync): TeamMatching {
  return new Matcher(prepare(input), input, hash);
}

export type TeamVerification = { ok: true } | { ok: false; problem: string };

/**
 * Checks a published team list: first every rule on its own (each target listed once, team sizes,
 * members known, distinct, eligible, covering the groups, capacities, unstaffed reasons consistent
 * with the facts), then that it is exactly what matchTeams computes from the same input. Reports the
 * first problem in plain English; never throws.
 */
export function verifyTeams(input: MatchInput, result: MatchResult, hash: Sha256Sync): TeamVerification {
  let p: Prepared;
  try {
    p = prepare(input);
  } catch (error) {
    return { ok: false, problem: `the input cannot be drawn from: ${(error as Error).message}` };
  }
  const problem = shapeProblem(result) ?? ruleProblem(p, result) ?? recomputationProblem(input, result, hash);
  return problem === null ? { ok: true } : { ok: false, problem };
}

function shapeProblem(result: MatchResult): string | null {
  if (!result || !Array.isArray(result.teams) || !Array.isArray(result.unstaffed)) return 'the result must have a list of teams and a list of unstaffed targets';
  for (const team of result.teams) {
    if (!team || typeof team.target !== 'string' || !Array.isArray(team.members) || !team.members.every((m) => typeof m === 'string')) {
      return 'every team must have a target id and a list of member ids';
    }
  }
  for (const u of result.unstaffed) {
    const groupsOk = u && Array.isArray(u.missingGroups) && u.missingGroups.every((g) => g && typeof g.kind === 'string' && typeof g.value === 'string');
    if (!u || typeof u.target !== 'string' || !groupsOk) return 'every unstaffed entry must have a target id and a list of missing groups';
  }
  return null;
}

function ruleProblem(p: Prepared, result: MatchResult): string | null {
  const targetIndex = new Map(p.targets.map((t, k) => [t.id, k]));
  const listed = new Set<string>();
  for (const id of [...result.teams.map((x) => x.target), ...result.unstaffed.map((x) => x.target)]) {
    if (!targetIndex.has(id)) return `target ${id} is not one of the drawn targets`;
    if (listed.has(id)) return `target ${id} is listed more than once`;
    listed.add(id);
  }
  const absent = p.targets.find((t) => !listed.has(t.id));
  if (absent) return `target ${absent.id} is neither staffed nor listed as unstaffed`;
  const candidateIndex = new Map(p.candidates.map((c, k) => [c.id, k]));
  const teamsOf = new Map<string, number>();
  for (const team of result.teams) {
    const problem = teamProblem(p, targetIndex.get(team.target)!, team, candidateIndex);
    if (problem) return problem;
    for (const m of team.members) teamsOf.set(m, (teamsOf.get(m) ?? 0) + 1);
  }
  for (const [id, count] of teamsOf) {
    const capacity = p.candidates[candidateIndex.get(id)!].capacity;
    if (count > capacity) return `inspector ${id} is on ${count} teams but may join only ${capacity}`;
  }
  for (const u of result.unstaffed) {
    const problem = unstaffedProblem(p, targetIndex.get(u.target)!, u);
    if (problem) return problem;
  }
  return null;
}

function teamProblem(p: Prepared, t: number, team: StaffedTeam, candidateIndex: ReadonlyMap<string, number>): string | null {
  const target = p.targets[t];
  const needed = p.slotStart[t + 1] - p.slotStart[t];
  if (team.members.length !== needed) return `the team of target ${team.target} has ${team.members.length} members, it must have ${needed}`;
  if (new Set(team.members).size !== team.members.length) return `the team of target ${team.target} lists an inspector twice`;
  for (const id of team.members) {
    if (!candidateIndex.has(id)) return `inspector ${id} on the team of target ${team.target} is not a candidate of this draw`;
    if (!target.eligible(p.candidates[candidateIndex.get(id)!])) return `inspector ${id} is not eligible for target ${team.target}`;
  }
  const members = team.members.map((id) => p.candidates[candidateIndex.get(id)!]);
  const groups = canonicalGroups(target.groups);
  const coverage = groups.map((g) => members.flatMap((m, k) => (belongsTo(m, g) ? [k] : [])));
  const missing = uncoverableGroups(coverage);
  if (missing.length) return `the team of target ${team.target} does not have a distinct member for each of ${missing.map((k) => describeGroup(groups[k])).join(', ')}`;
  return null;
}

function unstaffedProblem(p: Prepared, t: number, u: Unstaffable): string | null {
  const facts = unstaffable(p, t);
  if (u.eligible !== facts.eligible) return `target ${u.target} has ${facts.eligible} eligible inspectors, the result says ${u.eligible}`;
  if (u.needed !== facts.needed) return `target ${u.target} needs ${facts.needed} members, the result says ${u.needed}`;
  const [want, have] = [facts.missingGroups.map(describeGroup).join(', '), u.missingGroups.map(describeGroup).join(', ')];
  if (want !== have) return `target ${u.target}: the groups that cannot be covered are [${want}], the result says [${have}]`;
  if (u.reason !== facts.reason) return `target ${u.target} is unstaffed because of ${facts.reason}, the result says ${u.reason}`;
  return null;
}

const describeGroup = (g: MatchGroup): string => `${g.kind === 'SPECIALTY' ? 'specialty' : 'department'} ${g.value}`;
const describeTeam = (team: StaffedTeam | undefined): string => (team ? `[${team.members.join(', ')}]` : 'no team');

function recomputationProblem(input: MatchInput, result: MatchResult, hash: Sha256Sync): string | null {
  const expected = matchTeams(input, hash);
  const have = new Map(result.teams.map((x) => [x.target, x]));
  const want = new Map(expected.teams.map((x) => [x.target, x]));
  for (const target of input.targets) {
    const [w, h] = [want.get(target.id), have.get(target.id)];
    if (describeTeam(w) !== describeTeam(h)) {
      return `target ${target.id}: the draw gives ${describeTeam(w)}${w ? ` (leader ${w.members[0]})` : ''}, the result has ${describeTeam(h)}`;
    }
  }
  const order = (list: { target: string }[]): string => list.map((x) => x.target).join(',');
  if (order(result.teams) !== order(expected.teams)) return 'the teams are not listed in the order of the targets';
  if (order(result.unstaffed) !== order(expected.unstaffed)) return 'the unstaffed targets are not listed in the order of the targets';
  return null;
}
