import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { completeCreditCode } from '../../server/domain/credit-code';
import { readRows } from '../../server/modules/imports/readers';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import { sheetBytes } from '../helpers/imports';
import type { TestServer } from '../helpers/test-server';

const HEADER = ['统一社会信用代码', '名称', '对象类型', '行政区划代码', '住所（经营场所）', '登记状态', '风险等级', '专项名录'];
const row = (serial: number, overrides: Partial<Record<number, string>> = {}) => {
  const cells = [completeCreditCode(`92140603MB9${String(serial).padStart(6, '0')}`), `平鲁区页面导入测试农资店${serial}`, '个体工商户', '140603', '平鲁区井坪镇', '存续', '低风险', '农药经营者'];
  for (const [i, v] of Object.entries(overrides)) cells[Number(i)] = v!;
  return cells;
};

async function readSheet(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of readRows(file, 'xlsx')) rows.push(r.cells);
  return rows;
}

describeInBrowser('console: directories', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  async function plannerPage(): Promise<{ page: Page; close(): Promise<void> }> {
    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(page, server.baseUrl, 'pinglu.planner', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}/console/directories`);
    await page.waitForSelector('[data-testid=targets-table]');
    return { page, close: () => context.close() };
  }

  it('imports a target sheet with bad rows: progress, the row errors on the page, and the error report download', async () => {
    const { page, close } = await plannerPage();
    const badCode = row(2)[0].slice(0, 17) + 'Z';
    const rows = [HEADER, row(1), row(2, { 0: badCode }), row(3, { 3: '149999' }), row(4)];
    const buffer = await sheetBytes('xlsx', rows);

    await page.click('button:has-text("批量导入")');
    await page.setInputFiles('input[name=importFile]', { name: '检查对象.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.selectOption('select:has(option[value=GOOD_ROWS])', 'GOOD_ROWS');
    await page.click('button:has-text("开始导入")');

    await page.waitForSelector('[role=progressbar]');
    await page.waitForSelector('[data-testid=import-result]');
    await page.waitForSelector('[role=progressbar][aria-valuenow="100"]');
    expect(await page.textContent('[data-testid=import-phase]')).toContain('共读取 4 行');
    expect(await page.textContent('[data-testid=import-result]')).toContain('部分导入');
    expect(await page.textContent('[data-testid=import-created]')).toBe('2');
    const listed = await page.$$eval('[data-testid=import-errors] tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(listed.map((cells) => [cells[0], cells[1], cells[4]])).toEqual([
      ['3', '统一社会信用代码', 'INVALID_CREDIT_CODE'],
      ['4', '行政区划代码', 'UNKNOWN_REGION'],
    ]);
    expect(listed[0][2]).toBe(badCode);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=error-report-xlsx]')]);
    expect(download.suggestedFilename()).toContain('导入错误报告');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-report-'));
    const file = path.join(dir, 'report.xlsx');
    await download.saveAs(file);
    const report = await readSheet(file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(report[0]).toEqual(['行号', '列', '填写的值', '错误原因', '错误代码']);
    expect(report.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ['3', badCode, 'INVALID_CREDIT_CODE'],
      ['4', '149999', 'UNKNOWN_REGION'],
    ]);

    // The good rows are in the directory now: the search finds them.
    await page.fill('form[role=search] input[name=search]', '页面导入测试农资店');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForSelector('[data-testid=targets-total]:has-text("共 2 户")');
    await close();
  });

  it('finds a target by search, edits it, and shows the change in its history', async () => {
    const token = (await server.gql(`mutation { login(username: "pinglu.planner", password: "${DEMO_LOGINS.password}") { token } }`)).data.login.token;
    const some = (await server.gql(`{ targets(filter: { types: [ENTERPRISE] }, page: { take: 1, skip: 17 }, sort: NAME) { items { id name creditCode address } } }`, {}, { token })).data.targets.items[0];
    const { page, close } = await plannerPage();

    await page.fill('form[role=search] input[name=search]', some.creditCode);
    await page.click('form[role=search] button[type=submit]');
    await page.waitForSelector('[data-testid=targets-total]:has-text("共 1 户")');
    expect(await page.textContent('[data-testid=targets-table] tbody')).toContain(some.name);

    await page.click(`[data-testid=targets-table] button:has-text("${some.name}")`);
    const detail = page.locator('[data-testid=target-detail]');
    await detail.locator('input[name=address]').waitFor();
    expect(await detail.locator('input[name=address]').inputValue()).toBe(some.address);
    await detail.locator('input[name=address]').fill('平鲁区井坪镇新建路88号');
    await detail.locator('button:has-text("保存修改")').click();
    await detail.locator('text=已保存，现为第 2 版。').waitFor();

    const history = detail.locator('.console-history');
    await history.locator('td:has-text("修改")').waitFor();
    const text = await history.textContent();
    expect(text).toContain('住所（经营场所）');
    expect(text).toContain(`${some.address} → 平鲁区井坪镇新建路88号`);
    expect(text).toContain('王晓燕');
    await close();
  });

  it('keeps the typed edit and explains a conflict when someone else saved first', async () => {
    const token = (await server.gql(`mutation { login(username: "pinglu.admin", password: "${DEMO_LOGINS.password}") { token } }`)).data.login.token;
    const some = (await server.gql(`{ targets(filter: { types: [ENTERPRISE] }, page: { take: 1, skip: 23 }, sort: NAME) { items { id name creditCode version } } }`, {}, { token })).data.targets.items[0];
    const { page, close } = await plannerPage();
    await page.fill('form[role=search] input[name=search]', some.creditCode);
    await page.click('form[role=search] button[type=submit]');
    await page.click(`[data-testid=targets-table] button:has-text("${some.name}")`);
    const detail = page.locator('[data-testid=target-detail]');
    await detail.locator('input[name=phone]').waitFor();

    const full = (await server.gql(`query($id: ID!) { target(id: $id) { name creditCode type regionCode } }`, { id: some.id }, { token })).data.target;
    const other = await server.gql(`mutation($id: ID!, $v: Int!, $input: TargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $input) { version } }`,
      { id: some.id, v: some.version, input: { ...full, address: '别人刚改的地址' } }, { token });
    expect(other.errors).toBeUndefined();

    await detail.locator('input[name=phone]').fill('0349-6012345');
    await detail.locator('button:has-text("保存修改")').click();
    await detail.locator('[data-testid=stale-version]').waitFor();
    expect(await detail.locator('[role=alert] code').last().textContent()).toBe('STALE_VERSION');
    expect(await detail.locator('input[name=phone]').inputValue()).toBe('0349-6012345');
    await detail.locator('button:has-text("载入最新版本")').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=target-detail] input[name=address]') as HTMLInputElement | null)?.value === '别人刚改的地址');
    await close();
  });
});
