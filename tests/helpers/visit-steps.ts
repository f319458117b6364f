import { Role } from '../../server/domain/vocabulary';
import { createTask, drawFixture } from './draw-fixture';
import { addItem, ok, runDraw, schedule } from './draw-steps';
import { createUserIn } from './factories';
import type { TestServer } from './test-server';

/**
 * Steps the visit tests share: a county and the city above it, each with a planner, a draw operator
 * and an item of its own, whose tasks draw the same county targets (a city task's pool holds the
 * directories below it).
 */
export async function twoLevelFixture(server: TestServer, targets = 4) {
  const f = await drawFixture(server, { targets, capPercent: 100 });
  const cityPlanner = await createUserIn(server, f.root.token, f.city.id, [Role.PLANNER]);
  const cityOperator = await createUserIn(server, f.root.token, f.city.id, [Role.DRAW_OPERATOR]);
  const provincePlanner = await createUserIn(server, f.root.token, f.root.department.id, [Role.PLANNER]);
  const cityItemId = await addItem(server, cityPlanner.token, 'GENERAL', 100);
  return { ...f, cityPlanner, cityOperator, provincePlanner, cityItemId };
}
export type TwoLevelFixture = Awaited<ReturnType<typeof twoLevelFixture>>;

export interface Window { windowStart: string; windowEnd: string }

/** A directed task of the county or the city that draws every target of the county, in `window`. */
export async function allTargetsTask(server: TestServer, f: TwoLevelFixture, level: 'county' | 'city', window: Window, name?: string) {
  const planner = level === 'county' ? f.planner : f.cityPlanner;
  const itemId = level === 'county' ? f.itemId : f.cityItemId;
  return createTask(server, planner.token, itemId, [{ label: `objects/${level}`, filter: { regionCode: '140603' }, ratioPercent: 100 }], { ...window, ...(name ? { name } : {}) });
}

/** Schedules and runs a draw of the task up to COMPLETED (not locked); returns the draw id. */
export async function drawnNotLocked(server: TestServer, operatorToken: string, taskId: string): Promise<string> {
  const draw = await schedule(server, operatorToken, taskId, { closeMs: 800 });
  await runDraw(server, operatorToken, draw.id);
  return draw.id;
}

export const LOCK = `mutation($id: ID!) { lockDraw(id: $id) { status } }`;

export async function lock(server: TestServer, operatorToken: string, drawId: string) {
  return (await ok(server, LOCK, { id: drawId }, operatorToken)).lockDraw.status as string;
}

export const VISIT_FIELDS = `id publicId status windowStart windowEnd version taskCount merged
  leadDepartment { id } target { creditCode }
  tasks { taskId drawId taskName automatic addedBy windowStart windowEnd department { id } task { id } }`;

export const VISITS = `query($filter: VisitFilter, $page: PageInput) { visits(filter: $filter, page: $page) { totalItems items { ${VISIT_FIELDS} } } }`;
export const VISIT = `query($id: ID!) { visit(id: $id) { ${VISIT_FIELDS} items { taskId own item { name version } } members { id } experts { id } sameTargetVisits { id status } } }`;
export const TASK_VISITS = `query($id: ID!) { taskVisits(taskId: $id, page: { take: 100 }) { totalItems items { ${VISIT_FIELDS} } } }`;
export const MERGE = `mutation($ids: [ID!]!, $reason: String!, $versions: [Int!]) { mergeVisits(visitIds: $ids, reason: $reason, expectedVersions: $versions) { ${VISIT_FIELDS} } }`;
export const SPLIT = `mutation($visit: ID!, $task: ID!, $reason: String!, $version: Int) { splitVisitTask(visitId: $visit, taskId: $task, reason: $reason, expectedVersion: $version) { visit { ${VISIT_FIELDS} } splitVisit { ${VISIT_FIELDS} } } }`;

export type VisitView = {
  id: string; publicId: string; status: string; windowStart: string; windowEnd: string; version: number; taskCount: number; merged: boolean;
  leadDepartment: { id: string }; target: { creditCode: string } | null;
  tasks: { taskId: string; drawId: string; taskName: string; automatic: boolean; addedBy: string | null; windowStart: string; windowEnd: string; department: { id: string }; task: { id: string } | null }[];
};

/** Every visit a user sees (optionally filtered), up to 500. */
export async function visitsSeenBy(server: TestServer, token: string, filter: Record<string, unknown> = {}): Promise<VisitView[]> {
  return (await ok(server, VISITS, { filter, page: { take: 500 } }, token)).visits.items;
}
