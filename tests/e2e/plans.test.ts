import { todayInChina } from '../../server/domain/calendar-date';
import { completeCreditCode } from '../../server/domain/credit-code';
import { addDays, filingDeadline } from '../../server/domain/plan-rules';
import { DepartmentKind, Role } from '../../server/domain/vocabulary';
import { createChildDepartment, createRootOrg, createUserIn } from '../helpers/factories';
import { createTestServer, TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const today = todayInChina();
const YEAR = Number(today.slice(0, 4));
let serial = 0;

const VERSION_FIELDS = `id version status revision title adjustmentReason adoptedOn documentNumber filingDeadline filingState overdue superseded
  levelSplit { provincePercent cityPercent countyPercent }
  regionalWeights { regionCode weight sharePercent region { name } }
  batches { name position startDate endDate estimatedCount targetTypes specialDirectories regionCodes scopeTargetCount items { code } }
  filings { recipient filed filedOn late overdue recipientName filedBy }`;
const CREATE_PLAN = `mutation($year: Int!, $input: PlanVersionInput!) { createAnnualPlan(year: $year, input: $input) { id year currentVersion current { ${VERSION_FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $r: Int!, $input: PlanVersionInput!) { updatePlanVersion(id: $id, expectedRevision: $r, input: $input) { ${VERSION_FIELDS} uncoveredItems { code } } }`;
const ADOPT = `mutation($id: ID!, $r: Int!, $input: AdoptPlanVersionInput) { adoptPlanVersion(id: $id, expectedRevision: $r, input: $input) { ${VERSION_FIELDS} } }`;
const FILE = `mutation($id: ID!, $input: PlanFilingInput!) { filePlanVersion(id: $id, input: $input) { ${VERSION_FIELDS} } }`;
const ADJUST = `mutation($id: ID!, $v: Int!, $reason: String!, $input: PlanVersionInput) { adjustAnnualPlan(planId: $id, expectedVersion: $v, reason: $reason, input: $input) { ${VERSION_FIELDS} plan { currentVersion } } }`;
const PLAN = `query($id: ID!) { annualPlan(id: $id) { id year currentVersion department { name }
  current { ${VERSION_FIELDS} } inForce { version } version(version: 1) { version status title } versions { version status } } }`;
const WARNINGS = `query($id: ID!) { planVersion(id: $id) { uncoveredItems { code } warnings { kind message messageEn batchName planned required scopeTargetCount ratioPercent item { code } } } }`;

/** A province, a city and two counties below it; justice and market supervision beside the county; users in each. */
async function setUp() {
  const root = await createRootOrg(server);
  const city = await createChildDepartment(server, root.token, root.department.id, '140600');
  const county = await createChildDepartment(server, root.token, city.id, '140603');
  const sibling = await createChildDepartment(server, root.token, city.id, '140602');
  const justice = await createChildDepartment(server, root.token, root.department.id, '140603', DepartmentKind.JUSTICE);
  const market = await createChildDepartment(server, root.token, root.department.id, '140603', DepartmentKind.MARKET_SUPERVISION);
  const planner = await createUserIn(server, root.token, county.id, [Role.PLANNER]);
  const items = [];
  for (const overrides of [{}, { name: '种子经营者的监督检查', categoryCode: 'SEEDS', targetTypes: ['ENTERPRISE'] }]) {
    const res = await server.gql(`mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id code } }`, { input: itemInput(overrides) }, { token: planner.token });
    items.push(res.data.createInspectionItem as { id: string; code: string });
  }
  return { root, city, county, sibling, justice, market, planner, items };
}

function itemInput(overrides: Record<string, unknown> = {}) {
  return {
    code: `PL-NY-${++serial}`, name: '农药经营者经营行为的检查', categoryCode: 'PESTICIDES', kind: 'GENERAL', targetTypes: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS'],
    checkContent: '经营许可、进货查验、台账', methods: ['ON_SITE'], ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 1,
    responsibleUnit: '农业综合行政执法队', level: 'COUNTY', legalBasis: '《农药管理条例》第二十四条', ...overrides,
  };
}

const batch = (itemIds: string[], overrides: Record<string, unknown> = {}) => ({
  name: `第${++serial}批次`, itemIds, targetTypes: ['ENTERPRISE'], specialDirectories: ['PESTICIDE_DEALER'], regionCodes: ['140603'],
  startDate: `${YEAR}-03-01`, endDate: `${YEAR}-06-30`, estimatedCount: 10, ...overrides,
});
const content = (batches: unknown[], overrides: Record<string, unknown> = {}) => ({
  title: `平鲁区农业农村局${YEAR}年度“双随机、一公开”抽查工作计划`,
  levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 70 },
  regionalWeights: [{ regionCode: '140603100', weight: 3 }, { regionCode: '140603101', weight: 1 }],
  batches, ...overrides,
});

async function createTargets(token: string, count: number, overrides: Record<string, unknown> = {}) {
  for (let i = 0; i < count; i++) {
    const res = await server.gql(`mutation($input: TargetInput!) { createTarget(input: $input) { id } }`, {
      input: {
        creditCode: completeCreditCode(`91140603MA0${String(++serial).padStart(6, '0')}`), name: `平鲁区农资经营部${serial}`, type: 'ENTERPRISE',
        regionCode: '140603', specialDirectories: ['PESTICIDE_DEALER'], ...overrides,
      },
    }, { token });
    expect(res.errors).toBeUndefined();
  }
}

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('annual plans', () => {
  test('a planner drafts a plan; coverage lists the catalog items no batch covers; a draft is edited with its revision', async () => {
    const { planner, items } = await setUp();
    const created = await server.gql(CREATE_PLAN, { year: YEAR, input: content([batch([items[0].id])]) }, { token: planner.token });
    expect(created.errors).toBeUndefined();
    const plan = created.data.createAnnualPlan;
    expect(plan).toMatchObject({ year: YEAR, currentVersion: 1 });
    expect(plan.current).toMatchObject({
      version: 1, status: 'DRAFT', revision: 1, adoptedOn: null, filingDeadline: null, filingState: 'NOT_ADOPTED', overdue: false,
      levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 70 },
      regionalWeights: [{ regionCode: '140603100', weight: 3, sharePercent: 75, region: { name: expect.any(String) } }, { regionCode: '140603101', weight: 1, sharePercent: 25, region: expect.anything() }],
    });
    expect(plan.current.batches).toEqual([expect.objectContaining({ position: 1, items: [{ code: items[0].code }], startDate: `${YEAR}-03-01`, estimatedCount: 10, regionCodes: ['140603'] })]);
    expect(plan.current.filings.map((f: { recipient: string; filed: boolean }) => [f.recipient, f.filed])).toEqual([['JUSTICE', false], ['MARKET_SUPERVISION', false], ['UPPER_AGRICULTURE', false]]);

    const uncovered = await server.gql(WARNINGS, { id: plan.current.id }, { token: planner.token });
    expect(uncovered.data.planVersion.uncoveredItems).toEqual([{ code: items[1].code }]);
    expect(uncovered.data.planVersion.warnings.filter((w: { kind: string }) => w.kind === 'UNCOVERED_ITEM')).toEqual([
      expect.objectContaining({ item: { code: items[1].code }, message: expect.stringContaining('计划应涵盖清单全部事项') }),
    ]);

    const edited = await server.gql(UPDATE, { id: plan.current.id, r: 1, input: content([batch([items[0].id]), batch([items[1].id, items[0].id], { startDate: `${YEAR}-09-01`, endDate: `${YEAR}-10-31` })]) }, { token: planner.token });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updatePlanVersion).toMatchObject({ revision: 2, status: 'DRAFT', uncoveredItems: [] });
    expect(edited.data.updatePlanVersion.batches.map((b: { position: number; items: unknown[] }) => [b.position, b.items.length])).toEqual([[1, 1], [2, 2]]);
    const stale = await server.gql(UPDATE, { id: plan.current.id, r: 1, input: content([batch([items[0].id])]) }, { token: planner.token });
    expect(code(stale)).toBe('STALE_VERSION');
  });

  test('bad input is refused with stable codes and messages in Chinese and English', async () => {
    const { planner, items, root, sibling, county } = await setUp();
    const create = (input: unknown, lang?: string) => server.gql(CREATE_PLAN, { year: YEAR, input }, { token: planner.token, lang });
    const reversed = await create(content([batch([items[0].id], { name: '春季批次', startDate: `${YEAR}-06-01`, endDate: `${YEAR}-05-01` })]));
    expect(code(reversed)).toBe('BATCH_WINDOW_REVERSED');
    expect(reversed.errors![0].message).toBe(`批次“春季批次”的结束日期 ${YEAR}-05-01 早于开始日期 ${YEAR}-06-01。`);
    expect(code(await create(content([batch([items[0].id], { endDate: `${YEAR + 1}-01-15` })])))).toBe('BATCH_OUTSIDE_PLAN_YEAR');
    expect(code(await create(content([batch(['999999'])])))).toBe('UNKNOWN_ITEM');
    const siblingPlanner = await createUserIn(server, root.token, sibling.id, [Role.PLANNER]);
    const foreign = await server.gql(`mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }`, { input: itemInput() }, { token: siblingPlanner.token });
    expect(code(await create(content([batch([foreign.data.createInspectionItem.id])])))).toBe('UNKNOWN_ITEM');
    const split = await create(content([batch([items[0].id])], { levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 60 } }), 'en');
    expect(code(split)).toBe('LEVEL_SPLIT_INVALID');
    expect(split.errors![0].message).toBe('The province, city and county shares must each be ≥ 0 and add up to 100%; they are 10% + 20% + 60% = 90%.');
    expect(split.errors![0].extensions!.details.problems[0].field).toBe('levelSplit');
    const negative = await create(content([batch([items[0].id])], { regionalWeights: [{ regionCode: '140603100', weight: -2 }] }));
    expect(code(negative)).toBe('INVALID_REGIONAL_WEIGHT');
    expect(negative.errors![0].message).toContain('不能为负数');
    expect(code(await create(content([batch([items[0].id], { regionCodes: ['140602'] })])))).toBe('REGION_OUTSIDE_JURISDICTION');
    expect(code(await create(content([batch([items[0].id], { estimatedCount: -5 })])))).toBe('VALIDATION_FAILED');
    expect(code(await server.gql(CREATE_PLAN, { year: 1999, input: content([]) }, { token: planner.token }))).toBe('VALIDATION_FAILED');
    expect(await server.app.ds.query('SELECT id FROM annual_plan WHERE departmentId = ?', [county.id])).toEqual([]);

    expect(code(await create(content([batch([items[0].id])])))).toBeUndefined();
    const second = await create(content([]));
    expect(code(second)).toBe('DUPLICATE_PLAN');
    expect(second.errors![0].message).toContain(`${YEAR} 年度抽查工作计划`);
    expect(code(await server.gql(CREATE_PLAN, { year: YEAR + 1, input: content([]) }, { token: planner.token }))).toBeUndefined();
  });

  test('adoption starts the 15-day filing period; filing per recipient; an adopted version is frozen; an adjustment is a new version with its own deadline', async () => {
    const { planner, items, city, justice, market, sibling, root } = await setUp();
    const plan = (await server.gql(CREATE_PLAN, { year: YEAR, input: content([batch([items[0].id]), batch([items[1].id])]) }, { token: planner.token })).data.createAnnualPlan;
    const v1 = plan.current.id;
    expect(code(await server.gql(FILE, { id: v1, input: { recipient: 'JUSTICE' } }, { token: planner.token }))).toBe('PLAN_VERSION_NOT_ADOPTED');
    expect(code(await server.gql(ADOPT, { id: v1, r: 1, input: { adoptedOn: addDays(today, 1) } }, { token: planner.token }))).toBe('PLAN_DATE_INVALID');

    const adoptedOn = addDays(today, -30);
    const adopted = await server.gql(ADOPT, { id: v1, r: 1, input: { adoptedOn, documentNumber: `平农发〔${YEAR}〕5号` } }, { token: planner.token });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data.adoptPlanVersion).toMatchObject({
      status: 'ADOPTED', adoptedOn, documentNumber: `平农发〔${YEAR}〕5号`, filingDeadline: filingDeadline(adoptedOn), filingState: 'OVERDUE', overdue: true,
    });
    expect(adopted.data.adoptPlanVersion.filings.every((f: { overdue: boolean }) => f.overdue)).toBe(true);
    expect(code(await server.gql(ADOPT, { id: v1, r: 2 }, { token: planner.token }))).toBe('PLAN_VERSION_LOCKED');
    const locked = await server.gql(UPDATE, { id: v1, r: 2, input: content([batch([items[0].id])]) }, { token: planner.token });
    expect(code(locked)).toBe('PLAN_VERSION_LOCKED');
    expect(locked.errors![0].message).toContain('请新建版本');

    // The justice department is found in the hub (same region); market supervision is named by id; the upper agriculture department is the city.
    const filedOn = addDays(adoptedOn, 3);
    const first = await server.gql(FILE, { id: v1, input: { recipient: 'JUSTICE', filedOn } }, { token: planner.token });
    expect(first.errors).toBeUndefined();
    expect(first.data.filePlanVersion.filings[0]).toMatchObject({ recipient: 'JUSTICE', filed: true, filedOn, late: false, overdue: false, recipientName: justice.name, filedBy: '测试用户' });
    expect(first.data.filePlanVersion).toMatchObject({ status: 'ADOPTED', filingState: 'OVERDUE' });
    const again = await server.gql(FILE, { id: v1, input: { recipient: 'JUSTICE', filedOn } }, { token: planner.token });
    expect(code(again)).toBe('DUPLICATE_FILING');
    expect(again.errors![0].message).toBe('年度计划第 1 版已向同级司法行政部门备案，不能重复备案。');
    const wrongKind = await server.gql(FILE, { id: v1, input: { recipient: 'MARKET_SUPERVISION', recipientDepartmentId: String(justice.id) } }, { token: planner.token });
    expect(code(wrongKind)).toBe('FILING_RECIPIENT_MISMATCH');
    expect(code(await server.gql(FILE, { id: v1, input: { recipient: 'UPPER_AGRICULTURE', recipientDepartmentId: String(sibling.id) } }, { token: planner.token }))).toBe('FILING_RECIPIENT_MISMATCH');
    expect(code(await server.gql(FILE, { id: v1, input: { recipient: 'MARKET_SUPERVISION', filedOn: addDays(adoptedOn, -1) } }, { token: planner.token }))).toBe('PLAN_DATE_INVALID');
    await server.gql(FILE, { id: v1, input: { recipient: 'MARKET_SUPERVISION', recipientDepartmentId: String(market.id), filedOn } }, { token: planner.token });
    const last = await server.gql(FILE, { id: v1, input: { recipient: 'UPPER_AGRICULTURE', filedOn: addDays(adoptedOn, 20) } }, { token: planner.token });
    expect(last.data.filePlanVersion).toMatchObject({ status: 'FILED', filingState: 'FILED_LATE', overdue: false });
    expect(last.data.filePlanVersion.filings.map((f: { recipientName: string; late: boolean }) => [f.recipientName, f.late])).toEqual([[justice.name, false], [market.name, false], [city.name, true]]);
    const filedEdit = await server.gql(UPDATE, { id: v1, r: 2, input: content([batch([items[0].id])]) }, { token: planner.token });
    expect(code(filedEdit)).toBe('PLAN_VERSION_LOCKED');

    // An adjustment: a new draft copied from version 1, while version 1 stays in force and readable.
    const adjusted = await server.gql(ADJUST, { id: plan.id, v: 1, reason: '新增秋季种子专项批次' }, { token: planner.token });
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data.adjustAnnualPlan).toMatchObject({ version: 2, status: 'DRAFT', adjustmentReason: '新增秋季种子专项批次', filingDeadline: null, plan: { currentVersion: 2 } });
    expect(adjusted.data.adjustAnnualPlan.batches).toHaveLength(2);
    expect(code(await server.gql(ADJUST, { id: plan.id, v: 2, reason: '再调整' }, { token: planner.token }))).toBe('PLAN_DRAFT_PENDING');
    expect(code(await server.gql(ADJUST, { id: plan.id, v: 1, reason: '再调整' }, { token: planner.token }))).toBe('STALE_VERSION');
    const v2 = adjusted.data.adjustAnnualPlan.id;
    await server.gql(UPDATE, { id: v2, r: 1, input: content([batch([items[0].id]), batch([items[1].id]), batch([items[1].id], { startDate: `${YEAR}-09-01`, endDate: `${YEAR}-11-30` })]) }, { token: planner.token });
    const read = await server.gql(PLAN, { id: plan.id }, { token: planner.token });
    expect(read.data.annualPlan).toMatchObject({ currentVersion: 2, current: { version: 2, status: 'DRAFT' }, inForce: { version: 1 }, version: { version: 1, status: 'FILED' } });
    expect(read.data.annualPlan.versions).toEqual([{ version: 2, status: 'DRAFT' }, { version: 1, status: 'FILED' }]);

    const adoptedV2 = await server.gql(ADOPT, { id: v2, r: 2 }, { token: planner.token });
    expect(adoptedV2.data.adoptPlanVersion).toMatchObject({ status: 'ADOPTED', adoptedOn: today, filingDeadline: filingDeadline(today), filingState: 'PENDING', overdue: false });
    expect(adoptedV2.data.adoptPlanVersion.filings.every((f: { filed: boolean; overdue: boolean }) => !f.filed && !f.overdue)).toBe(true);
    const refiled = await server.gql(FILE, { id: v2, input: { recipient: 'UPPER_AGRICULTURE', recipientName: '朔州市农业农村局（纸质报送）' } }, { token: planner.token });
    expect(refiled.data.filePlanVersion.filings[2]).toMatchObject({ filed: true, filedOn: today, late: false, recipientName: '朔州市农业农村局（纸质报送）' });
    const after = await server.gql(PLAN, { id: plan.id }, { token: planner.token });
    expect(after.data.annualPlan.inForce).toEqual({ version: 2 });
    const v1Now = await server.gql(`query($id: ID!) { planVersion(id: $id) { superseded status } }`, { id: v1 }, { token: planner.token });
    expect(v1Now.data.planVersion).toEqual({ superseded: true, status: 'FILED' });

    const history = await server.gql(`query($id: ID!) { annualPlan(id: $id) { history { action changedBy } } }`, { id: plan.id }, { token: root.token });
    expect(history.data.annualPlan.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'ADOPT', 'FILE', 'FILE', 'FILE', 'NEW_VERSION', 'UPDATE_DRAFT', 'ADOPT', 'FILE']);
  });

  test('a draft without batches can be neither adopted nor filed', async () => {
    const { planner } = await setUp();
    const plan = (await server.gql(CREATE_PLAN, { year: YEAR, input: content([]) }, { token: planner.token })).data.createAnnualPlan;
    const filing = await server.gql(FILE, { id: plan.current.id, input: { recipient: 'JUSTICE' } }, { token: planner.token });
    expect(code(filing)).toBe('PLAN_HAS_NO_BATCHES');
    expect(filing.errors![0].message).toBe('年度计划第 1 版没有抽查批次，不能通过或备案。');
    expect(code(await server.gql(ADOPT, { id: plan.current.id, r: 1 }, { token: planner.token }))).toBe('PLAN_HAS_NO_BATCHES');
  });
});

describe('ratio policy and warnings', () => {
  test('warnings show batches below the default ratio of their scope and items with too few rounds; the policy changes them', async () => {
    const { planner, items } = await setUp();
    await createTargets(planner.token, 40);
    await createTargets(planner.token, 2, { status: 'DEREGISTERED' });
    await createTargets(planner.token, 3, { specialDirectories: ['SEED_DEALER'] });
    const plan = (await server.gql(CREATE_PLAN, { year: YEAR, input: content([batch([items[0].id], { name: '农药春季', estimatedCount: 1 })]) }, { token: planner.token })).data.createAnnualPlan;
    expect(plan.current.batches[0].scopeTargetCount).toBe(40);
    const first = (await server.gql(WARNINGS, { id: plan.current.id }, { token: planner.token })).data.planVersion;
    expect(first.warnings.map((w: { kind: string }) => w.kind)).toEqual(['UNCOVERED_ITEM', 'BELOW_MIN_RATIO', 'BELOW_MIN_ROUNDS']);
    expect(first.warnings[1]).toMatchObject({ batchName: '农药春季', planned: 1, required: 2, scopeTargetCount: 40, ratioPercent: 5, message: '批次“农药春季”预估抽查 1 户，低于范围内 40 户的 5%（至少 2 户）。' });
    expect(first.warnings[2]).toMatchObject({ item: { code: items[0].code }, planned: 1, required: 2 });

    const policy = await server.gql(`{ ratioPolicy { isDefault version minRatioPercent minRoundsPerYear riskFactors { riskLevel factor } creditFactors { creditClass factor } } }`, {}, { token: planner.token });
    expect(policy.data.ratioPolicy).toMatchObject({ isDefault: true, version: 0, minRatioPercent: 5, minRoundsPerYear: 2 });
    expect(policy.data.ratioPolicy.riskFactors).toEqual([{ riskLevel: 'LOW', factor: 0.5 }, { riskLevel: 'MEDIUM', factor: 1 }, { riskLevel: 'HIGH', factor: 2 }]);

    const SET = `mutation($v: Int!, $input: RatioPolicyInput!) { setRatioPolicy(expectedVersion: $v, input: $input) { isDefault version minRatioPercent itemOverrides { item { code } ratioPercent roundsPerYear } creditFactors { creditClass factor } } }`;
    const input = { minRatioPercent: 2, minRoundsPerYear: 2, creditFactors: [{ creditClass: 'D', factor: 3 }], itemOverrides: [{ itemId: items[0].id, ratioPercent: 2, roundsPerYear: 1 }] };
    const set = await server.gql(SET, { v: 0, input }, { token: planner.token });
    expect(set.errors).toBeUndefined();
    expect(set.data.setRatioPolicy).toMatchObject({ isDefault: false, version: 1, minRatioPercent: 2, itemOverrides: [{ item: { code: items[0].code }, ratioPercent: 2, roundsPerYear: 1 }] });
    expect(set.data.setRatioPolicy.creditFactors).toContainEqual({ creditClass: 'D', factor: 3 });
    expect(code(await server.gql(SET, { v: 0, input }, { token: planner.token }))).toBe('STALE_VERSION');
    expect(code(await server.gql(SET, { v: 1, input: { ...input, minRatioPercent: 0 } }, { token: planner.token }))).toBe('RATIO_BOUNDS_INVALID');
    expect(code(await server.gql(SET, { v: 1, input: { ...input, itemOverrides: [{ itemId: '999999', ratioPercent: 3 }] } }, { token: planner.token }))).toBe('UNKNOWN_ITEM');

    const second = (await server.gql(WARNINGS, { id: plan.current.id }, { token: planner.token })).data.planVersion;
    expect(second.warnings.map((w: { kind: string }) => w.kind)).toEqual(['UNCOVERED_ITEM']);

    const RATIO = `query($item: ID!, $risk: RiskLevel!, $credit: CreditClass!) { effectiveRatio(itemId: $item, riskLevel: $risk, creditClass: $credit) { ratioPercent basePercent baseSource factor capPercent capped focusTarget exemptFromYearlyLimit minRoundsPerYear } }`;
    // Without an override the item's own catalog minimum (5 %) is above the department default (2 %) and wins.
    const medium = await server.gql(RATIO, { item: items[1].id, risk: 'MEDIUM', credit: 'B' }, { token: planner.token });
    expect(medium.data.effectiveRatio).toEqual({ ratioPercent: 5, basePercent: 5, baseSource: 'ITEM', factor: 1, capPercent: 20, capped: false, focusTarget: false, exemptFromYearlyLimit: false, minRoundsPerYear: 2 });
    const low = await server.gql(RATIO, { item: items[1].id, risk: 'LOW', credit: 'A' }, { token: planner.token });
    expect(low.data.effectiveRatio).toMatchObject({ ratioPercent: 2, factor: 0.4 });
    const dishonest = await server.gql(RATIO, { item: items[1].id, risk: 'HIGH', credit: 'D' }, { token: planner.token });
    expect(dishonest.data.effectiveRatio).toMatchObject({ ratioPercent: 30, factor: 6, capPercent: null, focusTarget: true, exemptFromYearlyLimit: true });
    const overridden = await server.gql(RATIO, { item: items[0].id, risk: 'MEDIUM', credit: 'B' }, { token: planner.token });
    expect(overridden.data.effectiveRatio).toMatchObject({ ratioPercent: 2, baseSource: 'OVERRIDE', minRoundsPerYear: 1 });
  });
});

describe('who sees and edits plans', () => {
  test('the city’s supervisors follow the county’s plans and their filing; siblings see nothing; only the county’s planners edit', async () => {
    const { root, city, county, sibling, planner, items } = await setUp();
    const plan = (await server.gql(CREATE_PLAN, { year: YEAR, input: content([batch([items[0].id]), batch([items[1].id])]) }, { token: planner.token })).data.createAnnualPlan;
    await server.gql(ADOPT, { id: plan.current.id, r: 1, input: { adoptedOn: addDays(today, -40) } }, { token: planner.token });

    const supervisor = await createUserIn(server, root.token, city.id, [Role.SUPERVISOR]);
    const LIST = `query($f: AnnualPlanFilter) { annualPlans(filter: $f) { totalItems items { id year department { name } current { status filingDeadline overdue filingState filings { recipient filed overdue } } } } }`;
    const seen = await server.gql(LIST, { f: { year: YEAR } }, { token: supervisor.token });
    expect(seen.data.annualPlans.totalItems).toBe(1);
    expect(seen.data.annualPlans.items[0]).toMatchObject({ id: plan.id, current: { status: 'ADOPTED', overdue: true, filingState: 'OVERDUE' } });
    expect(code(await server.gql(ADJUST, { id: plan.id, v: 1, reason: '上级要求' }, { token: supervisor.token }))).toBe('FORBIDDEN');
    expect(code(await server.gql(CREATE_PLAN, { year: YEAR, input: content([]) }, { token: supervisor.token }))).toBe('FORBIDDEN');

    const cityPlanner = await createUserIn(server, root.token, city.id, [Role.PLANNER]);
    expect((await server.gql(PLAN, { id: plan.id }, { token: cityPlanner.token })).data.annualPlan.current.status).toBe('ADOPTED');
    expect(code(await server.gql(ADJUST, { id: plan.id, v: 1, reason: '上级调整' }, { token: cityPlanner.token }))).toBe('FORBIDDEN');
    expect(code(await server.gql(FILE, { id: plan.current.id, input: { recipient: 'JUSTICE' } }, { token: cityPlanner.token }))).toBe('FORBIDDEN');

    const outsider = await createUserIn(server, root.token, sibling.id, [Role.PLANNER, Role.SUPERVISOR]);
    expect(code(await server.gql(PLAN, { id: plan.id }, { token: outsider.token }))).toBe('NOT_FOUND');
    expect(code(await server.gql(`query($id: ID!) { planVersion(id: $id) { id } }`, { id: plan.current.id }, { token: outsider.token }))).toBe('NOT_FOUND');
    expect(code(await server.gql(FILE, { id: plan.current.id, input: { recipient: 'JUSTICE' } }, { token: outsider.token }))).toBe('NOT_FOUND');
    expect((await server.gql(LIST, {}, { token: outsider.token })).data.annualPlans.totalItems).toBe(0);
    expect(code(await server.gql(LIST, { f: { departmentId: String(county.id) } }, { token: outsider.token }))).toBe('NOT_FOUND');
    expect(code(await server.gql(`query($d: ID) { ratioPolicy(departmentId: $d) { version } }`, { d: String(county.id) }, { token: outsider.token }))).toBe('NOT_FOUND');

    const inspector = await createUserIn(server, root.token, county.id, [Role.INSPECTOR]);
    expect((await server.gql(PLAN, { id: plan.id }, { token: inspector.token })).data.annualPlan.id).toBe(plan.id);
    expect(code(await server.gql(FILE, { id: plan.current.id, input: { recipient: 'JUSTICE' } }, { token: inspector.token }))).toBe('FORBIDDEN');
    const witness = await createUserIn(server, root.token, county.id, [Role.WITNESS]);
    expect(code(await server.gql(PLAN, { id: plan.id }, { token: witness.token }))).toBe('FORBIDDEN');
    expect(code(await server.gql(PLAN, { id: plan.id }))).toBe('UNAUTHENTICATED');

    // The province sees it too, with the same filing state.
    const province = await server.gql(LIST, {}, { token: root.token });
    expect(province.data.annualPlans.items.map((p: { id: string }) => p.id)).toEqual([plan.id]);
  });
});
