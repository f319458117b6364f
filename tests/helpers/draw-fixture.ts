import { Role } from '../../server/domain/vocabulary';
import { createChildDepartment, createRootOrg, createUserIn } from './factories';
import { importFile, sheetBytes } from './imports';
import { HEADER_ROW, targetRows } from './target-rows';
import type { TestServer } from './test-server';

/**
 * A province → city → county with a directory of `targets` targets in the county, a GENERAL
 * item capped at `capPercent`, a planner, a draw operator and a city supervisor.
 */
export async function drawFixture(server: TestServer, options: { targets?: number; capPercent?: number } = {}) {
  const root = await createRootOrg(server);
  const city = await createChildDepartment(server, root.token, root.department.id, '140600');
  const county = await createChildDepartment(server, root.token, city.id, '140603');
  const planner = await createUserIn(server, root.token, county.id, [Role.PLANNER]);
  const operator = await createUserIn(server, root.token, county.id, [Role.DRAW_OPERATOR]);
  const supervisor = await createUserIn(server, root.token, city.id, [Role.SUPERVISOR]);
  const provinceSupervisor = await createUserIn(server, root.token, root.department.id, [Role.SUPERVISOR]);
  const imported = await importFile(server, planner.token, 'TARGETS', await sheetBytes('csv', [HEADER_ROW, ...targetRows(options.targets ?? 30, '140603')]), { fileName: 'targets.csv' });
  if (imported.body.status !== 'SUCCEEDED') throw new Error(JSON.stringify(imported.body));
  const item = await server.gql(`mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }`, {
    input: { code: 'PL-T-1', name: '农药经营者经营行为的检查', categoryCode: 'PESTICIDES', kind: 'GENERAL', targetTypes: ['INDIVIDUAL_BUSINESS'], ratioMinPercent: 5, ratioMaxPercent: options.capPercent ?? 50, frequencyPerYear: 2 },
  }, { token: planner.token });
  return { root, city, county, planner, operator, supervisor, provinceSupervisor, itemId: item.data.createInspectionItem.id as string };
}

export async function createTask(server: TestServer, token: string, itemId: string, segments: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const res = await server.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
    input: { name: '2026年农资经营专项检查', kind: 'DIRECTED', directedReason: '春耕农资专项', itemIds: [itemId], windowStart: '2026-03-01', windowEnd: '2026-03-31', segments, ...extra },
  }, { token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createTask.id as string;
}

export const SCHEDULE = `mutation($task: ID!, $input: ScheduleDrawInput!) { scheduleDraw(taskId: $task, input: $input) { id status commitment segments { label poolSize count poolDigest excludedCount } } }`;

export function closesIn(ms: number) {
  return new Date(Date.now() + ms).toISOString();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
