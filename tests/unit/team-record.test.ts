import { nodeSha256 } from '../../server/domain/draw-v1-node';
import { matchTeams } from '../../server/domain/team-matching';
import { expertPick, ExpertRound, ineligibleCounts, roundInput, TEAM_RECORD_PROTOCOL, TeamRecord, teamRecordShapeProblem, TeamRound, verifyTeamRecord } from '../../server/domain/team-record';

/** The published team record (docs/teams.md): factored eligibility, rounds reproduced, tampering found. */
const SEED = '43c990bb99785a0662a0c3a1669c57b9a187d5d3f4c0d8edbcfd333d5605d8fb';

function teamRound(): TeamRound {
  const candidates = ['ZF01', 'ZF02', 'ZF03', 'ZF04', 'ZF05', 'ZF06'].map((id, k) => ({ id, certificateNumber: id, name: `执法员${k}`, departmentId: 1, specialties: k % 2 ? ['SEEDS'] : ['PESTICIDES'], capacity: 2 }));
  const round: TeamRound = {
    teamDrawId: 1, kind: 'TEAMS', label: 'inspectors/draw-9', seed: SEED, teamSize: 2, drawnAt: '2026-03-01T00:00:00.000Z', drawnBy: 'operator', departmentId: 1,
    policy: { teamSize: 2, requireSpecialtyCoverage: true, recuseSameTownship: true, workloadLimit: 30 }, candidateDepartmentIds: [1], candidates,
    windows: [{ start: '2026-03-01', end: '2026-03-31', ineligible: [['ZF06', 'CERTIFICATE_NOT_VALID_FOR_WINDOW']] }],
    townships: { '140603100': ['ZF01', 'ZF03'] },
    targets: [
      { id: '92140603MA0000001X', visitId: 11, window: 0, township: '140603100', groups: [{ kind: 'SPECIALTY', value: 'PESTICIDES' }], ineligible: [['ZF05', 'CONFLICT_DECLARED']] },
      { id: '92140603MA0000002X', visitId: 12, window: 0, township: null, groups: [{ kind: 'SPECIALTY', value: 'PESTICIDES' }], ineligible: [] },
      { id: '92140603MA0000003X', visitId: 13, window: 0, township: null, groups: [], ineligible: [] },
    ],
    result: { teams: [], unstaffed: [] },
  };
  round.result = matchTeams(roundInput(round), nodeSha256);
  return round;
}

const record = (...rounds: TeamRecord['rounds']): TeamRecord => ({ protocol: TEAM_RECORD_PROTOCOL, drawId: 9, seed: SEED, rounds });

describe('team record', () => {
  test('eligibility is rebuilt from the window, township and per-target lists', () => {
    const round = teamRound();
    const [first] = roundInput(round).targets;
    const eligible = round.candidates.filter((c) => first.eligible(c)).map((c) => c.id);
    expect(eligible).toEqual(['ZF02', 'ZF04']);
    // ZF01 and ZF03 (same township), ZF05 (conflict), ZF06 (certificate) are out: the only pesticide inspector left is none.
    expect(round.result.unstaffed.map((u) => [u.target, u.reason])).toEqual([['92140603MA0000001X', 'GROUP_NOT_COVERED']]);
    expect(ineligibleCounts(round, 0)).toEqual([{ reason: 'CERTIFICATE_NOT_VALID_FOR_WINDOW', count: 1 }, { reason: 'CONFLICT_DECLARED', count: 1 }, { reason: 'SAME_TOWNSHIP', count: 2 }]);
    expect(round.result.teams.map((t) => t.target)).toEqual(['92140603MA0000002X', '92140603MA0000003X']);
  });

  test('a record verifies; a changed team or a changed expert does not, and a malformed one is named', () => {
    const round = teamRound();
    const expert: ExpertRound = {
      teamDrawId: 2, kind: 'EXPERT', label: 'experts/draw-9/12', seed: SEED, drawnAt: '2026-03-02T00:00:00.000Z', drawnBy: 'operator', departmentId: 1, visitId: 12, field: '',
      pool: ['expert-000000003', 'expert-000000001', 'expert-000000002'].map((id) => ({ id, name: id, organisation: '农科院', specialty: '农药' })), picked: '',
    };
    expert.picked = expertPick(expert, nodeSha256)!;
    const good = record(round, expert);
    expect(teamRecordShapeProblem(good)).toBeNull();
    expect(verifyTeamRecord(good, nodeSha256)).toEqual({ ok: true, rounds: 2, teams: 2, unstaffed: 1, experts: 1 });

    const swapped = structuredClone(good);
    const team = (swapped.rounds[0] as TeamRound).result.teams[0];
    team.members.reverse();
    expect(verifyTeamRecord(swapped, nodeSha256)).toMatchObject({ ok: false, round: 0, label: 'inspectors/draw-9' });

    const otherExpert = structuredClone(good);
    const e = otherExpert.rounds[1] as ExpertRound;
    e.picked = e.pool.map((x) => x.id).find((id) => id !== e.picked)!;
    expect(verifyTeamRecord(otherExpert, nodeSha256)).toMatchObject({ ok: false, round: 1 });

    expect(teamRecordShapeProblem({ ...good, seed: 'nope' })).toContain('seed');
    expect(teamRecordShapeProblem({ ...good, rounds: [{ ...round, seed: '0'.repeat(64) }] })).toContain("draw's seed");
  });
});
