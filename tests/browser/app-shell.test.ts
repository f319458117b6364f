import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { describeInBrowser, useBrowserSuite, logIn, openPage } from '../helpers/browser';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';

describeInBrowser('web app shell', () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSuite({ demo: true }, (started) => ({ server, browser } = started));

  it('serves the app for any page path, in Chinese with an English switch, and signs a demo user in', async () => {
    const { context, page } = await openPage(browser, `${server.baseUrl}/some/deep/link`);
    await page.waitForSelector('text=双随机、一公开 协同抽查平台');
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('text=Random Inspection Hub');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click('[data-testid=lang-switch]');

    await logIn(page, server.baseUrl, 'pinglu.operator', DEMO_LOGINS.password);
    await page.waitForSelector('text=张鹏 · 朔州市平鲁区农业农村局');
    await page.waitForSelector('a[href="/console"]');
    await context.close();
  });

  it('shows a login failure with its error code and leaves the user signed out', async () => {
    const { context, page } = await openPage(browser, `${server.baseUrl}/login`);
    await page.fill('input[name=username]', 'pinglu.operator');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    const alert = await page.waitForSelector('[role=alert]');
    expect(await alert.textContent()).toMatch(/[A-Z_]{4,}/);
    expect(await page.evaluate(() => localStorage.getItem('hub.session'))).toBeNull();
    await context.close();
  });

  it('does not shadow the API and file routes', async () => {
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const missingAsset = await fetch(`${server.baseUrl}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
  });
});
