import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import { todayInChina } from '../../server/domain/calendar-date';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';
import { ok } from '../helpers/draw-steps';
import { loginAs } from '../helpers/factories';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const PHONE = { width: 390, height: 844 };

/** The bearer token of a demo-county login. */
const demoToken = (server: TestServer, username: string) => loginAs(server, username, DEMO_LOGINS.password);

describeInBrowser('inspector: my visits on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  /**
   * Only the two inspectors with logins stay eligible (the others are deactivated), and the target is
   * drawn from a township where neither has declared a conflict: the team of a one-target draw is
   * exactly them. The draw stays random; its outcome is known.
   */
  async function onlyInspectorLoginsEligible(adminToken: string): Promise<string> {
    const { inspectors } = await ok(server, `{ inspectors(page: { take: 500 }) { items { id name version active conflicts { target { regionCode } } } } }`, {}, adminToken);
    const conflictRegions = new Set<string>();
    for (const inspector of inspectors.items) {
      if (inspector.name === '赵文斌' || inspector.name === '郭丽芳') {
        for (const conflict of inspector.conflicts) conflictRegions.add(conflict.target?.regionCode);
      } else if (inspector.active) {
        await ok(server, `mutation($id: ID!, $v: Int!) { setInspectorActive(id: $id, active: false, expectedVersion: $v) { id } }`, { id: inspector.id, v: inspector.version }, adminToken);
      }
    }
    const { regions } = await ok(server, `{ regions(parentCode: "140603") { code } }`, {});
    return regions.map((r: { code: string }) => r.code).find((code: string) => !conflictRegions.has(code));
  }

  async function lockedDrawOfOneTarget(township: string): Promise<string> {
    const planner = await demoToken(server, 'pinglu.planner');
    const operator = await demoToken(server, 'pinglu.operator');
    const { inspectionItems } = await ok(server, `{ inspectionItems(filter: { active: true }, page: { take: 1 }) { items { id } } }`, {}, planner);
    const input = {
      name: '饲料经营定向检查', kind: 'DIRECTED', directedReason: '投诉核查', itemIds: [inspectionItems.items[0].id], windowStart: inDays(1), windowEnd: inDays(10),
      segments: [{ label: 'objects/township', filter: { regionCode: township }, fixedCount: 1 }],
    };
    const taskId = (await ok(server, `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input }, planner)).createTask.id;
    const closes = new Date(Date.now() + 800).toISOString();
    const id = (await ok(server, `mutation($t: ID!, $i: ScheduleDrawInput!) { scheduleDraw(taskId: $t, input: $i) { id } }`, { t: taskId, i: { entropyClosesAt: closes, paceMs: 0 } }, operator)).scheduleDraw.id;
    await ok(server, `mutation($id: ID!) { openDraw(id: $id) { status } }`, { id }, operator);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(closes) - Date.now() + 100));
    await ok(server, `mutation($id: ID!) { revealDraw(id: $id) { status } }`, { id }, operator);
    for (let i = 0; i < 100 && (await ok(server, `query($id: ID!) { draw(id: $id) { status } }`, { id }, operator)).draw.status !== 'COMPLETED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await ok(server, `mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id }, operator);
    return id;
  }

  it('shows the visit the inspector is put on as the teams are drawn, with target, team, window and check forms', async () => {
    const township = await onlyInspectorLoginsEligible(await demoToken(server, 'pinglu.admin'));
    const drawId = await lockedDrawOfOneTarget(township);

    const { context, page } = await openPage(browser, `${server.baseUrl}/login`, { viewport: PHONE });
    await logIn(page, server.baseUrl, 'pinglu.inspector1', DEMO_LOGINS.password);
    await page.goto(`${server.baseUrl}/inspector`);
    await page.waitForSelector('text=目前没有分配给您的检查');

    // The teams are drawn while the inspector is looking: the visit arrives live.
    const outcome = await ok(server, `mutation($id: ID!) { drawTeams(drawId: $id) { staffed } }`, { id: drawId }, await demoToken(server, 'pinglu.operator'));
    expect(outcome.drawTeams.staffed).toBe(1);
    await page.waitForSelector('text=新分配', { timeout: 20_000 });
    const visit = page.locator('[data-testid=my-visit]');
    await visit.waitFor();
    const text = (await visit.textContent())!;
    expect(text).toContain('赵文斌');
    expect(text).toContain('郭丽芳');
    expect(text).toContain('组长');
    expect(text).toContain(`${inDays(1)} — ${inDays(10)}`);
    expect(text).toContain('地址');

    // An item opens to its check form.
    await visit.locator('summary').first().click();
    await visit.locator('.checkpoint').first().waitFor();

    // Nothing spills sideways on the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // A reload lists it from myVisits too.
    await page.reload();
    await page.locator('[data-testid=my-visit]').waitFor();
    await context.close();
  });
});
