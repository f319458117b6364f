import { Role } from '../../server/domain/vocabulary';
import { createTask, drawFixture } from './draw-fixture';
import { ok, runDraw, schedule } from './draw-steps';
import { createUserIn } from './factories';
import type { TestServer } from './test-server';

/**
 * Steps the team tests share: a county with inspectors (certificates, specialties, townships as a
 * test needs them), a locked draw of some of its targets, and the team API as an operator, a
 * planner, a leader and an inspector would use it.
 */

export const MARCH = { windowStart: '2026-03-01', windowEnd: '2026-03-31' };

export type TeamFixture = Awaited<ReturnType<typeof teamFixture>>;

/** drawFixture (province → city → county with `targets` targets) plus the county's reviewing leader and an inspector login. */
export async function teamFixture(server: TestServer, targets = 4) {
  const f = await drawFixture(server, { targets, capPercent: 100 });
  const leader = await createUserIn(server, f.root.token, f.county.id, [Role.REVIEWING_LEADER]);
  return { ...f, leader };
}

export interface InspectorSpec {
  name?: string;
  validFrom?: string;
  validTo?: string;
  specialties?: string[];
  regionCode?: string;
}

let serial = 0;

/** Adds inspectors to the token's department (valid 2020–2030, pesticides, county-level region unless told). */
export async function addInspectors(server: TestServer, token: string, specs: InspectorSpec[]): Promise<{ id: string; certificateNumber: string; name: string }[]> {
  const out = [];
  for (const spec of specs) {
    const n = ++serial;
    const input = {
      name: spec.name ?? `执法员${n}`, certificateNumber: `ZF${process.pid % 10000}${String(n).padStart(5, '0')}`,
      certificateValidFrom: spec.validFrom ?? '2020-01-01', certificateValidTo: spec.validTo ?? '2030-12-31',
      specialties: spec.specialties ?? ['PESTICIDES'], regionCode: spec.regionCode ?? '140603',
    };
    out.push((await ok(server, `mutation($input: InspectorInput!) { createInspector(input: $input) { id certificateNumber name } }`, { input }, token)).createInspector);
  }
  return out;
}

export const repeat = <T>(n: number, spec: T): T[] => Array.from({ length: n }, () => spec);

/** The county's targets, as the planner sees them. */
export async function countyTargets(server: TestServer, token: string): Promise<{ id: string; creditCode: string }[]> {
  return (await ok(server, `{ targets(filter: { regionCode: "140603" }, page: { take: 500 }) { items { id creditCode } } }`, {}, token)).targets.items;
}

export async function declareConflict(server: TestServer, token: string, inspectorId: string, targetId: string, reason = '亲属经营') {
  return ok(server, `mutation($i: ID!, $t: ID!, $r: String!) { declareConflict(inspectorId: $i, targetId: $t, reason: $r) { id } }`, { i: inspectorId, t: targetId, r: reason }, token);
}

export const SET_POLICY = `mutation($input: TeamPolicyInput!) { setTeamPolicy(input: $input) { departmentId teamSize requireSpecialtyCoverage recuseSameTownship workloadLimit updatedAt } }`;

export async function setPolicy(server: TestServer, plannerToken: string, policy: { teamSize?: number; requireSpecialtyCoverage?: boolean; recuseSameTownship?: boolean; workloadLimit?: number }) {
  return (await ok(server, SET_POLICY, { input: { teamSize: 2, workloadLimit: 30, ...policy } }, plannerToken)).setTeamPolicy;
}

/** A directed task of the county over `count` of its targets (all of them with count omitted), drawn and locked; returns the task and draw ids. */
export async function lockedDraw(server: TestServer, f: TeamFixture, options: { count?: number; window?: { windowStart: string; windowEnd: string } } = {}) {
  const segment = options.count ? { label: 'objects/county', filter: { regionCode: '140603' }, fixedCount: options.count } : { label: 'objects/county', filter: { regionCode: '140603' }, ratioPercent: 100 };
  const taskId = await createTask(server, f.planner.token, f.itemId, [segment], { ...(options.window ?? MARCH) });
  const draw = await schedule(server, f.operator.token, taskId, { closeMs: 700 });
  await runDraw(server, f.operator.token, draw.id, { lock: true });
  return { taskId, drawId: draw.id };
}

const OUTCOME = `teamDraw { id kind label teamSize targets staffed unstaffed drawnBy }
  visits staffed unstaffedCount
  unstaffed { publicId reason eligible needed explanation visit { id status } missingGroups { kind value text } excluded { reason count text } }
  remedies { kind mutation text departments { id } }`;

export const DRAW_TEAMS = `mutation($id: ID!) { drawTeams(drawId: $id) { ${OUTCOME} } }`;
export const DRAW_CROSS_REGION = `mutation($id: ID!, $ids: [ID!]!) { drawCrossRegionTeams(drawId: $id, neighbourDepartmentIds: $ids) { ${OUTCOME} } }`;
export const APPOINT_TEAM = `mutation($visit: ID!, $ids: [ID!]!, $reason: String!) { appointTeam(visitId: $visit, inspectorIds: $ids, reason: $reason) { id status members { role source inspector { id } addedBy } } }`;
export const REQUEST_REPLACEMENT = `mutation($visit: ID!, $inspector: ID!, $reason: String!) { requestReplacement(visitId: $visit, inspectorId: $inspector, reason: $reason) { id kind status reason } }`;
export const REQUEST_RECUSAL = `mutation($visit: ID!, $inspector: ID!, $reason: String!, $swap: SwapWithInput) { requestRecusal(visitId: $visit, inspectorId: $inspector, reason: $reason, swapWith: $swap) { id kind status } }`;
export const APPROVE = `mutation($id: ID!) { approveMemberChange(changeId: $id) { id status decidedBy replacementInspector { id } } }`;
export const REJECT = `mutation($id: ID!, $reason: String) { rejectMemberChange(changeId: $id, reason: $reason) { id status decidedBy } }`;
export const VISIT_ASSIGNMENTS = `subscription($after: Int, $scope: VisitAssignmentScope) { visitAssignments(afterGlobalSeq: $after, scope: $scope) { globalSeq drawId type payload visitCount visits { id publicId status members { role inspector { id } } } } }`;

export interface TeamVisit {
  id: string;
  publicId: string;
  status: string;
  windowStart: string;
  windowEnd: string;
  members: { role: string; ordinal: number; source: string; removedAt: string | null; removedReason: string | null; inspector: { id: string; certificateNumber: string }; department: { id: string } }[];
}

/** The visits of a draw as the token's user sees them, with their current members (or every member ever, with includeRemoved). */
export async function visitsOfDraw(server: TestServer, token: string, drawId: string, includeRemoved = false): Promise<TeamVisit[]> {
  const data = await ok(server, `query($filter: VisitFilter, $all: Boolean!) { visits(filter: $filter, page: { take: 500 }) { items { id publicId status windowStart windowEnd
    members(includeRemoved: $all) { role ordinal source removedAt removedReason inspector { id certificateNumber } department { id } } } } }`, { filter: { drawId }, all: includeRemoved }, token);
  return data.visits.items;
}

/** Links an inspector to a new login (INSPECTOR role) of its department; returns that login. */
export async function inspectorLogin(server: TestServer, adminToken: string, departmentId: number, inspectorId: string) {
  const user = await createUserIn(server, adminToken, departmentId, [Role.INSPECTOR]);
  await ok(server, `mutation($i: ID!, $u: ID) { linkInspectorUser(inspectorId: $i, userId: $u) { id } }`, { i: inspectorId, u: String(user.id) }, adminToken);
  return user;
}

/** A draw's stored events of the given types, in order. */
export async function drawEventsOf(server: TestServer, drawId: string, types: string[]): Promise<{ seq: number; globalSeq: number; type: string; payload: any }[]> {
  const rows = await server.app.ds.query('SELECT seq, globalSeq, type, payload FROM draw_event WHERE drawId = ? ORDER BY seq', [Number(drawId)]);
  return rows.filter((r: any) => types.includes(r.type)).map((r: any) => ({ seq: Number(r.seq), globalSeq: Number(r.globalSeq), type: r.type, payload: JSON.parse(r.payload) }));
}

/** The last hub-wide event number (to subscribe from "now" without a race). */
export async function lastGlobalSeq(server: TestServer): Promise<number> {
  const [row] = await server.app.ds.query('SELECT MAX(globalSeq) AS n FROM draw_event');
  return Number(row.n ?? 0);
}

/** GET a file of the hub with a token; returns status and parsed JSON. */
export async function getJson(server: TestServer, path: string, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}
