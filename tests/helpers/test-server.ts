import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import mysql from 'mysql2/promise';
import Redis from 'ioredis';
import { createApp, HubApp } from '../../server/app';
import { HubConfig, loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';

/**
 * Starts a real hub on a free port against a database of its own: a fresh SQLite file, or (with
 * DATABASE_URL=mysql://…) a fresh MariaDB database created for this server and dropped on close.
 */
export interface GqlResult<T = any> { data?: T; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any>; status: number }
export interface TestServer {
  app: HubApp;
  url: string;
  baseUrl: string;
  config: HubConfig;
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null; lang?: string }): Promise<GqlResult<T>>;
  ws(token?: string | null, lang?: string): Client;
  close(): Promise<void>;
}

export const usingMariaDb = () => /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');

/**
 * A database of its own for one test server or test: a fresh SQLite file in `dir`, or a fresh
 * database on the MariaDB server DATABASE_URL names (the default when it names one).
 */
export async function freshDatabase(dir: string, kind: HubConfig['database']['kind'] = usingMariaDb() ? 'mariadb' : 'sqlite'): Promise<{ database: HubConfig['database']; drop(): Promise<void> }> {
  if (kind === 'sqlite') return { database: { kind: 'sqlite', file: path.join(dir, 'hub.sqlite') }, drop: async () => undefined };
  const base = new URL(process.env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
  const name = `t_${randomBytes(6).toString('hex')}`;
  const connect = () => mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    database: { kind: 'mariadb', url: url.toString() },
    async drop() {
      const conn = await connect();
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export async function createTestServer(overrides: Partial<HubConfig> = {}, options: { shareDatabaseWith?: TestServer } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
  // A second hub process on the same database leaves dropping it to the first.
  const fresh = options.shareDatabaseWith ? { database: options.shareDatabaseWith.config.database, drop: async () => undefined } : await freshDatabase(dir);
  const { database } = fresh;
  const config: HubConfig = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    database,
    redisUrl: undefined,
    demo: false,
    workDir: path.join(dir, 'work'),
    reportStatementCounts: true,
    logLevel: (process.env.TEST_LOG_LEVEL as HubConfig['logLevel']) ?? 'silent',
    ...overrides,
  };
  const app = await createApp(config, { log: createLogger(config.logLevel) });
  const clients: Client[] = [];
  const baseUrl = app.url.replace(/\/graphql$/, '');
  return {
    app,
    url: app.url,
    baseUrl,
    config,
    async gql(query, variables, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.lang) headers['accept-language'] = options.lang;
      const res = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as GqlResult;
      return { ...body, status: res.status };
    },
    ws(token, lang) {
      const client = createClient({
        url: app.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { lang } : {}) },
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) await client.dispose();
      await app.close();
      await fresh.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects the events of one subscription until `until` says enough (or times out with what it has). */
export function subscribeCollect<T = any>(client: Client, query: string, variables: Record<string, unknown>, until: (events: T[]) => boolean, timeoutMs = 15000) {
  let markFirst!: () => void;
  const first = new Promise<void>((resolve) => (markFirst = resolve));
  const done = new Promise<{ events: T[]; errors: unknown[] }>((resolve) => {
    const events: T[] = [];
    const errors: unknown[] = [];
    let dispose = () => {};
    const finish = () => { clearTimeout(timer); dispose(); resolve({ events, errors }); };
    const timer = setTimeout(finish, timeoutMs);
    dispose = client.subscribe<T>({ query, variables }, {
      next: (value) => {
        markFirst();
        if (value.errors) errors.push(...value.errors);
        if (value.data) events.push(value.data as T);
        if (until(events) || value.errors) finish();
      },
      error: (error) => { errors.push(error); markFirst(); finish(); },
      complete: () => { markFirst(); finish(); },
    });
  });
  /** Resolves once the first event (or the end) has arrived: the subscription is live from then on. */
  return Object.assign(done, { first });
}

/** Redis for the multi-process tests; those run only against MariaDB (SQLite is a single-process database). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const describeMultiProcess = usingMariaDb() ? describe : describe.skip;

/** Two hubs on one database and one Redis, as the hub scales out. Fails fast when Redis is not there. */
export async function startTwoHubs(): Promise<[TestServer, TestServer]> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await probe.connect();
  await probe.quit();
  const a = await createTestServer({ redisUrl: REDIS_URL });
  const b = await createTestServer({ redisUrl: REDIS_URL }, { shareDatabaseWith: a });
  return [a, b];
}
