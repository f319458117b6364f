import { EntityManager, In } from 'typeorm';
import { prepareInsert, PreparedWrite } from '../../db/bulk';
import { nextTurn, WriteBehind } from '../../db/write-behind';
import { nodeSha256 } from '../../domain/draw-v1-node';
import { MatchInput, MatchResult, StaffedTeam, startTeamMatching } from '../../domain/team-matching';
import { inChunks } from '../visit/form-visits.command';
import { VisitMember } from '../visit/visit.entity';

export interface StepSizes {
  /** Targets per bulk load of members. */
  targetsPerWrite: number;
  /** Targets drawn between two turns of the event loop, so that the loads under way make progress. */
  targetsPerTurn: number;
}

/** A few thousand member rows per load; a turn every few milliseconds of drawing. */
const STEP_SIZES: StepSizes = { targetsPerWrite: 4000, targetsPerTurn: 500 };

const membersText = (team: StaffedTeam) => team.members.join('\n');

export interface MemberWriting {
  /** The member rows of these teams (leader first). */
  rows(teams: StaffedTeam[]): Partial<VisitMember>[];
  /** The same in every row: how and when they were added, by whom. */
  constants: Pick<VisitMember, 'source' | 'addedAt' | 'addedById'>;
  /** The visit of each target, to rewrite a team that changed after it was stored. */
  visitIdOf(target: string): number;
}

/**
 * Runs the team draw while its members are stored, so that the database's work overlaps Node's:
 * the matching draws a part of the targets at a time, and the teams of each part are bulk-loaded,
 * one load after another on the transaction's connection, while the next parts are drawn. A later
 * target's augmenting path can still change an earlier team (see TeamMatching): such teams are
 * compared with the result at the end and written again. Returns the result at once, with the
 * writing, which the caller awaits (a failed load fails it, and the caller's transaction rolls back).
 */
export async function drawStoringMembers(
  em: EntityManager, input: MatchInput, writing: MemberWriting, sizes: StepSizes = STEP_SIZES,
): Promise<{ result: MatchResult; stored: Promise<void> }> {
  const prepare = (teams: StaffedTeam[]): Promise<PreparedWrite> =>
    prepareInsert(em, VisitMember, ['visitId', 'inspectorId', 'departmentId', 'role', 'ordinal'], writing.rows(teams), writing.constants);
  const matching = startTeamMatching(input, nodeSha256);
  const storedAs = new Map<string, string>();
  const writes = new WriteBehind();
  let from = 0;
  while (matching.drawn < matching.targetCount) {
    matching.drawUntil(matching.drawn + sizes.targetsPerTurn);
    if (matching.drawn - from >= sizes.targetsPerWrite || matching.drawn === matching.targetCount) {
      const teams = matching.teams(from, matching.drawn);
      for (const team of teams) storedAs.set(team.target, membersText(team));
      await writes.queue(await prepare(teams));
      from = matching.drawn;
    } else {
      await nextTurn();
    }
  }
  const result = matching.result();
  const stored = writes.flush().then(async () => {
    const changed = result.teams.filter((team) => storedAs.get(team.target) !== membersText(team));
    if (!changed.length) return;
    for (const visitIds of inChunks(changed.map((team) => writing.visitIdOf(team.target)))) {
      await em.getRepository(VisitMember).delete({ visitId: In(visitIds), source: writing.constants.source, addedAt: writing.constants.addedAt });
    }
    await (await prepare(changed))();
  });
  stored.catch(() => undefined); // awaited by the caller
  return { result, stored };
}
