import { randomBytes } from 'node:crypto';
import { DepartmentKind, Role } from '../../server/domain/vocabulary';
import { createTask, drawFixture } from './draw-fixture';
import { addItem, nextCreditCode, ok, siblingCounty } from './draw-steps';
import { createRootOrg, createUserIn } from './factories';
import { importFile, sheetBytes } from './imports';
import { HEADER_ROW, targetRows } from './target-rows';
import type { TestServer } from './test-server';

/**
 * Steps the joint-task tests share. The lead is the fixture's county agriculture bureau (平鲁区,
 * 140603, with `leadTargets` targets); it invites the county market-supervision bureau (a
 * hierarchy of its own, same region, `scjgTargets` targets) and the neighbouring county's
 * agriculture bureau (朔城区, 140602, `neighbourTargets` targets). One business is in both the
 * lead's and market supervision's directories (same credit code). An unrelated department
 * (another province's bureau) has a planner and an inspector.
 */
export async function jointFixture(server: TestServer, sizes: { leadTargets?: number; scjgTargets?: number; neighbourTargets?: number } = {}) {
  const f = await drawFixture(server, { targets: sizes.leadTargets ?? 6, capPercent: 100 });
  const leadInspector = await createUserIn(server, f.root.token, f.county.id, [Role.INSPECTOR]);

  const scjgRoot = await createRootOrg(server, { kind: DepartmentKind.MARKET_SUPERVISION, regionCode: '140603', name: `平鲁区市场监督管理局_${randomBytes(3).toString('hex')}` });
  const scjg = {
    department: scjgRoot.department,
    planner: await createUserIn(server, scjgRoot.token, scjgRoot.department.id, [Role.PLANNER]),
    inspector: await createUserIn(server, scjgRoot.token, scjgRoot.department.id, [Role.INSPECTOR]),
    supervisor: await createUserIn(server, scjgRoot.token, scjgRoot.department.id, [Role.SUPERVISOR]),
    itemId: '',
  };
  const imported = await importFile(server, scjg.planner.token, 'TARGETS', await sheetBytes('csv', [HEADER_ROW, ...targetRows(sizes.scjgTargets ?? 4, '140603')]), { fileName: 'targets.csv' });
  if (imported.body.status !== 'SUCCEEDED') throw new Error(JSON.stringify(imported.body));
  scjg.itemId = await addMarketItem(server, scjg.planner.token);

  const shared = nextCreditCode();
  for (const token of [f.planner.token, scjg.planner.token]) {
    await ok(server, `mutation($input: TargetInput!) { createTarget(input: $input) { id } }`, { input: { creditCode: shared, name: '平鲁区共同经营部', type: 'INDIVIDUAL_BUSINESS', regionCode: '140603' } }, token);
  }

  const n = await siblingCounty(server, f, sizes.neighbourTargets ?? 3);
  const neighbour = { ...n, inspector: await createUserIn(server, f.root.token, n.county.id, [Role.INSPECTOR]) };

  const otherRoot = await createRootOrg(server, { regionCode: '140100' });
  const unrelated = {
    department: otherRoot.department,
    planner: await createUserIn(server, otherRoot.token, otherRoot.department.id, [Role.PLANNER]),
    operator: await createUserIn(server, otherRoot.token, otherRoot.department.id, [Role.DRAW_OPERATOR]),
    inspector: await createUserIn(server, otherRoot.token, otherRoot.department.id, [Role.INSPECTOR]),
    supervisor: await createUserIn(server, otherRoot.token, otherRoot.department.id, [Role.SUPERVISOR]),
  };
  return { ...f, lead: f.county, leadInspector, scjg, neighbour, unrelated, sharedCreditCode: shared };
}
export type JointFixture = Awaited<ReturnType<typeof jointFixture>>;

let serial = 0;
/** A market-supervision item (GENERAL, capped at 100 %). */
async function addMarketItem(server: TestServer, token: string): Promise<string> {
  const input = {
    code: `SC-J-${++serial}-${randomBytes(2).toString('hex')}`, name: '农资商品质量监督检查', categoryCode: 'PESTICIDES', kind: 'GENERAL',
    targetTypes: ['INDIVIDUAL_BUSINESS', 'ENTERPRISE'], ratioMinPercent: 1, ratioMaxPercent: 100, frequencyPerYear: 1,
  };
  return (await ok(server, `mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }`, { input }, token)).createInspectionItem.id;
}

/** A joint directed task of the lead drawing `ratioPercent` of every directory it covers (no region filter: the neighbour's targets are in 140602). */
export function createJointTask(server: TestServer, f: JointFixture, name = '2026年农资质量联合抽查', ratioPercent = 100) {
  return createTask(server, f.planner.token, f.itemId, [{ label: 'objects/joint', filter: {}, ratioPercent }], { name, joint: true });
}

export const INVITE = `mutation($task: ID!, $dept: ID!, $note: String) { inviteParticipant(taskId: $task, departmentId: $dept, note: $note) { id status note department { id } } }`;
export const RESPOND = `mutation($task: ID!, $r: ParticipantResponse!, $note: String) { respondToInvitation(taskId: $task, response: $r, note: $note) { id status respondedAt respondedBy note } }`;
export const ADD_ITEMS = `mutation($task: ID!, $items: [ID!]!) { addParticipantItems(taskId: $task, itemIds: $items) { id status items { name version } } }`;
export const WITHDRAW = `mutation($task: ID!, $dept: ID!, $reason: String!) { withdrawParticipant(taskId: $task, departmentId: $dept, reason: $reason) { id status note respondedBy } }`;
export const RECORD = `mutation($visit: ID!, $task: ID!, $item: ID!, $outcome: ResultOutcome!, $note: String) {
  recordItemResult(visitId: $visit, taskId: $task, itemId: $item, outcome: $outcome, note: $note) { id visitId taskId itemId outcome outcomeText note department { id } recordedBy } }`;
export const RESULTS = `query($visit: ID!) { visitItemResults(visitId: $visit) { itemId outcome department { id } } }`;
export const JOINT_TASK = `query($id: ID!) { task(id: $id) {
  id name joint myParticipation { status }
  participants { status note department { id } items { name } history { action } }
  itemContributions { lead department { id } item { name version } }
  draws { id status }
} }`;
export const POOL_PREVIEW = `query($id: ID!) { task(id: $id) { poolPreview { segments { label poolSize count } } } }`;
export const MY_PARTICIPATIONS = `query($s: [ParticipantStatus!]) { myJointTaskParticipations(statuses: $s) { status taskId taskName task { id } } }`;
export const TASK_LIST = `query { tasks(page: { take: 500 }) { items { id } } }`;

export const invite = (server: TestServer, token: string, taskId: string, departmentId: number | string, note?: string) =>
  server.gql(INVITE, { task: taskId, dept: String(departmentId), note: note ?? null }, { token });
export const respond = (server: TestServer, token: string, taskId: string, r: 'CONFIRM' | 'DECLINE', note?: string) => server.gql(RESPOND, { task: taskId, r, note: note ?? null }, { token });
export const addItems = (server: TestServer, token: string, taskId: string, itemIds: string[]) => server.gql(ADD_ITEMS, { task: taskId, items: itemIds }, { token });
export const withdraw = (server: TestServer, token: string, taskId: string, departmentId: number | string, reason: string) =>
  server.gql(WITHDRAW, { task: taskId, dept: String(departmentId), reason }, { token });
export const record = (server: TestServer, token: string, visitId: string, taskId: string, itemId: string, outcome: string, note?: string) =>
  server.gql(RECORD, { visit: visitId, task: taskId, item: itemId, outcome, note: note ?? null }, { token });

/** The ids of the tasks a user's task list shows. */
export async function listedTaskIds(server: TestServer, token: string): Promise<string[]> {
  return (await ok(server, TASK_LIST, {}, token)).tasks.items.map((t: { id: string }) => t.id);
}
