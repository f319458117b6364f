import 'reflect-metadata';
import { nodeSha256 } from '../../server/domain/draw-v1-node';
import { MatchCandidate, MatchInput, matchTeams, StaffedTeam } from '../../server/domain/team-matching';
import { inTransaction } from '../../server/db/transaction';
import { drawStoringMembers, MemberWriting } from '../../server/modules/team/stored-matching';
import { VisitMember, VisitMemberRole, VisitMemberSource } from '../../server/modules/visit/visit.entity';
import { databases, openDatabase } from '../helpers/test-database';

/**
 * A, B, C, D have room for one team each; T1 may take anyone, T2 only A or B, T3 anyone left. For
 * most seeds T1's draw takes A or B, and T2's repair then moves T1's member: a team stored right after
 * T1 was drawn is not T1's final team.
 */
const candidates: MatchCandidate[] = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => ({ id, departmentId: 1, specialties: [], capacity: 1 }));
const inputFor = (seed: string): MatchInput => ({
  seed, label: 'inspectors/draw-3', teamSize: 2, candidates,
  targets: [
    { id: 'T1', groups: [], eligible: (c) => c.id !== 'E' && c.id !== 'F' },
    { id: 'T2', groups: [], eligible: (c) => c.id === 'A' || c.id === 'B' },
    { id: 'T3', groups: [], eligible: () => true },
  ],
});
const visitIds: Record<string, number> = { T1: 101, T2: 102, T3: 103 };
const inspectorIds: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };

function writingFor(written: StaffedTeam[][], addedAt: Date, breakRole = false): MemberWriting {
  return {
    rows(teams) {
      written.push(teams);
      return teams.flatMap((team) => team.members.map((id, ordinal) => ({
        visitId: visitIds[team.target], inspectorId: inspectorIds[id], departmentId: 1, ordinal,
        role: (breakRole ? null : ordinal === 0 ? VisitMemberRole.LEADER : VisitMemberRole.MEMBER) as VisitMemberRole,
      })));
    },
    constants: { source: VisitMemberSource.DRAWN, addedAt, addedById: 9 },
    visitIdOf: (target) => visitIds[target],
  };
}

describe.each(databases)('team members stored while the draw runs, on %s', (kind) => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => { db = await openDatabase(kind); });
  afterAll(async () => { await db.close(); });

  /** The stored teams: visit → inspector ids by ordinal (the leader first). */
  async function storedTeams(addedAt: Date): Promise<Map<number, number[]>> {
    const rows = await db.ds.getRepository(VisitMember).find({ where: { addedAt }, order: { visitId: 'ASC', ordinal: 'ASC' } });
    const teams = new Map<number, number[]>();
    for (const row of rows) teams.set(row.visitId, [...(teams.get(row.visitId) ?? []), row.inspectorId]);
    return teams;
  }

  test('one target per load: the stored teams are the result, also when a later target changed an earlier team', async () => {
    let rewritten = 0;
    for (let k = 0; k < 24; k++) {
      const seed = k.toString(16).padStart(64, '0');
      const addedAt = new Date(Date.UTC(2026, 10, 1, 0, 0, k));
      const written: StaffedTeam[][] = [];
      const result = await inTransaction(db.ds, async (em) => {
        const { result, stored } = await drawStoringMembers(em, inputFor(seed), writingFor(written, addedAt), { targetsPerWrite: 1, targetsPerTurn: 1 });
        await stored;
        return result;
      });
      expect(result).toEqual(matchTeams(inputFor(seed), nodeSha256));
      const expected = new Map(result.teams.map((team) => [visitIds[team.target], team.members.map((id) => inspectorIds[id])]));
      expect(await storedTeams(addedAt)).toEqual(expected);
      expect(written.slice(0, 3).map((teams) => teams.map((t) => t.target))).toEqual([['T1'], ['T2'], ['T3']]);
      if (written.length > 3) rewritten++;
    }
    expect(rewritten).toBeGreaterThan(5); // the rewrite was needed, for many seeds
  });

  test('a load that fails fails the writing, and the transaction leaves nothing behind', async () => {
    const addedAt = new Date(Date.UTC(2026, 10, 2));
    const attempt = inTransaction(db.ds, async (em) => {
      const { stored } = await drawStoringMembers(em, inputFor('ab'.repeat(32)), writingFor([], addedAt, true), { targetsPerWrite: 2, targetsPerTurn: 1 });
      await stored;
    });
    await expect(attempt).rejects.toThrow();
    expect(await storedTeams(addedAt)).toEqual(new Map());
  });
});
