import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { dataSourceOptions } from '../../server/db/data-source';
import { schemaDrift } from '../../server/db/schema-drift';
import { createLogger } from '../../server/logger';
import { DRAW_EVENTS, DRAW_RECORD, DrawEventView, JURISDICTION_EVENTS, codeOf, errorOf, ok, picksOf, runDraw, schedule, subscriptionCodes } from '../helpers/draw-steps';
import { closesIn, SCHEDULE } from '../helpers/draw-fixture';
import {
  addItems, createJointTask, invite, JOINT_TASK, jointFixture, JointFixture, listedTaskIds, MY_PARTICIPATIONS, POOL_PREVIEW, record, respond, RESULTS, withdraw,
} from '../helpers/joint-steps';
import { createTestServer, freshDatabase, subscribeCollect, TestServer } from '../helpers/test-server';
import { lock, TASK_VISITS } from '../helpers/visit-steps';

/**
 * 联合抽查 (Art. 17–19; Pinglu 二.(三).3): the county agriculture bureau leads a joint task with the
 * county market-supervision bureau and the neighbouring county's bureau. Runs on SQLite and, with
 * DATABASE_URL=mysql://…, on MariaDB.
 */
let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const DRAW = `query($id: ID!) { draw(id: $id) { id status task { id } } }`;
const TASK = `query($id: ID!) { task(id: $id) { id } }`;
const events = (collected: { events: { drawEvents: DrawEventView }[] }) => collected.events.map((e) => e.drawEvents);

describe('a joint task of agriculture, market supervision and the neighbouring county', () => {
  let f: JointFixture;
  let taskId: string;
  let drawId: string;
  beforeAll(async () => {
    f = await jointFixture(server, { leadTargets: 6, scjgTargets: 4, neighbourTargets: 3 });
    taskId = await createJointTask(server, f);
  });

  test('the lead invites; invited departments see the task, others do not; scheduling is refused while one has not confirmed', async () => {
    // The departments to invite are outside the lead's scope: found by kind and region.
    const FIND = `query($kind: DepartmentKind, $region: String) { invitableDepartments(kind: $kind, regionCode: $region) { id kind regionCode } }`;
    const market = (await ok(server, FIND, { kind: 'MARKET_SUPERVISION', region: '140603' }, f.planner.token)).invitableDepartments;
    expect(market).toContainEqual({ id: String(f.scjg.department.id), kind: 'MARKET_SUPERVISION', regionCode: '140603' });
    expect(market.every((d: { kind: string }) => d.kind === 'MARKET_SUPERVISION')).toBe(true);
    const shuocheng = (await ok(server, FIND, { region: '140602' }, f.planner.token)).invitableDepartments.map((d: { id: string }) => d.id);
    expect(shuocheng).toContain(String(f.neighbour.county.id));
    expect(shuocheng).not.toContain(String(f.lead.id));
    expect(codeOf(await server.gql(FIND, {}, { token: f.operator.token }))).toBe('FORBIDDEN');

    const invited = await invite(server, f.planner.token, taskId, f.scjg.department.id, '请市场监管局参加农资质量联合抽查');
    expect(invited.data?.inviteParticipant).toMatchObject({ status: 'INVITED', department: { id: String(f.scjg.department.id) } });
    expect((await invite(server, f.planner.token, taskId, f.neighbour.county.id)).data?.inviteParticipant.status).toBe('INVITED');

    // Bad invitations: the lead itself, twice, by someone who is not the lead, a department that does not exist.
    expect(codeOf(await invite(server, f.planner.token, taskId, f.lead.id))).toBe('INVALID_PARTICIPANT');
    expect(codeOf(await invite(server, f.planner.token, taskId, f.scjg.department.id))).toBe('PARTICIPANT_ALREADY_INVITED');
    expect(codeOf(await invite(server, f.scjg.planner.token, taskId, f.unrelated.department.id))).toBe('FORBIDDEN');
    expect(codeOf(await invite(server, f.planner.token, taskId, 987654321))).toBe('NOT_FOUND');
    expect(codeOf(await invite(server, f.unrelated.planner.token, taskId, f.unrelated.department.id))).toBe('NOT_FOUND');

    // An invited department reads what it is invited to, in its task list and its invitations.
    for (const user of [f.scjg.planner, f.neighbour.planner]) {
      const { task } = await ok(server, JOINT_TASK, { id: taskId }, user.token);
      expect(task).toMatchObject({ id: taskId, joint: true, myParticipation: { status: 'INVITED' }, draws: [] });
      expect(await listedTaskIds(server, user.token)).toContain(taskId);
      const mine = (await ok(server, MY_PARTICIPATIONS, { s: ['INVITED'] }, user.token)).myJointTaskParticipations;
      expect(mine).toEqual([{ status: 'INVITED', taskId, taskName: '2026年农资质量联合抽查', task: { id: taskId } }]);
    }
    // An unrelated department: the task does not exist.
    expect(codeOf(await server.gql(TASK, { id: taskId }, { token: f.unrelated.planner.token }))).toBe('NOT_FOUND');
    expect(await listedTaskIds(server, f.unrelated.planner.token)).not.toContain(taskId);

    // Items only once confirmed.
    expect(codeOf(await addItems(server, f.scjg.planner.token, taskId, [f.scjg.itemId]))).toBe('PARTICIPATION_STATE_INVALID');

    // A participant who has not confirmed cannot be drawn from.
    const refused = await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(60000), paceMs: 0 } }, { token: f.operator.token });
    expect(errorOf(refused)?.code).toBe('PARTICIPANT_NOT_CONFIRMED');
    expect(errorOf(refused)?.message).toContain('未确认参加的部门不能作为抽取范围');
    expect(errorOf(refused)?.messageEn).toContain('a participant who has not confirmed cannot be drawn from');
    expect((errorOf(refused)?.details as { departmentIds: string[] }).departmentIds.sort()).toEqual([String(f.scjg.department.id), String(f.neighbour.county.id)].sort());
    // The preview leaves the unconfirmed out: the lead's own directory only (6 + the shared business).
    expect((await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task.poolPreview.segments[0].poolSize).toBe(7);

    // The lead may withdraw an unanswered invitation (with a reason) and invite again.
    const pulled = await withdraw(server, f.planner.token, taskId, f.neighbour.county.id, '改为下一批次');
    expect(pulled.data?.withdrawParticipant).toMatchObject({ status: 'WITHDRAWN', note: '改为下一批次' });
    expect(codeOf(await server.gql(TASK, { id: taskId }, { token: f.neighbour.planner.token }))).toBe('NOT_FOUND');
    expect((await invite(server, f.planner.token, taskId, f.neighbour.county.id)).data?.inviteParticipant.status).toBe('INVITED');

    // One confirms: still refused while the other has not answered.
    expect((await respond(server, f.scjg.planner.token, taskId, 'CONFIRM', '同意参加')).data?.respondToInvitation).toMatchObject({ status: 'CONFIRMED', note: '同意参加' });
    expect(codeOf(await respond(server, f.scjg.planner.token, taskId, 'DECLINE'))).toBe('PARTICIPATION_STATE_INVALID');
    const stillRefused = await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(60000), paceMs: 0 } }, { token: f.operator.token });
    expect(errorOf(stillRefused)?.code).toBe('PARTICIPANT_NOT_CONFIRMED');
    expect((errorOf(stillRefused)?.details as { departmentIds: string[] }).departmentIds).toEqual([String(f.neighbour.county.id)]);
    expect((await respond(server, f.neighbour.planner.token, taskId, 'CONFIRM')).data?.respondToInvitation.status).toBe('CONFIRMED');
  });

  test('confirmed participants add their own items; the pool covers every confirmed directory; they watch the draw live', async () => {
    expect((await addItems(server, f.scjg.planner.token, taskId, [f.scjg.itemId])).data?.addParticipantItems.items).toHaveLength(1);
    // Only items of its own active catalog.
    expect(codeOf(await addItems(server, f.scjg.planner.token, taskId, [f.neighbour.itemId]))).toBe('UNKNOWN_ITEM');
    expect(codeOf(await addItems(server, f.planner.token, taskId, [f.itemId]))).toBe('FORBIDDEN');
    expect((await addItems(server, f.neighbour.planner.token, taskId, [f.neighbour.itemId])).data?.addParticipantItems.status).toBe('CONFIRMED');

    const { task } = await ok(server, JOINT_TASK, { id: taskId }, f.planner.token);
    expect(task.itemContributions.map((c: { lead: boolean; department: { id: string } }) => [c.lead, c.department.id])).toEqual([
      [true, String(f.lead.id)], [false, String(f.scjg.department.id)], [false, String(f.neighbour.county.id)],
    ]);
    expect(task.participants.map((p: { status: string; history: { action: string }[] }) => [p.status, p.history.map((h) => h.action)])).toEqual([
      ['CONFIRMED', ['INVITE', 'CONFIRM', 'ADD_ITEMS']],
      ['CONFIRMED', ['INVITE', 'WITHDRAW', 'INVITE', 'CONFIRM', 'ADD_ITEMS']],
    ]);

    // 7 of the lead (one shared with market supervision, drawn once) + 4 of market supervision + 3 of the neighbour.
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1500 });
    drawId = draw.id;
    expect(draw.segments.map((s) => [s.poolSize, s.count])).toEqual([[14, 14]]);

    // The participant follows the draw live from before it opens to the last pick.
    const live = subscribeCollect<{ drawEvents: DrawEventView }>(server.ws(f.scjg.planner.token), DRAW_EVENTS, { id: drawId, after: 0 },
      (collected) => collected.some((e) => e.drawEvents.type === 'COMPLETED'), 30000);
    // So does a supervisor of the participant's side, in its jurisdiction stream (the lead's department is not under it).
    const ofDraw = (collected: { jurisdictionDrawEvents: DrawEventView & { drawId: string } }[]) => collected.map((e) => e.jurisdictionDrawEvents).filter((e) => String(e.drawId) === String(drawId));
    const completedIn = (collected: any[]) => ofDraw(collected).some((e) => e.type === 'COMPLETED');
    const supervising = subscribeCollect(server.ws(f.scjg.supervisor.token), JURISDICTION_EVENTS, { after: 0 }, completedIn, 30000);
    await Promise.all([live.first, supervising.first]);
    await runDraw(server, f.operator.token, drawId);
    const stream = await live;
    const supervised = ofDraw((await supervising).events);
    expect(supervised.map((e) => e.type)).toEqual(events(stream).map((e) => e.type));
    // Joining later, from the stored log: the same.
    const later = await subscribeCollect(server.ws(f.scjg.supervisor.token), JURISDICTION_EVENTS, { after: 0 }, completedIn, 10000);
    expect(ofDraw(later.events).map((e) => e.seq)).toEqual(supervised.map((e) => e.seq));
    // A supervisor of an unrelated province's department sees none of it.
    const outsiderSupervisor = await subscribeCollect(server.ws(f.unrelated.supervisor.token), JURISDICTION_EVENTS, { after: 0 }, completedIn, 1500);
    expect(ofDraw(outsiderSupervisor.events)).toEqual([]);
    expect(stream.errors).toEqual([]);
    const types = events(stream).map((e) => e.type);
    expect(types[0]).toBe('SCHEDULED');
    expect(types).toEqual(expect.arrayContaining(['OPENED', 'REVEALED', 'PICKS', 'COMPLETED']));
    expect(events(stream).flatMap((e) => (e.type === 'PICKS' ? (e.payload.picks as unknown[]) : []))).toHaveLength(14);

    for (const user of [f.scjg.planner, f.scjg.inspector, f.neighbour.planner, f.neighbour.supervisor]) {
      expect((await ok(server, DRAW, { id: drawId }, user.token)).draw).toEqual({ id: drawId, status: 'COMPLETED', task: { id: taskId } });
      expect((await ok(server, JOINT_TASK, { id: taskId }, user.token)).task.draws).toEqual([{ id: drawId, status: 'COMPLETED' }]);
    }
    const picks = await picksOf(server, f.scjg.planner.token, drawId);
    expect(picks.totalItems).toBe(14);
    expect(picks.bySegment[0].filter((p) => p === f.sharedCreditCode)).toHaveLength(1);
    // Participants watch; only the lead runs the draw.
    expect(codeOf(await server.gql(`mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: drawId }, { token: f.neighbour.operator.token }))).toBe('FORBIDDEN');

    // An unrelated department sees nothing of it.
    expect(codeOf(await server.gql(DRAW, { id: drawId }, { token: f.unrelated.planner.token }))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(DRAW_RECORD, { id: drawId }, { token: f.unrelated.planner.token }))).toBe('NOT_FOUND');
    const outsider = await subscribeCollect(server.ws(f.unrelated.planner.token), DRAW_EVENTS, { id: drawId, after: 0 }, () => true, 5000);
    expect([subscriptionCodes(outsider.errors), outsider.events]).toEqual([['NOT_FOUND'], []]);
  });

  test('after the draw is scheduled, participants are locked in', async () => {
    const locked = await withdraw(server, f.scjg.planner.token, taskId, f.scjg.department.id, '人手不足');
    expect(errorOf(locked)?.code).toBe('PARTICIPANT_LOCKED_IN');
    expect(errorOf(locked)?.details).toEqual({ drawId, drawStatus: 'COMPLETED' });
    expect(codeOf(await withdraw(server, f.planner.token, taskId, f.neighbour.county.id, '调整'))).toBe('PARTICIPANT_LOCKED_IN');
    expect(codeOf(await invite(server, f.planner.token, taskId, f.unrelated.department.id))).toBe('PARTICIPANT_LOCKED_IN');
    expect(codeOf(await addItems(server, f.scjg.planner.token, taskId, [f.scjg.itemId]))).toBe('PARTICIPANT_LOCKED_IN');
  });

  test('participants see the visits and record results only for their own items', async () => {
    expect(await lock(server, f.operator.token, drawId)).toMatch(/LOCKED|ANNOUNCED/);
    const visitsOf = async (token: string) => (await ok(server, TASK_VISITS, { id: taskId }, token)).taskVisits;
    const seen = await visitsOf(f.scjg.planner.token);
    expect(seen.totalItems).toBe(14);
    expect((await visitsOf(f.neighbour.planner.token)).totalItems).toBe(14);
    expect(codeOf(await server.gql(TASK_VISITS, { id: taskId }, { token: f.unrelated.planner.token }))).toBe('NOT_FOUND');

    const visitId: string = seen.items[0].id;
    // The same visits in the participant's own visit list and one by one.
    const listed = (await ok(server, `query($t: ID) { visits(filter: { taskId: $t }, page: { take: 50 }) { totalItems } }`, { t: taskId }, f.scjg.planner.token)).visits;
    expect(listed.totalItems).toBe(14);
    expect((await ok(server, `query($id: ID!) { visit(id: $id) { id } }`, { id: visitId }, f.neighbour.planner.token)).visit.id).toBe(visitId);
    expect(codeOf(await server.gql(`query($id: ID!) { visit(id: $id) { id } }`, { id: visitId }, { token: f.unrelated.planner.token }))).toBe('NOT_FOUND');
    const mine = await record(server, f.scjg.inspector.token, visitId, taskId, f.scjg.itemId, 'PROBLEM_CORRECTED_ON_ORDER', '标签不规范，已责令改正');
    expect(mine.data?.recordItemResult).toMatchObject({ visitId, taskId, itemId: f.scjg.itemId, outcome: 'PROBLEM_CORRECTED_ON_ORDER', outcomeText: '发现问题已责令改正', department: { id: String(f.scjg.department.id) } });
    expect((await record(server, f.leadInspector.token, visitId, taskId, f.itemId, 'NO_PROBLEM_FOUND')).data?.recordItemResult.outcome).toBe('NO_PROBLEM_FOUND');

    // Another participant's item, or the lead's: refused, naming whose it is.
    const notYours = await record(server, f.scjg.inspector.token, visitId, taskId, f.itemId, 'NO_PROBLEM_FOUND');
    expect(errorOf(notYours)?.code).toBe('ITEM_NOT_YOURS');
    expect(errorOf(notYours)?.message).toContain(f.lead.name);
    expect(codeOf(await record(server, f.neighbour.inspector.token, visitId, taskId, f.scjg.itemId, 'NO_PROBLEM_FOUND'))).toBe('ITEM_NOT_YOURS');
    expect(codeOf(await record(server, f.leadInspector.token, visitId, taskId, f.neighbour.itemId, 'NO_PROBLEM_FOUND'))).toBe('ITEM_NOT_YOURS');
    // The same category twice; a department outside the task; a planner without the right to record.
    expect(codeOf(await record(server, f.scjg.inspector.token, visitId, taskId, f.scjg.itemId, 'PROBLEM_CORRECTED_ON_ORDER'))).toBe('CONFLICT');
    expect(codeOf(await record(server, f.unrelated.inspector.token, visitId, taskId, f.scjg.itemId, 'NO_PROBLEM_FOUND'))).toBe('NOT_FOUND');
    expect(codeOf(await record(server, f.scjg.planner.token, visitId, taskId, f.scjg.itemId, 'NO_PROBLEM_FOUND'))).toBe('FORBIDDEN');

    const results = (await ok(server, RESULTS, { visit: visitId }, f.neighbour.planner.token)).visitItemResults;
    expect(results.map((r: { itemId: string; department: { id: string } }) => [r.itemId, r.department.id])).toEqual([
      [f.scjg.itemId, String(f.scjg.department.id)], [f.itemId, String(f.lead.id)],
    ]);
    expect(codeOf(await server.gql(RESULTS, { visit: visitId }, { token: f.unrelated.planner.token }))).toBe('NOT_FOUND');
  });
});

describe('participants that decline or withdraw', () => {
  test('are not drawn from and no longer see the task, its draw or its live stream', async () => {
    const f = await jointFixture(server, { leadTargets: 5, scjgTargets: 3, neighbourTargets: 2 });
    const taskId = await createJointTask(server, f, '2026年种子联合抽查');
    await invite(server, f.planner.token, taskId, f.scjg.department.id);
    await invite(server, f.planner.token, taskId, f.neighbour.county.id);

    expect((await respond(server, f.scjg.planner.token, taskId, 'DECLINE', '本季度无此项安排')).data?.respondToInvitation).toMatchObject({ status: 'DECLINED', note: '本季度无此项安排' });
    expect((await respond(server, f.neighbour.planner.token, taskId, 'CONFIRM')).data?.respondToInvitation.status).toBe('CONFIRMED');
    expect((await addItems(server, f.neighbour.planner.token, taskId, [f.neighbour.itemId])).data?.addParticipantItems.items).toHaveLength(1);
    expect(codeOf(await withdraw(server, f.neighbour.planner.token, taskId, f.neighbour.county.id, ' '))).toBe('VALIDATION_FAILED');
    expect((await withdraw(server, f.neighbour.planner.token, taskId, f.neighbour.county.id, '执法力量调往防汛')).data?.withdrawParticipant).toMatchObject({ status: 'WITHDRAWN', note: '执法力量调往防汛' });
    // Nothing more to do for them.
    expect(codeOf(await respond(server, f.scjg.planner.token, taskId, 'CONFIRM'))).toBe('PARTICIPATION_STATE_INVALID');
    expect(codeOf(await withdraw(server, f.neighbour.planner.token, taskId, f.neighbour.county.id, '再次退出'))).toBe('PARTICIPATION_STATE_INVALID');

    // The withdrawn participant's items left with it; both answers stay on the record.
    const { task } = await ok(server, JOINT_TASK, { id: taskId }, f.planner.token);
    expect(task.itemContributions.map((c: { department: { id: string } }) => c.department.id)).toEqual([String(f.lead.id)]);
    expect(task.participants.map((p: { status: string; note: string; history: { action: string }[] }) => [p.status, p.note, p.history.map((h) => h.action)])).toEqual([
      ['DECLINED', '本季度无此项安排', ['INVITE', 'DECLINE']],
      ['WITHDRAWN', '执法力量调往防汛', ['INVITE', 'CONFIRM', 'ADD_ITEMS', 'WITHDRAW']],
    ]);

    // Drawn from the lead's directory alone: 5 + the business it shares with market supervision.
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 800 });
    expect(draw.segments[0].poolSize).toBe(6);
    await runDraw(server, f.operator.token, draw.id);
    const picks = await picksOf(server, f.planner.token, draw.id);
    expect(picks.totalItems).toBe(6);

    for (const user of [f.scjg.planner, f.neighbour.planner, f.unrelated.planner]) {
      expect(codeOf(await server.gql(TASK, { id: taskId }, { token: user.token }))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(DRAW, { id: draw.id }, { token: user.token }))).toBe('NOT_FOUND');
      expect(await listedTaskIds(server, user.token)).not.toContain(taskId);
      const stream = await subscribeCollect(server.ws(user.token), DRAW_EVENTS, { id: draw.id, after: 0 }, () => true, 5000);
      expect([subscriptionCodes(stream.errors), stream.events]).toEqual([['NOT_FOUND'], []]);
    }
    // Their participations stay listed for them, without the task.
    expect((await ok(server, MY_PARTICIPATIONS, {}, f.scjg.planner.token)).myJointTaskParticipations).toEqual([{ status: 'DECLINED', taskId, taskName: '2026年种子联合抽查', task: null }]);
    // Once drawn, the lead cannot bring them back into this draw.
    expect(codeOf(await invite(server, f.planner.token, taskId, f.neighbour.county.id))).toBe('PARTICIPANT_LOCKED_IN');
  });

  test('English messages', async () => {
    const f = await jointFixture(server, { leadTargets: 2, scjgTargets: 1, neighbourTargets: 1 });
    const taskId = await createJointTask(server, f, 'Joint check');
    await invite(server, f.planner.token, taskId, f.scjg.department.id);
    const refused = await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(60000), paceMs: 0 } }, { token: f.operator.token, lang: 'en' });
    expect(refused.errors?.[0].message).toMatch(/^Participant .* of the joint task has not confirmed: a participant who has not confirmed cannot be drawn from/);
  });
});

describe('the JointTasks migration over a database holding tasks', () => {
  test('existing items belong to their task’s department, existing tasks are not joint; it reverts and re-applies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-joint-migration-'));
    const db = await freshDatabase(dir);
    const open = (upTo: number) => new DataSource({ ...dataSourceOptions(db.database, createLogger('silent')), migrations: migrations.slice(0, upTo) } as never).initialize();
    const at = migrations.findIndex((M) => new M().name === 'JointTasks1763800000005');
    try {
      const before = await open(at);
      await before.runMigrations({ transaction: 'each' });
      for (const [id, departmentId] of [[1, 7], [2, 9]]) {
        await before.query(`INSERT INTO task (id, departmentId, executingDepartmentId, year, name, kind, planBatchId, directedReason, windowStart, windowEnd, createdById, createdAt)
          VALUES (?, ?, ?, 2026, '既有任务', 'DIRECTED', NULL, '专项', '2026-03-01', '2026-03-31', 1, '2026-01-01 00:00:00.000')`, [id, departmentId, departmentId]);
      }
      await before.query('INSERT INTO task_item (taskId, itemId, itemVersion) VALUES (1, 11, 1), (1, 12, 2), (2, 13, 1)');
      await before.destroy();

      const after = await open(migrations.length);
      await after.runMigrations({ transaction: 'each' });
      const items = await after.query('SELECT taskId, itemId, departmentId FROM task_item ORDER BY itemId');
      expect(items.map((r: Record<string, unknown>) => [Number(r.taskId), Number(r.itemId), Number(r.departmentId)])).toEqual([[1, 11, 7], [1, 12, 7], [2, 13, 9]]);
      expect((await after.query('SELECT joint FROM task ORDER BY id')).map((r: { joint: unknown }) => Number(r.joint))).toEqual([0, 0]);
      expect(await schemaDrift(after)).toEqual([]);
      if (migrations.length === at + 1) {
        await after.undoLastMigration({ transaction: 'each' });
        expect(await after.runMigrations({ transaction: 'each' })).toEqual([expect.objectContaining({ name: 'JointTasks1763800000005' })]);
        expect(await schemaDrift(after)).toEqual([]);
      }
      await after.destroy();
    } finally {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
