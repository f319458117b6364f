import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { verifyRecordNode } from '../../server/domain/draw-v1-node';
import { Role } from '../../server/domain/vocabulary';
import { createTask, drawFixture, sleep } from '../helpers/draw-fixture';
import {
  codeOf, commitmentOf, contribute, DRAW_EVENTS, DRAW_RECORD, DrawEventView, errorOf, inviteByLink, JURISDICTION_EVENTS, ok, openDraw, picksOf, reveal,
  runDraw, schedule, siblingCounty, waitForCompletion, waitForWindow,
} from '../helpers/draw-steps';
import { createUserIn } from '../helpers/factories';
import { databaseUrlOf } from '../helpers/hub-process';
import { createTestServer, describeMultiProcess, REDIS_URL, startTwoHubs, subscribeCollect, TestServer } from '../helpers/test-server';

/**
 * Draws as people watch them: supervisors following their jurisdiction, witnesses and late joiners
 * on a draw's own stream, voided draws that stay visible, and (MariaDB + Redis only, as in
 * multi-process.test.ts) two hub processes where the draw runs on one and is watched on the other;
 * one of those runs the built hub (dist/, from `npm test`'s pretest or `npx tsc -p tsconfig.json`) in a
 * child process to watch it close.
 */
const LOCK = `mutation($id: ID!) { lockDraw(id: $id) { status } }`;
const VOID = `mutation($id: ID!, $reason: String!) { voidDraw(id: $id, reason: $reason) { status voidReason } }`;
const drawEvents = (r: { events: any[] }) => r.events.map((e) => e.drawEvents as DrawEventView);
const jurisdictionEvents = (r: { events: any[] }) => r.events.map((e) => e.jurisdictionDrawEvents as DrawEventView);
const has = (type: string, drawId?: string) => (events: DrawEventView[]) => events.some((e) => e.type === type && (drawId === undefined || e.drawId === drawId));
/** A `subscribeCollect` stop condition on a draw's own stream. */
const until = (type: string) => (events: any[]) => has(type)(drawEvents({ events }));
const consecutive = (events: { seq: number }[]) => events.map((_, i) => i + 1);
const brief = (events: DrawEventView[]) => events.map((e) => [e.seq, e.type]);

describe('draws as they happen (one hub)', () => {
  let server: TestServer;
  beforeAll(async () => { server = await createTestServer(); });
  afterAll(async () => { await server.close(); });

  test("a supervisor two levels up follows the county's draws on the jurisdiction stream and opens a draw's own stream from it; a sibling county and another province see none of it", async () => {
    const f = await drawFixture(server, { targets: 30 });
    const sibling = await siblingCounty(server, f);
    const elsewhere = await drawFixture(server, { targets: 5 }); // another province altogether
    const countyDraw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, ratioPercent: 20 }]), { closeMs: 1500, paceMs: 300, batchSize: 2 });
    const siblingDraw = await schedule(server, sibling.operator.token, await createTask(server, sibling.planner.token, sibling.itemId, [{ label: 'objects/sibling', filter: {}, fixedCount: 1 }]), { closeMs: 1500 });

    const untilBoth = (events: any[]) => has('ANNOUNCED', countyDraw.id)(jurisdictionEvents({ events })) && has('ANNOUNCED', siblingDraw.id)(jurisdictionEvents({ events }));
    const province = subscribeCollect(server.ws(f.provinceSupervisor.token), JURISDICTION_EVENTS, { after: 0 }, untilBoth, 30000);
    const city = subscribeCollect(server.ws(f.supervisor.token), JURISDICTION_EVENTS, { after: 0 }, untilBoth, 30000);
    const siblingWatch = subscribeCollect(server.ws(sibling.supervisor.token), JURISDICTION_EVENTS, { after: 0 }, (events) => has('ANNOUNCED', siblingDraw.id)(jurisdictionEvents({ events })), 30000);
    await Promise.all([province.first, city.first, siblingWatch.first]);

    // The province supervisor learns of the county's draw from the jurisdiction stream and opens its own stream.
    const otherProvinceDraw = await schedule(server, elsewhere.operator.token, await createTask(server, elsewhere.planner.token, elsewhere.itemId, [{ label: 'x', filter: {}, fixedCount: 1 }]), { closeMs: 60000 });
    const ownStream = subscribeCollect(server.ws(f.provinceSupervisor.token), DRAW_EVENTS, { id: countyDraw.id, after: 0 }, until('ANNOUNCED'), 30000);
    await ownStream.first;

    await Promise.all([openDraw(server, f.operator.token, countyDraw.id), openDraw(server, sibling.operator.token, siblingDraw.id)]);
    await waitForWindow(server, f.operator.token, countyDraw.id);
    expect((await reveal(server, f.operator.token, countyDraw.id)).data.revealDraw.status).toBe('DRAWING');
    expect((await reveal(server, sibling.operator.token, siblingDraw.id)).data.revealDraw.status).toBe('COMPLETED');
    await waitForCompletion(server, f.operator.token, countyDraw.id);
    expect((await ok(server, LOCK, { id: countyDraw.id }, f.operator.token)).lockDraw.status).toBe('ANNOUNCED');
    expect((await ok(server, LOCK, { id: siblingDraw.id }, sibling.operator.token)).lockDraw.status).toBe('ANNOUNCED'); // after the county's last event

    const own = drawEvents(await ownStream);
    expect(own.map((e) => e.type)).toEqual(['SCHEDULED', 'OPENED', 'REVEALED', 'PICKS', 'PICKS', 'PICKS', 'COMPLETED', 'LOCKED', 'VISITS_FORMED', 'ANNOUNCED']);
    expect(own.map((e) => e.seq)).toEqual(consecutive(own));
    expect(own[0].payload.commitment).toBe(countyDraw.commitment);

    const seenByProvince = jurisdictionEvents(await province);
    const seenByCity = jurisdictionEvents(await city);
    const globals = seenByProvince.map((e) => e.globalSeq);
    expect(globals).toEqual([...globals].sort((a, b) => a - b));
    expect(new Set(globals).size).toBe(globals.length);
    expect(seenByProvince.filter((e) => e.drawId === countyDraw.id).map((e) => [e.seq, e.globalSeq, e.type])).toEqual(own.map((e) => [e.seq, e.globalSeq, e.type]));
    expect(brief(seenByProvince.filter((e) => e.drawId === siblingDraw.id))).toEqual([[1, 'SCHEDULED'], [2, 'OPENED'], [3, 'REVEALED'], [4, 'PICKS'], [5, 'COMPLETED'], [6, 'LOCKED'], [7, 'VISITS_FORMED'], [8, 'ANNOUNCED']]);
    expect(seenByProvince.map((e) => e.drawId)).not.toContain(otherProvinceDraw.id);
    expect(seenByCity.map((e) => [e.drawId, e.seq])).toEqual(seenByProvince.map((e) => [e.drawId, e.seq]));
    const seenBySibling = jurisdictionEvents(await siblingWatch);
    expect(new Set(seenBySibling.map((e) => e.drawId))).toEqual(new Set([siblingDraw.id]));
    expect(Math.max(...seenBySibling.map((e) => e.globalSeq))).toBeGreaterThan(Math.max(...own.map((e) => e.globalSeq)));

    // Resuming the jurisdiction stream after the county's reveal gives exactly the rest.
    const revealedAt = own.find((e) => e.type === 'REVEALED')!.globalSeq;
    const resumed = jurisdictionEvents(await subscribeCollect(server.ws(f.provinceSupervisor.token), JURISDICTION_EVENTS, { after: revealedAt }, untilBoth, 10000));
    expect(resumed).toEqual(seenByProvince.filter((e) => e.globalSeq > revealedAt));

    // The province supervisor reads the county's draw and its record, but cannot run it.
    expect((await ok(server, `query($id: ID!) { draw(id: $id) { status picks { totalItems } } }`, { id: countyDraw.id }, f.provinceSupervisor.token)).draw).toEqual({ status: 'ANNOUNCED', picks: { totalItems: 6 } });
    expect(verifyRecordNode((await ok(server, DRAW_RECORD, { id: countyDraw.id }, f.provinceSupervisor.token)).drawRecord)).toEqual({ ok: true });
    expect(codeOf(await server.gql(VOID, { id: countyDraw.id, reason: '上级要求' }, { token: f.provinceSupervisor.token }))).toBe('FORBIDDEN');
  });

  test('seq numbers stay consecutive when a witness joins while the picks are still being revealed: live, late and resuming subscribers and the stored log', async () => {
    const f = await drawFixture(server, { targets: 20 });
    const witnessUser = await createUserIn(server, f.root.token, f.county.id, [Role.WITNESS]);
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 4 }]), { closeMs: 1000, paceMs: 700, batchSize: 1 });
    await ok(server, `mutation($id: ID!, $u: ID!) { inviteWitness(drawId: $id, input: { displayName: "纪检组 李见证", organisation: "纪检组", userId: $u }) { witness { id } } }`, { id: draw.id, u: String(witnessUser.id) }, f.operator.token);
    const done = (events: any[]) => events.length >= 10;
    const live = subscribeCollect(server.ws(f.supervisor.token), DRAW_EVENTS, { id: draw.id, after: 0 }, done, 20000);
    await live.first;
    await openDraw(server, f.operator.token, draw.id);
    await waitForWindow(server, f.operator.token, draw.id);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('DRAWING');
    await sleep(200);
    // The witness arrives late, during the paced reveal (joining is allowed while DRAWING).
    expect((await ok(server, `mutation($id: ID!) { joinDraw(drawId: $id) { joinedAt } }`, { id: draw.id }, witnessUser.token)).joinDraw.joinedAt).toBeTruthy();
    await sleep(200);
    const late = subscribeCollect(server.ws(witnessUser.token), DRAW_EVENTS, { id: draw.id, after: 0 }, done, 8000);
    const resuming = subscribeCollect(server.ws(f.operator.token), DRAW_EVENTS, { id: draw.id, after: 3 }, (events) => events.length >= 7, 8000);
    const logged = (await ok(server, `query($id: ID!) { draw(id: $id) { status events { seq type } } }`, { id: draw.id }, f.operator.token)).draw;
    expect(logged.status).toBe('DRAWING');
    expect(logged.events.map((e: any) => e.seq)).toEqual(consecutive(logged.events));

    const expected = ['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'REVEALED', 'PICKS', 'PICKS', 'PICKS', 'PICKS', 'COMPLETED', 'WITNESS_JOINED'];
    const liveEvents = drawEvents(await live);
    expect(liveEvents.map((e) => e.type)).toEqual(expected);
    expect(liveEvents.map((e) => e.seq)).toEqual(consecutive(liveEvents));
    const lateEvents = drawEvents(await late);
    expect(brief(lateEvents)).toEqual(brief(liveEvents));
    expect(brief(drawEvents(await resuming))).toEqual(brief(liveEvents.slice(3)));
  });

  test('a voided draw stays visible: listed with its reason, its stream ends with the published secret and the reason, and a revealed one keeps a public, verifiable record', async () => {
    const f = await drawFixture(server, { targets: 20 });
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, ratioPercent: 20 }]);

    // Voided while open, before any reveal.
    const first = await schedule(server, f.operator.token, taskId, { closeMs: 60000 });
    const invite = await inviteByLink(server, f.operator.token, first.id);
    await openDraw(server, f.operator.token, first.id);
    await contribute(server, first.id, '见证人的随机数', invite);
    expect(errorOf(await server.gql(VOID, { id: first.id, reason: '  ' }, { token: f.operator.token }))!.code).toBe('VALIDATION_FAILED');
    expect((await ok(server, VOID, { id: first.id, reason: '见证人未按时到场' }, f.operator.token)).voidDraw).toEqual({ status: 'VOIDED', voidReason: '见证人未按时到场' });

    const stream = drawEvents(await subscribeCollect(server.ws(), DRAW_EVENTS, { id: first.id, after: 0, invite }, until('VOIDED'), 10000));
    expect(stream.map((e) => e.type)).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'ENTROPY_ACCEPTED', 'VOIDED']);
    expect(stream.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const voided = stream[4].payload;
    expect(voided).toMatchObject({ reason: '见证人未按时到场', from: 'OPEN', by: f.operator.username });
    expect(commitmentOf(voided.secretHex)).toBe(first.commitment);
    for (const user of [f.operator, f.supervisor, f.provinceSupervisor]) {
      const seen = (await ok(server, `query($id: ID!) { draw(id: $id) { status voidReason voidedAt events { type } } }`, { id: first.id }, user.token)).draw;
      expect(seen).toMatchObject({ status: 'VOIDED', voidReason: '见证人未按时到场', events: stream.map((e) => ({ type: e.type })) });
      expect(Date.parse(seen.voidedAt)).toBeLessThanOrEqual(Date.now());
    }

    // Drawn again: a new secret and commitment; then voided after it completed.
    const second = await schedule(server, f.operator.token, taskId, { closeMs: 1000 });
    expect(second.commitment).not.toBe(first.commitment);
    await runDraw(server, f.operator.token, second.id);
    const { bySegment } = await picksOf(server, f.operator.token, second.id);
    expect((await ok(server, VOID, { id: second.id, reason: '抽取范围有误，需重新确定' }, f.operator.token)).voidDraw.status).toBe('VOIDED');
    const third = await schedule(server, f.operator.token, taskId, { closeMs: 1000 });
    await runDraw(server, f.operator.token, third.id, { lock: true });

    const { task } = await ok(server, `query($id: ID!) { task(id: $id) { draws { id status voidReason } } }`, { id: taskId }, f.provinceSupervisor.token);
    expect(task.draws).toEqual([
      { id: first.id, status: 'VOIDED', voidReason: '见证人未按时到场' },
      { id: second.id, status: 'VOIDED', voidReason: '抽取范围有误，需重新确定' },
      { id: third.id, status: 'ANNOUNCED', voidReason: null },
    ]);
    // The voided, revealed draw's record is public (no login) and still verifies; it says it was voided and why.
    const record = (await server.gql(DRAW_RECORD, { id: second.id })).data.drawRecord;
    expect(record).toMatchObject({ status: 'VOIDED', voided: { reason: '抽取范围有误，需重新确定' }, segments: [{ picks: bySegment[0] }] });
    expect(verifyRecordNode(record)).toEqual({ ok: true });
    const secondStream = drawEvents(await subscribeCollect(server.ws(f.supervisor.token), DRAW_EVENTS, { id: second.id, after: 0 }, until('VOIDED'), 10000));
    expect(brief(secondStream)).toEqual([[1, 'SCHEDULED'], [2, 'OPENED'], [3, 'REVEALED'], [4, 'PICKS'], [5, 'COMPLETED'], [6, 'VOIDED']]);
    expect(secondStream[5].payload).toMatchObject({ from: 'COMPLETED', secretHex: record.secretHex });
  });

  test('a draw voided while its picks are still being revealed: every subscriber, early or late, sees consecutive events ending with VOIDED', async () => {
    const f = await drawFixture(server, { targets: 20 });
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 4 }]), { closeMs: 1000, paceMs: 600, batchSize: 1 });
    const live = subscribeCollect(server.ws(f.supervisor.token), DRAW_EVENTS, { id: draw.id, after: 0 }, until('VOIDED'), 15000);
    await live.first;
    await openDraw(server, f.operator.token, draw.id);
    await waitForWindow(server, f.operator.token, draw.id);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('DRAWING');
    await sleep(300);
    expect((await ok(server, VOID, { id: draw.id, reason: '发现名录数据错误' }, f.operator.token)).voidDraw.status).toBe('VOIDED');
    const late = drawEvents(await subscribeCollect(server.ws(f.provinceSupervisor.token), DRAW_EVENTS, { id: draw.id, after: 0 }, until('VOIDED'), 8000));
    const liveEvents = drawEvents(await live);
    expect(liveEvents.map((e) => e.seq)).toEqual(consecutive(liveEvents));
    expect(liveEvents.at(-1)).toMatchObject({ type: 'VOIDED', payload: { reason: '发现名录数据错误' } });
    expect(late.map((e) => e.seq)).toEqual(consecutive(late));
    expect(brief(late)).toEqual(brief(liveEvents));
  });

  test('voiding during the paced reveal is reported as voided from DRAWING, the status everyone was shown', async () => {
    const f = await drawFixture(server, { targets: 20 });
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 3 }]), { closeMs: 1000, paceMs: 1000, batchSize: 1 });
    await openDraw(server, f.operator.token, draw.id);
    await waitForWindow(server, f.operator.token, draw.id);
    await reveal(server, f.operator.token, draw.id);
    expect((await ok(server, `query($id: ID!) { draw(id: $id) { status } }`, { id: draw.id }, f.operator.token)).draw.status).toBe('DRAWING');
    expect((await ok(server, VOID, { id: draw.id, reason: '发现名录数据错误' }, f.operator.token)).voidDraw.status).toBe('VOIDED');
    await waitForCompletion(server, f.operator.token, draw.id);
    await sleep(2100);
    const log = (await ok(server, `query($id: ID!) { draw(id: $id) { events { type payload } } }`, { id: draw.id }, f.operator.token)).draw.events;
    expect(log.at(-1)).toMatchObject({ type: 'VOIDED', payload: { reason: '发现名录数据错误', from: 'DRAWING' } });
  });
});

/** Two hubs on one MariaDB and one Redis. SQLite is a single-process database, so this runs only against MariaDB. */

describeMultiProcess('two hub processes sharing MariaDB and Redis', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => { [a, b] = await startTwoHubs(); });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  test('a draw run on one hub reaches a witness and a supervisor on the other, live, paced and in order', async () => {
    const f = await drawFixture(a, { targets: 30 });
    const draw = await schedule(a, f.operator.token, await createTask(a, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, ratioPercent: 20 }]), { closeMs: 1500, paceMs: 500, batchSize: 2 });
    const invite = await inviteByLink(a, f.operator.token, draw.id);
    const done = until('ANNOUNCED');
    const witnessOnB = subscribeCollect(b.ws(), DRAW_EVENTS, { id: draw.id, after: 0, invite }, done, 30000);
    const supervisorOnB = subscribeCollect(b.ws(f.provinceSupervisor.token), JURISDICTION_EVENTS, { after: 0 }, (events) => has('ANNOUNCED')(jurisdictionEvents({ events })), 30000);
    await Promise.all([witnessOnB.first, supervisorOnB.first]);

    await openDraw(a, f.operator.token, draw.id);
    expect((await contribute(b, draw.id, '在另一台服务器上提交', invite)).data.contributeEntropy.ordinal).toBe(0);
    await waitForWindow(a, f.operator.token, draw.id);
    const revealed = await reveal(a, f.operator.token, draw.id);
    expect(revealed.data.revealDraw.status).toBe('DRAWING');
    await waitForCompletion(a, f.operator.token, draw.id);
    expect((await ok(a, LOCK, { id: draw.id }, f.operator.token)).lockDraw.status).toBe('ANNOUNCED');

    const onB = drawEvents(await witnessOnB);
    expect(onB.map((e) => e.type)).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'ENTROPY_ACCEPTED', 'REVEALED', 'PICKS', 'PICKS', 'PICKS', 'COMPLETED', 'LOCKED', 'VISITS_FORMED', 'ANNOUNCED']);
    expect(onB.map((e) => e.seq)).toEqual(consecutive(onB));
    const pickTimes = onB.filter((e) => e.type === 'PICKS').map((e) => Date.parse(e.at));
    expect(pickTimes.slice(1).map((t, i) => t - pickTimes[i])).toEqual([500, 500]);
    expect(jurisdictionEvents(await supervisorOnB).map((e) => [e.seq, e.type])).toEqual(brief(onB));
    const onA = drawEvents(await subscribeCollect(a.ws(f.operator.token), DRAW_EVENTS, { id: draw.id, after: 0 }, done, 10000));
    expect(onA).toEqual(onB);
    const picked = onB.filter((e) => e.type === 'PICKS').flatMap((e) => e.payload.picks.map((p: any) => p.id));
    const record = (await ok(b, DRAW_RECORD, { id: draw.id })).drawRecord;
    expect(record.segments[0].picks).toEqual(picked);
    expect(verifyRecordNode(record)).toEqual({ ok: true });
  });

  test('closing a hub whose draw feed listens on Redis leaves no unhandled rejection behind', async () => {
    // The hub runs in a child process (dist/, as `npm start` builds it) that reports unhandled rejections
    // for half a second after app.close(); in process, Jest would only say "Test suite failed to run".
    const f = await drawFixture(a, { targets: 5 });
    const draw = await schedule(a, f.operator.token, await createTask(a, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 1 }]), { closeMs: 60000 });
    const dist = path.resolve(__dirname, '../../dist/server');
    const script = `
      const { createApp } = require(${JSON.stringify(`${dist}/app.js`)});
      const { loadConfig } = require(${JSON.stringify(`${dist}/config.js`)});
      const { createLogger } = require(${JSON.stringify(`${dist}/logger.js`)});
      process.on('unhandledRejection', (e) => console.log('UNHANDLED REJECTION: ' + (e && e.message)));
      (async () => {
        const config = { ...loadConfig({ DATABASE_URL: process.env.HUB_DB, REDIS_URL: process.env.HUB_REDIS, DATA_DIR: process.env.HUB_DIR, DEMO: '0' }), port: 0 };
        const app = await createApp(config, { log: createLogger('silent') });
        console.log('URL ' + app.url);
        process.stdin.once('data', async () => { await app.close(); console.log('CLOSED'); setTimeout(() => process.exit(0), 500); });
      })();`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-close-'));
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, HUB_DB: databaseUrlOf(a.config.database), HUB_REDIS: REDIS_URL, HUB_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let i = 0; i < 300 && !/URL (\S+)/.test(output); i++) await sleep(100);
      const url = /URL (\S+)/.exec(output)![1];
      const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${f.supervisor.token}` }, retryAttempts: 0 });
      const watching = subscribeCollect(client, DRAW_EVENTS, { id: draw.id, after: 0 }, until('OPENED'), 20000);
      await watching.first;
      await openDraw(a, f.operator.token, draw.id); // run on one hub, delivered by the other through Redis
      expect(drawEvents(await watching).map((e) => e.type)).toEqual(['SCHEDULED', 'OPENED']);
      await client.dispose();
      child.stdin.write('close\n');
      expect(await exited).toBe(0);
      expect(output).toContain('CLOSED');
      expect(output).not.toContain('UNHANDLED REJECTION');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('two operators pressing "draw" on two hubs at once: exactly one draw happens', async () => {
    const f = await drawFixture(a, { targets: 60, capPercent: 100 });
    const second = await createUserIn(a, f.root.token, f.county.id, [Role.DRAW_OPERATOR]);
    const draw = await schedule(a, f.operator.token, await createTask(a, f.planner.token, f.itemId, [{ label: 'objects/a', filter: {}, ratioPercent: 50 }]), { closeMs: 1000 });
    await openDraw(a, f.operator.token, draw.id);
    await waitForWindow(a, f.operator.token, draw.id);
    const presses = await Promise.all([reveal(a, f.operator.token, draw.id), reveal(b, second.token, draw.id), reveal(b, f.operator.token, draw.id), reveal(a, second.token, draw.id)]);
    expect(presses.filter((r) => r.data?.revealDraw).length).toBe(1);
    for (const refused of presses.filter((r) => r.errors)) expect(errorOf(refused)).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'COMPLETED', action: 'REVEAL' } });
    const { totalItems, bySegment } = await picksOf(b, f.operator.token, draw.id);
    expect([totalItems, new Set(bySegment[0]).size]).toEqual([30, 30]);
    const { draw: stored } = await ok(b, `query($id: ID!) { draw(id: $id) { events { seq type } } }`, { id: draw.id }, f.operator.token);
    expect(brief(stored.events)).toEqual([[1, 'SCHEDULED'], [2, 'OPENED'], [3, 'REVEALED'], [4, 'PICKS'], [5, 'COMPLETED']]);
    expect(verifyRecordNode((await ok(a, DRAW_RECORD, { id: draw.id }, f.operator.token)).drawRecord)).toEqual({ ok: true });
  });
});
