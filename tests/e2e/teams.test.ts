import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DepartmentKind, Role } from '../../server/domain/vocabulary';
import { createTask } from '../helpers/draw-fixture';
import { codeOf, errorOf, JURISDICTION_EVENTS, ok, runDraw, schedule, siblingCounty, subscriptionCodes } from '../helpers/draw-steps';
import { createChildDepartment, createUserIn } from '../helpers/factories';
import { DRAW_CLI } from '../helpers/hub-process';
import { addItems, createJointTask, invite, jointFixture, respond } from '../helpers/joint-steps';
import {
  addInspectors, APPOINT_TEAM, MARCH, APPROVE, countyTargets, declareConflict, DRAW_CROSS_REGION, DRAW_TEAMS, drawEventsOf, getJson, inspectorLogin, lastGlobalSeq, lockedDraw,
  REJECT, repeat, REQUEST_RECUSAL, REQUEST_REPLACEMENT, SET_POLICY, setPolicy, teamFixture, VISIT_ASSIGNMENTS, visitsOfDraw,
} from '../helpers/team-steps';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';

/**
 * 抽取检查组 (Art. 20–23): after a draw is locked, its executing department draws a team of at least
 * two eligible inspectors, one the leader, for every visit, from the draw's seed — reproducible from
 * the published team record with the project's CLI. Too small a pool, expiring certificates, declared
 * conflicts and workload limits leave visits unstaffed with the reason; they are then appointed
 * directly or matched with a neighbouring region's inspectors. A drawn inspector is replaced only
 * with the leader's approval; recusal swaps targets or leaves and is replaced; every change is a
 * draw event. Inspectors get their new visits over a subscription. SQLite and, with
 * DATABASE_URL=mysql://…, MariaDB.
 */
jest.setTimeout(90000);

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await createTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DRAW_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const save = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 1));
  return file;
};

describe('drawing teams', () => {
  test('after the lock only, by the executing department: every visit gets ≥ 2 inspectors with one leader, reproducible with verify-teams from teams.json', async () => {
    const f = await teamFixture(server, 4);
    // No policy set: the defaults (teams of 2, workload limit 30); a policy needs teams of at least 2.
    expect((await ok(server, `{ teamPolicy { departmentId teamSize workloadLimit requireSpecialtyCoverage updatedAt } }`, {}, f.operator.token)).teamPolicy)
      .toEqual({ departmentId: String(f.county.id), teamSize: 2, workloadLimit: 30, requireSpecialtyCoverage: false, updatedAt: null });
    expect(codeOf(await server.gql(SET_POLICY, { input: { teamSize: 1, workloadLimit: 30 } }, { token: f.planner.token }))).toBe('INVALID_TEAM_POLICY');
    expect(codeOf(await server.gql(SET_POLICY, { input: { teamSize: 2, workloadLimit: 30 } }, { token: f.operator.token }))).toBe('FORBIDDEN');
    await addInspectors(server, f.planner.token, repeat(7, {}));
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/county', filter: { regionCode: '140603' }, ratioPercent: 100 }], MARCH);
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 700 });
    await runDraw(server, f.operator.token, draw.id);
    // Completed but not locked: no teams yet.
    expect(codeOf(await server.gql(DRAW_TEAMS, { id: draw.id }, { token: f.operator.token }))).toBe('DRAW_NOT_LOCKED');
    await ok(server, `mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: draw.id }, f.operator.token);

    // Not the executing department: the city above is refused, a sibling county does not see the draw, a planner lacks the draw permission.
    const cityOperator = await createUserIn(server, f.root.token, f.city.id, [Role.DRAW_OPERATOR]);
    expect(codeOf(await server.gql(DRAW_TEAMS, { id: draw.id }, { token: cityOperator.token }))).toBe('FORBIDDEN');
    const sibling = await siblingCounty(server, f, 1);
    expect(codeOf(await server.gql(DRAW_TEAMS, { id: draw.id }, { token: sibling.operator.token }))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(DRAW_TEAMS, { id: draw.id }, { token: f.planner.token }))).toBe('FORBIDDEN');

    // The province above follows the team draw in its jurisdiction stream, like the draw itself.
    const above = subscribeCollect(server.ws(f.provinceSupervisor.token), JURISDICTION_EVENTS, { after: await lastGlobalSeq(server) }, (e: any[]) => e.some((x) => x.jurisdictionDrawEvents.type === 'TEAMS_DRAWN'), 20000);
    const outcome = (await ok(server, DRAW_TEAMS, { id: draw.id }, f.operator.token)).drawTeams;
    expect((await above).events.map((e: any) => [e.jurisdictionDrawEvents.drawId, e.jurisdictionDrawEvents.type])).toContainEqual([draw.id, 'TEAMS_DRAWN']);
    expect(outcome).toMatchObject({ visits: 4, staffed: 4, unstaffedCount: 0, unstaffed: [], remedies: [], teamDraw: { kind: 'TEAMS', label: `inspectors/draw-${draw.id}`, teamSize: 2, targets: 4, staffed: 4, unstaffed: 0 } });
    const visits = await visitsOfDraw(server, f.planner.token, draw.id);
    expect(visits).toHaveLength(4);
    for (const v of visits) {
      expect(v.status).toBe('STAFFED');
      expect(v.members.length).toBeGreaterThanOrEqual(2);
      expect(v.members.filter((m) => m.role === 'LEADER')).toHaveLength(1);
      expect(v.members[0].role).toBe('LEADER');
      expect(new Set(v.members.map((m) => m.inspector.id)).size).toBe(v.members.length);
      expect(v.members.every((m) => m.source === 'DRAWN' && m.department.id === String(f.county.id))).toBe(true);
    }
    // Nothing left to draw; the event is on the draw's log (and so on the jurisdiction stream above).
    expect(codeOf(await server.gql(DRAW_TEAMS, { id: draw.id }, { token: f.operator.token }))).toBe('NO_VISITS_TO_STAFF');
    const [drawn] = await drawEventsOf(server, draw.id, ['TEAMS_DRAWN']);
    expect(drawn.payload).toMatchObject({ kind: 'TEAMS', staffed: 4, unstaffed: 0, departmentId: f.county.id, label: `inspectors/draw-${draw.id}` });

    // The published team record, downloaded and verified the way an outsider would.
    const file = await getJson(server, `/files/draws/${draw.id}/teams.json`, f.supervisor.token);
    expect(file.status).toBe(200);
    expect(file.body).toEqual((await ok(server, `query($id: ID!) { teamRecord(drawId: $id) }`, { id: draw.id }, f.planner.token)).teamRecord);
    expect(file.body.rounds[0]).toMatchObject({ kind: 'TEAMS', teamSize: 2, label: `inspectors/draw-${draw.id}` });
    expect(file.body.rounds[0].candidates).toHaveLength(7);
    const good = await cli(['verify-teams', save('teams.json', file.body)]);
    expect(good).toMatchObject({ code: 0 });
    expect(good.stdout).toContain('verified: 1 team draw, 4 teams');
    // A team changed by hand no longer verifies, and the CLI says where.
    const tampered = structuredClone(file.body);
    const team = tampered.rounds[0].result.teams[0];
    team.members = [team.members[1], team.members[0]];
    const bad = await cli(['verify-teams', save('tampered.json', tampered)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`NOT VERIFIED: first difference in rounds[0] (inspectors/draw-${draw.id})`);
    expect((await cli(['verify-teams', save('broken.json', { protocol: 'nope' })])).code).toBe(2);
    // Outsiders do not get it.
    expect((await getJson(server, `/files/draws/${draw.id}/teams.json`, sibling.planner.token)).status).toBe(404);
  });

  test('a team size larger than the eligible pool leaves the visit unstaffed with the reason: a certificate expiring inside the window and a declared conflict exclude', async () => {
    const f = await teamFixture(server, 1);
    const [target] = await countyTargets(server, f.planner.token);
    expect((await setPolicy(server, f.planner.token, { teamSize: 3 })).teamSize).toBe(3);
    const [a, b, expiring, conflicted] = await addInspectors(server, f.planner.token, [{}, {}, { validTo: '2026-03-15' }, {}]);
    await declareConflict(server, f.planner.token, conflicted.id, target.id);
    const { drawId } = await lockedDraw(server, f);

    const outcome = (await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token)).drawTeams;
    expect(outcome).toMatchObject({ visits: 1, staffed: 0, unstaffedCount: 1 });
    const [u] = outcome.unstaffed;
    expect(u).toMatchObject({ publicId: target.creditCode, reason: 'TOO_FEW_ELIGIBLE', eligible: 2, needed: 3, visit: { status: 'UNSTAFFED' } });
    expect(u.excluded.map((e: any) => [e.reason, e.count]).sort()).toEqual([['CERTIFICATE_NOT_VALID_FOR_WINDOW', 1], ['CONFLICT_DECLARED', 1]]);
    expect(u.explanation).toContain('符合条件 2 名，需要 3 名');
    expect(u.explanation).toContain('1 名执法证件在检查期间内不是全程有效');
    expect(u.explanation).toContain('1 名已申报利害关系');
    expect(outcome.remedies.map((r: any) => r.mutation)).toEqual(['appointTeam', 'drawCrossRegionTeams']);
    // The same, listed later, in English.
    const listed = await server.gql(`query($id: ID!) { unstaffedVisits(drawId: $id) { totalItems items { reason explanation } } }`, { id: drawId }, { token: f.planner.token, lang: 'en' });
    expect(listed.data.unstaffedVisits.totalItems).toBe(1);
    expect(listed.data.unstaffedVisits.items[0].explanation).toContain('2 eligible, 3 needed');

    // Direct appointment, recorded: at least the team size, and only inspectors the binding rules allow.
    const visitId = u.visit.id;
    const reason = '本局符合条件人员不足，经局务会研究直接指定';
    expect(codeOf(await server.gql(APPOINT_TEAM, { visit: visitId, ids: [a.id, b.id], reason }, { token: f.planner.token }))).toBe('TEAM_TOO_SMALL');
    const refused = await server.gql(APPOINT_TEAM, { visit: visitId, ids: [a.id, b.id, expiring.id], reason }, { token: f.planner.token });
    expect(errorOf(refused)).toMatchObject({ code: 'INSPECTOR_NOT_ELIGIBLE', details: { inspectorId: Number(expiring.id), reason: 'CERTIFICATE_NOT_VALID_FOR_WINDOW' } });
    expect(errorOf(await server.gql(APPOINT_TEAM, { visit: visitId, ids: [a.id, b.id, conflicted.id], reason }, { token: f.planner.token }))?.details).toMatchObject({ reason: 'CONFLICT_DECLARED' });
    expect(codeOf(await server.gql(APPOINT_TEAM, { visit: visitId, ids: [a.id, b.id, expiring.id], reason }, { token: f.operator.token }))).toBe('FORBIDDEN');
    const [hired] = await addInspectors(server, f.planner.token, [{ name: '新调入执法员' }]);
    const appointed = (await ok(server, APPOINT_TEAM, { visit: visitId, ids: [hired.id, a.id, b.id], reason }, f.planner.token)).appointTeam;
    expect(appointed.status).toBe('STAFFED');
    expect(appointed.members.map((m: any) => [m.role, m.source, m.inspector.id, m.addedBy])).toEqual([['LEADER', 'APPOINTED', hired.id, '测试用户'], ['MEMBER', 'APPOINTED', a.id, '测试用户'], ['MEMBER', 'APPOINTED', b.id, '测试用户']]);
    const [event] = await drawEventsOf(server, drawId, ['TEAM_APPOINTED']);
    expect(event.payload).toMatchObject({ visitId: Number(visitId), inspectorIds: [Number(hired.id), Number(a.id), Number(b.id)], reason });
    // A drawn or appointed team is not replaced by appointing another one.
    expect(codeOf(await server.gql(APPOINT_TEAM, { visit: visitId, ids: [a.id, b.id, hired.id], reason }, { token: f.planner.token }))).toBe('REPLACEMENT_NOT_APPROVED');
    expect((await cli(['verify-teams', save('unstaffed.json', (await getJson(server, `/files/draws/${drawId}/teams.json`, f.planner.token)).body)])).code).toBe(0);
  });

  test('the workload limit is respected: no inspector takes more open visits than the limit, and the rest is left unstaffed for capacity', async () => {
    const f = await teamFixture(server, 3);
    await setPolicy(server, f.planner.token, { teamSize: 2, workloadLimit: 1 });
    await addInspectors(server, f.planner.token, repeat(5, {}));
    const { drawId } = await lockedDraw(server, f);
    const outcome = (await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token)).drawTeams;
    expect(outcome).toMatchObject({ visits: 3, staffed: 2, unstaffedCount: 1 });
    expect(outcome.unstaffed[0]).toMatchObject({ reason: 'CAPACITY_EXHAUSTED', eligible: 5, needed: 2 });
    const visits = await visitsOfDraw(server, f.planner.token, drawId);
    const load = new Map<string, number>();
    for (const v of visits) for (const m of v.members) load.set(m.inspector.id, (load.get(m.inspector.id) ?? 0) + 1);
    expect([...load.values()].every((n) => n === 1)).toBe(true);
    expect(load.size).toBe(4);

    // The next draw finds every inspector but one at the limit.
    const next = await lockedDraw(server, f, { window: { windowStart: '2026-04-01', windowEnd: '2026-04-30' } });
    const again = (await ok(server, DRAW_TEAMS, { id: next.drawId }, f.operator.token)).drawTeams;
    expect(again.staffed).toBe(0);
    expect(again.unstaffed[0]).toMatchObject({ reason: 'TOO_FEW_ELIGIBLE', eligible: 1 });
    expect(again.unstaffed[0].excluded).toEqual([{ reason: 'WORKLOAD_FULL', count: 4, text: '承担的检查已达上限' }]);
  });

  test('each team covers the specialties of the items when the department requires it', async () => {
    const f = await teamFixture(server, 3);
    await setPolicy(server, f.planner.token, { teamSize: 2, requireSpecialtyCoverage: true });
    const [pesticides] = await addInspectors(server, f.planner.token, [{ specialties: ['PESTICIDES'] }]);
    await addInspectors(server, f.planner.token, repeat(4, { specialties: ['SEEDS'] }));
    const { drawId } = await lockedDraw(server, f);
    expect((await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token)).drawTeams).toMatchObject({ staffed: 3, unstaffedCount: 0 });
    for (const v of await visitsOfDraw(server, f.planner.token, drawId)) expect(v.members.map((m) => m.inspector.id)).toContain(pesticides.id);
  });
});

describe('joint tasks', () => {
  test('each team of a joint task includes an inspector of every participating department with items for the target', async () => {
    const f = await jointFixture(server, { leadTargets: 2, scjgTargets: 2 });
    const taskId = await createJointTask(server, f);
    expect((await invite(server, f.planner.token, taskId, f.scjg.department.id)).errors).toBeUndefined();
    expect((await respond(server, f.scjg.planner.token, taskId, 'CONFIRM')).errors).toBeUndefined();
    expect((await addItems(server, f.scjg.planner.token, taskId, [f.scjg.itemId])).errors).toBeUndefined();
    const lead = await addInspectors(server, f.planner.token, repeat(3, {}));
    const market = await addInspectors(server, f.scjg.planner.token, repeat(2, {}));
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 700 });
    await runDraw(server, f.operator.token, draw.id, { lock: true });

    const outcome = (await ok(server, DRAW_TEAMS, { id: draw.id }, f.operator.token)).drawTeams;
    expect(outcome).toMatchObject({ unstaffedCount: 0 });
    expect(outcome.staffed).toBeGreaterThanOrEqual(4);
    for (const v of await visitsOfDraw(server, f.planner.token, draw.id)) {
      expect(v.members).toHaveLength(2);
      expect(v.members.filter((m) => lead.some((i) => i.id === m.inspector.id))).toHaveLength(1);
      expect(v.members.filter((m) => market.some((i) => i.id === m.inspector.id))).toHaveLength(1);
    }
    const record = (await getJson(server, `/files/draws/${draw.id}/teams.json`, f.planner.token)).body;
    expect(record.rounds[0].candidateDepartmentIds).toEqual([f.lead.id, f.scjg.department.id]);
    expect(record.rounds[0].targets[0].groups).toEqual([{ kind: 'DEPARTMENT', value: String(f.lead.id) }, { kind: 'DEPARTMENT', value: String(f.scjg.department.id) }]);
    expect((await cli(['verify-teams', save('joint.json', record)])).code).toBe(0);
  });
});

describe('changes to a drawn team', () => {
  test('a replacement without the leader’s approval is refused; approved, it is drawn from the seed and recorded; a reviewing leader rejects another', async () => {
    const f = await teamFixture(server, 1);
    const inspectors = await addInspectors(server, f.planner.token, repeat(5, {}));
    const { drawId } = await lockedDraw(server, f);
    await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token);
    const [visit] = await visitsOfDraw(server, f.planner.token, drawId);
    const [leaderMember, member] = visit.members;
    const leaderLogin = await inspectorLogin(server, f.root.token, f.county.id, leaderMember.inspector.id);
    const memberLogin = await inspectorLogin(server, f.root.token, f.county.id, member.inspector.id);
    const reason = '该执法人员临时借调至市局，无法参加检查';

    // Only team members and the department's staff may ask; only team members can be replaced.
    const outsider = inspectors.find((i) => !visit.members.some((m) => m.inspector.id === i.id))!;
    expect(codeOf(await server.gql(REQUEST_REPLACEMENT, { visit: visit.id, inspector: outsider.id, reason }, { token: f.planner.token }))).toBe('NOT_TEAM_MEMBER');
    expect(codeOf(await server.gql(REQUEST_REPLACEMENT, { visit: visit.id, inspector: member.inspector.id, reason }, { token: f.supervisor.token }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(REQUEST_REPLACEMENT, { visit: visit.id, inspector: member.inspector.id, reason: ' ' }, { token: f.planner.token }))).toBe('VALIDATION_FAILED');
    const change = (await ok(server, REQUEST_REPLACEMENT, { visit: visit.id, inspector: member.inspector.id, reason }, f.planner.token)).requestReplacement;
    expect(change).toMatchObject({ kind: 'REPLACE', status: 'REQUESTED', reason });
    expect(codeOf(await server.gql(REQUEST_REPLACEMENT, { visit: visit.id, inspector: member.inspector.id, reason }, { token: memberLogin.token }))).toBe('MEMBER_CHANGE_PENDING');

    // Without approval nothing changes: the team cannot be changed directly, and only the leader (or a leading official) approves.
    expect(codeOf(await server.gql(APPOINT_TEAM, { visit: visit.id, ids: [leaderMember.inspector.id, outsider.id], reason }, { token: f.planner.token }))).toBe('REPLACEMENT_NOT_APPROVED');
    expect(codeOf(await server.gql(APPROVE, { id: change.id }, { token: f.planner.token }))).toBe('NOT_CHANGE_APPROVER');
    expect(codeOf(await server.gql(APPROVE, { id: change.id }, { token: memberLogin.token }))).toBe('NOT_CHANGE_APPROVER');
    expect((await visitsOfDraw(server, f.planner.token, drawId))[0].members.map((m) => m.inspector.id)).toEqual(visit.members.map((m) => m.inspector.id));

    const approved = (await ok(server, APPROVE, { id: change.id }, leaderLogin.token)).approveMemberChange;
    expect(approved.status).toBe('APPROVED');
    const replacement = approved.replacementInspector.id;
    expect(visit.members.map((m) => m.inspector.id)).not.toContain(replacement);
    expect(codeOf(await server.gql(APPROVE, { id: change.id }, { token: leaderLogin.token }))).toBe('MEMBER_CHANGE_DECIDED');
    const [after] = await visitsOfDraw(server, f.planner.token, drawId, true);
    const old = after.members.find((m) => m.inspector.id === member.inspector.id)!;
    expect(old.removedAt).not.toBeNull();
    expect(old.removedReason).toContain(reason);
    expect(after.members.find((m) => m.inspector.id === replacement)).toMatchObject({ role: 'MEMBER', source: 'REPLACEMENT', ordinal: old.ordinal, removedAt: null });
    const events = await drawEventsOf(server, drawId, ['MEMBER_CHANGE_REQUESTED', 'MEMBER_REPLACED']);
    expect(events.map((e) => e.type)).toEqual(['MEMBER_CHANGE_REQUESTED', 'MEMBER_REPLACED']);
    expect(events[1].payload).toMatchObject({ changeId: Number(change.id), inspectorId: Number(member.inspector.id), replacementInspectorId: Number(replacement), label: `inspectors/draw-${drawId}/replace/${change.id}`, reason, approvedBy: leaderLogin.username });
    // The replacement reproduces from the record too.
    const record = (await getJson(server, `/files/draws/${drawId}/teams.json`, f.planner.token)).body;
    expect(record.rounds.map((r: any) => r.kind)).toEqual(['TEAMS', 'REPLACEMENT']);
    expect(record.changes.map((c: any) => c.type)).toEqual(['MEMBER_CHANGE_REQUESTED', 'MEMBER_REPLACED']);
    expect((await cli(['verify-teams', save('replaced.json', record)])).code).toBe(0);

    // A reviewing leader of the department may decide too: here a rejection, which changes nothing.
    const second = (await ok(server, REQUEST_REPLACEMENT, { visit: visit.id, inspector: replacement, reason: '另有安排' }, f.planner.token)).requestReplacement;
    const rejected = (await ok(server, REJECT, { id: second.id, reason: '理由不充分' }, f.leader.token)).rejectMemberChange;
    expect(rejected).toMatchObject({ status: 'REJECTED', decidedBy: '测试用户' });
    expect((await visitsOfDraw(server, f.planner.token, drawId))[0].members.map((m) => m.inspector.id)).toContain(replacement);
    expect((await drawEventsOf(server, drawId, ['MEMBER_CHANGE_REJECTED']))[0].payload).toMatchObject({ changeId: Number(second.id), reason: '理由不充分' });
  });

  test('recusal by swapping targets with an inspector of the same task (both eligible for the other’s target), or by leaving and being replaced', async () => {
    const f = await teamFixture(server, 2);
    // One open visit each: the two teams do not share anyone, and one inspector stays free.
    await setPolicy(server, f.planner.token, { teamSize: 2, workloadLimit: 1 });
    const inspectors = await addInspectors(server, f.planner.token, repeat(5, {}));
    const { drawId } = await lockedDraw(server, f);
    await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token);
    const [a, b] = await visitsOfDraw(server, f.planner.token, drawId);
    const free = inspectors.find((i) => ![...a.members, ...b.members].some((m) => m.inspector.id === i.id))!;
    const x = a.members[1].inspector.id;
    const [y1, y2] = [b.members[0].inspector.id, b.members[1].inspector.id];
    const targets = await countyTargets(server, f.planner.token);
    // y1 declares a conflict with a's target after the draw: y1 cannot take x's place there.
    await declareConflict(server, f.planner.token, y1, targets.find((t) => t.creditCode === a.publicId)!.id, '配偶在该企业任职');
    const reason = '与检查对象负责人系同学关系，申请回避';
    const refused = await server.gql(REQUEST_RECUSAL, { visit: a.id, inspector: x, reason, swap: { visitId: b.id, inspectorId: y1 } }, { token: f.planner.token });
    expect(errorOf(refused)).toMatchObject({ code: 'INSPECTOR_NOT_ELIGIBLE', details: { inspectorId: Number(y1), reason: 'CONFLICT_DECLARED' } });
    expect(codeOf(await server.gql(REQUEST_RECUSAL, { visit: a.id, inspector: x, reason, swap: { visitId: b.id, inspectorId: a.members[0].inspector.id } }, { token: f.planner.token }))).toBe('NOT_TEAM_MEMBER');

    const change = (await ok(server, REQUEST_RECUSAL, { visit: a.id, inspector: x, reason, swap: { visitId: b.id, inspectorId: y2 } }, f.planner.token)).requestRecusal;
    expect(change).toMatchObject({ kind: 'RECUSE_SWAP', status: 'REQUESTED' });
    expect((await ok(server, APPROVE, { id: change.id }, f.leader.token)).approveMemberChange.status).toBe('APPROVED');
    const [a2, b2] = await visitsOfDraw(server, f.planner.token, drawId);
    expect(a2.members.map((m) => m.inspector.id)).toEqual([a.members[0].inspector.id, y2]);
    expect(b2.members.map((m) => m.inspector.id)).toEqual([y1, x]);
    expect(a2.members[1].source).toBe('SWAPPED');
    const [swapped] = await drawEventsOf(server, drawId, ['MEMBER_RECUSED']);
    expect(swapped.payload).toMatchObject({ kind: 'RECUSE_SWAP', moves: [{ inspectorId: Number(x), from: Number(a.id), to: Number(b.id) }, { inspectorId: Number(y2), from: Number(b.id), to: Number(a.id) }] });

    // Leaving: the leader of b leaves and is replaced by a draw; the replacement leads.
    const leave = (await ok(server, REQUEST_RECUSAL, { visit: b.id, inspector: y1, reason: '申报利害关系后回避' }, f.planner.token)).requestRecusal;
    expect(leave.kind).toBe('RECUSE_LEAVE');
    const done = (await ok(server, APPROVE, { id: leave.id }, f.leader.token)).approveMemberChange;
    const [, b3] = await visitsOfDraw(server, f.planner.token, drawId);
    expect(b3.members[0]).toMatchObject({ role: 'LEADER', source: 'REPLACEMENT', inspector: { id: done.replacementInspector.id } });
    // Everyone else is at the workload limit: the free inspector is the only one eligible.
    expect(done.replacementInspector.id).toBe(free.id);
    expect((await drawEventsOf(server, drawId, ['MEMBER_RECUSED'])).map((e) => e.payload.kind)).toEqual(['RECUSE_SWAP', 'RECUSE_LEAVE']);
    expect((await cli(['verify-teams', save('recused.json', (await getJson(server, `/files/draws/${drawId}/teams.json`, f.planner.token)).body)])).code).toBe(0);
  });

  test('experts are drawn from the department’s library with the draw’s seed, or appointed by name', async () => {
    const f = await teamFixture(server, 1);
    await addInspectors(server, f.planner.token, repeat(2, {}));
    const experts = [];
    for (const [name, specialty] of [['王农', '农药残留检测'], ['李种', '种子质量'], ['张药', '农药登记']]) {
      experts.push((await ok(server, `mutation($name: String!, $s: String!) { createExpert(input: { name: $name, organisation: "山西省农业科学院", specialty: $s }) { id } }`, { name, s: specialty }, f.planner.token)).createExpert.id);
    }
    const { drawId } = await lockedDraw(server, f);
    await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token);
    const [visit] = await visitsOfDraw(server, f.planner.token, drawId);
    const drawn = (await ok(server, `mutation($v: ID!, $field: String) { drawExpert(visitId: $v, field: $field) { source reason expert { id specialty } } }`, { v: visit.id, field: '农药' }, f.operator.token)).drawExpert;
    expect(drawn.source).toBe('DRAWN');
    expect(drawn.expert.specialty).toContain('农药');
    expect(codeOf(await server.gql(`mutation($v: ID!) { drawExpert(visitId: $v, field: "兽医") { source } }`, { v: visit.id }, { token: f.operator.token }))).toBe('NO_EXPERT_AVAILABLE');
    const named = (await ok(server, `mutation($v: ID!, $e: ID!) { appointExpert(visitId: $v, expertId: $e, reason: "需要种子质量鉴定") { source reason addedBy expert { id } } }`, { v: visit.id, e: experts[1] }, f.planner.token)).appointExpert;
    expect(named).toMatchObject({ source: 'APPOINTED', reason: '需要种子质量鉴定', expert: { id: experts[1] } });
    expect(codeOf(await server.gql(`mutation($v: ID!, $e: ID!) { appointExpert(visitId: $v, expertId: $e, reason: "再次") { source } }`, { v: visit.id, e: experts[1] }, { token: f.planner.token }))).toBe('EXPERT_ALREADY_ON_VISIT');
    expect((await drawEventsOf(server, drawId, ['EXPERT_ADDED'])).map((e) => e.payload.source)).toEqual(['DRAWN', 'APPOINTED']);
    const record = (await getJson(server, `/files/draws/${drawId}/teams.json`, f.planner.token)).body;
    expect(record.rounds.map((r: any) => r.kind)).toEqual(['TEAMS', 'EXPERT']);
    expect((await cli(['verify-teams', save('experts.json', record)])).stdout).toContain('1 expert');
  });
});

describe('cross-region matching', () => {
  test('a neighbouring region’s inspectors staff what the home department could not; only declared neighbours of the same kind take part', async () => {
    const f = await teamFixture(server, 2);
    await addInspectors(server, f.planner.token, [{}]);
    const sibling = await siblingCounty(server, f, 1);
    const neighbourInspectors = await addInspectors(server, sibling.planner.token, repeat(4, { regionCode: '140602' }));
    const { drawId } = await lockedDraw(server, f);
    const first = (await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token)).drawTeams;
    expect(first).toMatchObject({ staffed: 0, unstaffedCount: 2 });
    // No neighbour declared yet: the remedy says so, and the sibling is refused.
    expect(first.remedies[1]).toMatchObject({ kind: 'CROSS_REGION', departments: [] });
    expect(codeOf(await server.gql(DRAW_CROSS_REGION, { id: drawId, ids: [String(sibling.county.id)] }, { token: f.operator.token }))).toBe('NOT_A_NEIGHBOUR_DEPARTMENT');

    await ok(server, `mutation { declareNeighbours(regionCode: "140603", neighbourCodes: ["140602", "140623"]) { code } }`, {}, f.root.token);
    const market = await createChildDepartment(server, f.root.token, f.city.id, '140623', DepartmentKind.MARKET_SUPERVISION);
    const listed = (await ok(server, `query($id: ID!) { unstaffedVisits(drawId: $id) { totalItems remedies { kind departments { id } } } }`, { id: drawId }, f.operator.token)).unstaffedVisits;
    expect(listed.totalItems).toBe(2);
    expect(listed.remedies[1].departments).toContainEqual({ id: String(sibling.county.id) });
    expect(listed.remedies[1].departments).not.toContainEqual({ id: String(market.id) });
    // Another kind of department in a neighbouring region is not a partner for agriculture inspections.
    expect(codeOf(await server.gql(DRAW_CROSS_REGION, { id: drawId, ids: [String(market.id)] }, { token: f.operator.token }))).toBe('NOT_A_NEIGHBOUR_DEPARTMENT');

    const cross = (await ok(server, DRAW_CROSS_REGION, { id: drawId, ids: [String(sibling.county.id)] }, f.operator.token)).drawCrossRegionTeams;
    expect(cross).toMatchObject({ visits: 2, staffed: 2, unstaffedCount: 0, teamDraw: { kind: 'CROSS_REGION', label: `inspectors/draw-${drawId}/cross-region` } });
    const visits = await visitsOfDraw(server, f.planner.token, drawId);
    expect(visits.every((v) => v.status === 'STAFFED' && v.members.length === 2 && v.members.every((m) => m.source === 'CROSS_REGION'))).toBe(true);
    const fromNeighbour = visits.flatMap((v) => v.members).filter((m) => m.department.id === String(sibling.county.id));
    expect(fromNeighbour.length).toBeGreaterThanOrEqual(2);
    expect(fromNeighbour.every((m) => neighbourInspectors.some((i) => i.id === m.inspector.id))).toBe(true);
    const record = (await getJson(server, `/files/draws/${drawId}/teams.json`, f.planner.token)).body;
    expect(record.rounds.map((r: any) => [r.kind, r.candidateDepartmentIds])).toEqual([['TEAMS', [f.county.id]], ['CROSS_REGION', [f.county.id, sibling.county.id]]]);
    expect((await cli(['verify-teams', save('cross.json', record)])).code).toBe(0);
    expect(codeOf(await server.gql(DRAW_CROSS_REGION, { id: drawId, ids: [String(sibling.county.id)] }, { token: f.operator.token }))).toBe('NO_VISITS_TO_STAFF');
  });
});

describe('live', () => {
  test('an inspector’s subscription receives their new visit the moment teams are drawn; the department’s dashboard the whole draw', async () => {
    const f = await teamFixture(server, 3);
    const inspectors = await addInspectors(server, f.planner.token, repeat(2, {}));
    const login = await inspectorLogin(server, f.root.token, f.county.id, inspectors[0].id);
    const { drawId } = await lockedDraw(server, f);
    const after = await lastGlobalSeq(server);

    const unlinked = subscribeCollect(server.ws(f.planner.token), VISIT_ASSIGNMENTS, { after, scope: 'MINE' }, (e) => e.length >= 1, 5000);
    const mine = subscribeCollect(server.ws(login.token), VISIT_ASSIGNMENTS, { after }, (e) => e.length >= 1, 20000);
    const dashboard = subscribeCollect(server.ws(f.operator.token), VISIT_ASSIGNMENTS, { after, scope: 'DEPARTMENT' }, (e) => e.length >= 1, 20000);
    const elsewhere = await siblingCounty(server, f, 1);
    const otherDashboard = subscribeCollect(server.ws(elsewhere.planner.token), VISIT_ASSIGNMENTS, { after, scope: 'DEPARTMENT' }, (e) => e.length >= 1, 4000);
    await new Promise((r) => setTimeout(r, 300));

    const started = Date.now();
    await ok(server, DRAW_TEAMS, { id: drawId }, f.operator.token);
    const got = await mine;
    expect(got.errors).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
    const [assignment] = got.events.map((e: any) => e.visitAssignments);
    expect(assignment).toMatchObject({ drawId, type: 'TEAMS_DRAWN', visitCount: 3 });
    for (const v of assignment.visits) {
      expect(v.status).toBe('STAFFED');
      expect(v.members.map((m: any) => m.inspector.id)).toContain(inspectors[0].id);
    }
    const board = (await dashboard).events.map((e: any) => e.visitAssignments);
    expect(board[0]).toMatchObject({ type: 'TEAMS_DRAWN', visitCount: 3 });
    expect(board[0].visits).toHaveLength(3);
    expect((await otherDashboard).events).toEqual([]);
    expect(subscriptionCodes((await unlinked).errors)).toEqual(['INSPECTOR_NOT_LINKED']);
    expect((await ok(server, `{ myVisits { id } }`, {}, login.token)).myVisits).toHaveLength(3);
  });
});
