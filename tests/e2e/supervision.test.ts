import { createTask, drawFixture } from '../helpers/draw-fixture';
import { addItem, codeOf, JURISDICTION_EVENTS, ok, planBatch, runDraw, schedule, siblingCounty, thisYear, yearWindow } from '../helpers/draw-steps';
import { createUserIn } from '../helpers/factories';
import { INVITE, RESPOND } from '../helpers/joint-steps';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';
import { todayInChina } from '../../server/domain/calendar-date';
import { Role } from '../../server/domain/vocabulary';

/**
 * Supervision (Art. 36–39): the live list of draws a user may watch and the overview of a
 * jurisdiction — plan coverage, ratio compliance, the twice-a-year cap, tasks, merged visits, joint
 * tasks, overdue work — with drill-down from province to county, scoped like every other read.
 * Runs on SQLite and, with DATABASE_URL=mysql://…, on MariaDB.
 */
let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const YEAR = thisYear();
/** A window that has ended (except in the first days of January): its open work is overdue. */
const JANUARY = { windowStart: `${YEAR}-01-01`, windowEnd: `${YEAR}-01-03` };
const late = todayInChina() > JANUARY.windowEnd ? 1 : 0;

const FIGURES = `departments targets drawnTargets coveragePercent plansFiled plansMissing plansOverdue standingDraws tasks overdueTasks overdueVisits mergedVisits jointTasksLed segmentsAboveCap capBreaches`;
const OVERVIEW = `query($region: String, $year: Int) { supervisionOverview(regionCode: $region, year: $year) {
  year asOf region { code } path { code }
  totals { ${FIGURES} }
  departments { department { id } targets drawnTargets coveragePercent minRatioPercent belowMinimum planStatus filingState filingDeadline tasks standingDraws overdueTasks overdueVisits }
  ratioCompliance { segments withinCap aboveCap withoutCap }
  yearlyCap { targetsDrawn drawnOnce drawnTwice drawnMoreThanTwice exempt breaches breachList { publicId drawId timesDrawn department { id } } }
  tasksByStage { stage count }
  drawsByStatus { status count }
  visits { total merged tasksInMerged visitsSaved byStatus { status count } }
  jointTasks { led participating invitationsPending }
  overdue { tasks visits planFilings }
  children { region { code } figures { ${FIGURES} } }
} }`;
const DRAWS = `query($filter: DrawFilter, $page: PageInput) { draws(filter: $filter, page: $page) { totalItems globalSeq items { id status taskName department { id } } } }`;

const overview = async (token: string, region?: string, year?: number) => (await ok(server, OVERVIEW, { region: region ?? null, year: year ?? null }, token)).supervisionOverview;
const draws = async (token: string, filter: Record<string, unknown> = {}, page: Record<string, unknown> = { take: 100 }) => (await ok(server, DRAWS, { filter, page }, token)).draws;
const byStage = (o: any) => Object.fromEntries(o.tasksByStage.map((s: any) => [s.stage, s.count]));
const byStatus = (list: { status: string; count: number }[]) => Object.fromEntries(list.filter((s) => s.count).map((s) => [s.status, s.count]));
const department = (o: any, id: number) => o.departments.find((d: any) => d.department.id === String(id));

/** One task with one segment over the whole directory of its department. */
const task = (token: string, itemId: string, segment: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  createTask(server, token, itemId, [{ label: 'objects/all', filter: {}, ...segment }], { ...JANUARY, ...extra });

describe('supervision of a city with two counties', () => {
  let f: Awaited<ReturnType<typeof drawFixture>>;
  let sibling: Awaited<ReturnType<typeof siblingCounty>>;
  let countySupervisor: { token: string };
  let leader: { token: string };
  const drawIds: Record<string, string> = {};
  const taskIds: Record<string, string> = {};

  beforeAll(async () => {
    // 平鲁-like county: 10 targets; its sibling (140602): 5.
    f = await drawFixture(server, { targets: 10, capPercent: 100 });
    sibling = await siblingCounty(server, f, 5);
    countySupervisor = await createUserIn(server, f.root.token, f.county.id, [Role.SUPERVISOR]);
    leader = await createUserIn(server, f.root.token, f.county.id, [Role.REVIEWING_LEADER]);
    const cappedItem = await addItem(server, f.planner.token, 'GENERAL', 30);
    await planBatch(server, f.planner.token, [f.itemId]);

    // A: 3 of 10, locked → 3 visits. B: all 10, locked → merges into A's 3 visits, 7 new.
    taskIds.A = await task(f.planner.token, f.itemId, { ratioPercent: 30 }, { name: 'A 春季农药专项' });
    drawIds.A = (await schedule(server, f.operator.token, taskIds.A, { closeMs: 600 })).id;
    await runDraw(server, f.operator.token, drawIds.A, { lock: true });
    taskIds.B = await task(f.planner.token, f.itemId, { ratioPercent: 100 }, { name: 'B 全覆盖检查' });
    drawIds.B = (await schedule(server, f.operator.token, taskIds.B, { closeMs: 600 })).id;
    await runDraw(server, f.operator.token, drawIds.B, { lock: true });
    // E: all 10 again, completed (not locked): A's 3 targets are drawn a third time — directed, so exempt.
    taskIds.E = await task(f.planner.token, f.itemId, { ratioPercent: 100 }, { name: 'E 定向复查' });
    drawIds.E = (await schedule(server, f.operator.token, taskIds.E, { closeMs: 600 })).id;
    await runDraw(server, f.operator.token, drawIds.E);
    // C: 2 of 10 under a GENERAL item capped at 30 %, scheduled only, window all year.
    taskIds.C = await task(f.planner.token, cappedItem, { ratioPercent: 20 }, { name: 'C 年度抽查', ...yearWindow() });
    drawIds.C = (await schedule(server, f.operator.token, taskIds.C, { closeMs: 60_000 })).id;
    // F: a joint task, no draw yet.
    taskIds.F = await task(f.planner.token, f.itemId, { ratioPercent: 10 }, { name: 'F 联合抽查', joint: true, ...yearWindow() });
    // D: the sibling county draws 1 of 5, completed.
    taskIds.D = await task(sibling.planner.token, sibling.itemId, { fixedCount: 1 }, { name: 'D 朔城区抽查' });
    drawIds.D = (await schedule(server, sibling.operator.token, taskIds.D, { closeMs: 600 })).id;
    await runDraw(server, sibling.operator.token, drawIds.D);
  });

  test('the city supervisor’s overview: coverage, plans, tasks by stage, merged visits, overdue work, ratios and the yearly cap', async () => {
    const o = await overview(f.supervisor.token);
    expect(o).toMatchObject({ year: YEAR, region: { code: '140600' }, path: [{ code: '140600' }] });
    expect(o.totals).toEqual({
      departments: 3, targets: 15, drawnTargets: 11, coveragePercent: 73.3, plansFiled: 0, plansMissing: 2, plansOverdue: 0,
      standingDraws: 4, tasks: 6, overdueTasks: 4 * late, overdueVisits: 10 * late, mergedVisits: 3, jointTasksLed: 1, segmentsAboveCap: 0, capBreaches: 0,
    });
    expect(department(o, f.county.id)).toMatchObject({
      targets: 10, drawnTargets: 10, coveragePercent: 100, minRatioPercent: 5, belowMinimum: false, planStatus: 'ADOPTED', filingState: 'PENDING',
      tasks: 5, standingDraws: 3, overdueTasks: 3 * late, overdueVisits: 10 * late,
    });
    expect(department(o, f.county.id).filingDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(department(o, sibling.county.id)).toMatchObject({ targets: 5, drawnTargets: 1, coveragePercent: 20, planStatus: null, filingState: null, tasks: 1, overdueTasks: late });
    expect(department(o, f.city.id)).toMatchObject({ targets: 0, drawnTargets: 0, coveragePercent: null, belowMinimum: false, tasks: 0 });

    expect(byStage(o)).toEqual({ PREPARING: 1, DRAWING: 3, IN_PROGRESS: 2, DONE: 0 });
    expect(byStatus(o.drawsByStatus)).toEqual({ ANNOUNCED: 2, COMPLETED: 2, SCHEDULED: 1 });
    expect(o.visits).toMatchObject({ total: 10, merged: 3, tasksInMerged: 6, visitsSaved: 3 });
    expect(byStatus(o.visits.byStatus)).toEqual({ PENDING_TEAM: 10 });
    expect(o.overdue).toEqual({ tasks: 4 * late, visits: 10 * late, planFilings: 0 });
    expect(o.ratioCompliance).toEqual({ segments: 5, withinCap: 5, aboveCap: 0, withoutCap: 0 });
    // A's 3 targets: A, B, E; the other 7: B, E; the sibling's one: D.
    expect(o.yearlyCap).toEqual({ targetsDrawn: 11, drawnOnce: 1, drawnTwice: 7, drawnMoreThanTwice: 3, exempt: 3, breaches: 0, breachList: [] });
    expect(o.jointTasks).toEqual({ led: 1, participating: 0, invitationsPending: 0 });

    expect(o.children.map((c: any) => c.region.code)).toEqual(['140602', '140603']);
    expect(o.children[0].figures).toMatchObject({ departments: 1, targets: 5, drawnTargets: 1, coveragePercent: 20, standingDraws: 1, tasks: 1, overdueTasks: late, plansMissing: 1 });
    expect(o.children[1].figures).toMatchObject({ departments: 1, targets: 10, drawnTargets: 10, coveragePercent: 100, standingDraws: 3, tasks: 5, mergedVisits: 3, jointTasksLed: 1, plansMissing: 0 });
  });

  test('another year has no draws, tasks or visits (directories are not by year)', async () => {
    const o = await overview(f.supervisor.token, undefined, YEAR - 1);
    expect(o.totals).toMatchObject({ targets: 15, drawnTargets: 0, standingDraws: 0, tasks: 0, mergedVisits: 0, plansMissing: 3 });
    expect(codeOf(await server.gql(OVERVIEW, { year: 1999 }, { token: f.supervisor.token }))).toBe('VALIDATION_FAILED');
  });

  test('joint tasks: an invitation pending, then a confirmed participation', async () => {
    await ok(server, INVITE, { task: taskIds.F, dept: String(sibling.county.id), note: '请参加联合抽查' }, f.planner.token);
    expect((await overview(f.supervisor.token)).jointTasks).toEqual({ led: 1, participating: 0, invitationsPending: 1 });
    await ok(server, RESPOND, { task: taskIds.F, r: 'CONFIRM', note: null }, sibling.planner.token);
    expect((await overview(f.supervisor.token)).jointTasks).toEqual({ led: 1, participating: 1, invitationsPending: 0 });
    expect((await overview(sibling.supervisor.token)).jointTasks).toEqual({ led: 0, participating: 1, invitationsPending: 0 });
  });

  test('scope: a sibling county sees only itself, a region outside the jurisdiction is NOT_FOUND, the province drills down to the county', async () => {
    const own = await overview(sibling.supervisor.token);
    expect(own).toMatchObject({ region: { code: '140602' }, path: [{ code: '140602' }], children: [] });
    expect(own.departments.map((d: any) => d.department.id)).toEqual([String(sibling.county.id)]);
    expect(codeOf(await server.gql(OVERVIEW, { region: '140603' }, { token: sibling.supervisor.token }))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(OVERVIEW, { region: '140600' }, { token: countySupervisor.token }))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(OVERVIEW, { region: '140100' }, { token: f.supervisor.token }))).toBe('NOT_FOUND');

    const province = await overview(f.provinceSupervisor.token);
    expect(province).toMatchObject({ region: { code: '140000' }, path: [{ code: '140000' }] });
    expect(province.totals.departments).toBe(4);
    expect(province.children.map((c: any) => c.region.code)).toEqual(['140600']);
    const city = (await overview(f.supervisor.token)).totals;
    expect(province.children[0].figures).toEqual(city);

    const cityFromProvince = await overview(f.provinceSupervisor.token, '140600');
    expect(cityFromProvince.path.map((r: any) => r.code)).toEqual(['140000', '140600']);
    expect(cityFromProvince.totals).toEqual(city);
    const county = await overview(f.provinceSupervisor.token, '140603');
    expect(county.path.map((r: any) => r.code)).toEqual(['140000', '140600', '140603']);
    expect(county.departments.map((d: any) => d.department.id)).toEqual([String(f.county.id)]);
    expect(county.children).toEqual([]);
    expect(county.totals).toEqual((await overview(countySupervisor.token)).totals);
  });

  test('bad region codes, and who may read the overview', async () => {
    expect(codeOf(await server.gql(OVERVIEW, { region: '14O6' }, { token: f.supervisor.token }))).toBe('INVALID_REGION_CODE');
    expect(codeOf(await server.gql(OVERVIEW, { region: '149999' }, { token: f.supervisor.token }))).toBe('UNKNOWN_REGION');
    expect(codeOf(await server.gql(OVERVIEW, {}, { token: f.planner.token }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(OVERVIEW, {}, { token: f.operator.token }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(OVERVIEW, {}))).toBe('UNAUTHENTICATED');
    expect((await overview(leader.token)).region.code).toBe('140603');
    expect((await overview(f.root.token)).region.code).toBe('140000');
  });

  test('the live list: scoped like the draws themselves, filtered by status and region, newest first, at a fixed cost per page', async () => {
    const city = await draws(f.supervisor.token);
    expect(city.items.map((d: any) => d.id)).toEqual([drawIds.D, drawIds.C, drawIds.E, drawIds.B, drawIds.A]);
    expect(city.items[0]).toMatchObject({ status: 'COMPLETED', taskName: 'D 朔城区抽查', department: { id: String(sibling.county.id) } });
    expect(city.globalSeq).toBeGreaterThan(0);
    // The sibling county sees its own draw — and the joint task's, had it one — never the other county's.
    expect((await draws(sibling.supervisor.token)).items.map((d: any) => d.id)).toEqual([drawIds.D]);
    expect((await draws(countySupervisor.token)).totalItems).toBe(4);
    expect((await draws(f.provinceSupervisor.token)).totalItems).toBe(5);

    expect((await draws(f.supervisor.token, { statuses: ['ANNOUNCED'] })).items.map((d: any) => d.id)).toEqual([drawIds.B, drawIds.A]);
    expect((await draws(f.supervisor.token, { statuses: ['SCHEDULED', 'COMPLETED'] })).totalItems).toBe(3);
    expect((await draws(f.supervisor.token, { regionCode: '140602' })).items.map((d: any) => d.id)).toEqual([drawIds.D]);
    expect((await draws(f.provinceSupervisor.token, { regionCode: '140600' })).totalItems).toBe(5);
    expect(codeOf(await server.gql(DRAWS, { filter: { regionCode: 'x' } }, { token: f.supervisor.token }))).toBe('INVALID_REGION_CODE');

    const statements = (res: unknown) => (res as { extensions: { sqlStatements: number } }).extensions.sqlStatements;
    const one = await server.gql(DRAWS, { page: { take: 1 } }, { token: f.supervisor.token });
    const five = await server.gql(DRAWS, { page: { take: 5 } }, { token: f.supervisor.token });
    expect(statements(five)).toBe(statements(one));
    // The overview costs the same for one department as for three.
    const forCity = await server.gql(OVERVIEW, {}, { token: f.supervisor.token });
    const forCounty = await server.gql(OVERVIEW, {}, { token: countySupervisor.token });
    expect(statements(forCity)).toBe(statements(forCounty));
  });

  test('a subscription from the list’s globalSeq receives the draws that follow it', async () => {
    const { globalSeq } = await draws(f.supervisor.token);
    const collected = subscribeCollect(server.ws(f.supervisor.token), JURISDICTION_EVENTS, { after: globalSeq }, (events) => events.length >= 1, 15000);
    const next = await task(f.planner.token, f.itemId, { fixedCount: 1 }, { name: 'G 补充抽查', ...yearWindow() });
    const scheduled = await schedule(server, f.operator.token, next, { closeMs: 60_000 });
    const { events } = await collected;
    expect(events[0].jurisdictionDrawEvents).toMatchObject({ drawId: scheduled.id, type: 'SCHEDULED' });
    expect((await draws(f.supervisor.token)).items[0].id).toBe(scheduled.id);
  });

  test('records that break the rules show up: a segment above its cap, a target drawn a third time without exemption', async () => {
    // Neither can be made through the API (scheduling refuses both); a record written around it can.
    await server.app.ds.query('UPDATE draw_segment SET count = 5 WHERE drawId = ?', [Number(drawIds.C)]);
    await server.app.ds.query(`UPDATE task SET kind = 'PLANNED' WHERE id = ?`, [Number(taskIds.E)]);
    const o = await overview(f.supervisor.token);
    expect(o.ratioCompliance).toMatchObject({ withinCap: 5, aboveCap: 1 });
    expect(o.yearlyCap).toMatchObject({ drawnMoreThanTwice: 3, exempt: 0, breaches: 3 });
    expect(o.yearlyCap.breachList).toHaveLength(3);
    expect(o.yearlyCap.breachList.every((b: any) => b.drawId === drawIds.E && b.timesDrawn === 3 && b.department.id === String(f.county.id))).toBe(true);
    expect(o.totals).toMatchObject({ segmentsAboveCap: 1, capBreaches: 3 });
    expect(o.children.map((c: any) => c.figures.capBreaches)).toEqual([0, 3]);
    expect((await overview(sibling.supervisor.token)).totals.capBreaches).toBe(0);
  });
});
