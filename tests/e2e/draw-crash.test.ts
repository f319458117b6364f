import fs from 'node:fs';
import { createClient } from 'graphql-ws';
import mysql from 'mysql2/promise';
import WebSocket from 'ws';
import { computeDrawSync } from '../../server/domain/draw-v1';
import { nodeSha256, verifyRecordNode } from '../../server/domain/draw-v1-node';
import { Draw, DrawEntropy, DrawSegment } from '../../server/modules/draw/draw.entity';
import { loadPools } from '../../server/modules/draw/pool-snapshot';
import { createTask, drawFixture, sleep } from '../helpers/draw-fixture';
import {
  codeOf, commitmentOf, contribute, DRAW_EVENTS, DRAW_RECORD, DrawEventView, errorOf, inviteByLink, ok, openDraw, picksOf, reveal, schedule, waitForCompletion, waitForWindow,
} from '../helpers/draw-steps';
import { HUB_ENTRY, HubProcess, startHubProcess } from '../helpers/hub-process';
import { createTestServer, subscribeCollect, TestServer, usingMariaDb } from '../helpers/test-server';

/**
 * The hub killed in the middle of a draw. The reveal is one transaction (draw-actions.ts: revealDraw),
 * so a crash must leave the draw exactly as it was before the press — OPEN, no picks, no events, no
 * seeds — and pressing "draw" again after the restart must give exactly the picks that the stored
 * state (secret, entropy, pool snapshot) determines, which the published record then verifies.
 *
 * How the crash is made to happen in the middle, deterministically:
 * - The draw is prepared on an in-process test server (fixture, schedule, witness, entropy). A real
 *   hub process (`node dist/server/index.js`, as an operator would run it) on the same database is
 *   asked to reveal it and is stalled inside the reveal transaction after it has written most of it:
 *   - SQLite: a BEFORE INSERT trigger on draw_event that never finishes (a 10^12-row cross join)
 *     fires when the REVEALED event is inserted. By then the transaction has set the draw to
 *     COMPLETED, stored the seed, the segment seeds, every pick and advanced the event counters.
 *     The test checks that the hub really holds an open write transaction (another connection's
 *     BEGIN IMMEDIATE gets SQLITE_BUSY) and that its event loop is stuck in that statement
 *     (/healthz stops answering).
 *   - MariaDB: the test holds the row lock of the hub-wide event counter (sequence_counter
 *     'draw_event') in a transaction of its own. The reveal transaction writes the draw row, segment
 *     seeds, picks and the draw's lastSeq, then waits for that lock. INNODB_TRX shows the hub's
 *     transaction waiting with rows modified, and a READ UNCOMMITTED reader sees its half-written picks.
 * - Then the process is killed with SIGKILL (no shutdown code runs), the stall is removed, and a new
 *   hub process is started on the same database — the restart.
 * A second test makes the reveal transaction fail part-way in process (a trigger refusing the last
 * write) and shows the same: nothing is left, and the draw can be voided with its secret published.
 * A third kills the hub just after the reveal committed, while the paced picks are still being shown,
 * and checks that the restarted hub goes on showing them to a witness.
 */
jest.setTimeout(120000);

let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const STATE = `query($id: ID!) { draw(id: $id) { status seed revealedAt completedAt lastSeq segments { segmentSeed } picks { totalItems } events { seq type } } }`;
const until = (type: string) => (events: any[]) => events.some((e) => e.drawEvents.type === type);

/** A draw of 12 from a pool of 40, open, with two witness contributions, its entropy window closed. */
async function openDrawReadyToReveal(paceMs = 0) {
  const f = await drawFixture(server, { targets: 40 });
  const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, ratioPercent: 30 }]);
  const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1200, paceMs, batchSize: 5 });
  const invite = await inviteByLink(server, f.operator.token, draw.id);
  const witness = subscribeCollect(server.ws(), DRAW_EVENTS, { id: draw.id, after: 0, invite }, until('COMPLETED'), 90000);
  await witness.first;
  await openDraw(server, f.operator.token, draw.id);
  for (const text of ['纪检组见证 甲', 'witness entropy #2']) expect(errorOf(await contribute(server, draw.id, text, invite))).toBeUndefined();
  await waitForWindow(server, f.operator.token, draw.id);
  return { f, taskId, draw, invite, witness };
}

/** Everything the database holds about a draw's result, read directly. */
async function storedResult(drawId: string) {
  const q = (sql: string) => server.app.ds.query(sql, [Number(drawId)]);
  const [draw] = await q('SELECT status, seed, revealedAt, completedAt, lastSeq FROM draw WHERE id = ?');
  const [picks] = await q('SELECT COUNT(*) AS n FROM draw_pick WHERE drawId = ?');
  const events = await q('SELECT seq, type FROM draw_event WHERE drawId = ? ORDER BY seq');
  const seeds = await q('SELECT segmentSeed FROM draw_segment WHERE drawId = ? ORDER BY position');
  const [counter] = await server.app.ds.query(`SELECT value FROM sequence_counter WHERE name = 'draw_event'`);
  return {
    status: draw.status, seed: draw.seed, revealedAt: draw.revealedAt, completedAt: draw.completedAt, lastSeq: Number(draw.lastSeq),
    picks: Number(picks.n), events: (events as { seq: number; type: string }[]).map((e): [number, string] => [Number(e.seq), e.type]), segmentSeeds: seeds.map((s: any) => s.segmentSeed), eventCounter: Number(counter.value),
  };
}

/** What draw-v1 says the picks must be, from the stored state alone (secret, entropy in order, pool snapshot, counts). */
async function picksFromStoredState(drawId: string) {
  const em = server.app.ds.manager;
  const draw = await em.getRepository(Draw).findOneByOrFail({ id: Number(drawId) });
  const segments = await em.getRepository(DrawSegment).find({ where: { drawId: draw.id }, order: { position: 'ASC' } });
  const entropy = await em.getRepository(DrawEntropy).find({ where: { drawId: draw.id }, order: { ordinal: 'ASC' } });
  const pools = await loadPools(em, draw.id);
  const result = computeDrawSync({
    secretHex: draw.secretHex, entropy: entropy.map((e) => e.text), beacon: '',
    segments: segments.map((s) => ({ label: s.label, ids: (pools.get(s.position) ?? []).map((p) => p.publicId), count: s.count })),
  }, nodeSha256);
  return { secretHex: draw.secretHex, seed: result.seed, picks: result.segments.map((s) => s.picks) };
}

type SqliteDb = { exec(sql: string): void; prepare(sql: string): { run(...args: unknown[]): void }; close(): void };
// better-sqlite3 ships without type declarations here; the test needs only these three calls.
const openSqlite = (file: string): SqliteDb => new (require('better-sqlite3'))(file, { timeout: 0 });

/** A way to stall a hub inside its reveal transaction after part of it is written, and to prove it is there. */
interface Stall { install(): Promise<void>; waitUntilStalled(hub: HubProcess): Promise<{ uncommittedPicks: string[] | null }>; release(): Promise<void> }

function sqliteStall(file: string, drawId: string): Stall {
  let db: SqliteDb | null = null;
  return {
    async install() {
      db = openSqlite(file);
      db.exec('CREATE TABLE stall_rows (x INTEGER)');
      const insert = db.prepare('INSERT INTO stall_rows (x) VALUES (?)');
      db.exec('BEGIN');
      for (let i = 0; i < 1000; i++) insert.run(i);
      db.exec('COMMIT');
      db.exec(`CREATE TRIGGER stall_reveal BEFORE INSERT ON draw_event WHEN NEW.type = 'REVEALED' AND NEW.drawId = ${Number(drawId)}
        BEGIN SELECT count(*) FROM stall_rows a, stall_rows b, stall_rows c, stall_rows d; END`);
    },
    async waitUntilStalled(hub) {
      for (let i = 0; i < 200; i++) {
        let busy = false;
        try { db!.exec('BEGIN IMMEDIATE'); db!.exec('ROLLBACK'); } catch (error) { busy = (error as { code?: string }).code === 'SQLITE_BUSY'; }
        if (busy && !(await answers(hub)) && !(await answers(hub))) return { uncommittedPicks: null };
        await sleep(100);
      }
      throw new Error(`the hub never stalled inside the reveal:\n${hub.output()}`);
    },
    async release() {
      db!.exec('DROP TRIGGER stall_reveal');
      db!.exec('DROP TABLE stall_rows');
      db!.close();
    },
  };
}

function mariaDbStall(url: string, drawId: string): Stall {
  let holder: mysql.Connection, observer: mysql.Connection;
  let stalledThread = 0;
  return {
    async install() {
      holder = await mysql.createConnection(url);
      observer = await mysql.createConnection(url);
      await observer.query('SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED');
      await holder.query('START TRANSACTION');
      await holder.query(`SELECT value FROM sequence_counter WHERE name = 'draw_event' FOR UPDATE`);
    },
    async waitUntilStalled(hub) {
      const [[me]] = await holder.query('SELECT CONNECTION_ID() AS id') as any;
      for (let i = 0; i < 200; i++) {
        const [rows] = await observer.query(`SELECT trx_mysql_thread_id AS thread, trx_rows_modified AS modified FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id <> ?`, [me.id]) as any;
        if (rows.length === 1 && Number(rows[0].modified) > 0) {
          stalledThread = Number(rows[0].thread);
          const [picks] = await observer.query('SELECT publicId FROM draw_pick WHERE drawId = ? ORDER BY segmentPosition, ordinal', [Number(drawId)]) as any;
          return { uncommittedPicks: picks.map((p: any) => p.publicId as string) };
        }
        await sleep(100);
      }
      throw new Error(`the hub never stalled inside the reveal:\n${hub.output()}`);
    },
    async release() {
      await holder.query('ROLLBACK');
      // The killed hub's connection is gone; the server rolls its transaction back as soon as it notices.
      let gone = false;
      for (let i = 0; i < 150 && !gone; i++) {
        const [rows] = await observer.query('SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ?', [stalledThread]) as any;
        gone = rows.length === 0;
        if (!gone) await sleep(100);
      }
      await holder.end();
      await observer.end();
      if (!gone) throw new Error(`the killed hub's connection ${stalledThread} is still open on the server`);
    },
  };
}

/** True when the hub answers /healthz within 500 ms (its event loop is free). */
async function answers(hub: HubProcess): Promise<boolean> {
  try {
    const res = await fetch(hub.url.replace(/\/graphql$/, '/healthz'), { signal: AbortSignal.timeout(500) });
    return res.ok;
  } catch {
    return false;
  }
}

test('the hub killed in the middle of a reveal: nothing is half-written, the draw stays OPEN, and the restarted hub draws exactly the picks the stored state determines', async () => {
  expect(fs.existsSync(HUB_ENTRY)).toBe(true);
  const { f, draw, witness } = await openDrawReadyToReveal(200);
  const before = await storedResult(draw.id);
  expect(before).toMatchObject({ status: 'OPEN', seed: null, revealedAt: null, picks: 0, segmentSeeds: [null] });
  expect(before.events.map((e) => e[1])).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'ENTROPY_ACCEPTED', 'ENTROPY_ACCEPTED']);
  const expected = await picksFromStoredState(draw.id);
  expect(expected.picks[0]).toHaveLength(12);

  const database = server.config.database;
  const stall = database.kind === 'sqlite' ? sqliteStall(database.file, draw.id) : mariaDbStall(database.url, draw.id);
  await stall.install();
  const doomed = await startHubProcess(database);
  const pressed = doomed.gql(`mutation($id: ID!) { revealDraw(id: $id) { status } }`, { id: draw.id }, f.operator.token).then(
    (res) => ({ answered: res }), (error: Error) => ({ failed: error.message }),
  );
  const { uncommittedPicks } = await stall.waitUntilStalled(doomed);
  if (uncommittedPicks) expect(uncommittedPicks).toEqual(expected.picks[0]); // MariaDB: the half-written transaction held these picks
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  expect(await pressed).toHaveProperty('failed'); // the operator's request never got an answer
  await stall.release();

  // Never half-written: the database holds exactly what it held before the press.
  expect(await storedResult(draw.id)).toEqual(before);
  const seenByOperator = (await ok(server, STATE, { id: draw.id }, f.operator.token)).draw;
  expect(seenByOperator).toMatchObject({ status: 'OPEN', seed: null, revealedAt: null, completedAt: null, lastSeq: 5, segments: [{ segmentSeed: null }], picks: { totalItems: 0 } });
  expect(codeOf(await server.gql(DRAW_RECORD, { id: draw.id }, { token: f.operator.token }))).toBe('DRAW_NOT_REVEALED');

  // The restart: a new hub process on the same database; the operator presses "draw" again.
  const restarted = await startHubProcess(database);
  try {
    const again = await restarted.gql(`mutation($id: ID!) { revealDraw(id: $id) { status } }`, { id: draw.id }, f.operator.token);
    expect(again.errors).toBeUndefined();
    expect(again.data.revealDraw.status).toBe('DRAWING');
    expect(await waitForCompletion(server, f.operator.token, draw.id)).toBe('COMPLETED');
    const { totalItems, bySegment } = await picksOf(server, f.operator.token, draw.id);
    expect([totalItems, bySegment[0]]).toEqual([12, expected.picks[0]]);
    const record = (await restarted.gql(DRAW_RECORD, { id: draw.id }, f.operator.token)).data.drawRecord;
    expect(record).toMatchObject({ secretHex: expected.secretHex, seed: expected.seed, segments: [{ picks: expected.picks[0] }] });
    expect(record.entropy.map((e: any) => e.text)).toEqual(['纪检组见证 甲', 'witness entropy #2']);
    expect(commitmentOf(record.secretHex)).toBe(draw.commitment);
    expect(verifyRecordNode(record)).toEqual({ ok: true });

    // The witness who watched throughout (on the in-process hub) saw one reveal, no gap, no repeat.
    const seen = (await witness).events.map((e) => e.drawEvents as DrawEventView);
    expect(seen.map((e) => e.type)).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'ENTROPY_ACCEPTED', 'ENTROPY_ACCEPTED', 'REVEALED', 'PICKS', 'PICKS', 'PICKS', 'COMPLETED']);
    expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.filter((e) => e.type === 'PICKS').flatMap((e) => e.payload.picks.map((p: any) => p.id))).toEqual(expected.picks[0]);
    // The secret is never logged, by the hub that died holding it or by the one that revealed it.
    expect(doomed.output()).toContain('"msg":"hub listening"');
    expect(doomed.output() + restarted.output()).not.toContain(expected.secretHex);
  } finally {
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }
});

test('a reveal whose transaction fails part-way leaves no trace: the draw stays OPEN and can be voided with its secret published, or drawn again with the determined picks', async () => {
  const ds = server.app.ds;
  const mariadb = usingMariaDb();
  const first = await openDrawReadyToReveal();
  const second = await schedule(server, first.f.operator.token, first.taskId, { closeMs: 1000 });
  await openDraw(server, first.f.operator.token, second.id);
  await waitForWindow(server, first.f.operator.token, second.id);
  const beforeFirst = await storedResult(first.draw.id);
  const beforeSecond = await storedResult(second.id);

  // The last write of the reveal — the COMPLETED event, after the draw row, seeds, picks and counters — fails.
  await ds.query(mariadb
    ? `CREATE TRIGGER fail_reveal BEFORE INSERT ON draw_event FOR EACH ROW BEGIN IF NEW.type = 'COMPLETED' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated disk failure'; END IF; END`
    : `CREATE TRIGGER fail_reveal BEFORE INSERT ON draw_event WHEN NEW.type = 'COMPLETED' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);
  let failures;
  try {
    failures = await Promise.all([first.draw.id, second.id].map((id) => reveal(server, first.f.operator.token, id)));
  } finally {
    await ds.query('DROP TRIGGER fail_reveal');
  }
  for (const failed of failures) {
    expect(errorOf(failed)).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(failed)).not.toContain('simulated disk failure');
  }
  expect(await storedResult(first.draw.id)).toEqual(beforeFirst);
  expect(await storedResult(second.id)).toEqual(beforeSecond);

  // Voidable: the void publishes the secret, which matches the commitment.
  const voided = await ok(server, `mutation($id: ID!) { voidDraw(id: $id, reason: "摇号时服务器故障") { status voidReason } }`, { id: first.draw.id }, first.f.operator.token);
  expect(voided.voidDraw).toEqual({ status: 'VOIDED', voidReason: '摇号时服务器故障' });
  const stream = (await subscribeCollect(server.ws(first.f.supervisor.token), DRAW_EVENTS, { id: first.draw.id, after: 0 }, until('VOIDED'), 10000)).events.map((e) => e.drawEvents as DrawEventView);
  expect(stream.map((e) => [e.seq, e.type])).toEqual([[1, 'SCHEDULED'], [2, 'WITNESS_INVITED'], [3, 'OPENED'], [4, 'ENTROPY_ACCEPTED'], [5, 'ENTROPY_ACCEPTED'], [6, 'VOIDED']]);
  expect(stream[5].payload).toMatchObject({ reason: '摇号时服务器故障', from: 'OPEN', secretHex: (await picksFromStoredState(first.draw.id)).secretHex });
  expect(commitmentOf(stream[5].payload.secretHex)).toBe(first.draw.commitment);

  // Resumable: pressing "draw" again gives the picks the stored state determines.
  const expected = await picksFromStoredState(second.id);
  expect((await reveal(server, first.f.operator.token, second.id)).data.revealDraw.status).toBe('COMPLETED');
  expect((await picksOf(server, first.f.operator.token, second.id)).bySegment).toEqual(expected.picks);
  const record = (await ok(server, DRAW_RECORD, { id: second.id }, first.f.operator.token)).drawRecord;
  expect(record.segments[0].picks).toEqual(expected.picks[0]);
  expect(verifyRecordNode(record)).toEqual({ ok: true });
  expect((await storedResult(second.id)).events.map((e) => e[1])).toEqual(['SCHEDULED', 'OPENED', 'REVEALED', 'PICKS', 'COMPLETED']);
});

test('a hub killed after the reveal committed but while the picks are still being shown: the restarted hub streams the remaining picks on time', async () => {
  const f = await drawFixture(server, { targets: 40 });
  const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, fixedCount: 5 }]);
  const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1000, paceMs: 800, batchSize: 1 });
  const invite = await inviteByLink(server, f.operator.token, draw.id);
  await openDraw(server, f.operator.token, draw.id);
  await waitForWindow(server, f.operator.token, draw.id);

  const first = await startHubProcess(server.config.database);
  const revealed = await first.gql(`mutation($id: ID!) { revealDraw(id: $id) { status completedAt } }`, { id: draw.id }, f.operator.token);
  expect(revealed.data.revealDraw.status).toBe('DRAWING');
  first.child.kill('SIGKILL'); // the picks are stored; four of the five are still to be shown, 0.8 s apart
  expect(await first.exited).toBe('SIGKILL');

  const restarted = await startHubProcess(server.config.database);
  try {
    const client = createClient({ url: restarted.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const completesAt = Date.parse(revealed.data.revealDraw.completedAt);
    const watching = await subscribeCollect(client, DRAW_EVENTS, { id: draw.id, after: 0, invite }, until('COMPLETED'), completesAt - Date.now() + 3000);
    await client.dispose();
    const seen = watching.events.map((e) => e.drawEvents as DrawEventView);
    expect(seen.map((e) => e.type)).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'REVEALED', 'PICKS', 'PICKS', 'PICKS', 'PICKS', 'PICKS', 'COMPLETED']);
    expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i + 1));
    const record = (await restarted.gql(DRAW_RECORD, { id: draw.id }, f.operator.token)).data.drawRecord;
    expect(seen.filter((e) => e.type === 'PICKS').map((e) => e.payload.picks[0].id)).toEqual(record.segments[0].picks);
  } finally {
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }
});
