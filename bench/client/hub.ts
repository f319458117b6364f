import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, HubApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';

/**
 * A real hub in this process, on an SQLite file of its own in a temp folder, as the tests start one
 * (tests/helpers/test-server.ts). The benches cannot import the test helpers: those reference jest's
 * globals at load time.
 */
export interface BenchHub {
  app: HubApp;
  /** http://127.0.0.1:port, without /graphql. */
  baseUrl: string;
  /** Runs an operation that must succeed and returns its data. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHub(options: { demo: boolean }): Promise<BenchHub> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-client-bench-'));
  const config = {
    ...loadConfig({ DATA_DIR: dir }),
    host: '127.0.0.1',
    port: 0,
    redisUrl: undefined,
    demo: options.demo,
    logLevel: 'warn' as const,
  };
  const app = await createApp(config, { log: createLogger('warn') });
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}\n${query}`);
    return body.data;
  };
  return {
    app,
    baseUrl: app.url.replace(/\/graphql$/, ''),
    gql: gql as BenchHub['gql'],
    async login(username, password) {
      const data = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
      return data.login.token as string;
    },
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The operations a bench or the screenshot script runs to get a live draw going. */
export const OPS = {
  createTask: 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
  scheduleDraw: 'mutation($task: ID!, $input: ScheduleDrawInput!) { scheduleDraw(taskId: $task, input: $input) { id entropyClosesAt segments { poolSize count } } }',
  openDraw: 'mutation($id: ID!) { openDraw(id: $id) { status } }',
  revealDraw: 'mutation($id: ID!) { revealDraw(id: $id) { status } }',
  inviteWitness: 'mutation($id: ID!, $input: InviteWitnessInput!) { inviteWitness(drawId: $id, input: $input) { inviteToken } }',
} as const;

/** This calendar year in China (the task window and the twice-a-year rule count by it). */
export const chinaYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
