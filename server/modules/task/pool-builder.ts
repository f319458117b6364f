import { DataSource } from 'typeorm';
import { regionPrefix } from '../../common/listing';
import { Candidate, exclusionOf, ExclusionReason, TaskContext } from '../../domain/eligibility';
import { ItemKind } from '../../domain/vocabulary';
import { InspectionItemVersion } from '../catalog/inspection-item.entity';
import { DrawStatus } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { PoolFilter } from './pool-filter';
import { Task, TaskItem, TaskSegment } from './task.entity';

/** A pool member: the public id the draw uses (credit code, or T<id> for targets without one). */
export interface PoolEntry { publicId: string; targetId: number; name: string }
export interface Exclusion { publicId: string; targetId: number; reason: ExclusionReason }
export interface SegmentPool { position: number; label: string; segment: TaskSegment; entries: PoolEntry[]; excluded: Exclusion[] }

const COUNTED_STATUSES = [DrawStatus.COMPLETED, DrawStatus.LOCKED, DrawStatus.ANNOUNCED];

interface TargetRow { id: number; creditCode: string | null; name: string; status: string; complaintCount: number; dishonest: number | boolean; seriousViolation: number | boolean }

function filterSql(filter: PoolFilter, params: unknown[]): string {
  const clauses: string[] = [];
  const list = (column: string, values?: readonly unknown[] | null) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  list('t.type', filter.types);
  list('t.riskLevel', filter.riskLevels);
  list('t.creditClass', filter.creditClasses);
  list('t.status', filter.statuses);
  if (filter.specialDirectories?.length) {
    clauses.push(`(${filter.specialDirectories.map(() => 't.specialDirectories LIKE ?').join(' OR ')})`);
    params.push(...filter.specialDirectories.map((d) => `%,${d},%`));
  }
  if (filter.regionCode) { clauses.push('t.regionCode LIKE ?'); params.push(`${regionPrefix(filter.regionCode)}%`); }
  if (filter.minComplaints != null) { clauses.push('t.complaintCount >= ?'); params.push(filter.minComplaints); }
  if (filter.dishonest != null) { clauses.push('t.dishonest = ?'); params.push(filter.dishonest ? 1 : 0); }
  if (filter.seriousViolation != null) { clauses.push('t.seriousViolation = ?'); params.push(filter.seriousViolation ? 1 : 0); }
  return clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
}

/** Public ids drawn at least twice this year by draws that stand (not voided, not still open), whichever directory they were drawn from. */
async function drawnTwice(ds: DataSource, year: number): Promise<Set<string>> {
  const rows: { publicId: string }[] = await ds.query(
    `SELECT p.publicId AS publicId FROM draw_pick p JOIN draw d ON d.id = p.drawId
     WHERE p.year = ? AND d.status IN (${COUNTED_STATUSES.map(() => '?').join(',')})
     GROUP BY p.publicId HAVING COUNT(*) >= 2`,
    [year, ...COUNTED_STATUSES],
  );
  return new Set(rows.map((r) => r.publicId));
}

export async function taskContext(ds: DataSource, task: Task): Promise<TaskContext> {
  const items = await ds.getRepository(TaskItem).findBy({ taskId: task.id });
  const versions = items.length ? await ds.getRepository(InspectionItemVersion).find({ where: items.map((i) => ({ itemId: i.itemId, version: i.itemVersion })) }) : [];
  return { hasKeyItem: versions.some((v) => v.kind === ItemKind.KEY), directed: task.kind === 'DIRECTED' };
}

/**
 * Forms every segment's pool by the published rules: the directories of the task's department and
 * all below it, each segment's filter, then the eligibility rules; a target matching two segments
 * belongs to the first. Pools come back in canonical (byte) order of public id.
 */
export async function formPools(ds: DataSource, task: Task): Promise<SegmentPool[]> {
  const department = await ds.getRepository(Department).findOneByOrFail({ id: task.departmentId });
  const departments = (await ds.getRepository(Department).createQueryBuilder('d').select('d.id', 'id').where('d.path LIKE :p', { p: `${department.path}%` }).getRawMany<{ id: number }>()).map((d) => Number(d.id));
  const segments = await ds.getRepository(TaskSegment).find({ where: { taskId: task.id }, order: { position: 'ASC' } });
  const context = await taskContext(ds, task);
  const capped = await drawnTwice(ds, task.year);
  const taken = new Set<string>();
  const pools: SegmentPool[] = [];
  for (const segment of segments) {
    const params: unknown[] = [...departments];
    const rows: TargetRow[] = await ds.query(
      `SELECT t.id AS id, t.creditCode AS creditCode, t.name AS name, t.status AS status, t.complaintCount AS complaintCount, t.dishonest AS dishonest, t.seriousViolation AS seriousViolation
       FROM target t WHERE t.departmentId IN (${departments.map(() => '?').join(',')})${filterSql(segment.filter ?? {}, params)} ORDER BY t.id`,
      params,
    );
    const entries: PoolEntry[] = [], excluded: Exclusion[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const targetId = Number(row.id);
      const publicId = row.creditCode ?? `T${targetId}`;
      if (seen.has(publicId)) continue; // the same business in two directories of the subtree is one candidate
      seen.add(publicId);
      if (taken.has(publicId)) { excluded.push({ publicId, targetId, reason: ExclusionReason.IN_EARLIER_SEGMENT }); continue; }
      const candidate: Candidate = { publicId, status: row.status, complaintCount: Number(row.complaintCount), dishonest: Boolean(Number(row.dishonest)), seriousViolation: Boolean(Number(row.seriousViolation)) };
      const reason = exclusionOf(candidate, capped.has(publicId) ? 2 : 0, context);
      if (reason) excluded.push({ publicId, targetId, reason });
      else entries.push({ publicId, targetId, name: row.name });
    }
    for (const e of entries) taken.add(e.publicId);
    entries.sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0));
    excluded.sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0));
    pools.push({ position: segment.position, label: segment.label, segment, entries, excluded });
  }
  return pools;
}

