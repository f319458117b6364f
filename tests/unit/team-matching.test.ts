import { NextWord, pickIndexSequence, randBelow, segmentSeed, wordStream } from '../../server/domain/draw-v1';
import { nodeSha256 } from '../../server/domain/draw-v1-node';
import {
  canonicalGroups, checkMatchInput, MatchCandidate, MatchGroup, MatchInput, MatchResult, MatchTarget, matchTeams, neededFor, targetSegmentLabel,
  startTeamMatching, targetSegmentSeed, uncoverableGroups, Unstaffable, verifyTeams,
} from '../../server/domain/team-matching';

const SEED = 'c0ffee'.padEnd(64, '0');
const LABEL = 'inspectors/draw-7';

const candidate = (id: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({ id, departmentId: 1, specialties: [], capacity: 5, ...overrides });
const target = (id: string, eligibleIds: readonly string[] | null = null, groups: MatchGroup[] = []): MatchTarget => ({
  id,
  groups,
  eligible: (c) => eligibleIds === null || eligibleIds.includes(c.id),
});
const input = (targets: MatchTarget[], candidates: MatchCandidate[], overrides: Partial<MatchInput> = {}): MatchInput => ({
  seed: SEED,
  label: LABEL,
  teamSize: 2,
  targets,
  candidates,
  ...overrides,
});
const specialty = (value: string): MatchGroup => ({ kind: 'SPECIALTY', value });
const department = (value: string): MatchGroup => ({ kind: 'DEPARTMENT', value });
const match = (i: MatchInput): MatchResult => matchTeams(i, nodeSha256);
const teamOf = (result: MatchResult, id: string): string[] | undefined => result.teams.find((t) => t.target === id)?.members;
const seedNumber = (k: number): string => k.toString(16).padStart(64, '0');

/** A small deterministic PRNG for generating instances (not for the draw itself). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// ---------------------------------------------------------------------------------------------
// An independent model of the rules: checks and brute force, sharing no code with the matcher

const inGroup = (c: MatchCandidate, g: MatchGroup): boolean => (g.kind === 'SPECIALTY' ? c.specialties.includes(g.value) : String(c.departmentId) === g.value);

function distinctGroups(groups: readonly MatchGroup[]): MatchGroup[] {
  const seen = new Set<string>();
  return groups.filter((g) => !seen.has(`${g.kind}:${g.value}`) && !!seen.add(`${g.kind}:${g.value}`));
}

/** Whether each group can have its own member among `members` (tries every assignment). */
function hasOwnMemberPerGroup(groups: readonly MatchGroup[], members: readonly MatchCandidate[], used = new Set<number>()): boolean {
  if (groups.length === 0) return true;
  const [first, ...rest] = groups;
  return members.some((m, k) => !used.has(k) && inGroup(m, first) && hasOwnMemberPerGroup(rest, members, new Set([...used, k])));
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, size - 1).map((c) => [first, ...c]), ...combinations(rest, size)];
}

const neededOf = (i: MatchInput, t: MatchTarget): number => Math.max(i.teamSize, distinctGroups(t.groups).length);

function validTeams(i: MatchInput, t: MatchTarget): MatchCandidate[][] {
  const eligible = i.candidates.filter((c) => t.eligible(c));
  return combinations(eligible, neededOf(i, t)).filter((team) => hasOwnMemberPerGroup(distinctGroups(t.groups), team));
}

/** Whether all these targets can be staffed at once. */
function feasible(i: MatchInput, targets: readonly MatchTarget[], left = new Map(i.candidates.map((c) => [c.id, c.capacity]))): boolean {
  if (targets.length === 0) return true;
  const [first, ...rest] = targets;
  return validTeams(i, first).some((team) => {
    if (team.some((c) => left.get(c.id)! < 1)) return false;
    const next = new Map(left);
    for (const c of team) next.set(c.id, next.get(c.id)! - 1);
    return feasible(i, rest, next);
  });
}

/** The staffed set the documented rule defines: in target order, a target is staffed when it can be together with those before it. */
function bruteForceStaffed(i: MatchInput): string[] {
  const staffed: MatchTarget[] = [];
  for (const t of i.targets) if (feasible(i, [...staffed, t])) staffed.push(t);
  return staffed.map((t) => t.id);
}

function expectedReason(i: MatchInput, t: MatchTarget): Pick<Unstaffable, 'reason' | 'eligible' | 'needed'> & { groupsCoverable: boolean } {
  const eligible = i.candidates.filter((c) => t.eligible(c));
  const groups = distinctGroups(t.groups);
  const groupsCoverable = hasOwnMemberPerGroup(groups, eligible);
  const needed = neededOf(i, t);
  const reason = eligible.length < needed ? 'TOO_FEW_ELIGIBLE' : !groupsCoverable ? 'GROUP_NOT_COVERED' : 'CAPACITY_EXHAUSTED';
  return { reason, eligible: eligible.length, needed, groupsCoverable };
}

/** The first broken rule of a result, checked directly. */
function ruleViolation(i: MatchInput, r: MatchResult): string | null {
  const byId = new Map(i.candidates.map((c) => [c.id, c]));
  const load = new Map<string, number>();
  const listed = [...r.teams.map((t) => t.target), ...r.unstaffed.map((u) => u.target)];
  if (listed.length !== i.targets.length || new Set(listed).size !== listed.length) return 'targets not listed exactly once';
  for (const team of r.teams) {
    const t = i.targets.find((x) => x.id === team.target)!;
    const members = team.members.map((id) => byId.get(id)!);
    if (members.some((m) => !m)) return `unknown member on ${t.id}`;
    if (team.members.length !== neededOf(i, t)) return `wrong size on ${t.id}`;
    if (new Set(team.members).size !== team.members.length) return `duplicate member on ${t.id}`;
    if (!members.every((m) => t.eligible(m))) return `ineligible member on ${t.id}`;
    if (!hasOwnMemberPerGroup(distinctGroups(t.groups), members)) return `groups not covered on ${t.id}`;
    for (const id of team.members) load.set(id, (load.get(id) ?? 0) + 1);
  }
  for (const [id, n] of load) if (n > byId.get(id)!.capacity) return `${id} over capacity`;
  return null;
}

/**
 * Whether the targets can all be staffed, by an explicit max-flow (Edmonds–Karp) on the documented
 * model: source → one slot per group (its members only) and general slots → (target, candidate)
 * pair of capacity 1 → candidate of its capacity → sink. Independent of the matcher's implicit graph.
 */
function flowFeasible(i: MatchInput, targets: readonly MatchTarget[]): boolean {
  const cands = i.candidates;
  const edges: { to: number; cap: number }[] = [];
  const out: number[][] = [];
  const node = (): number => out.push([]) - 1;
  const edge = (a: number, b: number, cap: number): void => {
    out[a].push(edges.length);
    edges.push({ to: b, cap });
    out[b].push(edges.length);
    edges.push({ to: a, cap: 0 });
  };
  const [source, sink] = [node(), node()];
  const candNode = cands.map((c) => {
    const v = node();
    edge(v, sink, c.capacity);
    return v;
  });
  let demand = 0;
  for (const t of targets) {
    const groups = distinctGroups(t.groups);
    const pairs = cands.map((c, k) => {
      if (!t.eligible(c)) return -1;
      const v = node();
      edge(v, candNode[k], 1);
      return v;
    });
    const kinds: (MatchGroup | null)[] = [...groups, ...Array.from({ length: neededOf(i, t) - groups.length }, () => null)];
    for (const g of kinds) {
      const slot = node();
      edge(source, slot, 1);
      demand++;
      cands.forEach((c, k) => pairs[k] >= 0 && (g === null || inGroup(c, g)) && edge(slot, pairs[k], 1));
    }
  }
  let flow = 0;
  for (;;) {
    const via = new Array<number>(out.length).fill(-1);
    const queue = [source];
    via[source] = -2;
    while (queue.length && via[sink] === -1) {
      const v = queue.shift()!;
      for (const e of out[v]) if (edges[e].cap > 0 && via[edges[e].to] === -1) (via[edges[e].to] = e), queue.push(edges[e].to);
    }
    if (via[sink] === -1) return flow === demand;
    for (let v = sink; v !== source; v = edges[via[v] ^ 1].to) {
      edges[via[v]].cap--;
      edges[via[v] ^ 1].cap++;
    }
    flow++;
  }
}

interface Instance {
  input: MatchInput;
}

/** Random small instance: up to 5 targets, 6 candidates, groups from 3 specialties and 2 departments. */
function randomInstance(seed: number): Instance {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const specialties = ['food', 'drugs', 'equipment'];
  const candidates = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, k) =>
    candidate(`C${k}`, {
      departmentId: 1 + Math.floor(random() * 2),
      specialties: specialties.filter(() => random() < 0.4),
      capacity: Math.floor(random() * 4),
    }));
  const eligibility = random() < 0.3 ? 0.55 : 0.85;
  const targets = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, k) => {
    const allowed = candidates.filter(() => random() < eligibility).map((c) => c.id);
    const groups = Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.7 ? specialty(pick(specialties)) : department(String(1 + Math.floor(random() * 2)))));
    return target(`T${k}`, allowed, groups);
  });
  return { input: input(targets, candidates, { teamSize: 1 + Math.floor(random() * 3), seed: seedNumber(seed) }) };
}

// ---------------------------------------------------------------------------------------------

describe('the draw itself', () => {
  test('same input, same teams; the candidates’ listing order and the groups’ order do not matter', () => {
    const cands = ['K3', 'A1', 'B2', 'Z9', 'M5', 'C7'].map((id, k) => candidate(id, { specialties: k % 2 ? ['food'] : ['drugs'] }));
    const targets = [target('T1', null, [specialty('food'), specialty('drugs')]), target('T2'), target('T3', ['A1', 'B2', 'K3'])];
    const once = match(input(targets, cands));
    expect(match(input(targets, cands))).toEqual(once);
    expect(match(input(targets, [...cands].reverse()))).toEqual(once);
    const swapped = [target('T1', null, [specialty('drugs'), specialty('food'), specialty('drugs')]), targets[1], targets[2]];
    expect(match(input(swapped, cands))).toEqual(once);
    expect(once.unstaffed).toEqual([]);
    expect(ruleViolation(input(targets, cands), once)).toBeNull();
  });

  test('another seed gives other teams', () => {
    const cands = Array.from({ length: 40 }, (_, k) => candidate(`P${String(k).padStart(2, '0')}`));
    const targets = Array.from({ length: 10 }, (_, k) => target(`T${k}`));
    const a = match(input(targets, cands));
    const b = match(input(targets, cands, { seed: seedNumber(1) }));
    expect(a.teams).not.toEqual(b.teams);
  });

  test('the randomness is draw-v1: a rotation, one Fisher–Yates per slot over the free fitting candidates, the leader last', () => {
    // Everyone eligible, no groups, capacity to spare: each slot draws from all candidates.
    const ids = Array.from({ length: 25 }, (_, k) => `I${String(k).padStart(2, '0')}`);
    const cands = ids.map((id) => candidate(id, { capacity: 100 }));
    const targets = ['91A', '91B', '91C'].map((id) => target(id));
    const result = match(input(targets, cands, { teamSize: 3 }));
    for (const t of targets) {
      const seedHex = segmentSeed(SEED, `${LABEL}/${t.id}`, nodeSha256);
      expect(targetSegmentSeed({ seed: SEED, label: LABEL }, t.id, nodeSha256)).toBe(seedHex);
      expect(targetSegmentLabel(LABEL, t.id)).toBe(`${LABEL}/${t.id}`);
      const next: NextWord = wordStream(seedHex, nodeSha256);
      randBelow(ids.length, next); // the rotation
      const joined: string[] = [];
      for (let slot = 0; slot < 3; slot++) {
        for (const position of pickIndexSequence(ids.length, ids.length, next)) {
          if (!joined.includes(ids[position])) {
            joined.push(ids[position]);
            break;
          }
        }
      }
      const [leader] = joined.splice(randBelow(3, next), 1);
      expect(teamOf(result, t.id)).toEqual([leader, ...joined]);
    }
  });

  test('the leader is drawn: in teams of three the first-drawn member leads about a third of the time', () => {
    const cands = Array.from({ length: 30 }, (_, k) => candidate(`P${String(k).padStart(2, '0')}`, { capacity: 1000 }));
    const targets = Array.from({ length: 600 }, (_, k) => target(`T${k}`));
    const result = match(input(targets, cands, { teamSize: 3 }));
    // The leader equals each drawn member with chance 1/3; count how often it is the member drawn first.
    let firstDrawnLeads = 0;
    for (const t of targets) {
      const next = wordStream(segmentSeed(SEED, `${LABEL}/${t.id}`, nodeSha256), nodeSha256);
      randBelow(30, next);
      const first = [...pickIndexSequence(30, 1, next)][0];
      if (teamOf(result, t.id)![0] === cands[first].id) firstDrawnLeads++;
    }
    expect(firstDrawnLeads).toBeGreaterThan(150);
    expect(firstDrawnLeads).toBeLessThan(250);
  });
});

test('the worked example of docs/team-draw.md', () => {
  const cands = [
    candidate('ZJ14060203', { specialties: ['pesticide'], capacity: 1 }),
    candidate('ZJ14060201', { specialties: ['pesticide'], capacity: 1 }),
    candidate('ZJ14060204', { specialties: ['seed'], capacity: 1 }),
    candidate('ZJ14060202', { capacity: 1 }),
  ];
  const i = input(
    [target('91140602MA0L3K7X2P', null, [specialty('pesticide')]), { id: '91140602MA0L5C1R8Y', groups: [], eligible: (c) => c.id !== 'ZJ14060202' }],
    cands,
    { seed: '43c990bb99785a0662a0c3a1669c57b9a187d5d3f4c0d8edbcfd333d5605d8fb', label: 'inspectors/draw-12' },
  );
  expect(targetSegmentSeed(i, '91140602MA0L3K7X2P', nodeSha256)).toBe('cdae148233b693ac056018ead8d8d95602ca6a7e7a2bb5694cbb498424cbf329');
  expect(targetSegmentSeed(i, '91140602MA0L5C1R8Y', nodeSha256)).toBe('90458ce1b8d74ee3cbd83dc2b054379ca488c8115a932b4800f2b8394d3f575c');
  expect(match(i)).toEqual({
    teams: [
      { target: '91140602MA0L3K7X2P', members: ['ZJ14060202', 'ZJ14060203'] },
      { target: '91140602MA0L5C1R8Y', members: ['ZJ14060204', 'ZJ14060201'] },
    ],
    unstaffed: [],
  });
});

describe('constraints', () => {
  test('members are eligible and distinct, capacities hold', () => {
    const cands = ['A', 'B', 'C', 'D', 'E'].map((id) => candidate(id, { capacity: 2 }));
    const targets = [target('T1', ['A', 'B', 'C']), target('T2', ['A', 'B', 'C']), target('T3', ['A', 'B', 'C', 'D', 'E']), target('T4', ['D', 'E', 'A'])];
    const i = input(targets, cands);
    const result = match(i);
    expect(ruleViolation(i, result)).toBeNull();
    expect(result.unstaffed).toEqual([]);
    expect(verifyTeams(i, result, nodeSha256)).toEqual({ ok: true });
  });

  test('capacity: an inspector with capacity 1 is on one team at most, capacity 0 on none', () => {
    const cands = [candidate('A', { capacity: 1 }), candidate('B', { capacity: 1 }), candidate('C', { capacity: 0 })];
    const i = input([target('T1'), target('T2')], cands);
    const result = match(i);
    expect(result.teams).toHaveLength(1);
    expect([...result.teams[0].members].sort()).toEqual(['A', 'B']);
    expect(result.unstaffed).toEqual([{ target: 'T2', reason: 'CAPACITY_EXHAUSTED', eligible: 3, needed: 2, missingGroups: [] }]);
  });

  test('a specialty group needs a member of that specialty; the team size grows to one member per group', () => {
    const cands = [candidate('A', { specialties: ['food'] }), candidate('B', { specialties: ['drugs'] }), candidate('C'), candidate('D'), candidate('E', { specialties: ['equipment'] })];
    const groups = [specialty('food'), specialty('drugs'), specialty('equipment')];
    expect(neededFor(2, groups)).toBe(3);
    const i = input([target('T1', null, groups)], cands);
    const result = match(i);
    expect([...teamOf(result, 'T1')!].sort()).toEqual(['A', 'B', 'E']);
  });

  test('a department group (joint task) needs a member of that department', () => {
    const cands = [
      candidate('M1', { departmentId: 7 }), candidate('M2', { departmentId: 7 }), candidate('M3', { departmentId: 7 }),
      candidate('H1', { departmentId: 12 }),
    ];
    const i = input([target('T1', null, [department('7'), department('12')]), target('T2', null, [department('12')])], cands);
    const result = match(i);
    expect(teamOf(result, 'T1')).toContain('H1');
    expect(teamOf(result, 'T2')).toContain('H1');
    expect(ruleViolation(i, result)).toBeNull();
  });

  test('one member counts for one group only (documented limitation): two groups covered by one person are not enough', () => {
    const cands = [candidate('A', { specialties: ['food', 'drugs'] }), candidate('B'), candidate('C')];
    const i = input([target('T1', null, [specialty('food'), specialty('drugs')])], cands);
    const result = match(i);
    expect(result.teams).toEqual([]);
    expect(result.unstaffed[0]).toMatchObject({ reason: 'GROUP_NOT_COVERED', needed: 2, eligible: 3 });
    expect(result.unstaffed[0].missingGroups).toEqual([specialty('drugs'), specialty('food')]);
  });

  test('canonicalGroups removes repeats and sorts by kind, then value', () => {
    expect(canonicalGroups([specialty('b'), department('9'), specialty('a'), specialty('b')])).toEqual([department('9'), specialty('a'), specialty('b')]);
  });
});

describe('repair: where a greedy draw paints itself into a corner', () => {
  /**
   * A, B, C, D have room for one team each. T1 may take anyone, T2 only A or B. When T1's draw takes A
   * or B (as it does for most seeds), a greedy pass leaves T2 with one candidate: the repair must
   * move T1's A or B to C or D.
   */
  const cands = ['A', 'B', 'C', 'D'].map((id) => candidate(id, { capacity: 1 }));
  const targets = [target('T1'), target('T2', ['A', 'B'])];

  /** What T1's draw takes: rotation, then slot 0 and slot 1 from the free candidates. */
  function greedyPicks(seed: string): string[] {
    const next = wordStream(segmentSeed(seed, `${LABEL}/T1`, nodeSha256), nodeSha256);
    randBelow(4, next);
    const first = ['A', 'B', 'C', 'D'][randBelow(4, next)];
    const rest = ['A', 'B', 'C', 'D'].filter((id) => id !== first);
    return [first, rest[randBelow(3, next)]];
  }

  test('both targets are staffed for every seed, also those where the greedy picks block T2', () => {
    let cornered = 0;
    for (let k = 0; k < 40; k++) {
      const seed = seedNumber(k);
      const picks = greedyPicks(seed);
      const i = input(targets, cands, { seed });
      const result = match(i);
      expect(result.unstaffed).toEqual([]);
      expect([...teamOf(result, 'T2')!].sort()).toEqual(['A', 'B']);
      expect([...teamOf(result, 'T1')!].sort()).toEqual(['C', 'D']);
      expect(verifyTeams(i, result, nodeSha256)).toEqual({ ok: true });
      if (picks.some((id) => id === 'A' || id === 'B')) cornered++;
    }
    expect(cornered).toBeGreaterThan(20); // the repair really was needed, many times
  });

  test('drawn a part at a time: the same result, and a team read early can still change', () => {
    let changed = 0;
    for (let k = 0; k < 40; k++) {
      const i = input(targets, cands, { seed: seedNumber(k) });
      const matching = startTeamMatching(i, nodeSha256);
      matching.drawUntil(1);
      expect(matching.drawn).toBe(1);
      expect(() => matching.result()).toThrow('not finished');
      const early = matching.teams(0, 2); // only T1 is drawn yet
      expect(early.map((t) => t.target)).toEqual(['T1']);
      matching.drawUntil(5);
      const result = matching.result();
      expect(result).toEqual(match(i));
      if (early[0].members.join() !== teamOf(result, 'T1')!.join()) changed++;
    }
    expect(changed).toBeGreaterThan(20); // T2's repair moved T1's member
  });

  test('a chain: the repair moves members across several earlier teams', () => {
    // T1..T3 may take anyone of a ring; the last target fits only what the first ones probably took.
    const ring = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].map((id) => candidate(id, { capacity: 1 }));
    const chain = [target('T1', ['R1', 'R2', 'R3', 'R4']), target('T2', ['R1', 'R2', 'R5', 'R6']), target('T3', ['R1', 'R2'])];
    const i = input(chain, ring);
    for (let k = 0; k < 20; k++) {
      const result = match({ ...i, seed: seedNumber(k) });
      expect(result.unstaffed).toEqual([]);
      expect(ruleViolation(i, result)).toBeNull();
    }
  });

  test('a member moves between the slots of its own team to make room for a group', () => {
    // Slots: drugs, then food. X covers both, D only drugs, nobody else food. When the drugs slot draws X,
    // the food slot finds no one free: the repair moves X to the food slot and gives the drugs slot to D.
    const cands = [candidate('D', { specialties: ['drugs'] }), candidate('X', { specialties: ['food', 'drugs'] }), candidate('G')];
    let moved = 0;
    for (let k = 0; k < 20; k++) {
      const seed = seedNumber(k);
      const next = wordStream(segmentSeed(seed, `${LABEL}/T1`, nodeSha256), nodeSha256);
      randBelow(3, next); // the rotation
      if (['D', 'X'][randBelow(2, next)] === 'X') moved++;
      const result = match(input([target('T1', null, [specialty('food'), specialty('drugs')])], cands, { seed }));
      expect([...teamOf(result, 'T1')!].sort()).toEqual(['D', 'X']);
    }
    expect(moved).toBeGreaterThan(4);
  });
});

describe('unstaffed targets and their reasons', () => {
  test('TOO_FEW_ELIGIBLE: fewer eligible than the team needs', () => {
    const cands = [candidate('A'), candidate('B'), candidate('C')];
    const result = match(input([target('T1', ['A'])], cands, { teamSize: 2 }));
    expect(result.unstaffed).toEqual([{ target: 'T1', reason: 'TOO_FEW_ELIGIBLE', eligible: 1, needed: 2, missingGroups: [] }]);
  });

  test('TOO_FEW_ELIGIBLE also when the team size exceeds all candidates', () => {
    const result = match(input([target('T1')], [candidate('A'), candidate('B')], { teamSize: 3 }));
    expect(result.unstaffed[0]).toMatchObject({ reason: 'TOO_FEW_ELIGIBLE', eligible: 2, needed: 3 });
    expect(match(input([target('T1')], [])).unstaffed[0]).toMatchObject({ reason: 'TOO_FEW_ELIGIBLE', eligible: 0, needed: 2 });
  });

  test('GROUP_NOT_COVERED: no eligible member of a group (the ineligible specialist does not count)', () => {
    const cands = [candidate('A'), candidate('B'), candidate('S', { specialties: ['food'] })];
    const result = match(input([target('T1', ['A', 'B'], [specialty('food'), department('1')])], cands));
    expect(result.unstaffed).toEqual([{ target: 'T1', reason: 'GROUP_NOT_COVERED', eligible: 2, needed: 2, missingGroups: [specialty('food')] }]);
  });

  test('CAPACITY_EXHAUSTED: enough eligible, but the earlier targets use them up; later ones are still staffed', () => {
    const cands = [candidate('A', { capacity: 1 }), candidate('B', { capacity: 1 }), candidate('C', { capacity: 1 }), candidate('D', { capacity: 1 })];
    const targets = [target('T1', ['A', 'B']), target('T2', ['A', 'B', 'C']), target('T3', ['C', 'D'])];
    const result = match(input(targets, cands));
    expect(result.teams.map((t) => t.target)).toEqual(['T1', 'T3']);
    expect(result.unstaffed).toEqual([{ target: 'T2', reason: 'CAPACITY_EXHAUSTED', eligible: 3, needed: 2, missingGroups: [] }]);
  });

  test('uncoverableGroups finds the groups that lack distinct members', () => {
    expect(uncoverableGroups([[1], [1], [2]])).toEqual([0, 1]);
    expect(uncoverableGroups([[1, 2], [1, 2], [3]])).toEqual([]);
    expect(uncoverableGroups([[], [4]])).toEqual([0]);
    expect(uncoverableGroups([[1], [1, 2], [2], [3]])).toEqual([0, 1, 2]);
  });
});

describe('brute force: on small random instances the draw staffs exactly the targets the rule says', () => {
  test('600 instances: feasible ⇔ all staffed; otherwise the same targets as the exhaustive priority rule; valid teams; right reasons', () => {
    let allStaffable = 0;
    let someUnstaffed = 0;
    const reasons = new Set<string>();
    for (let k = 1; k <= 600; k++) {
      const { input: i } = randomInstance(k);
      const result = match(i);
      const context = `instance ${k}`;
      expect([context, ruleViolation(i, result)]).toEqual([context, null]);
      const expected = bruteForceStaffed(i);
      expect([context, result.teams.map((t) => t.target)]).toEqual([context, expected]);
      if (feasible(i, i.targets)) {
        allStaffable++;
        expect([context, result.unstaffed]).toEqual([context, []]);
      } else someUnstaffed++;
      for (const u of result.unstaffed) {
        const t = i.targets.find((x) => x.id === u.target)!;
        const want = expectedReason(i, t);
        expect([context, u.reason, u.eligible, u.needed]).toEqual([context, want.reason, want.eligible, want.needed]);
        expect([context, u.missingGroups.length === 0]).toEqual([context, want.groupsCoverable]);
        reasons.add(u.reason);
      }
      expect([context, verifyTeams(i, result, nodeSha256)]).toEqual([context, { ok: true }]);
    }
    expect(allStaffable).toBeGreaterThan(100);
    expect(someUnstaffed).toBeGreaterThan(100);
    expect([...reasons].sort()).toEqual(['CAPACITY_EXHAUSTED', 'GROUP_NOT_COVERED', 'TOO_FEW_ELIGIBLE']);
  });
});

describe('max-flow check: on medium random instances the staffed targets are exactly those the priority rule gives', () => {
  test('150 instances of up to 40 targets and 14 candidates with tight capacity', () => {
    let unstaffed = 0;
    for (let k = 1; k <= 150; k++) {
      const random = prng(1000 + k);
      const specialties = ['food', 'drugs', 'equipment'];
      const cands = Array.from({ length: 6 + Math.floor(random() * 9) }, (_, c) =>
        candidate(`C${String(c).padStart(2, '0')}`, { departmentId: 1 + (c % 2), specialties: specialties.filter(() => random() < 0.35), capacity: Math.floor(random() * 5) }));
      const targets = Array.from({ length: 10 + Math.floor(random() * 31) }, (_, t) => {
        const allowed = new Set(cands.filter(() => random() < 0.75).map((c) => c.id));
        const groups = random() < 0.6 ? [specialty(specialties[Math.floor(random() * 3)])] : random() < 0.5 ? [department(String(1 + Math.floor(random() * 2)))] : [];
        return { id: `T${t}`, groups, eligible: (c: MatchCandidate) => allowed.has(c.id) };
      });
      const i = input(targets, cands, { teamSize: 1 + Math.floor(random() * 3), seed: seedNumber(k) });
      const result = match(i);
      const context = `instance ${k}`;
      expect([context, ruleViolation(i, result)]).toEqual([context, null]);
      const staffed: MatchTarget[] = [];
      for (const t of targets) if (flowFeasible(i, [...staffed, t])) staffed.push(t);
      expect([context, result.teams.map((t) => t.target)]).toEqual([context, staffed.map((t) => t.id)]);
      unstaffed += result.unstaffed.length;
    }
    expect(unstaffed).toBeGreaterThan(300);
  });

  test('the explicit max-flow agrees with brute force on the small instances', () => {
    for (let k = 1; k <= 200; k++) {
      const { input: i } = randomInstance(k);
      expect([k, flowFeasible(i, i.targets)]).toEqual([k, feasible(i, i.targets)]);
    }
  });
});

describe('a failed attempt leaves nothing behind', () => {
  test('what a failing target tried stays usable for the next one', () => {
    // T0 takes Y and Z (for the seeds used). T1 wants A and Y: Y could leave T0 only for A, which T1
    // needs itself, so T1 fails after taking A. T2 wants W and Y: Y leaves T0, A replaces it there.
    const cands = ['A', 'W', 'Y', 'Z'].map((id) => candidate(id, { capacity: 1 }));
    const targets = [target('T0', ['A', 'Y', 'Z']), target('T1', ['A', 'Y']), target('T2', ['W', 'Y'])];
    let checked = 0;
    for (let k = 0; checked < 5; k++) {
      const i = input(targets, cands, { seed: seedNumber(k) });
      const alone = match({ ...i, targets: [targets[0]] });
      if ([...alone.teams[0].members].sort().join() !== 'Y,Z') continue;
      const result = match(i);
      expect(result.unstaffed).toEqual([{ target: 'T1', reason: 'CAPACITY_EXHAUSTED', eligible: 2, needed: 2, missingGroups: [] }]);
      expect([...teamOf(result, 'T0')!].sort()).toEqual(['A', 'Z']);
      expect([...teamOf(result, 'T2')!].sort()).toEqual(['W', 'Y']);
      checked++;
    }
  });
});

describe('verifyTeams', () => {
  const cands = ['A', 'B', 'C', 'D', 'E', 'F'].map((id, k) => candidate(id, { capacity: 2, specialties: k < 2 ? ['food'] : [] }));
  const targets = [target('T1', null, [specialty('food')]), target('T2', ['A', 'B', 'C', 'D', 'E']), target('T3', ['C', 'D', 'E', 'F']), target('T4', ['A', 'F'], [specialty('drugs')])];
  const i = input(targets, cands);
  const honest = match(i);
  const tampered = (change: (r: MatchResult) => void): MatchResult => {
    const copy: MatchResult = JSON.parse(JSON.stringify(honest));
    change(copy);
    return copy;
  };
  const problemOf = (r: MatchResult): string => {
    const v = verifyTeams(i, r, nodeSha256);
    return v.ok ? 'ok' : v.problem;
  };

  test('accepts the honest result', () => {
    expect(honest.teams).toHaveLength(3);
    expect(honest.unstaffed).toEqual([{ target: 'T4', reason: 'GROUP_NOT_COVERED', eligible: 2, needed: 2, missingGroups: [specialty('drugs')] }]);
    expect(verifyTeams(i, honest, nodeSha256)).toEqual({ ok: true });
  });

  test('catches an ineligible member', () => {
    expect(problemOf(tampered((r) => (r.teams.find((t) => t.target === 'T3')!.members[0] = 'A')))).toBe('inspector A is not eligible for target T3');
  });

  test('catches a valid-looking team that is not the draw’s (another eligible member), and a swapped leader', () => {
    const t2 = honest.teams.find((t) => t.target === 'T2')!;
    const other = ['A', 'B', 'C', 'D', 'E'].find((id) => !t2.members.includes(id))!;
    const swappedMember = tampered((r) => (r.teams.find((t) => t.target === 'T2')!.members[1] = other));
    expect(problemOf(swappedMember)).toMatch(/^(target T2: the draw gives|inspector .* may join only)/);
    const swappedLeader = tampered((r) => r.teams.find((t) => t.target === 'T2')!.members.reverse());
    expect(problemOf(swappedLeader)).toBe(`target T2: the draw gives [${t2.members.join(', ')}] (leader ${t2.members[0]}), the result has [${[...t2.members].reverse().join(', ')}]`);
  });

  test('catches a missing group, a wrong size, a repeated member, an unknown one', () => {
    expect(problemOf(tampered((r) => (r.teams.find((t) => t.target === 'T1')!.members = ['C', 'D'])))).toBe('the team of target T1 does not have a distinct member for each of specialty food');
    expect(problemOf(tampered((r) => r.teams[0].members.pop()))).toMatch(/has 1 members, it must have 2/);
    expect(problemOf(tampered((r) => (r.teams[0].members[1] = r.teams[0].members[0])))).toMatch(/lists an inspector twice/);
    expect(problemOf(tampered((r) => (r.teams[0].members[1] = 'NOBODY')))).toMatch(/inspector NOBODY .* is not a candidate/);
  });

  test('catches over-capacity, a dropped or duplicated target, a wrong reason', () => {
    const overloaded = input(targets, cands.map((c) => ({ ...c, capacity: c.id === honest.teams[0].members[0] ? 0 : c.capacity })));
    const v = verifyTeams(overloaded, honest, nodeSha256);
    expect(v.ok ? 'ok' : v.problem).toMatch(/^inspector [A-F] is on [12] teams but may join only 0$/);
    expect(problemOf(tampered((r) => r.teams.pop()))).toMatch(/neither staffed nor listed as unstaffed/);
    expect(problemOf(tampered((r) => r.teams.push(r.teams[0])))).toMatch(/listed more than once/);
    expect(problemOf(tampered((r) => (r.unstaffed[0].reason = 'CAPACITY_EXHAUSTED')))).toBe('target T4 is unstaffed because of GROUP_NOT_COVERED, the result says CAPACITY_EXHAUSTED');
    expect(problemOf(tampered((r) => (r.unstaffed[0].eligible = 5)))).toBe('target T4 has 2 eligible inspectors, the result says 5');
    expect(problemOf(tampered((r) => (r.unstaffed[0].missingGroups = [])))).toMatch(/groups that cannot be covered are \[specialty drugs\]/);
  });

  test('catches a staffable target reported unstaffed (the draw would staff it)', () => {
    const r = tampered((x) => {
      const [dropped] = x.teams.splice(1, 1);
      x.unstaffed.unshift({ target: dropped.target, reason: 'CAPACITY_EXHAUSTED', eligible: 5, needed: 2, missingGroups: [] });
    });
    expect(problemOf(r)).toBe(`target T2: the draw gives [${honest.teams[1].members.join(', ')}] (leader ${honest.teams[1].members[0]}), the result has no team`);
  });

  test('reports bad input and a malformed result instead of throwing', () => {
    expect(problemOf({ teams: null } as unknown as MatchResult)).toMatch(/must have a list of teams/);
    const v = verifyTeams({ ...i, label: 'objects/x' }, honest, nodeSha256);
    expect(v.ok ? 'ok' : v.problem).toMatch(/label must be a draw-v1 label starting with "inspectors\/"/);
  });
});

describe('input checks', () => {
  const ok = input([target('T1')], [candidate('A'), candidate('B')]);
  test.each([
    ['seed', { seed: 'XYZ' }, /seed/],
    ['label prefix', { label: 'objects/1' }, /inspectors\//],
    ['label characters', { label: 'inspectors/空' }, /label/],
    ['segment label length', { label: `inspectors/${'x'.repeat(115)}` }, /longer than 128/],
    ['team size', { teamSize: 0 }, /teamSize/],
    ['duplicate candidate', { candidates: [candidate('A'), candidate('A')] }, /listed twice/],
    ['capacity', { candidates: [candidate('A', { capacity: -1 })] }, /capacity/],
    ['candidate id', { candidates: [candidate('A B')] }, /not a valid draw-v1 id/],
    ['duplicate target', { targets: [target('T1'), target('T1')] }, /listed twice/],
    ['group kind', { targets: [target('T1', null, [{ kind: 'OTHER', value: 'x' } as unknown as MatchGroup])] }, /group/],
  ])('%s', (_name, change, message) => {
    expect(() => checkMatchInput({ ...ok, ...change } as MatchInput)).toThrow(message);
    expect(() => match({ ...ok, ...change } as MatchInput)).toThrow(RangeError);
  });
});

describe('scale', () => {
  test('5,000 targets × 400 candidates, tight capacity: valid, complete where possible, quick', () => {
    const random = prng(99);
    const specialties = ['food', 'drugs', 'equipment', 'pricing'];
    const cands = Array.from({ length: 400 }, (_, k) => candidate(`Q${String(k).padStart(4, '0')}`, { specialties: [specialties[k % 4]], capacity: 20 + Math.floor(random() * 10), departmentId: 1 + (k % 3) }));
    const blocked = new Set(cands.filter(() => random() < 0.05).map((c) => c.id));
    const targets = Array.from({ length: 5000 }, (_, k) => {
      const conflicts = new Set(Array.from({ length: 4 }, () => cands[Math.floor(random() * 400)].id));
      return { id: `T${k}`, groups: [specialty(specialties[Math.floor(random() * 4)])], eligible: (c: MatchCandidate) => !blocked.has(c.id) && !conflicts.has(c.id) };
    });
    const i = input(targets, cands);
    const start = Date.now();
    const result = match(i);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(ruleViolation(i, result)).toBeNull();
    // about 9,300 usable team places for 10,000 needed: most are staffed, the rest for capacity
    expect(result.teams.length).toBeGreaterThan(4500);
    expect(result.unstaffed.every((u) => u.reason === 'CAPACITY_EXHAUSTED')).toBe(true);
    expect(verifyTeams(i, result, nodeSha256)).toEqual({ ok: true });
  });
});
