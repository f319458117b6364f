import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import { todayInChina } from '../../server/domain/calendar-date';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { ok } from '../helpers/draw-steps';
import { loginAs } from '../helpers/factories';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The bearer token of a demo-county login. */
const demoToken = (server: TestServer, username: string) => loginAs(server, username, DEMO_LOGINS.password);

describeInBrowser('console: teams and joint tasks', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  async function directedTask(plannerToken: string, name: string, count: number, extra: Record<string, unknown> = {}): Promise<string> {
    const { inspectionItems } = await ok(server, `{ inspectionItems(filter: { active: true }, page: { take: 1 }) { items { id } } }`, {}, plannerToken);
    const input = {
      name, kind: 'DIRECTED', directedReason: '专项整治', itemIds: [inspectionItems.items[0].id], windowStart: inDays(1), windowEnd: inDays(20),
      segments: [{ label: 'objects/pinglu', filter: { regionCode: '140603' }, fixedCount: count }], ...extra,
    };
    return (await ok(server, `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input }, plannerToken)).createTask.id;
  }

  /** Schedules, opens, reveals and locks a draw of the task as the operator would. */
  async function lockedDraw(operatorToken: string, taskId: string): Promise<string> {
    const closes = new Date(Date.now() + 800).toISOString();
    const { scheduleDraw } = await ok(server, `mutation($t: ID!, $i: ScheduleDrawInput!) { scheduleDraw(taskId: $t, input: $i) { id } }`, { t: taskId, i: { entropyClosesAt: closes, paceMs: 0 } }, operatorToken);
    const id = scheduleDraw.id;
    await ok(server, `mutation($id: ID!) { openDraw(id: $id) { status } }`, { id }, operatorToken);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(closes) - Date.now() + 100));
    await ok(server, `mutation($id: ID!) { revealDraw(id: $id) { status } }`, { id }, operatorToken);
    for (let i = 0; i < 100; i++) {
      const { draw } = await ok(server, `query($id: ID!) { draw(id: $id) { status } }`, { id }, operatorToken);
      if (draw.status === 'COMPLETED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await ok(server, `mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id }, operatorToken);
    return id;
  }

  it('draws the teams of a locked draw and shows every visit with its leader', async () => {
    const taskId = await directedTask(await demoToken(server, 'pinglu.planner'), '兽药经营定向检查', 2);
    const drawId = await lockedDraw(await demoToken(server, 'pinglu.operator'), taskId);

    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(page, server.baseUrl, 'pinglu.operator', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}/console/teams`);
    await page.click(`a[href="/console/teams?draw=${drawId}"]`);
    await page.click('button:has-text("随机抽取检查组")');
    await page.waitForSelector('text=已为 2 次检查抽取：2 组配齐，0 组未配齐。');
    await page.waitForSelector('td:has-text("检查组抽取")');
    const teams = page.locator('[data-testid=visit-team]');
    await teams.nth(1).waitFor();
    expect(await teams.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      expect(await teams.nth(i).textContent()).toContain('已组建检查组');
      expect(await teams.nth(i).locator('li:has-text("组长")').count()).toBe(1);
    }

    // A second draw of the same teams is refused, with its code.
    await page.click('button:has-text("随机抽取检查组")');
    expect(await (await page.waitForSelector('[role=alert]')).textContent()).toContain('NO_VISITS_TO_STAFF');

    // A replacement is requested with its reason and decided by the reviewing leader.
    await teams.first().locator('button:has-text("成员变更")').click();
    await page.selectOption('select[name=changeInspector]', { index: 2 });
    await page.fill('input[name=changeReason]', '该同志参加培训，无法按期检查');
    await page.click('button:has-text("提交申请")');
    await page.waitForSelector('text=已提交，待组长或分管领导审批。');
    await context.close();

    const leader = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(leader.page, server.baseUrl, 'pinglu.leader', DEMO_LOGINS.password);
    await leader.page.goto(`${server.baseUrl}/console/teams?draw=${drawId}`);
    const firstTeam = leader.page.locator('[data-testid=visit-team]').first();
    await firstTeam.locator('button:has-text("成员变更")').click();
    await firstTeam.locator('button:has-text("批准")').click();
    await leader.page.waitForSelector('text=已批准，变更已执行。');
    await firstTeam.locator('li:has-text("更换补抽")').waitFor();
    await leader.context.close();
  });

  it('the lead invites the market-supervision bureau, whose planner confirms the joint task', async () => {
    const taskId = await directedTask(await demoToken(server, 'pinglu.planner'), '农资质量联合抽查', 3, { joint: true });

    const lead = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(lead.page, server.baseUrl, 'pinglu.planner', DEMO_LOGINS.password);
    await lead.page.goto(`${server.baseUrl}/console/joint`);
    await lead.page.click(`a[href="/console/joint?task=${taskId}"]`);
    await lead.page.selectOption('select >> nth=0', 'MARKET_SUPERVISION');
    await lead.page.waitForSelector('select[name=inviteDepartment] option:has-text("朔州市平鲁区市场监督管理局")', { state: 'attached' });
    await lead.page.selectOption('select[name=inviteDepartment]', { label: '朔州市平鲁区市场监督管理局' });
    await lead.page.fill('input[name=inviteNote]', '请派员共同检查农资商品质量');
    await lead.page.click('button:has-text("发出邀请")');
    await lead.page.waitForSelector('text=已发出邀请，等待对方确认。');
    await lead.page.waitForSelector('[data-testid=participant]:has-text("待确认")');
    // Inviting the same department twice is refused with its code.
    await lead.page.selectOption('select[name=inviteDepartment]', { label: '朔州市平鲁区市场监督管理局' });
    await lead.page.click('button:has-text("发出邀请")');
    expect(await (await lead.page.waitForSelector('[role=alert]')).textContent()).toContain('PARTICIPANT_ALREADY_INVITED');

    const invited = await openPage(browser, `${server.baseUrl}/login`);
    await logIn(invited.page, server.baseUrl, 'scjg.planner', DEMO_LOGINS.password);
    await invited.page.goto(`${server.baseUrl}/console/joint`);
    const card = invited.page.locator('[data-testid=participation]:has-text("农资质量联合抽查")');
    await card.locator('text=请派员共同检查农资商品质量').waitFor();
    await card.locator('input[name=answerNote]').fill('同意参加');
    await card.locator('button:has-text("确认参加")').click();
    await invited.page.waitForSelector('text=已确认参加，请添加本部门的检查事项。');
    await card.locator('.badge:has-text("已确认参加")').waitFor();
    await card.locator('legend:has-text("本部门的检查事项")').waitFor();
    await invited.context.close();

    await lead.page.reload();
    await lead.page.waitForSelector('[data-testid=participant]:has-text("已确认参加")');
    await lead.context.close();
  });
});
