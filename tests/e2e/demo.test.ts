import { createTestServer, TestServer } from '../helpers/test-server';
import { loadDemoIfEmpty } from '../../server/demo/load-demo';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { DEMO_SIZES } from '../../server/demo/demo-data';
import { createLogger } from '../../server/logger';
import { creditCodeProblem } from '../../server/domain/credit-code';

/** The demo county, loaded for real on start (SQLite, or MariaDB with DATABASE_URL=mysql://…). */
let server: TestServer;
let startMs: number;
beforeAll(async () => {
  const started = Date.now();
  server = await createTestServer({ demo: true });
  startMs = Date.now() - started;
});
afterAll(async () => { await server.close(); });

const count = async (sql: string, params: unknown[] = []) => Number((await server.app.ds.query(sql, params))[0].n);

async function login(username: string) {
  const res = await server.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: DEMO_LOGINS.password });
  expect(res.errors).toBeUndefined();
  return res.data.login.token as string;
}

test('starts with the demo loaded, well within 10 s', () => {
  // Printed rather than asserted tightly: timing belongs to benchmarks, the brief's bound is generous.
  process.stdout.write(`demo start (${server.config.database.kind}): ${startMs} ms\n`);
  expect(startMs).toBeLessThan(10_000);
});

test('pinglu.admin logs in with the printed password and belongs to the Pinglu bureau', async () => {
  const token = await login('pinglu.admin');
  const me = await server.gql('{ me { username roles department { name } } }', {}, { token });
  expect(me.data.me).toEqual({ username: 'pinglu.admin', roles: ['ADMINISTRATOR'], department: { name: '朔州市平鲁区农业农村局' } });
});

test('every printed login works', async () => {
  for (const { username } of DEMO_LOGINS.users) await login(username);
});

test('the demo inspectors\' logins are linked to their inspector records (their visits are theirs)', async () => {
  for (const username of ['pinglu.inspector1', 'pinglu.inspector2']) {
    const res = await server.gql('{ myVisits { id } }', {}, { token: await login(username) });
    expect(res.errors).toBeUndefined();
    expect(res.data.myVisits).toEqual([]);
  }
  expect(await count('SELECT COUNT(*) AS n FROM inspector WHERE userId IS NOT NULL')).toBe(2);
});

test('departments form the province → city → county tree, with market supervision and 纪检组 as roots', async () => {
  const rows: { id: number; name: string; kind: string; parentId: number | null; path: string }[] = await server.app.ds.query('SELECT id, name, kind, parentId, path FROM department ORDER BY id');
  const byName = new Map(rows.map((r) => [r.name, r]));
  const province = byName.get('山西省农业农村厅')!;
  const city = byName.get('朔州市农业农村局')!;
  const pinglu = byName.get('朔州市平鲁区农业农村局')!;
  expect(province.path).toBe(`/${province.id}/`);
  expect(city.path).toBe(`/${province.id}/${city.id}/`);
  expect(pinglu.path).toBe(`/${province.id}/${city.id}/${pinglu.id}/`);
  expect(byName.get('朔州市朔城区农业农村局')!.path).toBe(`${city.path}${byName.get('朔州市朔城区农业农村局')!.id}/`);
  expect(byName.get('朔州市平鲁区市场监督管理局')).toMatchObject({ kind: 'MARKET_SUPERVISION', parentId: null });
  expect(byName.get('平鲁区纪委监委派驻纪检组')).toMatchObject({ kind: 'DISCIPLINE_INSPECTION', parentId: null });
});

test('directories, catalog and neighbours are filled', async () => {
  const [{ id: pingluId }] = await server.app.ds.query("SELECT id FROM department WHERE name = '朔州市平鲁区农业农村局'");
  expect(await count('SELECT COUNT(*) AS n FROM target WHERE departmentId = ?', [pingluId])).toBe(DEMO_SIZES.pingluTargets);
  expect(await count('SELECT COUNT(*) AS n FROM target')).toBe(DEMO_SIZES.pingluTargets + DEMO_SIZES.shuochengTargets + DEMO_SIZES.marketTargets);
  expect(await count('SELECT COUNT(*) AS n FROM inspector WHERE departmentId = ?', [pingluId])).toBe(40);
  expect(await count('SELECT COUNT(*) AS n FROM conflict_of_interest')).toBeGreaterThanOrEqual(8);
  expect(await count('SELECT COUNT(*) AS n FROM expert')).toBeGreaterThanOrEqual(12);
  expect(await count('SELECT COUNT(*) AS n FROM inspection_item WHERE departmentId = ?', [pingluId])).toBeGreaterThanOrEqual(12);
  expect(await count('SELECT COUNT(*) AS n FROM inspection_item_version WHERE version = 2')).toBe(1);
  expect(await count("SELECT COUNT(*) AS n FROM region_neighbour WHERE (regionCode = '140603' AND neighbourCode IN ('140602','140623','140621')) OR (neighbourCode = '140603' AND regionCode IN ('140602','140623','140621'))")).toBe(6);
  // The same business sits in the agriculture and the market-supervision directories.
  expect(await count('SELECT COUNT(DISTINCT a.creditCode) AS n FROM target a JOIN target b ON a.creditCode = b.creditCode AND a.departmentId <> b.departmentId')).toBe(DEMO_SIZES.sharedWithMarket);
});

test('values went through the column transformers (csv sets, json, booleans)', async () => {
  const [licensed] = await server.app.ds.query("SELECT specialDirectories, licences, creditCode FROM target WHERE licences LIKE '%农药经营许可证%' ORDER BY id LIMIT 1");
  expect(licensed.specialDirectories).toMatch(/^,.*PESTICIDE_DEALER.*,$/);
  expect(JSON.parse(licensed.licences)[0]).toMatchObject({ kind: '农药经营许可证', number: expect.stringMatching(/^农药经许（晋）140603\d{8}$/) });
  expect(creditCodeProblem(licensed.creditCode)).toBeNull();
  const [form] = await server.app.ds.query('SELECT checkPoints FROM check_form ORDER BY id LIMIT 1');
  expect(JSON.parse(form.checkPoints)[0]).toEqual({ point: expect.any(String), method: expect.any(String), criterion: expect.any(String), followUp: expect.any(String) });
  expect(await count('SELECT COUNT(*) AS n FROM inspector WHERE active = ?', [false])).toBe(2);
});

test('a second start leaves a loaded database alone', async () => {
  const before = await count('SELECT COUNT(*) AS n FROM target');
  await loadDemoIfEmpty({ ds: server.app.ds, config: server.config, log: createLogger('silent'), pubSub: undefined as never, drawFeed: undefined as never });
  expect(await count('SELECT COUNT(*) AS n FROM target')).toBe(before);
  expect(await count('SELECT COUNT(*) AS n FROM department')).toBe(6);
});
