import { DataSource, EntityManager } from 'typeorm';
import { ParticipantStatus } from '../../domain/joint-rules';

/**
 * The department paths of the confirmed participants of a draw's joint task, so that the
 * supervisors above a participant follow the draw in their jurisdiction stream as well as those
 * above the lead. Participants cannot change once a draw exists (PARTICIPANT_LOCKED_IN), so what a
 * draw's audience is stays true for its whole life: remembered per draw, within a bound.
 */
const REMEMBERED_DRAWS = 10_000;
/** Per database (a process may hold several, as the tests do): draw ids are only unique within one. */
const rememberedBy = new WeakMap<DataSource, Map<number, string[]>>();

export async function participantPathsOf(db: DataSource | EntityManager, drawIds: readonly number[]): Promise<Map<number, string[]>> {
  const source = db instanceof DataSource ? db : db.connection;
  const remembered = rememberedBy.get(source) ?? rememberedBy.set(source, new Map()).get(source)!;
  const missing = [...new Set(drawIds)].filter((id) => !remembered.has(id));
  if (missing.length) {
    const rows: { drawId: number; path: string }[] = await db.query(
      `SELECT d.id AS drawId, dep.path AS path FROM draw d
       JOIN task_participant tp ON tp.taskId = d.taskId AND tp.status = ?
       JOIN department dep ON dep.id = tp.departmentId
       WHERE d.id IN (${missing.map(() => '?').join(',')})`,
      [ParticipantStatus.CONFIRMED, ...missing],
    );
    for (const id of missing) remembered.set(id, []);
    for (const row of rows) remembered.get(Number(row.drawId))!.push(row.path);
    while (remembered.size > REMEMBERED_DRAWS) remembered.delete(remembered.keys().next().value!);
  }
  return new Map(drawIds.map((id) => [id, remembered.get(id)!]));
}

/** Is a draw in the jurisdiction of the department at `prefix`: its own department's, or a participant's? */
export const inJurisdiction = (prefix: string, departmentPath: string, participantPaths: readonly string[]): boolean =>
  departmentPath.startsWith(prefix) || participantPaths.some((path) => path.startsWith(prefix));

/** The same test in SQL over draw_event `e`, for reading a jurisdiction's backlog. */
export const inJurisdictionSql = (prefixParam: string): string =>
  `(e.departmentPath LIKE :${prefixParam} OR EXISTS (SELECT 1 FROM draw jd JOIN task_participant jp ON jp.taskId = jd.taskId AND jp.status = '${ParticipantStatus.CONFIRMED}'
     JOIN department jdep ON jdep.id = jp.departmentId WHERE jd.id = e.drawId AND jdep.path LIKE :${prefixParam}))`;
