import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import '../server/graphql/enums';
import { loadConfig } from '../server/config';
import { bulkInsert } from '../server/db/bulk';
import { migrate, openDataSource } from '../server/db/data-source';
import { inTransaction } from '../server/db/transaction';
import { ItemKind, RegionLevel, Role } from '../server/domain/vocabulary';
import { actorFrom, buildContext } from '../server/graphql/context';
import { createHubPubSub } from '../server/graphql/pubsub';
import { createLogger } from '../server/logger';
import { InspectionItem, InspectionItemVersion } from '../server/modules/catalog/inspection-item.entity';
import { ConflictOfInterest } from '../server/modules/directory/conflict.entity';
import { Inspector } from '../server/modules/directory/inspector.entity';
import { lockDraw } from '../server/modules/draw/draw-actions';
import { DrawFeed } from '../server/modules/draw/draw-feed';
import { insertUser } from '../server/modules/org/org.service';
import { TaskItem } from '../server/modules/task/task.entity';
import { drawTeams } from '../server/modules/team/draw-teams.command';
import { TeamPolicy } from '../server/modules/team/team.entity';
import { VisitMember, VisitMemberRole, VisitMemberSource, VisitStatus } from '../server/modules/visit/visit.entity';
import { nodeSha256 } from '../server/domain/draw-v1-node';
import { matchTeams } from '../server/domain/team-matching';
import { scratchDatabase } from './scratch-database';
import { collectGarbage, settleWrites } from './settle';
import { seedMergeBench } from './visit-merge.bench';

/**
 * `npm run bench:teams [-- picks existingVisits inspectors]` (DATABASE_URL for MariaDB; a scratch
 * database is made and dropped): 200,000 open visits of earlier tasks (a tenth of them staffed, with
 * members among the county's inspectors), then a county draw of 50,000 picks — half of them targets
 * that already have a visit — locked through the real lockDraw (visits formed and merged in its
 * transaction), then drawTeams from the county's 2,000 inspectors: ~5 % with a certificate that is
 * expired or expires inside the window, ~1 % of the drawn targets with a declared conflict (one to
 * three inspectors each) besides ~10 declarations per inspector on other targets, the items'
 * specialty required, a workload limit that existing visits count against. The matching's code is
 * warmed up first on a small untimed instance (a server that has drawn teams before); MariaDB writes
 * the seeding's pages back and its garbage is collected before the timed part (bench/settle.ts).
 * Prints a detail line (phases; the longest the event loop was held), then
 * `{"bench":"teams","targets","existingVisits","mergeSeconds","teamSeconds"}` last.
 * Goals on MariaDB: merge ≤ 1 s, teams ≤ 2 s. BENCH_KEEP_DATABASE=1 keeps the scratch database (its
 * URL on stderr) to look at the statements afterwards.
 */
const seconds = (from: bigint) => Math.round(Number(process.hrtime.bigint() - from) / 1e6) / 1000;
const SPECIALTIES = ['PESTICIDES', 'SEEDS', 'FERTILIZERS', 'FEED', 'VETERINARY_DRUGS', 'FARM_PRODUCT_SAFETY'];

/** A small team draw of the same shape, untimed, so that the timed one runs compiled code. */
function warmUp(): void {
  const candidates = Array.from({ length: 400 }, (_, k) => ({ id: `W${String(k).padStart(6, '0')}`, departmentId: 1, specialties: k % 3 ? ['PESTICIDES'] : ['SEEDS'], capacity: 30 }));
  const targets = Array.from({ length: 4000 }, (_, t) => ({ id: `T${String(t).padStart(8, '0')}`, groups: [{ kind: 'SPECIALTY' as const, value: 'PESTICIDES' }], eligible: (c: { id: string }) => !c.id.endsWith('7') }));
  matchTeams({ seed: 'ab'.repeat(32), label: 'inspectors/warm-up', teamSize: 2, targets, candidates }, nodeSha256);
}

async function main() {
  const [picks = 50_000, existing = 200_000, inspectorCount = 2_000] = process.argv.slice(2).map(Number);
  const scratch = await scratchDatabase(loadConfig().database);
  const config = { ...loadConfig(), database: scratch.database };
  const log = createLogger('warn');
  const ds = await openDataSource(config.database, log);
  const pubSub = createHubPubSub();
  const drawFeed = new DrawFeed(ds, pubSub, log);
  try {
    await migrate(ds);
    const { draw, county, city } = await seedMergeBench(ds, picks, existing);
    // The earlier tasks become the county's own (other plans of the same department): every visit the
    // draw joins is then led by the county, which draws the teams of all 50,000.
    await ds.query('UPDATE task SET departmentId = ?, executingDepartmentId = ? WHERE departmentId = ?', [county.id, county.id, city.id]);
    await ds.query('UPDATE draw SET departmentPath = ? WHERE departmentPath = ?', [county.path, city.path]);
    await ds.query('UPDATE visit SET leadDepartmentId = ?, departmentPath = ?', [county.id, county.path]);
    await ds.query('UPDATE visit_task SET departmentId = ?', [county.id]);
    const now = new Date();
    const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ds, work) };
    const user = await insertUser(tx, { username: `bench_teams_${Date.now()}`, displayName: 'bench', departmentId: county.id, roles: [Role.DRAW_OPERATOR, Role.PLANNER], password: 'bench-pass-2026' });
    const ctx = buildContext({ ds, config, log, pubSub, drawFeed }, { actor: actorFrom(user, county.path), failure: null, authorization: null }, 'zh');
    // The draw was revealed: its seed (any 64 hex digits will do for timing).
    await ds.query('UPDATE draw SET seed = ? WHERE id = ?', ['5d'.repeat(32), draw.id]);

    // The county's item (its category is the specialty each team must cover) and team policy.
    await ds.transaction(async (em) => {
      const item = em.getRepository(InspectionItem).create({ departmentId: county.id, code: 'BENCH-T-1', currentVersion: 1, active: true, updatedAt: now });
      await em.getRepository(InspectionItem).insert(item);
      await em.getRepository(InspectionItemVersion).insert({ itemId: item.id, version: 1, name: '农药经营检查', categoryCode: 'PESTICIDES', kind: ItemKind.GENERAL, targetTypes: [], checkContent: '', methods: [], ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2, responsibleUnit: '', level: RegionLevel.COUNTY, legalBasis: '', createdAt: now, createdById: user.id });
      await em.getRepository(TaskItem).insert({ taskId: draw.taskId, itemId: item.id, itemVersion: 1, departmentId: county.id });
      await em.getRepository(TeamPolicy).insert({ departmentId: county.id, teamSize: 2, requireSpecialtyCoverage: true, recuseSameTownship: false, workloadLimit: 80, updatedAt: now, updatedById: user.id });
    });

    // 2,000 inspectors: every 20th expired (or expiring inside March), two thirds qualified for pesticides.
    await ds.transaction(async (em) => {
      const rows: Partial<Inspector>[] = [];
      for (let k = 0; k < inspectorCount; k++) {
        const validTo = k % 20 === 0 ? (k % 40 === 0 ? '2025-12-31' : '2026-03-15') : '2030-12-31';
        const specialties = k % 3 === 2 ? [SPECIALTIES[1 + (k % 5)]] : ['PESTICIDES', SPECIALTIES[1 + (k % 5)]];
        rows.push({ departmentId: county.id, name: `基准执法员${k}`, certificateNumber: `ZF140603${String(k).padStart(6, '0')}`, certificateValidFrom: '2020-01-01', certificateValidTo: validTo, specialties, regionCode: '140603', phone: '', active: true, version: 1, createdAt: now, updatedAt: now, createdByImportJobId: null, userId: null });
      }
      await bulkInsert(em, Inspector, Object.keys(rows[0]) as (keyof Inspector & string)[], rows);
    });
    const inspectors: { id: number }[] = await ds.query('SELECT id FROM inspector WHERE departmentId = ? ORDER BY id', [county.id]);
    const ids = inspectors.map((r) => Number(r.id));

    // Existing staffed visits have their teams among these inspectors (the workload the limit counts).
    const staffed: { id: number }[] = await ds.query('SELECT id FROM visit WHERE status = ? ORDER BY id', [VisitStatus.STAFFED]);
    await ds.transaction(async (em) => {
      const rows: Partial<VisitMember>[] = [];
      staffed.forEach((v, i) => {
        for (let m = 0; m < 2; m++) rows.push({ visitId: Number(v.id), inspectorId: ids[(2 * i + m) % ids.length], departmentId: county.id, role: m ? VisitMemberRole.MEMBER : VisitMemberRole.LEADER, ordinal: m });
      });
      await bulkInsert(em, VisitMember, ['visitId', 'inspectorId', 'departmentId', 'role', 'ordinal'], rows, { source: VisitMemberSource.DRAWN, addedAt: now, addedById: user.id });
    });

    // Declared conflicts: 1 % of the drawn targets with one to three inspectors, and ~10 per inspector on other targets.
    const drawn: { targetId: number }[] = await ds.query('SELECT targetId FROM draw_pick WHERE drawId = ? ORDER BY ordinal', [draw.id]);
    const conflicts = new Map<string, Partial<ConflictOfInterest>>();
    const declare = (inspectorId: number, targetId: number) => conflicts.set(`${inspectorId}|${targetId}`, { inspectorId, targetId });
    drawn.forEach((p, k) => { if (k % 100 === 7) for (let j = 0; j <= k % 3; j++) declare(ids[(k * 7 + j * 131) % ids.length], Number(p.targetId)); });
    ids.forEach((inspectorId, k) => { for (let j = 0; j < 10; j++) declare(inspectorId, 5_000_000 + k * 10 + j); });
    await ds.transaction((em) => bulkInsert(em, ConflictOfInterest, ['inspectorId', 'targetId'], [...conflicts.values()], { reason: '亲属经营', declaredAt: now, declaredById: user.id }));

    if (scratch.database.kind === 'sqlite') await ds.query('ANALYZE');
    else await ds.query('ANALYZE TABLE visit, visit_task, visit_member, draw_pick, inspector, conflict_of_interest');
    const settledMs = await settleWrites((sql) => ds.query(sql), scratch.database.kind);

    collectGarbage();
    let started = process.hrtime.bigint();
    await lockDraw(ctx, draw.id);
    const mergeSeconds = seconds(started);
    const [{ merged }] = await ds.query("SELECT COUNT(*) AS merged FROM visit_task vt WHERE vt.drawId = ? AND EXISTS (SELECT 1 FROM visit_task o WHERE o.visitId = vt.visitId AND o.taskId <> vt.taskId)", [draw.id]);

    // A server that has drawn teams before: the matching's code is compiled (as bench/team-matching.bench.ts warms up too).
    warmUp();
    collectGarbage();
    // How long the hub's event loop was held at a time while the teams were drawn (other requests wait that long).
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    started = process.hrtime.bigint();
    const report = await drawTeams(ctx, draw.id);
    const teamSeconds = seconds(started);
    loopDelay.disable();

    console.log(JSON.stringify({
      database: scratch.database.kind, settledMs, picks, existingVisits: existing, mergedVisits: Number(merged), inspectors: inspectorCount, conflicts: conflicts.size,
      visits: report.visits, staffed: report.staffed, unstaffed: report.unstaffedCount, teamPhasesMs: report.phases, eventLoopMaxDelayMs: Math.round(loopDelay.max / 1e6), unstaffedByReason: report.unstaffed.reduce<Record<string, number>>((acc, u) => ({ ...acc, [u.reason]: (acc[u.reason] ?? 0) + 1 }), {}),
    }));
    console.log(JSON.stringify({ bench: 'teams', targets: picks, existingVisits: existing, mergeSeconds, teamSeconds }));
  } finally {
    await drawFeed.stop();
    await pubSub.close();
    await ds.destroy();
    if (process.env.BENCH_KEEP_DATABASE) console.error(`kept ${JSON.stringify(scratch.database)}`);
    else await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
