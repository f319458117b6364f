import type { Browser, Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import { loginAs } from '../helpers/factories';
import type { TestServer } from '../helpers/test-server';
import { todayInChina } from '../../server/domain/calendar-date';
import { ok } from '../helpers/draw-steps';

/**
 * The supervisor's dashboard in real Chromium against the demo county: a draw the Pinglu operator
 * schedules and opens appears in the city supervisor's live list without a reload, and its status
 * follows; the supervisor drills down from the city to the county and the charts are drawn. A draw the
 * operator runs from the console in another browser is followed by the province supervisor live.
 */
describeInBrowser('supervision dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  const row = (page: Page, drawId: string) => page.locator(`[data-testid=live-draws] [data-testid=live-draw][data-draw-id="${drawId}"]`);

  /** The Pinglu planner sets a directed task of three targets up, over GraphQL. */
  async function createDemoTask(name: string): Promise<string> {
    const year = todayInChina().slice(0, 4);
    const planner = await loginAs(server, 'pinglu.planner', DEMO_LOGINS.password);
    const items = await ok(server, `query { inspectionItems(filter: { search: "PL-NY-001" }) { items { id } } }`, {}, planner);
    const { createTask } = await ok(server, `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: {
        name, kind: 'DIRECTED', directedReason: '春耕农资专项整治', itemIds: [items.inspectionItems.items[0].id],
        segments: [{ label: 'objects/all', filter: {}, fixedCount: 3 }], windowStart: `${year}-01-01`, windowEnd: `${year}-12-31`,
      },
    }, planner);
    return createTask.id;
  }

  /** …and the operator schedules its draw, over GraphQL. */
  async function scheduleDemoDraw(): Promise<{ drawId: string; operator: string }> {
    const taskId = await createDemoTask('农药经营门店专项检查（看板测试）');
    const operator = await loginAs(server, 'pinglu.operator', DEMO_LOGINS.password);
    const { scheduleDraw } = await ok(server, `mutation($task: ID!, $at: DateTimeISO!) { scheduleDraw(taskId: $task, input: { entropyClosesAt: $at }) { id } }`, { task: taskId, at: new Date(Date.now() + 120_000).toISOString() }, operator);
    return { drawId: scheduleDraw.id, operator };
  }

  it('shows a new draw live, follows its status, drills down to the county and draws the charts', async () => {
    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, server.baseUrl, 'shuozhou.supervisor', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.waitForSelector('[data-testid=headline]');
    await page.waitForSelector('text=实时摇号动态');
    expect(await page.locator('[data-testid=region-path] [data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).toEqual(['140600']);
    // Every chart is drawn by ECharts into a canvas.
    await page.waitForSelector('[data-testid=chart-coverage] canvas', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=chart-cap] canvas');
    expect(await page.textContent('[data-testid=cap-breaches-line]')).toContain('0');
    const pageUrl = page.url();

    const { drawId, operator } = await scheduleDemoDraw();
    await row(page, drawId).waitFor({ timeout: 10_000 });
    expect(await row(page, drawId).getAttribute('data-status')).toBe('SCHEDULED');
    expect(await row(page, drawId).textContent()).toContain('农药经营门店专项检查（看板测试）');
    expect(await row(page, drawId).locator('a').getAttribute('href')).toBe(`/draws/${drawId}/room`);

    await ok(server, `mutation($id: ID!) { openDraw(id: $id) { status } }`, { id: drawId }, operator);
    await page.waitForSelector(`[data-testid=live-draw][data-draw-id="${drawId}"][data-status=OPEN]`, { timeout: 10_000 });
    // Without a reload: the same document all along.
    expect(page.url()).toBe(pageUrl);
    // The figures follow too: the county's task is counted once the debounced re-read has run.
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid=child-regions] tbody tr')];
      const pinglu = cells.find((tr) => tr.querySelector('[data-region="140603"]'));
      return pinglu && Number(pinglu.querySelectorAll('td')[6]?.textContent) >= 1;
    }, undefined, { timeout: 10_000 });

    // Drill down: the county from the city's table; the breadcrumb leads back up.
    await page.click('[data-testid=child-region][data-region="140603"]');
    await page.waitForURL((url) => url.search === '?region=140603');
    await page.waitForSelector('[data-testid=region-path] strong[data-region="140603"]');
    expect(await page.locator('[data-testid=region-path] [data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).toEqual(['140600', '140603']);
    await row(page, drawId).waitFor();
    await page.waitForSelector('[data-testid=chart-tasks] canvas', { timeout: 20_000 });
    expect(await page.locator('[data-testid=department-table] tbody tr').count()).toBe(1);
    await page.click('[data-testid=region-path] a[data-region="140600"]');
    await page.waitForURL((url) => url.pathname === '/dashboard' && url.search === '');
    await page.waitForSelector('[data-testid=child-region][data-region="140602"]');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a draw the operator runs from the console in another browser, as it happens', async () => {
    const supervisor = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(supervisor.page, server.baseUrl, 'shanxi.supervisor', DEMO_LOGINS.password);
    await supervisor.page.goto(`${server.baseUrl}/dashboard`);
    await supervisor.page.waitForSelector('[data-testid=live-draws]');

    const taskId = await createDemoTask('兽药经营专项检查（另一浏览器）');
    const operator = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(operator.page, server.baseUrl, 'pinglu.operator', DEMO_LOGINS.password);
    await operator.page.goto(`${server.baseUrl}/console/draws?task=${taskId}`);
    await operator.page.fill('input[name=entropyClosesAt]', await operator.page.evaluate(() => {
      const d = new Date(Date.now() + 6_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    }));
    await operator.page.click('button[type=submit]:has-text("编排摇号")');
    await operator.page.waitForURL(/\/console\/draws\?draw=/);
    const drawId = new URL(operator.page.url()).searchParams.get('draw')!;

    // Two levels up, without a reload: scheduled, open, then drawn.
    await row(supervisor.page, drawId).waitFor({ timeout: 10_000 });
    expect(await row(supervisor.page, drawId).textContent()).toContain('兽药经营专项检查（另一浏览器）');
    await operator.page.click('button:has-text("开放见证")');
    await supervisor.page.waitForSelector(`[data-testid=live-draw][data-draw-id="${drawId}"][data-status=OPEN]`, { timeout: 10_000 });
    await operator.page.waitForSelector('button:has-text("开始摇号"):not([disabled])', { timeout: 20_000 });
    await operator.page.click('button:has-text("开始摇号")');
    await supervisor.page.waitForSelector(`[data-testid=live-draw][data-draw-id="${drawId}"]:is([data-status=DRAWING], [data-status=COMPLETED])`, { timeout: 10_000 });
    await supervisor.page.waitForSelector(`[data-testid=live-draw][data-draw-id="${drawId}"][data-status=COMPLETED]`, { timeout: 20_000 });
    await operator.context.close();
    await supervisor.context.close();
  });

  it('shows a region outside the jurisdiction as an error with its code', async () => {
    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(page, server.baseUrl, 'shuozhou.supervisor', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}/dashboard?region=140100`);
    const alert = await page.waitForSelector('[role=alert]');
    expect(await alert.textContent()).toContain('NOT_FOUND');
    await context.close();
  });
});
