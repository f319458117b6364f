import 'reflect-metadata';
import '../server/graphql/enums';
import { DataSource } from 'typeorm';
import { loadConfig } from '../server/config';
import { bulkInsert } from '../server/db/bulk';
import { migrate, openDataSource } from '../server/db/data-source';
import { inTransaction } from '../server/db/transaction';
import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../server/domain/credit-code';
import { DepartmentKind } from '../server/domain/vocabulary';
import { createLogger } from '../server/logger';
import { Draw, DrawPick, DrawStatus } from '../server/modules/draw/draw.entity';
import { Department } from '../server/modules/org/department.entity';
import { createRootDepartment } from '../server/modules/org/org.service';
import { Task, TaskKind } from '../server/modules/task/task.entity';
import { formVisits } from '../server/modules/visit/form-visits.command';
import { Visit, VisitStatus, VisitTask } from '../server/modules/visit/visit.entity';
import { scratchDatabase } from './scratch-database';
import { collectGarbage, settleWrites } from './settle';

/**
 * `node dist/bench/visit-merge.bench.js [picks] [existingVisits]` (after `npm run build`; set
 * DATABASE_URL for MariaDB): locks a draw of `picks` targets (default 50,000) against
 * `existingVisits` open visits of earlier tasks (default 200,000) — half the picks are targets that
 * already have visits, most of those with overlapping windows, some with two — and times forming
 * the visits (formVisits, as lockDraw runs it), once MariaDB has written the seeding's pages back
 * (settleWrites). Prints one JSON line. Goal on MariaDB: ≤ 1 s.
 */
const seconds = (from: bigint) => Math.round(Number(process.hrtime.bigint() - from) / 1e6) / 1000;

function code(i: number): string {
  let n = i, serial = '';
  for (let k = 0; k < 8; k++) { serial = CREDIT_CODE_ALPHABET[n % 31] + serial; n = Math.floor(n / 31); }
  return completeCreditCode(`91140603${serial}0`);
}

/** Windows of the earlier tasks: two overlap March (one longer than the other), one does not, one barely does. */
const EARLIER = [
  { windowStart: '2026-01-01', windowEnd: '2026-01-31' },
  { windowStart: '2026-03-10', windowEnd: '2026-04-10' },
  { windowStart: '2026-02-15', windowEnd: '2026-03-05' },
  { windowStart: '2026-03-01', windowEnd: '2026-06-30' },
];

function makeTask(departmentId: number, window: { windowStart: string; windowEnd: string }, now: Date): Task {
  return Object.assign(new Task(), { departmentId, executingDepartmentId: departmentId, year: 2026, name: 'bench', kind: TaskKind.DIRECTED, planBatchId: null, directedReason: 'bench', ...window, createdById: 0, createdAt: now });
}

function makeDraw(taskId: number, departmentPath: string, now: Date): Draw {
  return Object.assign(new Draw(), {
    taskId, departmentPath, status: DrawStatus.COMPLETED, secretHex: '0'.repeat(64), commitment: '0'.repeat(64), beaconSource: '', beacon: '',
    entropyClosesAt: now, seed: null, paceMs: 0, batchSize: 100, lastSeq: 0, scheduledAt: now, scheduledById: 0, openedAt: now, revealedAt: now, completedAt: now,
    lockedAt: null, lockedById: null, voidedAt: null, voidedById: null, voidReason: null,
  });
}

/** Earlier tasks' open visits and a completed draw of `picks` targets waiting to be locked; returns the draw. */
export async function seedMergeBench(ds: DataSource, picks: number, existing: number): Promise<{ draw: Draw; city: Department; county: Department }> {
  const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ds, work) };
  const city = await createRootDepartment(tx, { name: `合并基准-市-${Date.now()}`, kind: DepartmentKind.AGRICULTURE, regionCode: '140600' });
  const county = await createRootDepartment(tx, { name: `合并基准-县-${Date.now()}`, kind: DepartmentKind.AGRICULTURE, regionCode: '140603' });
  const now = new Date();
  const earlier: { task: Task; draw: Draw }[] = [];
  for (const window of EARLIER) {
    const task = makeTask(city.id, window, now);
    await ds.getRepository(Task).insert(task);
    const draw = makeDraw(task.id, city.path, now);
    await ds.getRepository(Draw).insert(draw);
    earlier.push({ task, draw });
  }
  // Targets 0 … existing·0.9 have one visit; the first tenth of them a second one (another task's window).
  const single = Math.round(existing / 1.1);
  await ds.transaction(async (em) => {
    const rows: Partial<Visit>[] = [];
    const plan: { i: number; e: number }[] = [];
    for (let i = 0; i < single; i++) plan.push({ i, e: i % 4 });
    for (let i = 0; plan.length < existing; i++) plan.push({ i, e: (i + 1) % 4 });
    for (const { i, e } of plan) {
      rows.push({ targetId: i + 1, publicId: code(i), leadDepartmentId: city.id, departmentPath: city.path, windowStart: EARLIER[e].windowStart, windowEnd: EARLIER[e].windowEnd, status: i % 10 === 0 ? VisitStatus.STAFFED : VisitStatus.PENDING_TEAM, createdAt: now, updatedAt: now, version: 1 });
    }
    await bulkInsert(em, Visit, ['targetId', 'publicId', 'leadDepartmentId', 'departmentPath', 'windowStart', 'windowEnd', 'status', 'createdAt', 'updatedAt', 'version'], rows);
    const made: { id: number; publicId: string; windowStart: string }[] = await em.query('SELECT id, publicId, windowStart FROM visit ORDER BY id');
    const byStart = new Map(earlier.map((x) => [x.task.windowStart, x]));
    await bulkInsert(em, VisitTask, ['visitId', 'taskId', 'drawId', 'windowStart', 'windowEnd'], made.map((v) => {
      const { task, draw } = byStart.get(v.windowStart)!;
      return { visitId: Number(v.id), taskId: task.id, drawId: draw.id, windowStart: task.windowStart, windowEnd: task.windowEnd };
    }), { departmentId: city.id, addedAt: now, addedById: null });
  });
  // The new draw: the county's March task, half its picks on targets with visits.
  const task = makeTask(county.id, { windowStart: '2026-03-01', windowEnd: '2026-03-31' }, now);
  await ds.getRepository(Task).insert(task);
  const draw = makeDraw(task.id, county.path, now);
  await ds.getRepository(Draw).insert(draw);
  const stride = Math.max(1, Math.floor(single / (picks / 2)));
  const pickRows: Partial<DrawPick>[] = [];
  for (let k = 0; k < picks; k++) {
    const i = k < picks / 2 ? k * stride : existing + k;
    pickRows.push({ segmentPosition: 0, ordinal: k, publicId: code(i), targetId: i + 1 });
  }
  await ds.transaction((em) => bulkInsert(em, DrawPick, ['segmentPosition', 'ordinal', 'publicId', 'targetId'], pickRows, { drawId: draw.id, year: 2026 }));
  return { draw, city, county };
}

async function main() {
  const [picks = 50_000, existing = 200_000] = process.argv.slice(2).map(Number);
  const scratch = await scratchDatabase(loadConfig().database);
  const ds = await openDataSource(scratch.database, createLogger('warn'));
  try {
    await migrate(ds);
    const { draw } = await seedMergeBench(ds, picks, existing);
    await ds.query(scratch.database.kind === 'sqlite' ? 'ANALYZE' : 'ANALYZE TABLE visit, visit_task, draw_pick');
    await settleWrites((sql) => ds.query(sql), scratch.database.kind);
    collectGarbage();
    const started = process.hrtime.bigint();
    const event = await inTransaction(ds, (em) => formVisits(em, draw));
    const mergeSeconds = seconds(started);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM visit');
    console.log(JSON.stringify({ bench: 'visit-merge', database: scratch.database.kind, picks, existingVisits: existing, merged: event.payload.merged, created: event.payload.created, leadChanged: event.payload.leadChanged, visitsAfter: Number(n), mergeSeconds }));
  } finally {
    await ds.destroy();
    await scratch.drop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
