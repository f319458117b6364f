import 'reflect-metadata';
import '../server/graphql/enums';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, recordScripts, signedInState } from './client/browser';
import { benchCounty } from './client/county';
import { FRAME_PROBE_SCRIPT, frameIntervals, pageNow, percentile } from './client/frame-probe';
import { BenchHub, OPS, sleep, startHub } from './client/hub';

/**
 * `npm run bench:client`: what the web client costs the people who use it.
 *
 * A hub in this process (SQLite in a temp folder) with a county of 55,000 targets and a task drawing
 * 50,000 of them. In Chromium, a witness opens the room by invitation link; the operator reveals a
 * draw that streams the 50,000 picks in batches of 400 every 120 ms (~15 s); a requestAnimationFrame
 * probe records frame times until the room's pick counter (`[data-testid=pick-count]`) says 50000.
 * Then a supervisor opens the dashboard. For both pages, every script the page downloads is gzipped
 * and summed (see recordScripts).
 *
 * stderr: progress and the per-file sizes. stdout, last line:
 * `{"bench":"client","witnessJsKbGzip","dashboardJsKbGzip","picksRendered","frameMsP95"}`.
 * Goals: witness room ≤ 250 KB, dashboard ≤ 600 KB, frames ≤ 50 ms at p95 (printed, not asserted).
 */
const TARGETS = 55_000;
const PICKS = 50_000;
const BATCH = 400;
const PACE_MS = 120;
/** Long enough for Chromium to load the room before the reveal is allowed. */
const ENTROPY_WINDOW_MS = 15_000;
const ROOM_TIMEOUT_MS = 60_000;
const STREAM_TIMEOUT_MS = 5 * 60_000;
const VERIFY_TIMEOUT_MS = 2 * 60_000;

const log = (...args: unknown[]) => console.error('[client]', ...args);
const PICK_COUNT = '[data-testid=pick-count]';

function logFiles(page: string, measured: { kb: number; files: { path: string; kb: number }[] }) {
  log(`${page}: ${measured.kb} KB gzipped in ${measured.files.length} scripts`);
  for (const f of [...measured.files].sort((a, b) => b.kb - a.kb)) log(`  ${f.kb.toFixed(1).padStart(7)} KB  ${f.path}`);
}

/** The witness room through a draw of PICKS: the scripts it downloaded, and frame times while the picks streamed. */
async function witnessRoom(hub: BenchHub, browser: Browser, operatorToken: string, taskId: string) {
  const scheduled = (await hub.gql(OPS.scheduleDraw, {
    task: taskId, input: { entropyClosesAt: new Date(Date.now() + ENTROPY_WINDOW_MS).toISOString(), paceMs: PACE_MS, batchSize: BATCH },
  }, operatorToken)).scheduleDraw;
  log(`draw ${scheduled.id} scheduled: pool ${scheduled.segments[0].poolSize}, ${scheduled.segments[0].count} picks in batches of ${BATCH} every ${PACE_MS} ms`);
  await hub.gql(OPS.openDraw, { id: scheduled.id }, operatorToken);
  const invite = (await hub.gql(OPS.inviteWitness, { id: scheduled.id, input: { displayName: '乔永忠', organisation: '派驻纪检组', validHours: 2 } }, operatorToken)).inviteWitness;
  const roomUrl = `${hub.baseUrl}${invite.invitePath ?? `/draws/${scheduled.id}/room?invite=${encodeURIComponent(invite.inviteToken)}`}`;

  const context = await newContext(browser);
  const scripts = recordScripts(context);
  await context.addInitScript({ content: FRAME_PROBE_SCRIPT });
  const page = await context.newPage();
  page.on('pageerror', (error) => log('room page error:', error.message));
  log(`opening ${roomUrl}`);
  await page.goto(roomUrl, { waitUntil: 'networkidle' });
  await page.waitForSelector(PICK_COUNT, { state: 'attached', timeout: ROOM_TIMEOUT_MS });

  await sleep(Math.max(0, Date.parse(scheduled.entropyClosesAt) - Date.now() + 50));
  const from = await pageNow(page);
  const started = Date.now();
  await hub.gql(OPS.revealDraw, { id: scheduled.id }, operatorToken);
  log('revealed; waiting for the room to count every pick');
  const progress = setInterval(() => void page.textContent(PICK_COUNT).then((n) => log(`  ${n} picks in the room`), () => undefined), 3000);
  let to: number;
  try {
    // Polled every 200 ms rather than per frame, so the wait does not add work to the frames it measures.
    to = (await (await page.waitForFunction(
      `document.querySelector('${PICK_COUNT}')?.textContent?.trim() === '${PICKS}' ? performance.now() : false`,
      undefined, { polling: 200, timeout: STREAM_TIMEOUT_MS },
    )).jsonValue()) as number;
  } finally {
    clearInterval(progress);
  }
  log(`all ${PICKS} picks in the room ${((Date.now() - started) / 1000).toFixed(1)} s after the reveal`);
  const intervals = await frameIntervals(page, from, to);
  const picksRendered = Number((await page.textContent(PICK_COUNT))?.trim());
  await waitForVerification(page);
  await page.waitForLoadState('networkidle');
  const js = await scripts.gzipKb();
  await context.close();
  return { js, intervals, picksRendered };
}

/** The room checks the draw once it completes: reported, not measured (the frames stop at the last pick). */
async function waitForVerification(page: Page) {
  const started = Date.now();
  const state = await page.waitForFunction(
    `(() => { const s = document.querySelector('[data-testid=verify-status]')?.getAttribute('data-state'); return s && s !== 'pending' ? s : false; })()`,
    undefined, { polling: 500, timeout: VERIFY_TIMEOUT_MS },
  ).then((h) => h.jsonValue(), async () => ((await page.$('[data-testid=verify-status]')) ? 'still pending' : 'no [data-testid=verify-status] in the room'));
  log(`room verification: ${state} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The dashboard as a supervisor opens it: signed in, charts drawn, network quiet. */
async function dashboard(hub: BenchHub, browser: Browser, supervisor: { username: string; password: string }) {
  const storageState = await signedInState(browser, hub.baseUrl, supervisor.username, supervisor.password);
  const context = await newContext(browser, { storageState });
  const scripts = recordScripts(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => log('dashboard page error:', error.message));
  await page.goto(`${hub.baseUrl}/dashboard`, { waitUntil: 'networkidle' });
  // echarts draws into a canvas: once one is there the charts' code has been loaded and run.
  await page.waitForSelector('canvas', { timeout: 30_000 }).catch(() => log('warning: the dashboard drew no chart (no canvas within 30 s)'));
  await page.waitForLoadState('networkidle');
  const js = await scripts.gzipKb();
  await context.close();
  return js;
}

async function main() {
  const started = Date.now();
  const hub = await startHub({ demo: false });
  let browser: Browser | null = null;
  try {
    log(`hub at ${hub.baseUrl}; writing ${TARGETS} targets`);
    const county = await benchCounty(hub, TARGETS, PICKS);
    browser = await launchChromium();
    const room = await witnessRoom(hub, browser, county.operatorToken, county.taskId);
    logFiles('witness room', room.js);
    const board = await dashboard(hub, browser, county.supervisor);
    logFiles('dashboard', board);
    const frameMsP95 = Math.round(percentile(room.intervals, 95) * 10) / 10;
    log(`${room.intervals.length} frames while streaming: p50 ${percentile(room.intervals, 50).toFixed(1)} ms, p95 ${frameMsP95} ms, max ${Math.max(...room.intervals).toFixed(1)} ms; run took ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(JSON.stringify({ bench: 'client', witnessJsKbGzip: room.js.kb, dashboardJsKbGzip: board.kb, picksRendered: room.picksRendered, frameMsP95 }));
  } finally {
    await browser?.close();
    await hub.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
