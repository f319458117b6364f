import { createTask, drawFixture } from '../helpers/draw-fixture';
import { createTestServer, TestServer } from '../helpers/test-server';

/** Art. 3: a routine task comes from a batch of the adopted annual plan and checks only the items it plans. */
let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

test('a planned task needs an adopted plan batch of its department and year, and only the batch’s items', async () => {
  const f = await drawFixture(server);
  const other = await server.gql(`mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }`, {
    input: { code: 'PL-T-2', name: '种子经营者的检查', categoryCode: 'SEEDS', kind: 'GENERAL', targetTypes: ['ENTERPRISE'], ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2 },
  }, { token: f.planner.token });
  const otherItem = other.data.createInspectionItem.id;
  const created = await server.gql(`mutation($input: PlanVersionInput!) { createAnnualPlan(year: 2026, input: $input) { current { id revision batches { id } } } }`, {
    input: {
      title: '平鲁区农业农村局2026年度抽查工作计划', levelSplit: { provincePercent: 0, cityPercent: 0, countyPercent: 100 }, regionalWeights: [],
      batches: [{ name: '第一批次', itemIds: [f.itemId], targetTypes: ['INDIVIDUAL_BUSINESS'], specialDirectories: [], regionCodes: ['140603'], startDate: '2026-03-01', endDate: '2026-06-30', estimatedCount: 5 }],
    },
  }, { token: f.planner.token });
  expect(created.errors).toBeUndefined();
  const version = created.data.createAnnualPlan.current;
  const batchId = version.batches[0].id;
  const segments = [{ label: 'objects/all', filter: {}, ratioPercent: 10 }];

  const draft = await createTask(server, f.planner.token, f.itemId, segments, { kind: 'PLANNED', directedReason: null, planBatchId: batchId }).catch((e: Error) => e.message);
  expect(draft).toContain('UNKNOWN_PLAN_BATCH');
  const adopted = await server.gql(`mutation($id: ID!, $r: Int!) { adoptPlanVersion(id: $id, expectedRevision: $r, input: { adoptedOn: "2026-01-05" }) { status } }`, { id: version.id, r: version.revision }, { token: f.planner.token });
  expect(adopted.errors).toBeUndefined();
  const unplanned = await createTask(server, f.planner.token, otherItem, segments, { kind: 'PLANNED', directedReason: null, planBatchId: batchId }).catch((e: Error) => e.message);
  expect(unplanned).toContain('ITEM_NOT_IN_PLAN');
  const otherYear = await createTask(server, f.planner.token, f.itemId, segments, { kind: 'PLANNED', directedReason: null, planBatchId: batchId, windowStart: '2027-03-01', windowEnd: '2027-03-31' }).catch((e: Error) => e.message);
  expect(otherYear).toContain('UNKNOWN_PLAN_BATCH');
  const taskId = await createTask(server, f.planner.token, f.itemId, segments, { kind: 'PLANNED', directedReason: null, planBatchId: batchId });
  const task = await server.gql(`query($id: ID!) { task(id: $id) { kind planBatchId items { name } } }`, { id: taskId }, { token: f.planner.token });
  expect(task.data.task).toEqual({ kind: 'PLANNED', planBatchId: batchId, items: [{ name: '农药经营者经营行为的检查' }] });
});
