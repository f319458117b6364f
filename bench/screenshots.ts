import 'reflect-metadata';
import '../server/graphql/enums';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_LOGINS } from '../server/demo/demo-logins';
import { DESKTOP, launchChromium, newContext, signedInState } from './client/browser';
import { BenchHub, chinaYear, OPS, sleep, startHub } from './client/hub';

/**
 * The README's screenshots (not a benchmark; it lives in bench/ because that folder is compiled):
 * `npm run build && npm run build:client && node dist/bench/screenshots.js [outDir]`.
 *
 * A hub with the demo county (SQLite in a temp folder) runs a short live draw the way the bureau
 * would: the planner sets up a directed task from the demo catalog, the operator schedules, opens
 * and reveals it while a witness watches by invitation link, then confirms it (announcement, visits)
 * and draws the teams. The pages are then photographed in Chinese into docs/screenshots/:
 * witness-room, dashboard, console-directories, console-draws (the operator's view of that draw),
 * public-draw (1280×860) and inspector (390×844, a phone).
 */
const OUT_DIR = path.resolve(process.argv[2] ?? 'docs/screenshots');
const PHONE = { width: 390, height: 844 };
const PAGE_TIMEOUT_MS = 30_000;
/** Time for the witness to open the room, join and add entropy. */
const ENTROPY_WINDOW_MS = 12_000;
const log = (...args: unknown[]) => console.error('[screenshots]', ...args);

/** The page has loaded its data: no request in flight and no loading notice left. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(`!document.querySelector('[role=status].muted')`, undefined, { timeout: PAGE_TIMEOUT_MS }).catch(() => log(`warning: ${page.url()} still shows a loading notice`));
  // Charts animate in; fonts settle.
  await sleep(1200);
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  log(`${file}`);
}

/** A signed-in user's page at `pathname`, photographed once it has settled. */
async function pageAs(browser: Browser, hub: BenchHub, username: string, pathname: string, name: string, viewport = DESKTOP): Promise<void> {
  const storageState = await signedInState(browser, hub.baseUrl, username, DEMO_LOGINS.password);
  const context = await newContext(browser, { viewport, storageState });
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`${name}: page error: ${error.message}`));
  await page.goto(`${hub.baseUrl}${pathname}`);
  await settled(page);
  await shoot(page, name);
  await context.close();
}

/** A directed task of 平鲁区 over its pesticide dealers, from the demo catalog's pesticide item. */
async function demoTask(hub: BenchHub, plannerToken: string): Promise<string> {
  const { inspectionItems } = await hub.gql('{ inspectionItems(page: { take: 200 }) { items { id active current { name kind categoryCode ratioMaxPercent } } } }', {}, plannerToken);
  type Item = { id: string; active: boolean; current: { name: string; kind: string; categoryCode: string; ratioMaxPercent: number | null } };
  const items = inspectionItems.items as Item[];
  const item = items.find((i) => i.active && i.current.categoryCode === 'PESTICIDES') ?? items.find((i) => i.active);
  if (!item) throw new Error('the demo catalog has no active item');
  const ratioPercent = Math.min(5, item.current.ratioMaxPercent ?? 5);
  const year = chinaYear();
  const { createTask } = await hub.gql(OPS.createTask, {
    input: {
      name: `${year}年农药经营主体专项抽查`, kind: 'DIRECTED', directedReason: '春耕期间群众反映农药价格与标签问题较多，开展专项检查', itemIds: [item.id],
      windowStart: `${year}-12-01`, windowEnd: `${year}-12-31`,
      segments: [{ label: 'objects/pesticide-dealers', filter: { specialDirectories: ['PESTICIDE_DEALER'] }, ratioPercent }],
    },
  }, plannerToken);
  log(`task ${createTask.id}: ${item.current.name}, ${ratioPercent} % of the pesticide dealers`);
  return createTask.id;
}

/**
 * The live draw with a witness in the room: the witness joins and adds entropy before the window
 * closes, then watches the picks until the room has checked them. Returns the draw and the room.
 */
async function witnessedDraw(browser: Browser, hub: BenchHub, operatorToken: string, taskId: string): Promise<{ drawId: string; room: Page }> {
  const scheduled = (await hub.gql(OPS.scheduleDraw, { task: taskId, input: { entropyClosesAt: new Date(Date.now() + ENTROPY_WINDOW_MS).toISOString(), paceMs: 400, batchSize: 3 } }, operatorToken)).scheduleDraw;
  await hub.gql(OPS.openDraw, { id: scheduled.id }, operatorToken);
  const invite = (await hub.gql(OPS.inviteWitness, { id: scheduled.id, input: { displayName: '乔永忠', organisation: '平鲁区纪委监委派驻纪检组', validHours: 2 } }, operatorToken)).inviteWitness;
  const context = await newContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`witness-room: page error: ${error.message}`));
  await page.goto(`${hub.baseUrl}${invite.invitePath ?? `/draws/${scheduled.id}/room?invite=${encodeURIComponent(invite.inviteToken)}`}`);
  await page.click('[data-testid=join-draw]', { timeout: PAGE_TIMEOUT_MS });
  await page.waitForSelector('[data-testid=me]');
  await page.fill('[data-testid=entropy-input]', '纪检组现场随手写下：20261123-738205');
  await page.click('[data-testid=entropy-submit]');
  await page.waitForSelector('[data-testid=entropy-item]');
  await sleep(Math.max(0, Date.parse(scheduled.entropyClosesAt) - Date.now() + 50));
  await hub.gql(OPS.revealDraw, { id: scheduled.id }, operatorToken);
  const total = scheduled.segments[0].count as number;
  log(`draw ${scheduled.id} revealed: ${total} picks from a pool of ${scheduled.segments[0].poolSize}`);
  await page.waitForFunction(`document.querySelector('[data-testid=pick-count]')?.textContent?.trim() === '${total}'`, undefined, { polling: 250, timeout: 120_000 });
  const state = await page.waitForFunction(
    `(() => { const s = document.querySelector('[data-testid=verify-status]')?.getAttribute('data-state'); return s && s !== 'pending' ? s : false; })()`,
    undefined, { polling: 250, timeout: 120_000 },
  ).then((h) => h.jsonValue(), () => 'pending');
  if (state !== 'verified') log(`warning: the room's check says ${state}`);
  return { drawId: scheduled.id, room: page };
}

/** Once the operator has confirmed the draw, the witness acknowledges it; the room is photographed then. */
async function acknowledgeAndShoot(room: Page): Promise<void> {
  await room.click('[data-testid=acknowledge-draw]', { timeout: PAGE_TIMEOUT_MS });
  await room.waitForSelector('[data-testid=acknowledge-draw]', { state: 'detached' });
  await settled(room);
  await shoot(room, 'witness-room');
  await room.context().close();
}

async function waitForStatus(hub: BenchHub, token: string, drawId: string, status: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if ((await hub.gql('query($id: ID!) { draw(id: $id) { status } }', { id: drawId }, token)).draw.status === status) return;
    await sleep(250);
  }
  throw new Error(`draw ${drawId} did not reach ${status}`);
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const hub = await startHub({ demo: true });
  let browser: Browser | null = null;
  try {
    const plannerToken = await hub.login('pinglu.planner', DEMO_LOGINS.password);
    const operatorToken = await hub.login('pinglu.operator', DEMO_LOGINS.password);
    browser = await launchChromium();
    const taskId = await demoTask(hub, plannerToken);
    const { drawId, room } = await witnessedDraw(browser, hub, operatorToken, taskId);

    await waitForStatus(hub, operatorToken, drawId, 'COMPLETED');
    await hub.gql('mutation($id: ID!) { lockDraw(id: $id) { status } }', { id: drawId }, operatorToken);
    const { drawTeams } = await hub.gql('mutation($id: ID!) { drawTeams(drawId: $id) { visits staffed unstaffedCount } }', { id: drawId }, operatorToken);
    log(`draw ${drawId} confirmed; teams: ${drawTeams.staffed} of ${drawTeams.visits} visits staffed`);
    await acknowledgeAndShoot(room);

    await pageAs(browser, hub, 'shuozhou.supervisor', '/dashboard', 'dashboard');
    await pageAs(browser, hub, 'pinglu.planner', '/console/directories', 'console-directories');
    await pageAs(browser, hub, 'pinglu.operator', `/console/draws?draw=${drawId}`, 'console-draws');
    await pageAs(browser, hub, 'pinglu.inspector1', '/inspector', 'inspector', PHONE);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${hub.baseUrl}/public/draws/${drawId}`);
    await settled(page);
    await shoot(page, 'public-draw');
    await context.close();
  } finally {
    await browser?.close();
    await hub.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
