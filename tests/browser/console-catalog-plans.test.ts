import type { Browser, Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { todayInChina } from '../../server/domain/calendar-date';
import { addDays, filingDeadline } from '../../server/domain/plan-rules';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import type { TestServer } from '../helpers/test-server';

describeInBrowser('console: catalog and plans', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  async function plannerAt(path: string): Promise<{ page: Page; close(): Promise<void> }> {
    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(page, server.baseUrl, 'pinglu.planner', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}${path}`);
    return { page, close: () => context.close() };
  }

  it('creates an inspection item, revises it, and shows both versions', async () => {
    const { page, close } = await plannerAt('/console/catalog');
    await page.waitForSelector('[data-testid=items-table]');
    await page.click('button:has-text("新增检查事项")');
    const form = page.locator('form[aria-label="保存"]');
    await form.locator('input[name=code]').fill('PL-WEB-001');
    await form.locator('input[name=name]').fill('农药经营者经营行为的检查');
    await form.locator('select[name=categoryCode]').selectOption('PESTICIDES');
    await form.locator('input[name=ratioMinPercent]').fill('5');
    await form.locator('input[name=ratioMaxPercent]').fill('20');
    await form.locator('input[name=targetTypes][value=ENTERPRISE]').check();
    await form.locator('input[name=methods][value=ON_SITE]').check();
    // A KEY item has no cap: the field goes away; back to GENERAL, the cap typed is still there.
    await form.locator('select[name=kind]').selectOption('KEY');
    await form.locator('text=重点检查事项不设比例上限').waitFor();
    await form.locator('select[name=kind]').selectOption('GENERAL');
    expect(await form.locator('input[name=ratioMaxPercent]').inputValue()).toBe('20');
    await form.locator('button[type=submit]').click();
    await page.locator('text=已新增检查事项“农药经营者经营行为的检查”（第 1 版）。').waitFor();

    const detail = page.locator('[data-testid=item-detail]');
    await detail.locator('[data-testid=item-versions] button:has-text("第 1 版 (现行版本)")').waitFor();
    await detail.locator('button:has-text("修订（保存为新版本）")').click();
    const revision = detail.locator('form[aria-label="保存为第 2 版"]');
    expect(await revision.locator('input[name=code]').inputValue()).toBe('PL-WEB-001');
    await revision.locator('input[name=name]').fill('农药经营者的监督检查（2026年修订）');
    await revision.locator('input[name=ratioMaxPercent]').fill('30');
    await revision.locator('button[type=submit]').click();
    await detail.locator('text=已保存为第 2 版').waitFor();

    await detail.locator('[data-testid=item-versions] button:has-text("第 2 版 (现行版本)")').waitFor();
    expect(await detail.locator('[data-testid=item-version-name]').textContent()).toBe('农药经营者的监督检查（2026年修订）');
    expect(await detail.locator('[data-testid=item-version]').textContent()).toContain('30%');
    await detail.locator('[data-testid=item-versions] button:has-text("第 1 版")').click();
    expect(await detail.locator('[data-testid=item-version-name]').textContent()).toBe('农药经营者经营行为的检查');
    expect(await detail.locator('.console-history').textContent()).toContain('新版本');

    // The same code again is refused with its code, and what was typed stays.
    await page.click('button:has-text("新增检查事项")');
    const again = page.locator('form[aria-label="保存"]');
    await again.locator('input[name=code]').fill('PL-WEB-001');
    await again.locator('input[name=name]').fill('重复编码的事项');
    await again.locator('select[name=categoryCode]').selectOption('SEEDS');
    await again.locator('input[name=ratioMaxPercent]').fill('20');
    await again.locator('input[name=targetTypes][value=ENTERPRISE]').check();
    await again.locator('button[type=submit]').click();
    await again.locator('[role=alert] code:has-text("DUPLICATE_ITEM_CODE")').waitFor();
    expect(await again.locator('input[name=name]').inputValue()).toBe('重复编码的事项');
    await close();
  });

  it('shows a plan’s filing state and deadline, and records a filing', async () => {
    const today = todayInChina();
    const year = Number(today.slice(0, 4));
    const token = (await server.gql(`mutation { login(username: "pinglu.planner", password: "${DEMO_LOGINS.password}") { token } }`)).data.login.token;
    const items = (await server.gql(`{ inspectionItems(filter: { active: true }, page: { take: 2 }) { items { id code } } }`, {}, { token })).data.inspectionItems.items;
    const input = {
      title: `平鲁区农业农村局${year}年度“双随机、一公开”抽查工作计划`,
      levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 70 },
      batches: [{ name: '春季农资批次', itemIds: [items[0].id], targetTypes: ['ENTERPRISE'], regionCodes: [], startDate: `${year}-01-01`, endDate: `${year}-12-31`, estimatedCount: 10 }],
    };
    const created = await server.gql(`mutation($year: Int!, $input: PlanVersionInput!) { createAnnualPlan(year: $year, input: $input) { id current { id } } }`, { year, input }, { token });
    expect(created.errors).toBeUndefined();
    const plan = created.data.createAnnualPlan;
    const adoptedOn = addDays(today, -30);
    const adopted = await server.gql(`mutation($id: ID!, $on: String) { adoptPlanVersion(id: $id, expectedRevision: 1, input: { adoptedOn: $on, documentNumber: "平农发〔${year}〕5号" }) { filingState } }`, { id: plan.current.id, on: adoptedOn }, { token });
    expect(adopted.data.adoptPlanVersion.filingState).toBe('OVERDUE');
    const deadline = filingDeadline(adoptedOn);

    const { page, close } = await plannerAt('/console/plans');
    const row = page.locator(`[data-testid=plan-row-${plan.id}]`);
    await row.waitFor();
    expect(await row.locator('[data-testid=filing-state]').textContent()).toBe('已逾期未备案');
    expect(await row.locator('[data-testid=filing-deadline]').textContent()).toContain(`备案截止：${deadline}`);
    expect(await row.locator('[data-testid=filing-deadline]').textContent()).toMatch(/已逾期 \d+ 天/);
    expect(await row.textContent()).toContain('已印发，待备案');

    await row.locator('button:has-text("查看")').click();
    const version = page.locator('[data-testid=plan-version]');
    await version.waitFor();
    expect(await version.locator('[data-testid=filing-deadline]').textContent()).toContain(deadline);
    expect(await version.locator('[data-testid=plan-batches]').textContent()).toContain('春季农资批次');
    expect(await version.textContent()).toContain(`平农发〔${year}〕5号`);
    // The demo catalog has more items than the one batch covers: the gap is listed.
    await version.locator('[data-testid=uncovered-items]').waitFor();

    const filings = version.locator('[data-testid=filings]');
    await filings.locator('tr:has-text("同级司法行政部门") button:has-text("登记备案")').click();
    await version.locator('input[name=filedOn]').fill(addDays(adoptedOn, 3));
    // The demo has no justice department on the hub: the recipient is named.
    await version.locator('input[name=recipientName]').fill('朔州市平鲁区司法局');
    await version.locator('button:has-text("确认备案")').click();
    await version.locator('text=已登记向同级司法行政部门备案。').waitFor();
    await filings.locator('tr:has-text("同级司法行政部门") .badge:has-text("已备案")').waitFor();
    const justice = await filings.locator('tr:has-text("同级司法行政部门")').textContent();
    expect(justice).toContain(addDays(adoptedOn, 3));
    expect(justice).toContain('朔州市平鲁区司法局');
    // Filing with one recipient is not yet filing: the others are still overdue.
    expect(await version.locator('[data-testid=filing-state]').textContent()).toBe('已逾期未备案');
    await close();
  });
});
