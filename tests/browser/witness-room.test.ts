import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { createTask, drawFixture } from '../helpers/draw-fixture';
import { addTargets, DRAW_RECORD, ok, openDraw, reveal, schedule, sha256, waitForWindow } from '../helpers/draw-steps';
import { describeInBrowser, useBrowserSuite, openPage } from '../helpers/browser';
import type { TestServer } from '../helpers/test-server';

/**
 * The live draw room in Chromium, for a witness with nothing but an invitation link: joining,
 * contributing entropy, watching the picks arrive and seeing the browser verify the draw — also when
 * the connection drops in the middle of the draw.
 */
const INVITE = `mutation($id: ID!, $name: String!) { inviteWitness(drawId: $id, input: { displayName: $name, organisation: "派驻纪检组", validHours: 2 }) { invitePath } }`;

interface ShownPick { index: number; segment: string; id: string }

/** Every row of the windowed pick list, read by scrolling it from top to bottom. */
async function shownPicks(page: Page): Promise<ShownPick[]> {
  return page.evaluate(async () => {
    const list = document.querySelector('[data-testid=pick-list]') as HTMLElement;
    const seen = new Map<number, { index: number; segment: string; id: string }>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let top = 0; ; top += Math.floor(list.clientHeight / 2)) {
      list.scrollTop = top;
      list.dispatchEvent(new Event('scroll'));
      await frame();
      for (const row of list.querySelectorAll('[data-testid=pick-row]')) {
        const index = Number(row.getAttribute('data-index'));
        seen.set(index, { index, segment: row.getAttribute('data-segment') ?? '', id: row.getAttribute('data-id') ?? '' });
      }
      if (top + list.clientHeight >= list.scrollHeight) break;
    }
    return [...seen.values()].sort((a, b) => a.index - b.index);
  });
}

/** The record's picks in draw order, as the room lists them. */
const recordRows = (record: { segments: { label: string; picks: string[] }[] }): ShownPick[] =>
  record.segments.flatMap((s) => s.picks.map((id) => ({ segment: s.label, id }))).map((p, index) => ({ index, ...p }));

const pickCount = async (page: Page) => Number(await page.textContent('[data-testid=pick-count]'));

describeInBrowser('live draw room', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({}, (started) => ({ server, browser } = started));

  test('a witness by invitation joins, contributes entropy, watches the picks arrive and sees the draw verified', async () => {
    const f = await drawFixture(server, { targets: 30 });
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, fixedCount: 5 }]);
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 8000, paceMs: 400, batchSize: 2 });
    await openDraw(server, f.operator.token, draw.id);
    const { invitePath } = (await ok(server, INVITE, { id: draw.id, name: '纪检组 王监督' }, f.operator.token)).inviteWitness;
    expect(invitePath).toMatch(new RegExp(`^/draws/${draw.id}/room\\?invite=`));

    const { context, page } = await openPage(browser, `${server.baseUrl}${invitePath}`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.waitForSelector('[data-testid=connection][data-state=connected]');
    // Before the draw: the task, the commitment, the segment, the window and who is invited.
    await page.waitForSelector('text=2026年农资经营专项检查');
    expect(await page.textContent('[data-testid=commitment-value]')).toBe(draw.commitment);
    const segment = await page.textContent('[data-testid=segment]');
    expect(segment).toContain('objects/individual');
    expect(segment).toContain(draw.segments[0].poolDigest);
    expect(segment).toContain(String(draw.segments[0].poolSize));
    expect(await page.getAttribute('[data-testid=witness]', 'data-joined')).toBe('false');
    expect(await pickCount(page)).toBe(0);
    expect(await page.getAttribute('[data-testid=verify-status]', 'data-state')).toBe('pending');

    // Joining shows who the witness is, and everyone sees them present (the event comes back live).
    await page.click('[data-testid=join-draw]');
    expect(await page.textContent('[data-testid=me]')).toContain('纪检组 王监督');
    await page.waitForSelector('[data-testid=witness][data-joined=true]');

    const text = '随手写下 739 2026';
    await page.fill('[data-testid=entropy-input]', text);
    await page.click('[data-testid=entropy-submit]');
    const item = await page.waitForSelector('[data-testid=entropy-item]');
    expect(await item.textContent()).toContain(text);
    expect(await item.getAttribute('data-digest')).toBe(sha256(text));
    expect(await page.inputValue('[data-testid=entropy-input]')).toBe('');

    // After the window closes the server refuses: the error is shown with its code, and the text stays.
    await waitForWindow(server, f.operator.token, draw.id);
    await page.fill('[data-testid=entropy-input]', '来晚了');
    await page.click('[data-testid=entropy-submit]');
    expect(await (await page.waitForSelector('[data-testid=entropy] [role=alert]')).textContent()).toContain('ENTROPY_WINDOW_CLOSED');
    expect(await page.inputValue('[data-testid=entropy-input]')).toBe('来晚了');
    expect(await page.$$('[data-testid=entropy-item]')).toHaveLength(1);

    const revealed = await reveal(server, f.operator.token, draw.id);
    expect(revealed.data.revealDraw.status).toBe('DRAWING');
    // A small draw watched live shows its picks one at a time: the count climbs through each value.
    const counts = new Set<number>();
    while ((await pickCount(page)) < 5) {
      counts.add(await pickCount(page));
      await page.waitForTimeout(100);
    }
    expect(counts.size).toBeGreaterThanOrEqual(3);
    await page.waitForSelector('[data-testid=verify-status][data-state=verified]', { timeout: 20000 });
    expect(await page.textContent('[data-testid=verify-status]')).toContain('已验证');

    const { drawRecord } = await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token);
    expect(drawRecord.entropy.map((e: { text: string }) => e.text)).toEqual([text]);
    expect(await shownPicks(page)).toEqual(recordRows(drawRecord));
    expect(await page.getAttribute('[data-testid=draw-phase]', 'data-phase')).toBe('COMPLETED');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a connection dropped while the picks stream resumes from the last event: nothing missed, nothing repeated', async () => {
    const f = await drawFixture(server, { targets: 200, capPercent: 60 });
    await addTargets(server, f.planner.token, Array.from({ length: 8 }, () => ({ riskLevel: 'HIGH' as const })));
    const taskId = await createTask(server, f.planner.token, f.itemId, [
      { label: 'objects/high-risk', filter: { riskLevels: ['HIGH'] }, fixedCount: 4 },
      { label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, fixedCount: 106 },
    ]);
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 4000, paceMs: 120, batchSize: 3 });
    await openDraw(server, f.operator.token, draw.id);
    const { invitePath } = (await ok(server, INVITE, { id: draw.id, name: '纪检组 李见证' }, f.operator.token)).inviteWitness;

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 }, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    // The room's socket goes through a proxy that records what the room subscribes with and can cut it.
    const sockets: { route: WebSocketRoute; server: WebSocketRoute }[] = [];
    const subscriptions: { afterSeq: number }[] = [];
    await page.routeWebSocket(/\/graphql$/, (route) => {
      const upstream = route.connectToServer();
      route.onMessage((message) => {
        const parsed = JSON.parse(String(message));
        if (parsed.type === 'subscribe') subscriptions.push(parsed.payload.variables);
        upstream.send(message);
      });
      sockets.push({ route, server: upstream });
    });
    await page.goto(`${server.baseUrl}${invitePath}`);
    await page.waitForSelector('[data-testid=connection][data-state=connected]');
    await page.evaluate(() => {
      const indicator = document.querySelector('[data-testid=connection]')!;
      const states: string[] = [];
      (window as unknown as { connectionStates: string[] }).connectionStates = states;
      new MutationObserver(() => states.push(indicator.getAttribute('data-state') ?? '')).observe(indicator, { attributes: true, attributeFilter: ['data-state'] });
    });

    await waitForWindow(server, f.operator.token, draw.id);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('DRAWING');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=pick-count]')?.textContent) >= 20);
    const before = await pickCount(page);
    expect(before).toBeLessThan(110);
    const cut = sockets[sockets.length - 1];
    await Promise.all([cut.route.close({ code: 1006, reason: 'network lost' }), cut.server.close()]);

    await page.waitForFunction(() => document.querySelector('[data-testid=pick-count]')?.textContent === '110', undefined, { timeout: 30000 });
    await page.waitForSelector('[data-testid=verify-status][data-state=verified]', { timeout: 30000 });
    await page.waitForSelector('[data-testid=connection][data-state=connected]');

    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(subscriptions[0].afterSeq).toBe(0);
    // The resumed subscription starts after the last event the room had applied, never from the start.
    const resumedFrom = subscriptions[subscriptions.length - 1].afterSeq;
    expect(resumedFrom).toBeGreaterThan(3);
    expect(await page.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates)).toEqual(expect.arrayContaining(['reconnecting', 'connected']));

    const { drawRecord } = await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token);
    const shown = await shownPicks(page);
    expect(shown).toHaveLength(110);
    expect(shown).toEqual(recordRows(drawRecord));
    expect(await pickCount(page)).toBe(110);
    await context.close();
  });

  test('an invalid invitation is refused with its error code', async () => {
    const { context, page } = await openPage(browser, `${server.baseUrl}/draws/1/room?invite=not-a-real-invitation`);
    expect(await (await page.waitForSelector('[role=alert]')).textContent()).toContain('INVITE_INVALID');
    await context.close();
  });
});
