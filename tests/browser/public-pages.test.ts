import type { Browser } from 'playwright-core';
import { createTask, drawFixture } from '../helpers/draw-fixture';
import { addTargets, contribute, DRAW_RECORD, inviteByLink, ok, openDraw, picksOf, reveal, runDraw, schedule, waitForCompletion, waitForWindow } from '../helpers/draw-steps';
import { describeInBrowser, useBrowserSuite, openPage } from '../helpers/browser';
import type { TestServer } from '../helpers/test-server';

/** The public pages, read without logging in: the announcements, and one draw checked in the reader's browser. */
describeInBrowser('public announcement pages', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({}, (started) => ({ server, browser } = started));

  test('an announced draw is listed on /public and its page verifies the draw in the browser', async () => {
    const f = await drawFixture(server, { targets: 40 });
    await addTargets(server, f.planner.token, [{ riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }]);
    const taskId = await createTask(server, f.planner.token, f.itemId, [
      { label: 'objects/high-risk', filter: { riskLevels: ['HIGH'] }, fixedCount: 2 },
      { label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, fixedCount: 7 },
    ], { name: '2026年春季农资公开抽查' });
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1500 });
    // Entropy from a witness, so the record's seed depends on more than the secret.
    const invite = await inviteByLink(server, f.operator.token, draw.id);
    await openDraw(server, f.operator.token, draw.id);
    expect((await contribute(server, draw.id, '公开见证 8812', invite)).errors).toBeUndefined();
    await waitForWindow(server, f.operator.token, draw.id);
    expect((await reveal(server, f.operator.token, draw.id)).errors).toBeUndefined();
    await waitForCompletion(server, f.operator.token, draw.id);
    await ok(server, `mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: draw.id }, f.operator.token);
    const { drawRecord } = await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token);
    const { totalItems } = await picksOf(server, f.operator.token, draw.id);
    expect(totalItems).toBe(9);

    const { context, page } = await openPage(browser, `${server.baseUrl}/public`);
    const entry = await page.waitForSelector(`[data-testid=announcement][data-draw-id="${draw.id}"]`);
    expect(await entry.textContent()).toContain('2026年春季农资公开抽查');
    expect(await entry.textContent()).toContain('9');
    await page.click(`[data-testid=announcement][data-draw-id="${draw.id}"] h2 a`);
    await page.waitForURL(`${server.baseUrl}/public/draws/${draw.id}`);

    await page.waitForSelector('[data-testid=verify-status][data-state=verified]', { timeout: 20000 });
    expect(await page.textContent('[data-testid=verify-status]')).toContain('已验证');
    expect(await page.textContent('[data-testid=announcement-detail]')).toContain(drawRecord.commitment);
    const rows = await page.$$eval('[data-testid=pick-row]', (els) => els.map((el) => [el.getAttribute('data-segment'), el.getAttribute('data-id')]));
    expect(rows).toEqual(drawRecord.segments.flatMap((s: { label: string; picks: string[] }) => s.picks.map((id) => [s.label, id])));
    expect(await page.textContent('[data-testid=record]')).toContain('公开见证 8812');

    // The record link is the public file, readable without login.
    const href = await page.getAttribute('[data-testid=record-link]', 'href');
    expect(href).toBe(`/files/draws/${draw.id}/record.json`);
    const file = await fetch(`${server.baseUrl}${href}`);
    expect(file.status).toBe(200);
    expect((await file.json()).seed).toBe(drawRecord.seed);

    // In English too.
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('[data-testid=verify-status] >> text=Verified');
    await context.close();
  });

  test('a draw that is not announced has no public page: the error is shown with its code', async () => {
    const f = await drawFixture(server, { targets: 10 });
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/x', filter: {}, fixedCount: 2 }]), { closeMs: 500 });
    await runDraw(server, f.operator.token, draw.id);
    const { context, page } = await openPage(browser, `${server.baseUrl}/public/draws/${draw.id}`);
    expect(await (await page.waitForSelector('[role=alert]')).textContent()).toContain('NOT_FOUND');
    await context.close();
  });
});
