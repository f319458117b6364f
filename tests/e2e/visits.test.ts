import { codeOf, DrawEventView, errorOf, JURISDICTION_EVENTS, ok, siblingCounty } from '../helpers/draw-steps';
import { createUserIn } from '../helpers/factories';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';
import {
  allTargetsTask, drawnNotLocked, lock, LOCK, MERGE, SPLIT, TASK_VISITS, twoLevelFixture, VISIT, visitsSeenBy, VisitView,
} from '../helpers/visit-steps';
import { Role } from '../../server/domain/vocabulary';

/**
 * 进一次门、查多项事 (Art. 19, 24): tasks of different departments that draw the same target within
 * overlapping windows become one visit — when the draws are locked, also at the same moment — and
 * a merge is changed only by an authorised, recorded merge or split. Runs on SQLite and, with
 * DATABASE_URL=mysql://…, on MariaDB.
 */
let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const MARCH = { windowStart: '2026-03-01', windowEnd: '2026-03-31' };
const SPRING = { windowStart: '2026-03-15', windowEnd: '2026-04-30' };
const APRIL = { windowStart: '2026-04-01', windowEnd: '2026-04-30' };

const jurisdiction = (collected: { events: { jurisdictionDrawEvents: DrawEventView }[] }) => collected.events.map((e) => e.jurisdictionDrawEvents);
const byTarget = (visits: VisitView[]) => {
  const map = new Map<string, VisitView[]>();
  for (const v of visits) (map.get(v.publicId) ?? map.set(v.publicId, []).get(v.publicId)!).push(v);
  return map;
};
/** A draw's stored log, as its record keeps it. */
const drawEvents = async (drawId: string): Promise<{ type: string; payload: any }[]> =>
  (await server.app.ds.query('SELECT type, payload FROM draw_event WHERE drawId = ? ORDER BY seq', [Number(drawId)]))
    .map((e: { type: string; payload: string }) => ({ type: e.type, payload: JSON.parse(e.payload) }));

describe('visits formed when draws are locked', () => {
  test('a county and a city task with overlapping windows drawing the same targets: one visit per target with both tasks, seen by both, in the intersection, led by the city; VISITS_FORMED reaches the jurisdiction stream', async () => {
    const f = await twoLevelFixture(server, 4);
    const countyTask = await allTargetsTask(server, f, 'county', MARCH, '县级农资专项检查');
    const cityTask = await allTargetsTask(server, f, 'city', SPRING, '市级农资专项检查');
    const [countyDraw, cityDraw] = await Promise.all([drawnNotLocked(server, f.operator.token, countyTask), drawnNotLocked(server, f.cityOperator.token, cityTask)]);

    const formed = (events: any[]) => jurisdiction({ events }).filter((e) => e.type === 'VISITS_FORMED').length >= 2;
    const province = subscribeCollect(server.ws(f.provinceSupervisor.token), JURISDICTION_EVENTS, { after: 0 }, formed, 30000);
    await province.first;

    expect(await lock(server, f.operator.token, countyDraw)).toBe('ANNOUNCED');
    const countyOnly = await visitsSeenBy(server, f.planner.token, { taskId: countyTask });
    expect(countyOnly).toHaveLength(4);
    expect(countyOnly.every((v) => v.taskCount === 1 && v.status === 'PENDING_TEAM' && v.windowStart === '2026-03-01' && v.windowEnd === '2026-03-31' && v.leadDepartment.id === String(f.county.id))).toBe(true);

    expect(await lock(server, f.cityOperator.token, cityDraw)).toBe('ANNOUNCED');
    const seenByCounty = await visitsSeenBy(server, f.planner.token, { taskId: countyTask });
    const seenByCity = await visitsSeenBy(server, f.cityPlanner.token, { taskId: cityTask });
    expect(seenByCounty).toHaveLength(4);
    expect(seenByCity.map((v) => v.id).sort()).toEqual(seenByCounty.map((v) => v.id).sort());
    for (const v of seenByCounty) {
      expect(v).toMatchObject({ merged: true, taskCount: 2, windowStart: '2026-03-15', windowEnd: '2026-03-31', status: 'PENDING_TEAM', version: 2 });
      // Without a team yet, the department of the higher level leads.
      expect(v.leadDepartment.id).toBe(String(f.city.id));
      expect(v.target?.creditCode).toBe(v.publicId);
      expect(v.tasks.map((t) => [t.taskId, t.drawId, t.automatic, t.windowStart, t.windowEnd, t.department.id])).toEqual([
        [countyTask, countyDraw, true, '2026-03-01', '2026-03-31', String(f.county.id)],
        [cityTask, cityDraw, true, '2026-03-15', '2026-04-30', String(f.city.id)],
      ]);
    }
    // Each department reads its own task in full; the other department's task only by name.
    const countyView = seenByCounty[0].tasks;
    expect(countyView.map((t) => t.task?.id ?? null)).toEqual([countyTask, null]);
    expect(countyView[1].taskName).toBe('市级农资专项检查');
    expect(seenByCity[0].tasks.map((t) => t.task?.id ?? null)).toEqual([countyTask, cityTask]);

    // The visit carries both tasks' items, each marked as the viewer's own or not.
    const detail = (await ok(server, VISIT, { id: seenByCounty[0].id }, f.planner.token)).visit;
    expect(detail.items.map((i: any) => [i.taskId, i.own])).toEqual([[countyTask, true], [cityTask, false]]);
    expect(detail.members).toEqual([]);
    expect(detail.sameTargetVisits).toEqual([]);
    expect((await ok(server, TASK_VISITS, { id: cityTask }, f.cityPlanner.token)).taskVisits.totalItems).toBe(4);
    expect((await ok(server, `query($id: ID!) { task(id: $id) { visits(page: { take: 10 }) { totalItems } } }`, { id: countyTask }, f.planner.token)).task.visits.totalItems).toBe(4);
    // Filters: merged visits, a window, a department.
    expect(await visitsSeenBy(server, f.cityPlanner.token, { merged: false, taskId: cityTask })).toHaveLength(0);
    expect(await visitsSeenBy(server, f.cityPlanner.token, { windowFrom: '2026-04-01', taskId: cityTask })).toHaveLength(0);
    expect(await visitsSeenBy(server, f.provinceSupervisor.token, { departmentId: String(f.county.id), statuses: ['PENDING_TEAM'] })).toHaveLength(4);

    const events = jurisdiction(await province).filter((e) => e.type === 'VISITS_FORMED');
    expect(events.map((e) => [e.drawId, e.payload.visits, e.payload.merged, e.payload.created])).toEqual([[countyDraw, 4, 0, 4], [cityDraw, 4, 4, 0]]);
    expect(events[1].payload).toMatchObject({ taskId: Number(cityTask), leadChanged: 4, window: { start: '2026-03-15', end: '2026-04-30' }, mergedWith: [{ taskId: Number(countyTask), departmentId: f.county.id, visits: 4 }] });
  });

  test('windows that do not overlap: two visits per target, and a manual merge is refused with WINDOWS_DO_NOT_OVERLAP', async () => {
    const f = await twoLevelFixture(server, 3);
    const countyTask = await allTargetsTask(server, f, 'county', MARCH);
    const cityTask = await allTargetsTask(server, f, 'city', APRIL);
    const [countyDraw, cityDraw] = await Promise.all([drawnNotLocked(server, f.operator.token, countyTask), drawnNotLocked(server, f.cityOperator.token, cityTask)]);
    await lock(server, f.operator.token, countyDraw);
    await lock(server, f.cityOperator.token, cityDraw);

    const visits = await visitsSeenBy(server, f.cityPlanner.token);
    const mine = visits.filter((v) => v.tasks.some((t) => t.taskId === countyTask || t.taskId === cityTask));
    expect(mine).toHaveLength(6);
    for (const [, pair] of byTarget(mine)) {
      expect(pair.map((v) => [v.taskCount, v.windowStart, v.windowEnd])).toEqual([[1, '2026-03-01', '2026-03-31'], [1, '2026-04-01', '2026-04-30']]);
    }
    const [a, b] = [...byTarget(mine).values()][0];
    const detail = (await ok(server, VISIT, { id: a.id }, f.planner.token)).visit;
    expect(detail.sameTargetVisits).toEqual([{ id: b.id, status: 'PENDING_TEAM' }]);
    const refused = await server.gql(MERGE, { ids: [a.id, b.id], reason: '同一对象合并检查' }, { token: f.planner.token });
    expect(errorOf(refused)).toMatchObject({ code: 'WINDOWS_DO_NOT_OVERLAP', details: { windows: [{ visitId: Number(a.id), windowStart: '2026-03-01', windowEnd: '2026-03-31' }, { visitId: Number(b.id), windowStart: '2026-04-01', windowEnd: '2026-04-30' }] } });
    expect(errorOf(refused)!.message).toContain('没有共同的日期');
    // Different targets are refused too.
    const other = [...byTarget(mine).values()][1][0];
    expect(codeOf(await server.gql(MERGE, { ids: [a.id, other.id], reason: '合并' }, { token: f.planner.token }))).toBe('VISIT_TARGETS_DIFFER');
  });

  test('two departments locking draws of the same targets at the same moment make exactly one visit per target', async () => {
    for (let round = 0; round < 3; round++) {
      const f = await twoLevelFixture(server, 5);
      const countyTask = await allTargetsTask(server, f, 'county', MARCH);
      const cityTask = await allTargetsTask(server, f, 'city', SPRING);
      const [countyDraw, cityDraw] = await Promise.all([drawnNotLocked(server, f.operator.token, countyTask), drawnNotLocked(server, f.cityOperator.token, cityTask)]);
      const locked = await Promise.all([server.gql(LOCK, { id: countyDraw }, { token: f.operator.token }), server.gql(LOCK, { id: cityDraw }, { token: f.cityOperator.token })]);
      expect(locked.map((r) => r.errors ?? r.data.lockDraw.status)).toEqual(['ANNOUNCED', 'ANNOUNCED']);

      const visits = await visitsSeenBy(server, f.cityPlanner.token, { taskId: cityTask });
      const all = await visitsSeenBy(server, f.provinceSupervisor.token, { statuses: ['PENDING_TEAM'] });
      const ofTheseTargets = all.filter((v) => visits.some((w) => w.publicId === v.publicId));
      expect(ofTheseTargets).toHaveLength(5);
      expect(new Set(ofTheseTargets.map((v) => v.publicId)).size).toBe(5);
      for (const v of ofTheseTargets) expect(v.tasks.map((t) => t.taskId).sort()).toEqual([countyTask, cityTask].sort());
      const formed = [...(await drawEvents(countyDraw)), ...(await drawEvents(cityDraw))].filter((e) => e.type === 'VISITS_FORMED');
      expect(formed.map((e) => e.payload.merged).sort()).toEqual([0, 5]);
    }
  });
});

describe('manual merges and splits', () => {
  test('a task split off a merged visit and merged back, each recorded on both draws; stale versions, closed visits and outsiders refused', async () => {
    const f = await twoLevelFixture(server, 2);
    const countyTask = await allTargetsTask(server, f, 'county', MARCH);
    const cityTask = await allTargetsTask(server, f, 'city', SPRING);
    const [countyDraw, cityDraw] = await Promise.all([drawnNotLocked(server, f.operator.token, countyTask), drawnNotLocked(server, f.cityOperator.token, cityTask)]);
    await lock(server, f.operator.token, countyDraw);
    await lock(server, f.cityOperator.token, cityDraw);
    const [visit] = await visitsSeenBy(server, f.planner.token, { taskId: countyTask });
    expect(visit.taskCount).toBe(2);

    // Who may split: MANAGE_TASKS in a department taking part.
    const sibling = await siblingCounty(server, f, 1);
    const args = { visit: visit.id, task: cityTask, reason: '市级任务另行安排检查时间' };
    expect(codeOf(await server.gql(SPLIT, args, { token: sibling.planner.token }))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(SPLIT, args, { token: f.provincePlanner.token }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SPLIT, args, { token: f.operator.token }))).toBe('FORBIDDEN');
    const countyInspector = await createUserIn(server, f.root.token, f.county.id, [Role.INSPECTOR]);
    expect(codeOf(await server.gql(SPLIT, args, { token: countyInspector.token }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SPLIT, { ...args, reason: ' ' }, { token: f.planner.token }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await server.gql(SPLIT, { ...args, task: '999999' }, { token: f.planner.token }))).toBe('TASK_NOT_IN_VISIT');
    expect(codeOf(await server.gql(SPLIT, { ...args, version: 1 }, { token: f.planner.token }))).toBe('STALE_VERSION');

    const split = (await ok(server, SPLIT, { ...args, version: visit.version }, f.planner.token)).splitVisitTask;
    expect(split.visit).toMatchObject({ id: visit.id, taskCount: 1, windowStart: '2026-03-01', windowEnd: '2026-03-31', leadDepartment: { id: String(f.county.id) }, version: visit.version + 1 });
    expect(split.splitVisit).toMatchObject({ publicId: visit.publicId, taskCount: 1, status: 'PENDING_TEAM', windowStart: '2026-03-15', windowEnd: '2026-04-30', leadDepartment: { id: String(f.city.id) } });
    expect(split.splitVisit.tasks[0]).toMatchObject({ taskId: cityTask, automatic: false, addedBy: '测试用户' });
    expect(codeOf(await server.gql(SPLIT, { ...args, visit: split.splitVisit.id }, { token: f.cityPlanner.token }))).toBe('VISIT_HAS_ONE_TASK');
    // The city's own list now shows its own visit for the target.
    expect((await visitsSeenBy(server, f.cityPlanner.token, { taskId: cityTask, publicId: visit.publicId })).map((v) => v.id)).toEqual([split.splitVisit.id]);

    // Merge back (the city planner this time), with the versions as seen; a stale one is refused.
    expect(codeOf(await server.gql(MERGE, { ids: [split.splitVisit.id, visit.id], reason: '恢复合并', versions: [1, visit.version] }, { token: f.cityPlanner.token }))).toBe('STALE_VERSION');
    expect(codeOf(await server.gql(MERGE, { ids: [visit.id], reason: '恢复合并' }, { token: f.cityPlanner.token }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await server.gql(MERGE, { ids: [split.splitVisit.id, visit.id], reason: '恢复合并' }, { token: sibling.planner.token }))).toBe('NOT_FOUND');
    const merged = (await ok(server, MERGE, { ids: [split.splitVisit.id, visit.id], reason: '恢复合并', versions: [1, visit.version + 1] }, f.cityPlanner.token)).mergeVisits;
    // The older visit survives; the window is the intersection again, the city leads again.
    expect(merged).toMatchObject({ id: visit.id, taskCount: 2, windowStart: '2026-03-15', windowEnd: '2026-03-31', leadDepartment: { id: String(f.city.id) }, status: 'PENDING_TEAM' });
    expect(merged.tasks.map((t: any) => [t.taskId, t.automatic])).toEqual([[countyTask, true], [cityTask, false]]);
    const gone = (await ok(server, VISIT, { id: split.splitVisit.id }, f.cityPlanner.token)).visit;
    expect(gone).toMatchObject({ status: 'CANCELLED', taskCount: 0 });
    expect(codeOf(await server.gql(MERGE, { ids: [split.splitVisit.id, visit.id], reason: '再次合并' }, { token: f.cityPlanner.token }))).toBe('VISIT_CLOSED');

    // Both draws' records show the split and the merge.
    for (const drawId of [countyDraw, cityDraw]) {
      const events = (await drawEvents(drawId)).filter((e: any) => e.type === 'VISIT_SPLIT' || e.type === 'VISITS_MERGED');
      expect(events.map((e: any) => e.type)).toEqual(['VISIT_SPLIT', 'VISITS_MERGED']);
      expect(events[0].payload).toMatchObject({ visitId: Number(visit.id), taskId: Number(cityTask), newVisitId: Number(split.splitVisit.id), reason: '市级任务另行安排检查时间' });
      expect(events[1].payload).toMatchObject({ visitId: Number(visit.id), mergedVisitIds: [Number(split.splitVisit.id)], window: { start: '2026-03-15', end: '2026-03-31' }, reason: '恢复合并' });
    }
  });

  test('two merges racing for the same visits: one wins, the other gets STALE_VERSION (with versions) or VISIT_CLOSED (without)', async () => {
    const f = await twoLevelFixture(server, 2);
    const countyTask = await allTargetsTask(server, f, 'county', MARCH);
    const cityTask = await allTargetsTask(server, f, 'city', SPRING);
    const [countyDraw, cityDraw] = await Promise.all([drawnNotLocked(server, f.operator.token, countyTask), drawnNotLocked(server, f.cityOperator.token, cityTask)]);
    await lock(server, f.operator.token, countyDraw);
    await lock(server, f.cityOperator.token, cityDraw);
    const [first, second] = await visitsSeenBy(server, f.planner.token, { taskId: countyTask });
    const splitOf = async (v: VisitView) => (await ok(server, SPLIT, { visit: v.id, task: cityTask, reason: '分开检查' }, f.cityPlanner.token)).splitVisitTask;

    const a = await splitOf(first);
    const withVersions = { ids: [a.visit.id, a.splitVisit.id], versions: [a.visit.version, a.splitVisit.version] };
    const raced = await Promise.all([
      server.gql(MERGE, { ...withVersions, reason: '县局合并' }, { token: f.planner.token }),
      server.gql(MERGE, { ...withVersions, reason: '市局合并' }, { token: f.cityPlanner.token }),
    ]);
    expect(raced.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['OK', 'STALE_VERSION']);

    const b = await splitOf(second);
    const racedBlind = await Promise.all([
      server.gql(MERGE, { ids: [b.visit.id, b.splitVisit.id], reason: '县局合并' }, { token: f.planner.token }),
      server.gql(MERGE, { ids: [b.splitVisit.id, b.visit.id], reason: '市局合并' }, { token: f.cityPlanner.token }),
    ]);
    expect(racedBlind.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['OK', 'VISIT_CLOSED']);
    // Exactly one open visit per target again, serving both tasks; one merge event on each draw per race.
    const open = await visitsSeenBy(server, f.cityPlanner.token, { taskId: cityTask, statuses: ['PENDING_TEAM'] });
    expect(open.map((v) => v.taskCount)).toEqual([2, 2]);
    expect((await drawEvents(countyDraw)).filter((e) => e.type === 'VISITS_MERGED')).toHaveLength(2);
  });

  test('the merge rules are public, in Chinese and in English', async () => {
    const zh = await server.gql(`{ mergeRules { code text zh en } }`);
    expect(zh.errors).toBeUndefined();
    expect(zh.data.mergeRules.map((r: any) => r.code)).toContain('WINDOW_IS_INTERSECTION');
    expect(zh.data.mergeRules[0].text).toBe(zh.data.mergeRules[0].zh);
    const en = await server.gql(`{ mergeRules { text } }`, {}, { lang: 'en' });
    expect(en.data.mergeRules[0].text).toMatch(/one visit/);
    expect(codeOf(await server.gql(`{ visits { totalItems } }`))).toBe('UNAUTHENTICATED');
  });
});
