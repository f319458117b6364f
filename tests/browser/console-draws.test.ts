import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { ok } from '../helpers/draw-steps';
import { loginAs } from '../helpers/factories';

/** A datetime-local value `ms` from now in the page's clock and zone (the form's own format). */
const localInputIn = (page: Page, ms: number) =>
  page.evaluate((offset) => {
    const d = new Date(Date.now() + offset);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);

/** The bearer token of a demo-county login. */
const demoToken = (server: TestServer, username: string) => loginAs(server, username, DEMO_LOGINS.password);

describeInBrowser('console: tasks and draws', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  it('a planner creates a directed check; the operator previews its pool, schedules, invites a witness, opens, reveals and locks the draw', async () => {
    // The planner creates a directed check of three targets through the form.
    const planner = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(planner.page, server.baseUrl, 'pinglu.planner', DEMO_LOGINS.password);
    await planner.page.goto(`${server.baseUrl}/console/tasks`);
    await planner.page.click('text=新建抽查任务');
    await planner.page.check('input[name=kind][value=DIRECTED]');
    await planner.page.fill('textarea[name=directedReason]', '群众举报农药经营违规');
    await planner.page.fill('input[name=name]', '农药经营专项定向检查');
    await planner.page.locator('input[name=itemIds]').first().check();
    await planner.page.click('text=按数量（户）');
    await planner.page.fill('input[name=segment-amount]', '3');
    // A bad label is refused with its code, and the form keeps what was typed.
    await planner.page.fill('input[name=segment-label]', 'objects/坏标签');
    await planner.page.click('button[type=submit]:has-text("创建任务")');
    expect(await (await planner.page.waitForSelector('[role=alert]')).textContent()).toContain('INVALID_SEGMENT');
    expect(await planner.page.inputValue('input[name=name]')).toBe('农药经营专项定向检查');
    await planner.page.fill('input[name=segment-label]', 'objects/pinglu');
    await planner.page.click('button[type=submit]:has-text("创建任务")');
    await planner.page.waitForSelector('text=已创建任务“农药经营专项定向检查”。');
    await planner.context.close();

    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(page, server.baseUrl, 'pinglu.operator', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}/console/tasks`);
    await page.click('a:has-text("农药经营专项定向检查")');

    // The pool preview: the pool, the count and the excluded targets with their reasons.
    const preview = page.locator('[data-testid=pool-preview]');
    await preview.locator('text=拟抽取').waitFor();
    await preview.locator('summary').first().click();
    const firstReason = await preview.locator('tbody tr td').nth(1).textContent();
    expect(firstReason?.trim().length).toBeGreaterThan(0);

    await page.click('text=编排摇号');
    await page.waitForURL(/\/console\/draws\?task=/);
    // A window that has already closed is refused, and the form keeps its values.
    await page.fill('input[name=entropyClosesAt]', await localInputIn(page, -60_000));
    await page.fill('input[name=paceMs]', '0');
    await page.click('button[type=submit]:has-text("编排摇号")');
    expect(await (await page.waitForSelector('[role=alert]')).textContent()).toContain('VALIDATION_FAILED');
    expect(await page.inputValue('input[name=paceMs]')).toBe('0');
    await page.fill('input[name=entropyClosesAt]', await localInputIn(page, 8_000));
    await page.click('button[type=submit]:has-text("编排摇号")');
    await page.waitForURL(/\/console\/draws\?draw=/);
    const drawId = new URL(page.url()).searchParams.get('draw')!;
    await page.waitForSelector('[data-testid=draw-status]:has-text("已编排")');
    expect(await page.getAttribute(`a[href="/draws/${drawId}/room"]`, 'href')).toBe(`/draws/${drawId}/room`);

    // A witness by link: the link is shown once, with its QR code.
    await page.fill('input[name=witnessName]', '乔永忠');
    await page.click('button:has-text("生成邀请链接")');
    const link = await page.locator('input[name=inviteLink]').inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/draws/${drawId}/room\\?invite=.+`));
    const qr = await page.waitForSelector('[data-testid=witness-invitation] img');
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    await page.click('button:has-text("开放见证")');
    await page.waitForSelector('[data-testid=draw-status]:has-text("见证中")');
    await page.waitForSelector('text=已开放见证');
    expect(await page.isDisabled('button:has-text("开始摇号")')).toBe(true);
    await page.waitForSelector('[data-testid=draw-events] >> text=已开放见证');

    // After the window closes, the draw can start; the picks appear when it completes.
    await page.waitForSelector('button:has-text("开始摇号"):not([disabled])', { timeout: 20_000 });
    await page.click('button:has-text("开始摇号")');
    await page.waitForSelector('[data-testid=draw-status]:has-text("已完成")', { timeout: 20_000 });
    await page.waitForSelector('text=抽中的检查对象（共 3 户）');

    await page.click('button:has-text("锁定结果")');
    await page.click('.confirm-inline button:has-text("确认")');
    await page.waitForSelector('[data-testid=draw-status]:text-matches("已锁定|已公告")');
    await page.waitForSelector('text=结果已锁定，任务公告已发布。');

    const { draw } = await ok(server, `query($id: ID!) { draw(id: $id) { status witnesses { displayName } picks { totalItems } } }`, { id: drawId }, await demoToken(server, 'pinglu.operator'));
    expect(draw.status).toMatch(/LOCKED|ANNOUNCED/);
    expect(draw.witnesses.map((w: { displayName: string }) => w.displayName)).toEqual(['乔永忠']);
    expect(draw.picks.totalItems).toBe(3);
    await context.close();
  });

});
