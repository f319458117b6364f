import fs from 'node:fs';
import path from 'node:path';
import express, { Express } from 'express';

/** The project root: the nearest folder above this module (in src/ or dist/) that holds package.json. */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const clientDistDir = (): string => path.join(projectRoot(__dirname), 'client', 'dist');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Web client not built</title>
<p>网页端尚未构建：请运行 <code>npm run build:client</code>（<code>npm start</code> 会自动构建）。</p>
<p>The web client is not built: run <code>npm run build:client</code> (<code>npm start</code> builds it).</p>`;

/**
 * Serves the built web app: hashed assets cached for a year, and index.html for every other page path so
 * that invite links such as /draws/{id}/room?invite=… open the app. API and file paths are never shadowed.
 */
export function mountClient(app: Express, dir: string = clientDistDir()): void {
  app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  const reserved = /^\/(graphql|files|healthz|readyz|assets)(\/|$)/;
  app.get(/.*/, (req, res, next) => {
    if (reserved.test(req.path)) return next();
    const index = path.join(dir, 'index.html');
    res.setHeader('cache-control', 'no-cache');
    if (!fs.existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.sendFile(index);
  });
}
