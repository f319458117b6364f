import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completeCreditCode } from '../../server/domain/credit-code';
import { readRows } from '../../server/modules/imports/readers';
import { createRootOrg } from '../helpers/factories';
import { download, importFile, sheetBytes } from '../helpers/imports';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const HEADER = ['统一社会信用代码', '名称', '对象类型', '行政区划代码', '住所（经营场所）', '登记状态', '风险等级', '专项名录', '许可证', '失信'];
let serial = 0;
const creditCode = () => completeCreditCode(`92140603MA1${String(++serial).padStart(6, '0')}`);
const goodRow = (overrides: Partial<Record<number, string>> = {}) => {
  const row = [creditCode(), `平鲁区第${serial}农资店`, '个体工商户', '140603', '平鲁区井坪镇', '存续', '低风险', '农药经营者、种子经营者', '农药经营许可证：农药经许（晋）1406030001：2027/5/31', '否'];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v!;
  return row;
};

async function readSheet(bytes: Buffer, format: 'xlsx' | 'csv') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-read-'));
  const file = path.join(dir, `f.${format}`);
  fs.writeFileSync(file, bytes);
  const rows: string[][] = [];
  for await (const row of readRows(file, format)) rows.push(row.cells);
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

const countTargets = async (departmentId: number) => Number((await server.app.ds.query('SELECT COUNT(*) AS n FROM target WHERE departmentId = ?', [departmentId]))[0].n);

describe('importing targets', () => {
  test('an xlsx with Chinese headers imports every row; the same file again changes nothing', async () => {
    const { department, token } = await createRootOrg(server);
    const rows = [HEADER, goodRow(), goodRow(), goodRow({ 2: '企业', 7: '' })];
    rows[3][0] = completeCreditCode('91140603MA0KMP001');
    const bytes = await sheetBytes('xlsx', rows);
    const first = await importFile(server, token, 'TARGETS', bytes);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'SUCCEEDED', totalRows: 3, createdCount: 3, errorCount: 0 });
    const listed = await server.gql(`{ targets(filter: { types: [INDIVIDUAL_BUSINESS] }) { totalItems items { name type specialDirectories licences { validTo } } } }`, {}, { token });
    expect(listed.data.targets.totalItems).toBe(2);
    expect(listed.data.targets.items[0]).toMatchObject({ type: 'INDIVIDUAL_BUSINESS', specialDirectories: ['PESTICIDE_DEALER', 'SEED_DEALER'], licences: [{ validTo: '2027-05-31' }] });
    const again = await importFile(server, token, 'TARGETS', bytes);
    expect(again.body).toMatchObject({ status: 'SUCCEEDED', createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(await countTargets(department.id)).toBe(3);
  });

  test('a re-import with changes updates in place and records who changed what through which import', async () => {
    const { token } = await createRootOrg(server);
    const row = goodRow();
    const created = await importFile(server, token, 'TARGETS', await sheetBytes('csv', [HEADER, row]), { fileName: 'targets.csv' });
    expect(created.body.status).toBe('SUCCEEDED');
    const changed = [...row];
    changed[6] = '高风险';
    const updated = await importFile(server, token, 'TARGETS', await sheetBytes('csv', [HEADER, changed]), { fileName: 'targets.csv' });
    expect(updated.body).toMatchObject({ status: 'SUCCEEDED', createdCount: 0, updatedCount: 1 });
    const target = (await server.gql(`query($s: String) { targets(filter: { search: $s }) { items { id riskLevel version } } }`, { s: row[0] }, { token })).data.targets.items[0];
    expect(target).toMatchObject({ riskLevel: 'HIGH', version: 2 });
    const history = await server.gql(`query($id: ID!) { history(entity: TARGET, id: $id) { action importJobId changedBy changes { field before after } } }`, { id: target.id }, { token });
    expect(history.data.history).toEqual([
      { action: 'CREATE', importJobId: created.jobId, changedBy: '管理员', changes: [] },
      { action: 'UPDATE', importJobId: updated.jobId, changedBy: '管理员', changes: [{ field: 'riskLevel', before: '"LOW"', after: '"HIGH"' }] },
    ]);
  });

  test('all or nothing: one bad row rejects the file, reports every bad cell, writes nothing', async () => {
    const { department, token } = await createRootOrg(server);
    const badCode = creditCode().slice(0, 17) + 'Z';
    const rows = [HEADER, goodRow(), goodRow({ 0: badCode }), goodRow({ 3: '149999' }), goodRow({ 8: '农药经营许可证：X1：2027-02-30' }), goodRow({ 2: '外星企业' }), goodRow()];
    rows.push([...rows[1]]); // the same credit code twice
    const result = await importFile(server, token, 'TARGETS', await sheetBytes('xlsx', rows));
    expect(result.body).toMatchObject({ status: 'REJECTED', code: 'IMPORT_HAS_ERRORS', createdCount: 0, errorCount: 5 });
    expect(await countTargets(department.id)).toBe(0);
    const errors = await server.gql(`query($id: ID!) { importJob(id: $id) { errors(page: { take: 50 }) { totalItems items { rowNumber column value code messageZh } } } }`, { id: result.jobId }, { token });
    const items = errors.data.importJob.errors.items;
    expect(items.map((e: { rowNumber: number; column: string; code: string }) => [e.rowNumber, e.column, e.code])).toEqual([
      [3, '统一社会信用代码', 'INVALID_CREDIT_CODE'],
      [4, '行政区划代码', 'UNKNOWN_REGION'],
      [5, '许可证', 'INVALID_DATE'],
      [6, '对象类型', 'VALIDATION_FAILED'],
      [8, '统一社会信用代码', 'VALIDATION_FAILED'],
    ]);
    expect(items[0].messageZh).toContain('第18位“Z”不是合法字符');
    expect(items[3].messageZh).toContain('“外星企业”不是有效的对象类型');
    expect(items[4].messageZh).toContain('重复');

    const report = await download(server, `/files/imports/${result.jobId}/errors.xlsx`, token);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain(encodeURIComponent('导入错误报告'));
    const sheet = await readSheet(report.bytes, 'xlsx');
    expect(sheet[0]).toEqual(['行号', '列', '填写的值', '错误原因', '错误代码']);
    expect(sheet[1].slice(0, 3)).toEqual(['3', '统一社会信用代码', badCode]);
    expect(sheet).toHaveLength(6);
    const outsider = await createRootOrg(server);
    expect((await download(server, `/files/imports/${result.jobId}/errors.xlsx`, outsider.token)).status).toBe(404);
  });

  test('good-rows mode imports the good rows and reports the rest', async () => {
    const { department, token } = await createRootOrg(server);
    const rows = [HEADER, goodRow(), goodRow({ 0: '123' }), goodRow()];
    const result = await importFile(server, token, 'TARGETS', await sheetBytes('csv', rows), { mode: 'GOOD_ROWS', fileName: 'a.csv' });
    expect(result.body).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', createdCount: 2, errorCount: 1 });
    expect(await countTargets(department.id)).toBe(2);
  });

  test('a sheet without the required columns, a wrong file type, and an empty file are refused clearly', async () => {
    const { token } = await createRootOrg(server);
    const missing = await importFile(server, token, 'TARGETS', await sheetBytes('xlsx', [['名称', '地址'], ['某公司', '某地']]));
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ status: 'FAILED', code: 'MISSING_COLUMNS' });
    expect(missing.body.message).toContain('统一社会信用代码、对象类型、行政区划代码');
    const pdf = await importFile(server, token, 'TARGETS', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), { fileName: 'scan.pdf' });
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    const empty = await importFile(server, token, 'TARGETS', Buffer.from('\ufeff\r\n', 'utf8'), { fileName: 'empty.csv' });
    expect(empty.body.code).toBe('EMPTY_FILE');
  });

  test('a file over the size limit is refused before it is stored', async () => {
    const small = await createTestServer({ maxUploadBytes: 2048 });
    try {
      const { department, token } = await createRootOrg(small);
      const rows = [HEADER, ...Array.from({ length: 100 }, () => goodRow())];
      const result = await importFile(small, token, 'TARGETS', await sheetBytes('csv', rows), { fileName: 'big.csv' });
      expect(result.status).toBe(413);
      expect(result.body).toMatchObject({ status: 'FAILED', code: 'FILE_TOO_LARGE' });
      const count = Number((await small.app.ds.query('SELECT COUNT(*) AS n FROM target WHERE departmentId = ?', [department.id]))[0].n);
      expect(count).toBe(0);
    } finally {
      await small.close();
    }
  });

  test('progress is streamed to the uploader over a subscription', async () => {
    const { token } = await createRootOrg(server);
    const started = (await server.gql(`mutation { startImport(kind: TARGETS, fileName: "p.csv") { id uploadUrl } }`, {}, { token })).data.startImport;
    const client = server.ws(token);
    const collecting = subscribeCollect(client, `subscription($id: ID!) { importProgress(jobId: $id) { status phase rowsRead } }`, { id: started.id },
      (events) => events.some((e) => e.importProgress.phase === 'DONE'), 20000);
    await collecting.first;
    const rows = [HEADER, ...Array.from({ length: 3000 }, () => goodRow())];
    const res = await fetch(server.baseUrl + started.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: await sheetBytes('csv', rows) });
    expect(res.status).toBe(200);
    const { events } = await collecting;
    expect(events[0].importProgress.status).toBe('WAITING_FOR_FILE');
    expect(events[events.length - 1].importProgress).toEqual({ status: 'SUCCEEDED', phase: 'DONE', rowsRead: 3000 });
  });

  test('only the person who started an import may send its file, and only once', async () => {
    const { token } = await createRootOrg(server);
    const other = await createRootOrg(server);
    const started = (await server.gql(`mutation { startImport(kind: TARGETS) { id uploadUrl } }`, {}, { token })).data.startImport;
    const body = await sheetBytes('csv', [HEADER, goodRow()]);
    const stranger = await fetch(server.baseUrl + started.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${other.token}` }, body });
    expect(stranger.status).toBe(404);
    const anonymous = await fetch(server.baseUrl + started.uploadUrl, { method: 'PUT', body });
    expect(anonymous.status).toBe(401);
    expect((await fetch(server.baseUrl + started.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body })).status).toBe(200);
    const twice = await fetch(server.baseUrl + started.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body });
    expect(twice.status).toBe(409);
  });
});

describe('other directories, templates and export', () => {
  test('inspectors import from a GBK-free CSV with dates as offices write them; reversed dates are reported', async () => {
    const { token } = await createRootOrg(server);
    const rows = [
      ['姓名', '执法证号', '发证日期', '有效期至', '执法领域', '行政区划代码', '联系电话'],
      ['张建国', '14060399001', '2024年1月1日', '2028/12/31', '农药、种子', '140603', '13903490001'],
      ['李四', '14060399002', '2027-01-01', '2025-01-01', '饲料', '140603', ''],
    ];
    const result = await importFile(server, token, 'INSPECTORS', await sheetBytes('csv', rows), { fileName: 'inspectors.csv', mode: 'GOOD_ROWS' });
    expect(result.body).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', createdCount: 1, errorCount: 1 });
    const listed = await server.gql(`{ inspectors { items { name certificateValidFrom certificateValidTo specialties } } }`, {}, { token });
    expect(listed.data.inspectors.items).toEqual([{ name: '张建国', certificateValidFrom: '2024-01-01', certificateValidTo: '2028-12-31', specialties: ['PESTICIDES', 'SEEDS'] }]);
    const errors = await server.gql(`query($id: ID!) { importJob(id: $id) { errors { items { rowNumber code } } } }`, { id: result.jobId }, { token });
    expect(errors.data.importJob.errors.items).toEqual([{ rowNumber: 3, code: 'CERTIFICATE_DATES_REVERSED' }]);
  });

  test('catalog items import; a changed row becomes a new version', async () => {
    const { token } = await createRootOrg(server);
    const header = ['事项编码', '事项名称', '事项类别', '事项类型', '检查对象类型', '检查方式', '抽查比例下限（%）', '抽查比例上限（%）', '抽查频次（次/年）'];
    const row = ['PL-IMP-1', '种子生产经营者的检查', '种子', '一般检查事项', '企业、个体工商户', '实地核查', '5', '20', '2'];
    expect((await importFile(server, token, 'CATALOG_ITEMS', await sheetBytes('xlsx', [header, row]))).body).toMatchObject({ status: 'SUCCEEDED', createdCount: 1 });
    const revised = await importFile(server, token, 'CATALOG_ITEMS', await sheetBytes('xlsx', [header, [...row.slice(0, 7), '30', '2']]));
    expect(revised.body).toMatchObject({ status: 'SUCCEEDED', updatedCount: 1 });
    const items = await server.gql(`{ inspectionItems { items { code currentVersion current { categoryCode ratioMaxPercent } version(version: 1) { ratioMaxPercent } } } }`, {}, { token });
    expect(items.data.inspectionItems.items).toEqual([{ code: 'PL-IMP-1', currentVersion: 2, current: { categoryCode: 'SEEDS', ratioMaxPercent: 30 }, version: { ratioMaxPercent: 20 } }]);
  });

  test('templates download with the headers; an export with a filter can be imported again unchanged', async () => {
    const { token } = await createRootOrg(server);
    const template = await download(server, '/files/templates/targets.xlsx');
    expect(template.status).toBe(200);
    const templateRows = await readSheet(template.bytes, 'xlsx');
    expect(templateRows[0].slice(0, 4)).toEqual(['统一社会信用代码', '名称', '对象类型', '行政区划代码']);
    expect((await download(server, '/files/templates/nothing.xlsx')).status).toBe(404);

    const rows = [HEADER, goodRow({ 6: '高风险' }), goodRow(), goodRow({ 6: '高风险' })];
    await importFile(server, token, 'TARGETS', await sheetBytes('xlsx', rows));
    const filter = encodeURIComponent(JSON.stringify({ riskLevels: ['HIGH'] }));
    const exported = await download(server, `/files/exports/targets.xlsx?filter=${filter}`, token);
    expect(exported.status).toBe(200);
    const sheet = await readSheet(exported.bytes, 'xlsx');
    expect(sheet).toHaveLength(3);
    expect(sheet.slice(1).map((r) => r[0]).sort()).toEqual([rows[1][0], rows[3][0]].sort());
    const reimport = await importFile(server, token, 'TARGETS', exported.bytes);
    expect(reimport.body).toMatchObject({ status: 'SUCCEEDED', unchangedCount: 2, createdCount: 0, updatedCount: 0 });
    expect((await download(server, '/files/exports/targets.xlsx')).status).toBe(401);
    expect((await download(server, '/files/exports/targets.csv?filter=%7Bnope', token)).status).toBe(400);
  });
});
