import 'reflect-metadata';
import '../server/graphql/enums';
import { loadConfig } from '../server/config';
import { migrate, openDataSource } from '../server/db/data-source';
import { bulkInsert } from '../server/db/bulk';
import { inTransaction } from '../server/db/transaction';
import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../server/domain/credit-code';
import { DepartmentKind, ItemKind, RegionLevel, Role, SpecialDirectory, TargetStatus, TargetType } from '../server/domain/vocabulary';
import { actorFrom, buildContext } from '../server/graphql/context';
import { createHubPubSub } from '../server/graphql/pubsub';
import { createLogger } from '../server/logger';
import { InspectionItem, InspectionItemVersion } from '../server/modules/catalog/inspection-item.entity';
import { Target } from '../server/modules/directory/target.entity';
import { Draw, DrawPick, DrawStatus } from '../server/modules/draw/draw.entity';
import { DrawFeed } from '../server/modules/draw/draw-feed';
import { openDraw, revealDraw } from '../server/modules/draw/draw-actions';
import { scheduleDraw } from '../server/modules/draw/schedule-draw.command';
import { createRootDepartment, insertUser } from '../server/modules/org/org.service';
import { createTask } from '../server/modules/task/task.service';
import { TaskKind } from '../server/modules/task/task.entity';
import { scratchDatabase } from './scratch-database';
import { collectGarbage, settleWrites } from './settle';

/**
 * `npm run bench:draw [-- N]`: a directory of N targets (default 1,000,000) with a year of draw
 * history, six segments (one per special directory) drawing 5 % — 50,000 picks in all. Times the
 * verifiable draw (scheduling: pools, exclusions, digests, stored snapshot; the draw: reveal to a
 * completed draw with every pick stored) against the usual `ORDER BY RAND() LIMIT k` per segment
 * with the same exclusions, its picks stored too. The seeding's pages are written back and its garbage
 * collected before the timed part (bench/settle.ts). Prints one JSON line.
 */
const DIRECTORIES = [SpecialDirectory.SEED_DEALER, SpecialDirectory.PESTICIDE_DEALER, SpecialDirectory.FERTILIZER_DEALER, SpecialDirectory.FEED_DEALER, SpecialDirectory.VETERINARY_DRUG_DEALER, SpecialDirectory.FARM_PRODUCE_PRODUCER];
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const seconds = (from: bigint) => Math.round(Number(process.hrtime.bigint() - from) / 1e7) / 100;

function code(i: number): string {
  let n = i, serial = '';
  for (let k = 0; k < 8; k++) { serial = CREDIT_CODE_ALPHABET[n % 31] + serial; n = Math.floor(n / 31); }
  return completeCreditCode(`91140603${serial}0`);
}

async function main() {
  const n = Number(process.argv[2] ?? process.env.BENCH_TARGETS ?? 1_000_000);
  const scratch = await scratchDatabase(loadConfig().database);
  const config = { ...loadConfig(), database: scratch.database };
  const log = createLogger('warn');
  const ds = await openDataSource(config.database, log);
  await migrate(ds);
  const pubSub = createHubPubSub();
  const drawFeed = new DrawFeed(ds, pubSub, log);
  const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ds, work) };
  const department = await createRootDepartment(tx, { name: `摇号基准测试-${Date.now()}`, kind: DepartmentKind.AGRICULTURE, regionCode: '140603' });
  const user = await insertUser(tx, { username: `bench_draw_${Date.now()}`, displayName: 'bench', departmentId: department.id, roles: [Role.PLANNER, Role.DRAW_OPERATOR], password: 'bench-pass-2026' });
  const ctx = buildContext({ ds, config, log, pubSub, drawFeed }, { actor: actorFrom(user, department.path), failure: null, authorization: null }, 'zh');

  // The directory: statuses, risk flags and special directories as a county's would be.
  const now = new Date();
  await ds.transaction(async (em) => {
    const rows: Target[] = [];
    for (let i = 0; i < n; i++) {
      rows.push(Object.assign(new Target(), {
        departmentId: department.id, naturalKey: code(i), creditCode: code(i), name: `基准对象${i}`, type: TargetType.ENTERPRISE, regionCode: '140603',
        address: '', status: i % 50 === 0 ? TargetStatus.DEREGISTERED : i % 97 === 0 ? TargetStatus.ABNORMAL_LIST : TargetStatus.ACTIVE, riskLevel: 'MEDIUM', creditClass: 'B',
        complaintCount: i % 211 === 0 ? 3 : 0, dishonest: i % 401 === 0, seriousViolation: false, specialDirectories: [DIRECTORIES[i % 6]], licences: [],
        legalRepresentative: '', phone: '', version: 1, createdAt: now, updatedAt: now, createdByImportJobId: null,
      }));
      if (rows.length === 5000) { await bulkInsert(em, Target, Object.keys(rows[0]) as (keyof Target & string)[], rows); rows.length = 0; }
    }
    if (rows.length) await bulkInsert(em, Target, Object.keys(rows[0]) as (keyof Target & string)[], rows);
  });
  // A year of history: earlier locked draws picked 10 % of the directory once and 3 % twice.
  const [first] = await ds.query('SELECT MIN(id) AS id FROM target WHERE departmentId = ?', [department.id]);
  const history = Object.assign(new Draw(), {
    taskId: 0, departmentPath: department.path, status: DrawStatus.LOCKED, secretHex: '0'.repeat(64), commitment: '0'.repeat(64), beaconSource: '', beacon: '',
    entropyClosesAt: now, seed: null, paceMs: 0, batchSize: 100, lastSeq: 0, scheduledAt: now, scheduledById: user.id, openedAt: now, revealedAt: now, completedAt: now,
    lockedAt: now, lockedById: user.id, voidedAt: null, voidedById: null, voidReason: null,
  });
  await ds.getRepository(Draw).insert(history);
  await ds.transaction(async (em) => {
    const picks: DrawPick[] = [];
    for (let i = 0; i < n; i += 10) {
      const times = i % 30 === 0 ? 2 : 1;
      for (let t = 0; t < times; t++) picks.push(Object.assign(new DrawPick(), { drawId: history.id, segmentPosition: t, ordinal: i, publicId: code(i), targetId: Number(first.id) + i, year: YEAR }));
      if (picks.length >= 5000) { await bulkInsert(em, DrawPick, ['drawId', 'segmentPosition', 'ordinal', 'publicId', 'targetId', 'year'], picks); picks.length = 0; }
    }
    if (picks.length) await bulkInsert(em, DrawPick, ['drawId', 'segmentPosition', 'ordinal', 'publicId', 'targetId', 'year'], picks);
  });
  const item = await tx.transaction(async (em) => {
    const row = em.getRepository(InspectionItem).create({ departmentId: department.id, code: 'BENCH-1', currentVersion: 1, active: true, updatedAt: now });
    await em.getRepository(InspectionItem).insert(row);
    await em.getRepository(InspectionItemVersion).insert({ itemId: row.id, version: 1, name: '基准检查事项', categoryCode: 'SEEDS', kind: ItemKind.GENERAL, targetTypes: [], checkContent: '', methods: [], ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2, responsibleUnit: '', level: RegionLevel.COUNTY, legalBasis: '', createdAt: now, createdById: user.id });
    return row;
  });
  const task = await createTask(ctx, {
    name: '基准任务', kind: TaskKind.DIRECTED, directedReason: 'benchmark', itemIds: [String(item.id)], windowStart: `${YEAR}-12-01`, windowEnd: `${YEAR}-12-31`,
    segments: DIRECTORIES.map((d) => ({ label: `objects/${d.toLowerCase()}`, filter: { specialDirectories: [d] }, ratioPercent: 5 })),
  });
  // The task is a routine one: take the directed exemption away so the twice-a-year rule applies.
  await ds.query("UPDATE task SET kind = 'PLANNED' WHERE id = ?", [task.id]);

  await settleWrites((sql) => ds.query(sql), scratch.database.kind);
  collectGarbage();
  let started = process.hrtime.bigint();
  const draw = await scheduleDraw(ctx, task.id, { entropyClosesAt: new Date(Date.now() + 1000), beaconSource: '', paceMs: 0, batchSize: 400 });
  const scheduleSeconds = seconds(started);
  await openDraw(ctx, draw.id);
  await new Promise((r) => setTimeout(r, Math.max(0, draw.entropyClosesAt.getTime() - Date.now() + 20)));
  started = process.hrtime.bigint();
  await revealDraw(ctx, draw.id);
  const drawSeconds = seconds(started);
  const [{ picks }] = await ds.query('SELECT COUNT(*) AS picks FROM draw_pick WHERE drawId = ?', [draw.id]);

  // The common alternative, with the same exclusions, its picks stored the same way.
  const segments = await ds.query('SELECT label, count FROM draw_segment WHERE drawId = ? ORDER BY position', [draw.id]);
  started = process.hrtime.bigint();
  await ds.transaction(async (em) => {
    // The same rules: out-of-business targets and targets drawn twice this year (unless exempt) left out.
    await em.query('CREATE TEMPORARY TABLE capped (publicId VARCHAR(64) PRIMARY KEY)');
    await em.query(`INSERT INTO capped SELECT p.publicId FROM draw_pick p JOIN draw d ON d.id = p.drawId
      WHERE p.year = ? AND d.status IN ('COMPLETED','LOCKED','ANNOUNCED') GROUP BY p.publicId HAVING COUNT(*) >= 2`, [YEAR]);
    for (const [position, directory] of DIRECTORIES.entries()) {
      const rows: { id: number; creditCode: string }[] = await em.query(
        `SELECT t.id AS id, t.creditCode AS creditCode FROM target t LEFT JOIN capped c ON c.publicId = t.creditCode
         WHERE t.departmentId = ? AND t.specialDirectories LIKE ? AND t.status NOT IN ('DEREGISTERED','REVOKED','MOVED','CLOSED')
           AND (c.publicId IS NULL OR t.status = 'ABNORMAL_LIST' OR t.complaintCount >= 2 OR t.dishonest = 1 OR t.seriousViolation = 1)
         ORDER BY RAND() LIMIT ${Number(segments[position].count)}`,
        [department.id, `%,${directory},%`],
      );
      await bulkInsert(em, DrawPick, ['drawId', 'segmentPosition', 'ordinal', 'publicId', 'targetId', 'year'],
        rows.map((r, ordinal) => Object.assign(new DrawPick(), { drawId: history.id, segmentPosition: 10 + position, ordinal, publicId: r.creditCode, targetId: r.id, year: YEAR - 1 })));
    }
    await em.query('DROP TEMPORARY TABLE capped');
  });
  const orderByRandSeconds = seconds(started);
  console.log(JSON.stringify({ bench: 'draw', targets: n, picks: Number(picks), scheduleSeconds, drawSeconds, orderByRandSeconds }));
  await drawFeed.stop();
  await pubSub.close();
  await ds.destroy();
  await scratch.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
