import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HubConfig } from '../../server/config';
import { CHROMIUM_PATH, launchChromium, newContext } from './chromium';
import { createTestServer, TestServer } from './test-server';

export { launchChromium, logIn } from './chromium';

/**
 * Real Chromium for the browser tests (see chromium.ts). On a machine without it the browser suites
 * are skipped with a message, except under CI, where a missing browser is a failure.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: .ci/run installs Debian's chromium package`);
  // eslint-disable-next-line no-console
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return false;
}

/** `describe` when Chromium is there, `describe.skip` otherwise. */
export const describeInBrowser: jest.Describe = (chromiumAvailable() ? describe : describe.skip) as jest.Describe;

/** A fresh browser profile (its own storage) opened at `url`, in Chinese unless told otherwise. */
export async function openPage(browser: Browser, url: string, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/**
 * One hub (a fresh database; `{ demo: true }` for the demo county) and one Chromium for a browser suite:
 * started before its tests, handed over through `receive`, closed after them.
 */
export function useBrowserSuite(overrides: Partial<HubConfig>, receive: (started: { server: TestServer; browser: Browser }) => void): void {
  let started: { server?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    const [server, browser] = await Promise.all([createTestServer(overrides), launchChromium()]);
    started = { server, browser };
    receive({ server, browser });
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
}
