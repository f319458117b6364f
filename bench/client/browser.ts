import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { logIn, newContext } from '../../tests/helpers/chromium';

export { DESKTOP, launchChromium, newContext } from '../../tests/helpers/chromium';

/** The browser storage of a user signed in through the form (the session the app keeps in localStorage). */
export async function signedInState(browser: Browser, baseUrl: string, username: string, password: string) {
  const context = await newContext(browser);
  await logIn(await context.newPage(), baseUrl, username, password);
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * Every JavaScript file a context downloads, gzipped. Why measured this way rather than from Vite's
 * manifest: the page's real load is the set a user gets — the entry, its preloads, the lazy page
 * chunk and whatever the page imports on load (echarts on the dashboard, a worker) — with no rule of
 * ours deciding which chunks count. The hub serves files uncompressed, so each fetched body is
 * gzipped here (level 9) as a compressing proxy would send it.
 */
export function recordScripts(context: BrowserContext) {
  const bodies = new Map<string, Promise<Buffer | null>>();
  context.on('response', (response) => {
    const url = new URL(response.url());
    const isScript = url.pathname.endsWith('.js') || /javascript/.test(response.headers()['content-type'] ?? '');
    if (!isScript || response.status() !== 200 || bodies.has(url.pathname)) return;
    bodies.set(url.pathname, response.body().catch(() => null));
  });
  return {
    async gzipKb(): Promise<{ kb: number; files: { path: string; kb: number }[] }> {
      const files = [];
      for (const [file, body] of bodies) {
        const bytes = await body;
        if (!bytes) throw new Error(`the body of ${file} could not be read`);
        files.push({ path: file, kb: gzipSync(bytes, { level: 9 }).length / 1024 });
      }
      const kb = files.reduce((sum, f) => sum + f.kb, 0);
      return { kb: Math.round(kb * 10) / 10, files: files.map((f) => ({ path: f.path, kb: Math.round(f.kb * 10) / 10 })) };
    },
  };
}
