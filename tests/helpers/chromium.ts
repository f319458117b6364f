import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * Chromium as the browser tests and the client bench drive it: Debian's `chromium` package (.ci/run
 * installs it), headless, a window in Chinese on Beijing time. No jest here, so benches can use it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const DESKTOP = { width: 1280, height: 860 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A fresh profile: its own storage and HTTP cache. */
export function newContext(browser: Browser, options: { locale?: string; viewport?: { width: number; height: number }; storageState?: StorageState } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: options.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: options.viewport ?? DESKTOP, storageState: options.storageState });
}

/** Signs in through the login form, as a user would. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit]')]);
}
