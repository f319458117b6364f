import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * `npm run bench:fanout [-- 1000 10000]`: N witnesses watch one live draw over graphql-ws.
 *
 * A real hub (`createApp`, embedded SQLite in a temp dir, or DATABASE_URL) schedules a draw of 1,000
 * picks at `paceMs: 250, batchSize: 25` (40 PICKS events over ~10 s), invites one witness by link, and
 * N subscribers speaking the graphql-ws protocol — in child processes, so the hub's event loop is not
 * theirs — subscribe with that one invite token. For every PICKS event and every subscriber: delay = receive time − the moment
 * the hub may hand the event out (its `at`, i.e. visibleAt; for the first batch, whose visibleAt is the
 * reveal time inside the transaction, the commit moment, whichever is later). Same clock: Date.now().
 * Then, in the same run, a plain `ws` server (its own process) broadcasts the same bytes (the frames
 * the hub sent, with `at` set to the scheduled send time) at the same pace to N plain `ws` clients,
 * which parse each frame the same way.
 *
 * stdout: one JSON line per subscriber count; everything else goes to stderr, including per run a
 * `hub` and a `rawWs` line: p50/p90/p99/max, each event's p99, the first batch alone, and CPU time —
 * the hub process's and the raw server's CPU µs per (subscriber × event) delivery, and the client
 * processes' CPU µs per message received (on a shared 2-core box the clients compete with the server).
 * Env: FANOUT_CLIENT_PROCS (client processes, default 2), FANOUT_CPU_PROFILE (a .cpuprofile path
 * prefix: profiles the hub during each reveal; slows the hub, so not for the reported numbers).
 */

const PICKS = 1000;
const PACE_MS = 250;
const BATCH = 25;
const EVENTS = PICKS / BATCH;
const POOL = 1200;
const CONNECT_CONCURRENCY = 64;
const AT_PLACEHOLDER = '@'.repeat(24); // an ISO time (toISOString) is always 24 characters
const SUBSCRIPTION = 'subscription($id: ID!, $after: Int, $invite: String) { drawEvents(drawId: $id, afterSeq: $after, inviteToken: $invite) { seq type at payload } }';

const log = (...args: unknown[]) => console.error('[fanout]', ...args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Messages between the bench process and its children (fork IPC, structured clone).

interface Received { seqs: number[]; recv: Float64Array[]; clients: number; failed: number; cpuMs: number; sample?: Record<number, string> }
type ToChild =
  | { cmd: 'gql'; url: string; drawId: string; invite: string; count: number; capture: boolean }
  | { cmd: 'raw'; url: string; count: number; lastSeq: number }
  | { cmd: 'report' }
  | { cmd: 'broadcast'; templates: string[]; startAt: number; paceMs: number };
type FromChild =
  | { kind: 'progress'; ready: number; failed: number; received?: number }
  | { kind: 'ready'; ready: number; failed: number }
  | { kind: 'done' }
  | { kind: 'report'; received: Received }
  | { kind: 'listening'; port: number }
  | { kind: 'broadcasted'; cpuMs: number; elu: number; sendLoopMs: number[]; lateMs: number[] };

const send = (msg: FromChild) => process.send!(msg);

// ---------------------------------------------------------------------------------------------
// Children.

/** Keeps receive times per PICKS seq: recv[seq][client] (NaN = not received). */
function receiver(count: number) {
  const bySeq = new Map<number, Float64Array>();
  let cpu: NodeJS.CpuUsage | null = null;
  return {
    /** From here on the process's CPU time is the cost of receiving. */
    live() { cpu = process.cpuUsage(); },
    record(seq: number, when: number, client: number) {
      let times = bySeq.get(seq);
      if (!times) { times = new Float64Array(count).fill(NaN); bySeq.set(seq, times); }
      times[client] = when;
    },
    result(failed: number, sample?: Record<number, string>): Received {
      const seqs = [...bySeq.keys()].sort((a, b) => a - b);
      const used = cpu ? process.cpuUsage(cpu) : { user: 0, system: 0 };
      return { seqs, recv: seqs.map((s) => bySeq.get(s)!), clients: count, failed, cpuMs: (used.user + used.system) / 1000, sample };
    },
  };
}

/** Opens `count` connections, CONNECT_CONCURRENCY at a time, reporting progress; then starts measuring and says it is ready. */
function connectAll(count: number, startOne: (i: number) => Promise<void>, counts: () => { ready: number; failed: number }, live: () => void): void {
  let started = 0, lastProgress = 0;
  void (async () => {
    await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, async () => {
      while (started < count) {
        await startOne(started++);
        if (Date.now() - lastProgress > 2000) { lastProgress = Date.now(); send({ kind: 'progress', ...counts() }); }
      }
    }));
    live();
    send({ kind: 'ready', ...counts() });
  })();
}

/**
 * N subscribers speaking the graphql-ws protocol (graphql-transport-ws: connection_init → ack →
 * subscribe → next… → complete), each frame parsed with JSON.parse as the raw baseline's clients do:
 * both runs put the same client work on this shared machine, so the comparison is of the servers.
 */
function gqlClients(job: Extract<ToChild, { cmd: 'gql' }>) {
  const rec = receiver(job.count);
  const sample: Record<number, string> = {};
  const sockets: WebSocket[] = [];
  let ready = 0, failed = 0, done = 0, lastProgress = 0, picksReceived = 0;
  const tick = () => { if (Date.now() - lastProgress > 2000) { lastProgress = Date.now(); send({ kind: 'progress', ready, failed, received: picksReceived }); } };
  const finishOne = () => {
    if (++done === job.count) send({ kind: 'done' });
  };
  const startOne = (i: number) => new Promise<void>((resolve) => {
    let live = false, finished = false;
    const settle = (ok: boolean) => {
      if (live) return;
      live = true;
      if (ok) ready++; else { failed++; if (!finished) { finished = true; finishOne(); } }
      resolve();
    };
    const end = () => { if (!finished) { finished = true; finishOne(); } };
    const socket = new WebSocket(job.url, 'graphql-transport-ws');
    sockets.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('error', () => { settle(false); end(); });
    socket.on('close', () => { settle(false); end(); });
    socket.on('message', (data) => {
      const now = Date.now();
      const text = data.toString();
      const message = JSON.parse(text);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { id: job.drawId, after: 0, invite: job.invite } } }));
      } else if (message.type === 'next') {
        const e = message.payload?.data?.drawEvents;
        if (!e) { settle(false); return; }
        if (e.type === 'PICKS') {
          rec.record(e.seq, now, i);
          picksReceived++;
          // The first client records the exact frames the hub sent, for the raw baseline.
          if (job.capture && i === 0) sample[e.seq] = text;
          tick();
        } else if (e.type === 'COMPLETED') end();
        settle(true);
      } else if (message.type === 'error') { settle(false); end(); }
      else if (message.type === 'complete') end();
      else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    });
  });
  connectAll(job.count, startOne, () => ({ ready, failed }), () => rec.live());
  return () => ({ received: rec.result(failed, job.capture ? sample : undefined), dispose: () => sockets.forEach((s) => s.terminate()) });
}

/** N plain ws clients. */
function rawClients(job: Extract<ToChild, { cmd: 'raw' }>) {
  const rec = receiver(job.count);
  const sockets: WebSocket[] = [];
  let ready = 0, failed = 0, done = 0, lastProgress = 0, picksReceived = 0;
  const startOne = (i: number) => new Promise<void>((resolve) => {
    const socket = new WebSocket(job.url);
    sockets.push(socket);
    let opened = false;
    socket.on('open', () => { opened = true; ready++; resolve(); });
    socket.on('error', () => { if (opened) return; failed++; if (++done === job.count) send({ kind: 'done' }); resolve(); });
    socket.on('message', (data) => {
      const now = Date.now();
      const e = JSON.parse(data.toString()).payload.data.drawEvents;
      rec.record(e.seq, now, i);
      picksReceived++;
      if (now - lastProgress > 2000) { lastProgress = now; send({ kind: 'progress', ready, failed, received: picksReceived }); }
      if (e.seq === job.lastSeq && ++done === job.count) send({ kind: 'done' });
    });
  });
  connectAll(job.count, startOne, () => ({ ready, failed }), () => rec.live());
  return () => ({ received: rec.result(failed), dispose: () => sockets.forEach((s) => s.terminate()) });
}

/** The plain ws broadcaster: the same bytes, at the same pace, `for (const c of clients) c.send(text)`. */
function rawServer() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1024 * 1024 });
  wss.on('listening', () => send({ kind: 'listening', port: (wss.address() as { port: number }).port }));
  return async (job: Extract<ToChild, { cmd: 'broadcast' }>) => {
    const sendLoopMs: number[] = [], lateMs: number[] = [];
    await sleep(Math.max(0, job.startAt - Date.now() - 50));
    const cpu = process.cpuUsage();
    const elu = performance.eventLoopUtilization();
    for (const [k, template] of job.templates.entries()) {
      const at = job.startAt + k * job.paceMs;
      await sleep(Math.max(0, at - Date.now()));
      const now = Date.now();
      lateMs.push(now - at);
      const t0 = performance.now();
      const text = template.replace(AT_PLACEHOLDER, new Date(at).toISOString());
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
      sendLoopMs.push(performance.now() - t0);
    }
    await sleep(1000);
    const used = process.cpuUsage(cpu);
    send({ kind: 'broadcasted', cpuMs: (used.user + used.system) / 1000, elu: performance.eventLoopUtilization(elu).utilization, sendLoopMs, lateMs });
  };
}

function child(role: string) {
  process.on('disconnect', () => process.exit(0));
  let report: (() => { received: Received; dispose: () => void }) | null = null;
  const broadcast = role === 'raw-server' ? rawServer() : null;
  process.on('message', (msg: ToChild) => {
    if (msg.cmd === 'gql') report = gqlClients(msg);
    else if (msg.cmd === 'raw') report = rawClients(msg);
    else if (msg.cmd === 'broadcast') void broadcast!(msg);
    else if (msg.cmd === 'report' && report) {
      const { received, dispose } = report();
      // Exit only once the (large) report has been written to the channel.
      process.send!({ kind: 'report', received } satisfies FromChild, undefined, undefined, () => {
        dispose();
        setTimeout(() => process.exit(0), 200);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The bench process: the hub, the orchestration, the statistics.

class Child {
  readonly proc: ChildProcess;
  private waiters: { kind: FromChild['kind']; resolve: (m: FromChild) => void }[] = [];
  private seen: FromChild[] = [];
  onProgress: ((m: Extract<FromChild, { kind: 'progress' }>) => void) | null = null;

  constructor(role: string) {
    this.proc = fork(__filename, ['--child', role], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.proc.on('message', (m: FromChild) => {
      if (m.kind === 'progress') { this.onProgress?.(m); return; }
      const i = this.waiters.findIndex((w) => w.kind === m.kind);
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m); else this.seen.push(m);
    });
  }
  post(msg: ToChild) { this.proc.send(msg); }
  wait<K extends FromChild['kind']>(kind: K, timeoutMs: number): Promise<Extract<FromChild, { kind: K }> | null> {
    const i = this.seen.findIndex((m) => m.kind === kind);
    if (i >= 0) return Promise.resolve(this.seen.splice(i, 1)[0] as Extract<FromChild, { kind: K }>);
    return new Promise((resolve) => {
      const waiter = { kind, resolve: (m: FromChild) => { clearTimeout(timer); resolve(m as Extract<FromChild, { kind: K }>); } };
      const timer = setTimeout(() => { this.waiters = this.waiters.filter((w) => w !== waiter); resolve(null); }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
  exited(timeoutMs: number) {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => { this.proc.kill('SIGKILL'); resolve(); }, timeoutMs);
      this.proc.once('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
}

const openFds = () => { try { return fs.readdirSync('/proc/self/fd').length; } catch { return -1; } };
function softFdLimit(): number {
  try { return Number(/Max open files\s+(\d+)/.exec(fs.readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity); } catch { return Infinity; }
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Delays of every (event, subscriber) pair against each event's reference time; lost = expected − received. */
function delays(reports: Received[], expected: Map<number, number>, subscribers: number) {
  const all: number[] = [];
  const perEventP99: number[] = [];
  const perEvent = new Map<number, number[]>();
  for (const report of reports) {
    report.seqs.forEach((seq, j) => {
      const ref = expected.get(seq);
      if (ref === undefined) return;
      const list = perEvent.get(seq) ?? perEvent.set(seq, []).get(seq)!;
      for (const t of report.recv[j]) if (!Number.isNaN(t)) list.push(t - ref);
    });
  }
  let received = 0;
  for (const seq of [...expected.keys()].sort((a, b) => a - b)) {
    const list = perEvent.get(seq) ?? [];
    received += list.length;
    for (const d of list) all.push(d);
    perEventP99.push(percentile(Float64Array.from(list).sort(), 0.99));
  }
  const sorted = Float64Array.from(all).sort();
  return {
    received, lost: expected.size * subscribers - received, sorted, perEventP99,
    p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Client processes with their share of the N sockets; resolves once every socket is subscribed (or failed). */
async function startClients(role: 'gql-clients' | 'raw-clients', n: number, job: (count: number, index: number) => ToChild, timeoutMs: number): Promise<Child[]> {
  const procs = Math.max(1, Math.min(Number(process.env.FANOUT_CLIENT_PROCS) || 2, n));
  const children: Child[] = [];
  const progress = new Map<number, { ready: number; received: number }>();
  let lastLog = 0;
  for (let p = 0; p < procs; p++) {
    const count = Math.floor(n / procs) + (p < n % procs ? 1 : 0);
    const c = new Child(role);
    c.proc.on('exit', (code, signal) => { if (code || signal) log(`${role} process ${p} exited with ${code ?? signal}`); });
    c.onProgress = (m) => {
      progress.set(p, { ready: m.ready, received: m.received ?? 0 });
      if (Date.now() - lastLog < 1500) return;
      lastLog = Date.now();
      const sum = (k: 'ready' | 'received') => [...progress.values()].reduce((a, b) => a + b[k], 0);
      log(`${role}: ${sum('ready')}/${n} subscribed, ${sum('received')}/${n * EVENTS} PICKS received`);
    };
    c.post(job(count, p));
    children.push(c);
  }
  const readies = await Promise.all(children.map((c) => c.wait('ready', timeoutMs)));
  const ready = readies.reduce((a, m) => a + (m?.ready ?? 0), 0), failed = readies.reduce((a, m) => a + (m?.failed ?? 0), 0);
  log(`${role}: ${ready}/${n} subscribed, ${failed} failed${readies.some((m) => !m) ? ' (some processes timed out)' : ''}`);
  return children;
}

/** Waits until every client saw the last event, or the deadline. */
async function allDone(children: Child[], deadline: number) {
  const done = await Promise.all(children.map((c) => c.wait('done', Math.max(0, deadline - Date.now()))));
  if (done.some((d) => !d)) log('deadline reached before every client saw the last event: what has not arrived counts as lost');
}

/** Takes each client process's receive times; the processes then close their sockets and exit. */
async function collect(children: Child[]): Promise<Received[]> {
  const reports: Received[] = [];
  for (const c of children) {
    c.post({ cmd: 'report' });
    const m = await c.wait('report', 60_000);
    if (m) reports.push(m.received); else log('a client process did not report');
  }
  await Promise.all(children.map((c) => c.exited(10_000)));
  return reports;
}

/** Waits until this process's event loop is quiet (the hub has finished with closed sockets). */
async function quiet(maxMs: number) {
  const until = Date.now() + maxMs;
  for (;;) {
    const elu = performance.eventLoopUtilization();
    await sleep(500);
    const u = performance.eventLoopUtilization(elu).utilization;
    if (u < 0.05 || Date.now() > until) { log(`hub event loop ${Math.round(u * 100)} % busy`); return; }
  }
}

async function main() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('reflect-metadata');
  const drawEvents = require('../server/modules/draw/draw-events') as typeof import('../server/modules/draw/draw-events');
  const { toMessages } = require('../server/modules/draw/draw-event-reader') as typeof import('../server/modules/draw/draw-event-reader');
  const { createApp } = require('../server/app') as typeof import('../server/app');
  const { loadConfig } = require('../server/config') as typeof import('../server/config');
  const { createLogger } = require('../server/logger') as typeof import('../server/logger');
  const { inTransaction } = require('../server/db/transaction') as typeof import('../server/db/transaction');
  const { completeCreditCode, CREDIT_CODE_ALPHABET } = require('../server/domain/credit-code') as typeof import('../server/domain/credit-code');
  const vocabulary = require('../server/domain/vocabulary') as typeof import('../server/domain/vocabulary');
  const { createRootDepartment, insertUser } = require('../server/modules/org/org.service') as typeof import('../server/modules/org/org.service');
  const { Target } = require('../server/modules/directory/target.entity') as typeof import('../server/modules/directory/target.entity');
  const { DrawEvent } = require('../server/modules/draw/draw.entity') as typeof import('../server/modules/draw/draw.entity');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { DepartmentKind, Role, TargetStatus, TargetType } = vocabulary;

  const counts = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!counts.length) counts.push(1000, 10_000);
  const limit = softFdLimit();
  if (Math.max(...counts) + 500 > limit) log(`warning: open-file limit ${limit} is close to ${Math.max(...counts)} sockets per process`);

  // The commit moment of a reveal: draw-actions calls announceCommitted right after its transaction commits.
  const commitAt = new Map<number, number>();
  const announce = drawEvents.announceCommitted;
  (drawEvents as { announceCommitted: typeof announce }).announceCommitted = (pubSub, stored) => {
    if (stored.some((e) => e.type === 'REVEALED')) commitAt.set(stored[0].drawId, Date.now());
    return announce(pubSub, stored);
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-fanout-'));
  const base = loadConfig({ ...process.env, DATA_DIR: dir });
  const config = { ...base, host: '127.0.0.1', port: 0, demo: false, logLevel: 'warn' as const, workDir: path.join(dir, 'work') };
  log(`hub on ${config.database.kind}${config.database.kind === 'sqlite' ? ` (${config.database.file})` : ''}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const app = await createApp(config, { log: createLogger('warn') });
  const wsUrl = app.url.replace(/^http/, 'ws');
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(app.ds, work) };

  let profileSession: import('node:inspector').Session | null = null;
  const profilePrefix = process.env.FANOUT_CPU_PROFILE;
  if (profilePrefix) {
    const inspector = await import('node:inspector');
    profileSession = new inspector.Session();
    profileSession.connect();
    await new Promise<void>((resolve, reject) => profileSession!.post('Profiler.enable', (e) => (e ? reject(e) : resolve())));
    await new Promise<void>((resolve, reject) => profileSession!.post('Profiler.setSamplingInterval', { interval: 200 }, (e) => (e ? reject(e) : resolve())));
  }

  const watchdog = setTimeout(() => { log('watchdog: giving up after 8 minutes'); process.exit(2); }, 8 * 60_000);
  watchdog.unref();

  try {
    for (const n of counts) {
      const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
      log(`--- ${n} subscribers: setting up a department, ${POOL} targets, a task of ${PICKS} picks`);
      // A department and one person who plans and runs draws.
      const department = await createRootDepartment(tx, { name: `广播基准测试-${runId}`, kind: DepartmentKind.AGRICULTURE, regionCode: '140603' });
      const user = await insertUser(tx, { username: `bench_fanout_${runId}`, displayName: 'bench', departmentId: department.id, roles: [Role.PLANNER, Role.DRAW_OPERATOR], password: 'bench-pass-2026' });
      const token = (await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: user.username, p: 'bench-pass-2026' })).login.token as string;
      // Targets with credit codes (a random serial base, so reruns on one MariaDB never collide) and names like a county's.
      const serialBase = Math.floor(Math.random() * 31 ** 7);
      const code = (i: number) => {
        let k = serialBase + i, serial = '';
        for (let d = 0; d < 8; d++) { serial = CREDIT_CODE_ALPHABET[k % 31] + serial; k = Math.floor(k / 31); }
        return completeCreditCode(`92140603${serial}0`);
      };
      const now = new Date();
      const targets = Array.from({ length: POOL }, (_, i) => Object.assign(new Target(), {
        departmentId: department.id, naturalKey: code(i), creditCode: code(i), name: `平鲁区${['井坪镇', '凤凰城镇', '陶村乡', '下木角乡'][i % 4]}${String(i).padStart(4, '0')}号农资经营部`,
        type: TargetType.INDIVIDUAL_BUSINESS, regionCode: '140603', address: '', status: TargetStatus.ACTIVE, riskLevel: 'MEDIUM', creditClass: 'B', complaintCount: 0,
        dishonest: false, seriousViolation: false, specialDirectories: [], licences: [], legalRepresentative: '', phone: '', version: 1, createdAt: now, updatedAt: now, createdByImportJobId: null,
      }));
      await tx.transaction(async (em) => { for (let i = 0; i < targets.length; i += 100) await em.getRepository(Target).insert(targets.slice(i, i + 100)); });
      const itemId = (await gql('mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }', {
        input: { code: `FANOUT-${runId}`, name: '农药经营者经营行为的检查', categoryCode: 'PESTICIDES', kind: 'GENERAL', targetTypes: ['INDIVIDUAL_BUSINESS'], ratioMinPercent: 5, ratioMaxPercent: 100, frequencyPerYear: 2 },
      }, token)).createInspectionItem.id as string;
      const taskId = (await gql('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
        input: { name: '直播摇号广播基准', kind: 'DIRECTED', directedReason: 'benchmark', itemIds: [itemId], windowStart: '2026-03-01', windowEnd: '2026-03-31', segments: [{ label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, fixedCount: PICKS }] },
      }, token)).createTask.id as string;
      const entropyClosesAt = Date.now() + 2000;
      const scheduled = (await gql('mutation($task: ID!, $input: ScheduleDrawInput!) { scheduleDraw(taskId: $task, input: $input) { id segments { poolSize count } } }', {
        task: taskId, input: { entropyClosesAt: new Date(entropyClosesAt).toISOString(), paceMs: PACE_MS, batchSize: BATCH },
      }, token)).scheduleDraw;
      const drawId = scheduled.id as string;
      log(`draw ${drawId}: pool ${scheduled.segments[0].poolSize}, count ${scheduled.segments[0].count}`);
      await gql('mutation($id: ID!) { openDraw(id: $id) { status } }', { id: drawId }, token);
      const invite = (await gql('mutation($id: ID!) { inviteWitness(drawId: $id, input: { displayName: "纪检组 见证人", organisation: "派驻纪检组", validHours: 2 }) { inviteToken } }', { id: drawId }, token)).inviteWitness.inviteToken as string;

      // N witnesses, one invite link.
      let started = Date.now();
      const fdsBefore = openFds();
      const gqlChildren = await startClients('gql-clients', n, (count, p) => ({ cmd: 'gql', url: wsUrl, drawId, invite, count, capture: p === 0 }), 180_000);
      log(`subscribed in ${((Date.now() - started) / 1000).toFixed(1)} s; hub has ${openFds()} open files (${fdsBefore} before)`);
      await sleep(Math.max(0, entropyClosesAt - Date.now() + 50));
      await sleep(1000);
      // Idle cost of N subscriptions (keep-alive pings, the feed's poll), to compare with the live window.
      let cpu = process.cpuUsage(), idleStart = performance.now();
      await sleep(1000);
      const idle = process.cpuUsage(cpu);
      const idleCpuMsPerS = (idle.user + idle.system) / 1000 / ((performance.now() - idleStart) / 1000);

      if (profileSession) await new Promise<void>((resolve, reject) => profileSession!.post('Profiler.start', (e) => (e ? reject(e) : resolve())));
      cpu = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      const windowStart = performance.now();
      started = Date.now();
      await gql('mutation($id: ID!) { revealDraw(id: $id) { status } }', { id: drawId }, token);
      const revealReturned = Date.now();
      await allDone(gqlChildren, Date.now() + EVENTS * PACE_MS + 60_000);
      const windowMs = performance.now() - windowStart;
      const used = process.cpuUsage(cpu);
      const hubElu = performance.eventLoopUtilization(elu).utilization;
      if (profileSession) {
        const profile = await new Promise<unknown>((resolve, reject) => profileSession!.post('Profiler.stop', (e, r) => (e ? reject(e) : resolve(r.profile))));
        const file = `${profilePrefix}-${n}.cpuprofile`;
        fs.writeFileSync(file, JSON.stringify(profile));
        log(`hub CPU profile of the reveal: ${file}`);
      }
      const reports = await collect(gqlChildren);

      // Reference time per PICKS event: when the hub may hand it out (visibleAt), or the commit if later.
      const rows = await app.ds.getRepository(DrawEvent).find({ where: { drawId: Number(drawId) }, order: { seq: 'ASC' } });
      const committed = commitAt.get(Number(drawId)) ?? revealReturned;
      const revealedAt = rows.find((r) => r.type === 'REVEALED')!.visibleAt.getTime();
      const picksRows = rows.filter((r) => r.type === 'PICKS');
      const expected = new Map(picksRows.map((r) => [r.seq, Math.max(r.visibleAt.getTime(), committed)]));
      const hub = delays(reports, expected, n);
      const firstSeq = picksRows[0].seq;
      const first = delays(reports, new Map([[firstSeq, expected.get(firstSeq)!]]), n);
      const hubCpuMs = (used.user + used.system) / 1000;
      const deliveries = n * (picksRows.length + 2); // REVEALED + PICKS + COMPLETED went to everyone
      log(JSON.stringify({
        hub: {
          subscribers: n, picksEvents: picksRows.length, received: hub.received, lost: hub.lost, p50Ms: r1(hub.p50), p90Ms: r1(hub.p90), p99Ms: r1(hub.p99), maxMs: r1(hub.max),
          worstEventP99Ms: r1(Math.max(...hub.perEventP99)), perEventP99Ms: hub.perEventP99.map(Math.round),
          firstBatch: { p50Ms: r1(first.p50), p99Ms: r1(first.p99), note: 'against the commit; the reveal transaction took ' + (committed - revealedAt) + ' ms' },
          cpuMs: Math.round(hubCpuMs), windowS: r1(windowMs / 1000), idleCpuMsPerS: r1(idleCpuMsPerS), eventLoopUtilization: Math.round(hubElu * 100) / 100,
          cpuUsPerDelivery: r1(((hubCpuMs - idleCpuMsPerS * windowMs / 1000) * 1000) / deliveries),
          clientCpuUsPerMessage: r1((reports.reduce((a, r) => a + r.cpuMs, 0) * 1000) / deliveries),
        },
      }));

      // Same bytes, same pace, plain ws. The hub's own frames (client 0's) with `at` replaced by the send time.
      const sample = reports.find((r) => r.sample)?.sample ?? {};
      const messages = await toMessages(app.ds, picksRows);
      const templates = picksRows.map((r, i) => {
        let text = sample[r.seq];
        if (!text) {
          const m = messages[i];
          text = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', type: 'next', payload: { data: { drawEvents: { seq: m.seq, type: m.type, at: m.at, payload: m.payload } } } });
        }
        return text.replace(`"at":"${r.visibleAt.toISOString()}"`, `"at":"${AT_PLACEHOLDER}"`);
      });
      if (templates.some((t) => !t.includes(AT_PLACEHOLDER))) throw new Error('could not place the send time in a captured frame');
      const bytes = templates.map((t) => Buffer.byteLength(t));
      log(`raw baseline: ${Object.keys(sample).length}/${templates.length} frames captured from the hub, ${Math.min(...bytes)}–${Math.max(...bytes)} bytes each`);
      // Let the hub close its sockets before the baseline runs.
      const closeBy = Date.now() + 20_000;
      while (Date.now() < closeBy && openFds() > fdsBefore + 20) await sleep(200);
      await quiet(30_000);

      const server = new Child('raw-server');
      const listening = await server.wait('listening', 10_000);
      if (!listening) throw new Error('raw ws server did not start');
      const lastSeq = picksRows[picksRows.length - 1].seq;
      const rawChildren = await startClients('raw-clients', n, (count) => ({ cmd: 'raw', url: `ws://127.0.0.1:${listening.port}`, count, lastSeq }), 120_000);
      await sleep(1000);
      const startAt = Date.now() + 500;
      server.post({ cmd: 'broadcast', templates, startAt, paceMs: PACE_MS });
      await allDone(rawChildren, startAt + EVENTS * PACE_MS + 60_000);
      const rawReports = await collect(rawChildren);
      const broadcasted = await server.wait('broadcasted', 15_000);
      server.proc.kill();
      await server.exited(5000);
      const rawExpected = new Map(picksRows.map((r, k) => [r.seq, startAt + k * PACE_MS]));
      const raw = delays(rawReports, rawExpected, n);
      const loops = broadcasted?.sendLoopMs ?? [];
      log(JSON.stringify({
        rawWs: {
          subscribers: n, received: raw.received, lost: raw.lost, p50Ms: r1(raw.p50), p90Ms: r1(raw.p90), p99Ms: r1(raw.p99), maxMs: r1(raw.max), worstEventP99Ms: r1(Math.max(...raw.perEventP99)),
          serverCpuMs: broadcasted ? Math.round(broadcasted.cpuMs) : null, serverEventLoopUtilization: broadcasted ? Math.round(broadcasted.elu * 100) / 100 : null,
          cpuUsPerDelivery: broadcasted ? r1((broadcasted.cpuMs * 1000) / (n * templates.length)) : null,
          clientCpuUsPerMessage: r1((rawReports.reduce((a, r) => a + r.cpuMs, 0) * 1000) / (n * templates.length)),
          sendLoopMs: loops.length ? { mean: r1(loops.reduce((a, b) => a + b, 0) / loops.length), max: r1(Math.max(...loops)) } : null,
          timerLateMsMax: broadcasted ? Math.max(...broadcasted.lateMs) : null,
        },
      }));

      console.log(JSON.stringify({ bench: 'fanout', subscribers: n, events: picksRows.length, p50Ms: r1(hub.p50), p99Ms: r1(hub.p99), lost: hub.lost, rawWsP99Ms: r1(raw.p99) }));
      await sleep(1000);
    }
  } finally {
    profileSession?.disconnect();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') child(process.argv[3]);
else main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
