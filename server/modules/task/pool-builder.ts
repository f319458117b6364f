import { isMysql } from '../../db/row-lock';
import { DataSource } from 'typeorm';
import { regionPrefix } from '../../common/listing';
import { exclusionOf, ExclusionReason, TaskContext } from '../../domain/eligibility';
import { ItemKind } from '../../domain/vocabulary';
import { InspectionItemVersion } from '../catalog/inspection-item.entity';
import { DrawStatus } from '../draw/draw.entity';
import { drawDirectoryDepartmentIds } from './joint-task.service';
import { PoolFilter } from './pool-filter';
import { Task, TaskItem, TaskSegment } from './task.entity';

/** A pool member: the public id the draw uses (credit code, or T<id> for targets without one). */
export interface PoolEntry { publicId: string; targetId: number }
export interface Exclusion { publicId: string; targetId: number; reason: ExclusionReason }
export interface SegmentPool { position: number; label: string; segment: TaskSegment; entries: PoolEntry[]; excluded: Exclusion[] }

const COUNTED_STATUSES = [DrawStatus.COMPLETED, DrawStatus.LOCKED, DrawStatus.ANNOUNCED];


/**
 * A special directory as a byte-wise substring test: a target's directories are stored as
 * ",A,B,", and a collation-aware LIKE '%,A,%' on MariaDB costs more than the rest of the scan.
 */
const inDirectorySql = (mariadb: boolean) => (mariadb ? 'INSTR(CAST(t.specialDirectories AS BINARY), ?) > 0' : 'instr(t.specialDirectories, ?) > 0');

function filterSql(filter: PoolFilter, params: unknown[], mariadb: boolean): string {
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
    clauses.push(`(${filter.specialDirectories.map(() => inDirectorySql(mariadb)).join(' OR ')})`);
    params.push(...filter.specialDirectories.map((d) => `,${d},`));
  }
  if (filter.regionCode) { clauses.push('t.regionCode LIKE ?'); params.push(`${regionPrefix(filter.regionCode)}%`); }
  if (filter.minComplaints != null) { clauses.push('t.complaintCount >= ?'); params.push(filter.minComplaints); }
  if (filter.dishonest != null) { clauses.push('t.dishonest = ?'); params.push(filter.dishonest ? 1 : 0); }
  if (filter.seriousViolation != null) { clauses.push('t.seriousViolation = ?'); params.push(filter.seriousViolation ? 1 : 0); }
  return clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
}

/** Public ids drawn at least twice this year by draws that stand (not voided, not still open), whichever directory they were drawn from. */
async function drawnTwice(ds: DataSource, year: number): Promise<Set<string>> {
  // The standing draws of a year are few; their picks are counted here rather than in a join.
  const standing = new Set((await ds.query(`SELECT id FROM draw WHERE status IN (${COUNTED_STATUSES.map(() => '?').join(',')})`, COUNTED_STATUSES) as { id: number }[]).map((d) => Number(d.id)));
  const rows: { publicId: string; drawId: number }[] = await ds.query('SELECT publicId, drawId FROM draw_pick WHERE year = ?', [year]);
  const counts = new Map<string, number>();
  for (const row of rows) if (standing.has(Number(row.drawId))) counts.set(row.publicId, (counts.get(row.publicId) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2).map(([id]) => id));
}

export async function taskContext(ds: DataSource, task: Task): Promise<TaskContext> {
  const items = await ds.getRepository(TaskItem).findBy({ taskId: task.id });
  const versions = items.length ? await ds.getRepository(InspectionItemVersion).find({ where: items.map((i) => ({ itemId: i.itemId, version: i.itemVersion })) }) : [];
  return { hasKeyItem: versions.some((v) => v.kind === ItemKind.KEY), directed: task.kind === 'DIRECTED' };
}

interface ScanRow { id: number; creditCode: string | null; status: string; complaintCount: number; dishonest: number | boolean; seriousViolation: number | boolean; segments: number | string }

/**
 * MariaDB runs a statement on one thread: the directory is read as contiguous id ranges by
 * statements on separate connections, so the server reads both halves at once while the rows
 * already sent are decoded here.
 */
const SCAN_PARTS = 2;

async function scanInParts(ds: DataSource, parts: number, sql: string, params: unknown[]): Promise<ScanRow[]> {
  const [{ lo, hi }]: { lo: number | null; hi: number | null }[] = await ds.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM target');
  if (lo == null || hi == null) return [];
  const step = Math.ceil((Number(hi) - Number(lo) + 1) / parts);
  const ranges = Array.from({ length: parts }, (_, k) => [Number(lo) + k * step, Math.min(Number(hi), Number(lo) + (k + 1) * step - 1)]);
  const results: ScanRow[][] = await Promise.all(ranges.map(([from, to]) => ds.query(sql, [...params, from, to])));
  return results.flat();
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The same business can sit in two directories of the subtree (same credit code): it is one
 * candidate, represented by its lowest target id, whatever order the database returned rows in.
 */
function distinctByPublicId(rows: ScanRow[], manyDirectories: boolean): ScanRow[] {
  if (!manyDirectories) return rows;
  const kept = new Map<string, ScanRow>();
  for (const row of rows) {
    const publicId = row.creditCode ?? `T${row.id}`;
    const other = kept.get(publicId);
    if (!other || Number(row.id) < Number(other.id)) kept.set(publicId, row);
  }
  return [...kept.values()];
}

/**
 * Forms every segment's pool by the published rules: the directories of the task's department and
 * all below it (for a joint task, also of every confirmed participant and all below it), each
 * segment's filter, then the eligibility rules; a target matching two segments
 * belongs to the first. One scan of the directory computes, per target, the set of segments it
 * matches (a bit mask), so a million targets are read once whatever the number of segments.
 * Pools come back in canonical (byte) order of public id.
 */
export async function formPools(ds: DataSource, task: Task, options: { preview?: boolean } = {}): Promise<SegmentPool[]> {
  // A joint task draws from the lead's and every confirmed participant's directories (refused while one has not answered; a preview leaves it out).
  const departments = await drawDirectoryDepartmentIds(ds, task, options);
  const segments = await ds.getRepository(TaskSegment).find({ where: { taskId: task.id }, order: { position: 'ASC' } });
  // One bit per segment in the mask: CreateTaskInput allows at most 30.
  const context = await taskContext(ds, task);
  const capped = await drawnTwice(ds, task.year);
  const mariadb = isMysql(ds);
  const params: unknown[] = [];
  const mask = segments.map((segment, bit) => `(CASE WHEN 1 = 1${filterSql(segment.filter ?? {}, params, mariadb)} THEN ${2 ** bit} ELSE 0 END)`).join(' + ');
  params.push(...departments);
  const rows = await scanInParts(ds, mariadb ? SCAN_PARTS : 1,
    `SELECT * FROM (SELECT t.id AS id, t.creditCode AS creditCode, t.status AS status, t.complaintCount AS complaintCount,
       t.dishonest AS dishonest, t.seriousViolation AS seriousViolation, ${mask} AS segments
     FROM target t WHERE t.departmentId IN (${departments.map(() => '?').join(',')}) AND t.id >= ? AND t.id <= ?) m WHERE m.segments > 0`,
    params,
  );
  const pools = segments.map((segment) => ({ position: segment.position, label: segment.label, segment, entries: [] as PoolEntry[], excluded: [] as Exclusion[] }));
  for (const row of distinctByPublicId(rows, departments.length > 1)) {
    const targetId = Number(row.id);
    const publicId = row.creditCode ?? `T${targetId}`;
    const bits = Number(row.segments);
    const first = 31 - Math.clz32(bits & -bits);
    const reason = exclusionOf(
      { publicId, status: row.status, complaintCount: Number(row.complaintCount), dishonest: Boolean(Number(row.dishonest)), seriousViolation: Boolean(Number(row.seriousViolation)) },
      capped.has(publicId) ? 2 : 0, context,
    );
    if (reason) pools[first].excluded.push({ publicId, targetId, reason });
    else pools[first].entries.push({ publicId, targetId });
    for (let bit = first + 1; bit < pools.length; bit++) {
      if (bits & (1 << bit)) pools[bit].excluded.push({ publicId, targetId, reason: reason ?? ExclusionReason.IN_EARLIER_SEGMENT });
    }
  }
  for (const pool of pools) {
    pool.entries.sort((a, b) => byteOrder(a.publicId, b.publicId));
    pool.excluded.sort((a, b) => byteOrder(a.publicId, b.publicId));
  }
  return pools;
}
