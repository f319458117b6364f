import { completeCreditCode } from '../../server/domain/credit-code';
import { Role } from '../../server/domain/vocabulary';
import { createChildDepartment, createRootOrg, createUserIn } from '../helpers/factories';
import { createTestServer, TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const CREATE_TARGET = `mutation($input: TargetInput!) { createTarget(input: $input) { id version name creditCode specialDirectories licences { kind number validTo } region { name } } }`;
const UPDATE_TARGET = `mutation($id: ID!, $v: Int!, $input: TargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $input) { id version name } }`;
let serial = 0;
const code = () => completeCreditCode(`91140603MA0${String(++serial).padStart(6, '0')}`);
const targetInput = (overrides: Record<string, unknown> = {}) => ({
  creditCode: code(), name: `平鲁区测试农资经营部${serial}`, type: 'ENTERPRISE', regionCode: '140603', address: '平鲁区井坪镇', ...overrides,
});

async function countOf(table: string) {
  const [row] = await server.app.ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

describe('targets', () => {
  test('a valid target is created with its licences and special directories', async () => {
    const { token } = await createRootOrg(server);
    const input = targetInput({ specialDirectories: ['PESTICIDE_DEALER', 'SEED_DEALER'], licences: [{ kind: '农药经营许可证', number: '农药经许（晋）140603001', validTo: '2027-05-31' }] });
    const res = await server.gql(CREATE_TARGET, { input }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data.createTarget).toMatchObject({ version: 1, creditCode: input.creditCode, specialDirectories: ['PESTICIDE_DEALER', 'SEED_DEALER'], region: { name: '平鲁区' } });
    expect(res.data.createTarget.licences).toEqual([{ kind: '农药经营许可证', number: '农药经许（晋）140603001', validTo: '2027-05-31' }]);
  });

  test('a wrong check character is rejected with the reason, and nothing is written', async () => {
    const { token } = await createRootOrg(server);
    const good = code();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await countOf('target');
    const res = await server.gql(CREATE_TARGET, { input: targetInput({ creditCode: bad }) }, { token });
    expect(res.errors![0].extensions!.code).toBe('INVALID_CREDIT_CODE');
    expect(res.errors![0].message).toContain(`校验位应为“${good[17]}”`);
    expect(await countOf('target')).toBe(before);
    const short = await server.gql(CREATE_TARGET, { input: targetInput({ creditCode: '91140603' }) }, { token, lang: 'en' });
    expect(short.errors![0].message).toContain('must be 18 characters');
  });

  test('enterprises need a credit code; products do not', async () => {
    const { token } = await createRootOrg(server);
    const missing = await server.gql(CREATE_TARGET, { input: targetInput({ creditCode: null }) }, { token });
    expect(missing.errors![0].extensions!.code).toBe('CREDIT_CODE_REQUIRED');
    const product = await server.gql(CREATE_TARGET, { input: targetInput({ creditCode: null, type: 'PRODUCT', name: '复合肥料（批次2026-01）' }) }, { token });
    expect(product.errors).toBeUndefined();
  });

  test('an unknown region and a duplicate credit code are explained', async () => {
    const { token } = await createRootOrg(server);
    const region = await server.gql(CREATE_TARGET, { input: targetInput({ regionCode: '149999' }) }, { token });
    expect(region.errors![0].extensions!.code).toBe('UNKNOWN_REGION');
    const input = targetInput();
    await server.gql(CREATE_TARGET, { input }, { token });
    const again = await server.gql(CREATE_TARGET, { input }, { token });
    expect(again.errors![0].extensions!.code).toBe('DUPLICATE_TARGET');
  });

  test('an edit based on an old version is refused; history shows who changed what', async () => {
    const { token, admin } = await createRootOrg(server);
    const input = targetInput();
    const created = (await server.gql(CREATE_TARGET, { input }, { token })).data.createTarget;
    const first = await server.gql(UPDATE_TARGET, { id: created.id, v: 1, input: { ...input, name: '改名后的经营部', riskLevel: 'HIGH' } }, { token });
    expect(first.data.updateTarget.version).toBe(2);
    const stale = await server.gql(UPDATE_TARGET, { id: created.id, v: 1, input: { ...input, name: '另一人的修改' } }, { token });
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
    const history = await server.gql(`query($id: ID!) { history(entity: TARGET, id: $id) { action changedBy changes { field before after } } }`, { id: created.id }, { token });
    expect(history.data.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'UPDATE']);
    const update = history.data.history[1];
    expect(update.changedBy).toBe('管理员');
    expect(update.changes).toEqual(expect.arrayContaining([
      { field: 'name', before: JSON.stringify(input.name), after: JSON.stringify('改名后的经营部') },
      { field: 'riskLevel', before: '"MEDIUM"', after: '"HIGH"' },
    ]));
    expect(admin.id).toBeGreaterThan(0);
  });

  test('lists filter, sort and page; a sibling department sees none of them', async () => {
    const { department, token } = await createRootOrg(server);
    const county = await createChildDepartment(server, token, department.id, '140603');
    const sibling = await createChildDepartment(server, token, department.id, '140602');
    const planner = await createUserIn(server, token, county.id, [Role.PLANNER]);
    const outsider = await createUserIn(server, token, sibling.id, [Role.PLANNER]);
    for (let i = 0; i < 7; i++) {
      await server.gql(CREATE_TARGET, { input: targetInput({ name: `井坪镇农资店${i}`, riskLevel: i < 3 ? 'HIGH' : 'LOW', specialDirectories: i % 2 ? ['FEED_DEALER'] : [] }) }, { token: planner.token });
    }
    const query = `query($f: TargetFilter, $p: PageInput) { targets(filter: $f, page: $p, sort: NAME) { totalItems items { name riskLevel } } }`;
    const high = await server.gql(query, { f: { riskLevels: ['HIGH'] }, p: { take: 2 } }, { token: planner.token });
    expect(high.data.targets.totalItems).toBe(3);
    expect(high.data.targets.items.map((t: { name: string }) => t.name)).toEqual(['井坪镇农资店0', '井坪镇农资店1']);
    const feed = await server.gql(query, { f: { specialDirectory: 'FEED_DEALER', search: '井坪镇' } }, { token: planner.token });
    expect(feed.data.targets.totalItems).toBe(3);
    const province = await server.gql(query, { f: { regionCode: '140000' } }, { token });
    expect(province.data.targets.totalItems).toBe(7);
    const outside = await server.gql(query, {}, { token: outsider.token });
    expect(outside.data.targets.totalItems).toBe(0);
    const tooBig = await server.gql(query, { p: { take: 501 } }, { token });
    expect(tooBig.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
    expect(tooBig.errors![0].message).toContain('500');
    const tooCostly = await server.gql(query, { p: { take: 10000 } }, { token });
    expect(tooCostly.status).toBe(400);
    expect(tooCostly.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  });

  test('a page of 50 costs the same number of SQL statements as a page of 2 (DataLoaders)', async () => {
    const { token } = await createRootOrg(server);
    for (let i = 0; i < 50; i++) await server.gql(CREATE_TARGET, { input: targetInput({ regionCode: i % 2 ? '140603' : '140602' }) }, { token });
    const query = `query($p: PageInput) { targets(page: $p) { totalItems items { name region { name parent { name } } department { name } conflicts { reason inspector { name } } } } }`;
    const small = await server.gql(query, { p: { take: 2 } }, { token });
    const large = await server.gql(query, { p: { take: 50 } }, { token });
    expect(large.data.targets.items).toHaveLength(50);
    const statements = (res: unknown) => (res as { extensions: { sqlStatements: number } }).extensions.sqlStatements;
    expect(statements(small)).toBeGreaterThan(3);
    expect(statements(large)).toBe(statements(small));
  });
});

describe('inspectors, conflicts and experts', () => {
  const CREATE_INSPECTOR = `mutation($input: InspectorInput!) { createInspector(input: $input) { id version certificateStatus(on: "2026-11-22") } }`;
  const inspector = (overrides: Record<string, unknown> = {}) => ({
    name: '张建国', certificateNumber: `1406032${String(++serial).padStart(4, '0')}`, certificateValidFrom: '2024-01-01', certificateValidTo: '2028-12-31',
    specialties: ['PESTICIDES', 'SEEDS'], regionCode: '140603', ...overrides,
  });

  test('certificate dates in the wrong order, impossible dates and unknown specialties are refused', async () => {
    const { token } = await createRootOrg(server);
    const reversed = await server.gql(CREATE_INSPECTOR, { input: inspector({ certificateValidFrom: '2027-01-01', certificateValidTo: '2025-01-01' }) }, { token });
    expect(reversed.errors![0].extensions!.code).toBe('CERTIFICATE_DATES_REVERSED');
    expect(reversed.errors![0].message).toBe('执法证有效期起始日 2027-01-01 晚于截止日 2025-01-01。');
    const impossible = await server.gql(CREATE_INSPECTOR, { input: inspector({ certificateValidTo: '2026-02-30' }) }, { token });
    expect(impossible.errors![0].extensions!.code).toBe('INVALID_DATE');
    const specialty = await server.gql(CREATE_INSPECTOR, { input: inspector({ specialties: ['ASTROLOGY'] }) }, { token });
    expect(specialty.errors![0].extensions!.code).toBe('UNKNOWN_CATEGORY');
  });

  test('expired certificates show as expired; certificate numbers are unique', async () => {
    const { token } = await createRootOrg(server);
    const expired = await server.gql(CREATE_INSPECTOR, { input: inspector({ certificateValidTo: '2025-06-30' }) }, { token });
    expect(expired.data.createInspector.certificateStatus).toBe('EXPIRED');
    const input = inspector();
    expect((await server.gql(CREATE_INSPECTOR, { input }, { token })).data.createInspector.certificateStatus).toBe('VALID');
    const dup = await server.gql(CREATE_INSPECTOR, { input: { ...input, name: '李四' } }, { token });
    expect(dup.errors![0].extensions!.code).toBe('DUPLICATE_CERTIFICATE');
    const valid = await server.gql(`{ inspectors(filter: { certificateValidOn: "2026-11-22" }) { totalItems } }`, {}, { token });
    expect(valid.data.inspectors.totalItems).toBe(1);
  });

  test('a declared conflict links inspector and target and is kept in history, and so is its withdrawal; deactivation too', async () => {
    const { token } = await createRootOrg(server);
    const person = (await server.gql(CREATE_INSPECTOR, { input: inspector() }, { token })).data.createInspector;
    const target = (await server.gql(CREATE_TARGET, { input: targetInput() }, { token })).data.createTarget;
    const declared = await server.gql(`mutation($i: ID!, $t: ID!) { declareConflict(inspectorId: $i, targetId: $t, reason: "配偶在该企业任职") { id reason target { name } inspector { name } } }`, { i: person.id, t: target.id }, { token });
    expect(declared.data.declareConflict).toMatchObject({ reason: '配偶在该企业任职', target: { name: target.name }, inspector: { name: '张建国' } });
    const again = await server.gql(`mutation($i: ID!, $t: ID!) { declareConflict(inspectorId: $i, targetId: $t, reason: "重复") { id } }`, { i: person.id, t: target.id }, { token });
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
    const off = await server.gql(`mutation($id: ID!) { setInspectorActive(id: $id, expectedVersion: 1, active: false) { active version } }`, { id: person.id }, { token });
    expect(off.data.setInspectorActive).toEqual({ active: false, version: 2 });
    const withdrawn = await server.gql(`mutation($id: ID!) { withdrawConflict(id: $id, reason: "配偶已离职") }`, { id: declared.data.declareConflict.id }, { token });
    expect(withdrawn).toMatchObject({ data: { withdrawConflict: true } });
    const history = await server.gql(`query($id: ID!) { history(entity: INSPECTOR, id: $id) { action } }`, { id: person.id }, { token });
    expect(history.data.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'DECLARE_CONFLICT', 'DEACTIVATE', 'WITHDRAW_CONFLICT']);
  });

  test('experts are listed and searchable', async () => {
    const { token } = await createRootOrg(server);
    await server.gql(`mutation { createExpert(input: { name: "王农", organisation: "山西省农业科学院", specialty: "农药残留检测" }) { id } }`, {}, { token });
    const found = await server.gql(`{ experts(filter: { search: "农药残留" }) { totalItems items { name organisation } } }`, {}, { token });
    expect(found.data.experts).toEqual({ totalItems: 1, items: [{ name: '王农', organisation: '山西省农业科学院' }] });
  });
});

describe('catalog', () => {
  const item = (overrides: Record<string, unknown> = {}) => ({
    code: `PL-NY-${++serial}`, name: '农药经营者经营行为的检查', categoryCode: 'PESTICIDES', kind: 'GENERAL', targetTypes: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS'],
    checkContent: '经营许可、进货查验、台账', methods: ['ON_SITE'], ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2,
    responsibleUnit: '农业综合行政执法队', level: 'COUNTY', legalBasis: '《农药管理条例》第二十四条',
    checkForms: [{ name: '农药经营检查表', checkPoints: [{ point: '是否取得农药经营许可证', method: '查验原件', criterion: '未取得的不予通过', followUp: '责令改正并立案' }] }],
    ...overrides,
  });
  const CREATE_ITEM = `mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id code currentVersion current { name kind category { nameZh } checkForms { name checkPoints { point } } } } }`;

  test('a revision makes version 2 and keeps version 1 readable', async () => {
    const { token } = await createRootOrg(server);
    const input = item();
    const created = (await server.gql(CREATE_ITEM, { input }, { token })).data.createInspectionItem;
    expect(created.current).toMatchObject({ name: '农药经营者经营行为的检查', category: { nameZh: '农药' }, checkForms: [{ name: '农药经营检查表' }] });
    const revised = await server.gql(`mutation($id: ID!, $input: InspectionItemInput!) { reviseInspectionItem(id: $id, expectedVersion: 1, input: $input) { currentVersion current { name } version(version: 1) { name checkForms { name } } versions { version } } }`,
      { id: created.id, input: { ...input, name: '农药经营者的监督检查（2026年修订）', checkForms: [] } }, { token });
    expect(revised.data.reviseInspectionItem).toEqual({
      currentVersion: 2, current: { name: '农药经营者的监督检查（2026年修订）' },
      version: { name: '农药经营者经营行为的检查', checkForms: [{ name: '农药经营检查表' }] }, versions: [{ version: 2 }, { version: 1 }],
    });
    const stale = await server.gql(`mutation($id: ID!, $input: InspectionItemInput!) { reviseInspectionItem(id: $id, expectedVersion: 1, input: $input) { currentVersion } }`, { id: created.id, input }, { token });
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
  });

  test('ratio rules: KEY items have no cap, GENERAL items need one, the minimum cannot exceed it', async () => {
    const { token } = await createRootOrg(server);
    const keyWithCap = await server.gql(CREATE_ITEM, { input: item({ kind: 'KEY', ratioMaxPercent: 30 }) }, { token });
    expect(keyWithCap.errors![0].extensions!.code).toBe('RATIO_BOUNDS_INVALID');
    expect(keyWithCap.errors![0].message).toContain('重点检查事项不设比例上限');
    const reversed = await server.gql(CREATE_ITEM, { input: item({ ratioMinPercent: 30, ratioMaxPercent: 10 }) }, { token });
    expect(reversed.errors![0].extensions!.code).toBe('RATIO_BOUNDS_INVALID');
    const key = await server.gql(CREATE_ITEM, { input: item({ kind: 'KEY', ratioMaxPercent: null }) }, { token });
    expect(key.data.createInspectionItem.current.kind).toBe('KEY');
    const category = await server.gql(CREATE_ITEM, { input: item({ categoryCode: 'NOPE' }) }, { token });
    expect(category.errors![0].extensions!.code).toBe('UNKNOWN_CATEGORY');
  });

  test('the catalog of a department is public; inactive items are not', async () => {
    const { department, token } = await createRootOrg(server);
    const active = (await server.gql(CREATE_ITEM, { input: item() }, { token })).data.createInspectionItem;
    const retired = (await server.gql(CREATE_ITEM, { input: item() }, { token })).data.createInspectionItem;
    await server.gql(`mutation($id: ID!) { setInspectionItemActive(id: $id, active: false) { active } }`, { id: retired.id }, { token });
    const pub = await server.gql(`query($d: ID!) { inspectionItems(filter: { departmentId: $d }) { totalItems items { code } } }`, { d: String(department.id) });
    expect(pub.data.inspectionItems).toEqual({ totalItems: 1, items: [{ code: active.code }] });
    const noDept = await server.gql(`{ inspectionItems { totalItems } }`);
    expect(noDept.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
  });
});
