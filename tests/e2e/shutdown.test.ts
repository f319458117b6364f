import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { HEADER_ROW, targetRows } from '../helpers/target-rows';
import { sheetBytes } from '../helpers/imports';

/**
 * The real `node dist/server/index.js` (built by `npm test`'s pretest step) with the README's
 * defaults: embedded SQLite, demo data. SIGTERM must let a running upload finish, close
 * subscriptions cleanly and exit 0.
 */
const entry = path.resolve(__dirname, '../../dist/server/index.js');
jest.setTimeout(60000);

function startHub(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 45000);
    child.stdout!.on('data', () => {
      const match = /GraphQL:\s+(http:\/\/\S+\/graphql)/.exec(output);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1], output: () => output }); }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${output}`)));
  });
}

test('the quick-start hub prints its URL and demo logins, and SIGTERM drains work before exiting', async () => {
  expect(fs.existsSync(entry)).toBe(true);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-shutdown-'));
  const hub = await startHub(dataDir);
  try {
    expect(hub.output()).toContain('pinglu.admin');
    expect(hub.output()).toContain('demo-2026-pass');
    expect(hub.output()).not.toMatch(/"msg":"[^"]*token[^"]*"[^\n]*[A-Za-z0-9_-]{43}/);
    const base = hub.url.replace(/\/graphql$/, '');
    const gql = async (query: string, token?: string) => (await (await fetch(hub.url, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }),
    })).json()) as any;
    const token = (await gql('mutation { login(username: "pinglu.planner", password: "demo-2026-pass") { token } }')).data.login.token;
    const job = (await gql('mutation { startImport(kind: TARGETS, fileName: "slow.csv") { id uploadUrl } }', token)).data.startImport;

    const client = createClient({ url: hub.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    let live!: () => void;
    const subscribed = new Promise<void>((r) => (live = r));
    const subscription = new Promise<{ statuses: string[]; ended: string }>((resolve) => {
      const statuses: string[] = [];
      client.subscribe<any>({ query: `subscription { importProgress(jobId: ${job.id}) { status } }` }, {
        next: (v) => { statuses.push(v.data?.importProgress.status); live(); },
        error: () => resolve({ statuses, ended: 'error' }),
        complete: () => resolve({ statuses, ended: 'complete' }),
      });
    });

    await subscribed;
    // An upload that is still arriving when the signal comes.
    const bytes = await sheetBytes('csv', [HEADER_ROW, ...targetRows(500, '140603')]);
    let release!: () => void;
    const halfSent = new Promise<void>((r) => (release = r));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes.subarray(0, bytes.length >> 1));
        release();
        await new Promise((r) => setTimeout(r, 1500));
        controller.enqueue(bytes.subarray(bytes.length >> 1));
        controller.close();
      },
    });
    const upload = fetch(base + job.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body, duplex: 'half' } as RequestInit);
    await halfSent;
    await new Promise((r) => setTimeout(r, 200));
    const exited = new Promise<number | null>((resolve) => hub.child.on('exit', resolve));
    hub.child.kill('SIGTERM');

    const response = await upload;
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).status).toBe('SUCCEEDED');
    expect(await exited).toBe(0);
    const { statuses, ended } = await subscription;
    expect(statuses[0]).toBe('WAITING_FOR_FILE');
    expect(['complete', 'error']).toContain(ended);
    expect(hub.output()).toContain('"msg":"shutting down","signal":"SIGTERM"');
    expect(hub.output()).toContain('"msg":"hub stopped"');
    await client.dispose();
  } finally {
    if (hub.child.exitCode === null) hub.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
