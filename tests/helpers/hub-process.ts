import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HubConfig } from '../../server/config';

/**
 * The real `node dist/server/index.js` (built by `npm test`'s pretest step, or `npx tsc -p tsconfig.json`)
 * as a child process on a given database, for tests that kill or stop a hub the way an operating
 * system would. Demo data is off; the database is one a test server already prepared.
 */
export const HUB_ENTRY = path.resolve(__dirname, '../../dist/server/index.js');
export const DRAW_CLI = path.resolve(__dirname, '../../dist/server/cli/draw.js');

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<{ data?: T; errors?: any[] }>;
}

export function databaseUrlOf(database: HubConfig['database']): string {
  return database.kind === 'sqlite' ? `sqlite:${database.file}` : database.url;
}

export function startHubProcess(database: HubConfig['database'], env: Record<string, string> = {}): Promise<HubProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-process-'));
  const child = spawn(process.execPath, [HUB_ENTRY], {
    env: { ...process.env, DATABASE_URL: databaseUrlOf(database), REDIS_URL: '', DEMO: '0', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    resolve(code ?? signal);
  }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 45000);
    child.stdout!.on('data', () => {
      const match = /GraphQL:\s+(http:\/\/\S+\/graphql)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        child, url, exited, output: () => output,
        async gql(query, variables = {}, token) {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
          return (await res.json()) as any;
        },
      });
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`hub exited with ${code}:\n${output}`)); });
  });
}
