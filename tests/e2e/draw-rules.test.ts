import { verifyRecordNode } from '../../server/domain/draw-v1-node';
import { DrawWitness } from '../../server/modules/draw/draw.entity';
import { closesIn, createTask, drawFixture, SCHEDULE } from '../helpers/draw-fixture';
import { createUserIn } from '../helpers/factories';
import { Role } from '../../server/domain/vocabulary';
import {
  addItem, addTargets, codeOf, commitmentOf, contribute, createPlannedTask, DRAW_EVENTS, DRAW_RECORD, DrawEventView, errorOf, inviteByLink, JURISDICTION_EVENTS,
  ok, openDraw, picksOf, planBatch, reveal, runDraw, schedule, sha256, siblingCounty, subscriptionCodes, waitForCompletion, waitForWindow, yearWindow,
} from '../helpers/draw-steps';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';

/**
 * The rules around a draw, each refused with its own error code and nothing written: pools that
 * cannot be drawn, counts and ratios, entropy, witness links, the state machine, two presses of
 * "draw" at once; and the published eligibility rules that form a pool. Runs on SQLite and, with
 * DATABASE_URL=mysql://…, on MariaDB. Every test builds its own province → city → county.
 */
let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const POOL_PREVIEW = `query($id: ID!) { task(id: $id) { poolPreview { countingRule segments { label poolSize count excludedCount excluded { publicId reason reasonText } } } draws { id status } } }`;
const byId = (a: { publicId: string }, b: { publicId: string }) => (a.publicId < b.publicId ? -1 : 1);

describe('scheduling refuses a draw the rules do not allow, before anything is written', () => {
  test('a segment without eligible targets: EMPTY_POOL naming the segment', async () => {
    const f = await drawFixture(server, { targets: 10 });
    // Enterprises: the directory has none. Deregistered individual businesses: only ones that are out of business.
    await addTargets(server, f.planner.token, [{ status: 'DEREGISTERED', riskLevel: 'HIGH' }]);
    for (const filter of [{ types: ['ENTERPRISE'] }, { riskLevels: ['HIGH'] }]) {
      const taskId = await createTask(server, f.planner.token, f.itemId, [
        { label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'], riskLevels: ['MEDIUM'] }, fixedCount: 1 },
        { label: 'objects/empty', filter, ratioPercent: 10 },
      ]);
      const res = await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(60000) } }, { token: f.operator.token });
      expect(errorOf(res)).toMatchObject({ code: 'EMPTY_POOL', messageEn: 'Segment "objects/empty" has no eligible targets to draw from.' });
      expect(errorOf(res)!.message).toContain('objects/empty');
      expect((await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task.draws).toEqual([]);
    }
  });

  test('a count above the pool: COUNT_ABOVE_POOL with the count and the pool size; the whole pool can be drawn', async () => {
    const f = await drawFixture(server, { targets: 30, capPercent: 100 });
    const over = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/all', filter: { types: ['INDIVIDUAL_BUSINESS'] }, fixedCount: 31 }]);
    const res = await server.gql(SCHEDULE, { task: over, input: { entropyClosesAt: closesIn(60000) } }, { token: f.operator.token });
    expect(errorOf(res)).toMatchObject({ code: 'COUNT_ABOVE_POOL', messageEn: 'Segment "objects/all" asks for 31 targets but only 30 are eligible.' });
    expect((await ok(server, POOL_PREVIEW, { id: over }, f.planner.token)).task.draws).toEqual([]);

    const whole = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/all', filter: { types: ['INDIVIDUAL_BUSINESS'] }, fixedCount: 30 }]);
    expect((await schedule(server, f.operator.token, whole)).segments).toEqual([expect.objectContaining({ poolSize: 30, count: 30 })]);
  });

  test("a ratio or count above a GENERAL item's cap: RATIO_OVER_CAP; at the cap it is drawn; KEY items have no cap", async () => {
    const f = await drawFixture(server, { targets: 40, capPercent: 20 });
    const segment = (extra: Record<string, unknown>) => [{ label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, ...extra }];
    const keyItem = await addItem(server, f.planner.token, 'KEY');
    const itemCode = 'PL-T-1'; // the fixture's GENERAL item

    for (const extra of [{ ratioPercent: 25 }, { ratioPercent: 20.5 }, { fixedCount: 9 }]) {
      const taskId = await createTask(server, f.planner.token, f.itemId, segment(extra));
      const res = await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(60000) } }, { token: f.operator.token });
      expect(errorOf(res)).toMatchObject({ code: 'RATIO_OVER_CAP' });
      expect(errorOf(res)!.messageEn).toContain('of 40, above the 20% cap of GENERAL item');
      expect(errorOf(res)!.messageEn).toContain(itemCode);
      expect((await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task.draws).toEqual([]);
    }
    // A GENERAL item's cap still binds when the task also has a KEY item.
    const mixed = await createTask(server, f.planner.token, f.itemId, segment({ ratioPercent: 30 }), { itemIds: [f.itemId, keyItem] });
    expect(codeOf(await server.gql(SCHEDULE, { task: mixed, input: { entropyClosesAt: closesIn(60000) } }, { token: f.operator.token }))).toBe('RATIO_OVER_CAP');

    const atCap = await createTask(server, f.planner.token, f.itemId, segment({ ratioPercent: 20 }));
    expect((await schedule(server, f.operator.token, atCap)).segments[0]).toMatchObject({ poolSize: 40, count: 8 });
    const keyOnly = await createTask(server, f.planner.token, keyItem, segment({ ratioPercent: 100 }));
    expect((await schedule(server, f.operator.token, keyOnly)).segments[0]).toMatchObject({ poolSize: 40, count: 40 });
  });

  test('the counting rule: pool × ratio rounded up, at least 1; the preview and the scheduled draw agree', async () => {
    const f = await drawFixture(server, { targets: 40, capPercent: 100 });
    const cases: [number, number][] = [[1, 1], [2.5, 1], [7, 3], [10, 4], [12.5, 5], [12.6, 6], [26, 11], [0.1, 1], [100, 40]];
    for (const [ratio, expected] of cases) {
      const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, ratioPercent: ratio }]);
      const { poolPreview } = (await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task;
      expect(poolPreview.countingRule).toContain('向上取整');
      expect([ratio, poolPreview.segments[0].poolSize, poolPreview.segments[0].count]).toEqual([ratio, 40, expected]);
      if (ratio === 7 || ratio === 0.1) expect([ratio, (await schedule(server, f.operator.token, taskId)).segments[0].count]).toEqual([ratio, expected]);
    }
    const english = await server.gql(`query($id: ID!) { task(id: $id) { poolPreview { countingRule } } }`, { id: await createTask(server, f.planner.token, f.itemId, [{ label: 'a', filter: {}, ratioPercent: 5 }]) }, { token: f.planner.token, lang: 'en' });
    expect(english.data.task.poolPreview.countingRule).toMatch(/rounded up; at least 1/);
  });
});

describe('pools are formed by the published rules, and every exclusion is listed with its reason', () => {
  test('targets out of business are left out (NOT_IN_BUSINESS) in the preview and in the record; abnormal-list targets stay in', async () => {
    const f = await drawFixture(server, { targets: 5, capPercent: 100 });
    const [active, abnormal, ...gone] = await addTargets(server, f.planner.token, (['ACTIVE', 'ABNORMAL_LIST', 'DEREGISTERED', 'REVOKED', 'MOVED', 'CLOSED'] as const).map((status) => ({ status, riskLevel: 'HIGH' as const })));
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/high', filter: { riskLevels: ['HIGH'] }, ratioPercent: 100 }]);
    const preview = (await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task.poolPreview.segments[0];
    expect(preview).toMatchObject({ poolSize: 2, count: 2, excludedCount: 4 });
    expect(preview.excluded).toEqual(gone.map((t) => ({ publicId: t.creditCode, reason: 'NOT_IN_BUSINESS', reasonText: expect.stringContaining('非存续') })).sort(byId));

    const draw = await schedule(server, f.operator.token, taskId);
    expect(draw.segments[0]).toMatchObject({ poolSize: 2, count: 2, excludedCount: 4 });
    await runDraw(server, f.operator.token, draw.id);
    const record = (await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token)).drawRecord;
    expect(record.segments[0].ids).toEqual([active.creditCode, abnormal.creditCode].sort());
    expect(record.segments[0].excluded).toEqual(gone.map((t) => ({ id: t.creditCode, reason: 'NOT_IN_BUSINESS' })).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(verifyRecordNode(record)).toEqual({ ok: true });
  });

  test('a target drawn twice this calendar year is left out unless exempt (KEY item, ≥ 2 complaints, abnormal list, dishonest, serious violation, directed task)', async () => {
    const f = await drawFixture(server, { targets: 5, capPercent: 100 });
    const [plain, oneComplaint, twoComplaints, abnormal, dishonest, serious] = await addTargets(server, f.planner.token, [
      { riskLevel: 'HIGH' }, { riskLevel: 'HIGH', complaintCount: 1 }, { riskLevel: 'HIGH', complaintCount: 2 },
      { riskLevel: 'HIGH', status: 'ABNORMAL_LIST' }, { riskLevel: 'HIGH', dishonest: true }, { riskLevel: 'HIGH', seriousViolation: true },
    ]);
    const [drawnOnce] = await addTargets(server, f.planner.token, [{ riskLevel: 'LOW' }]);
    const high = { label: 'objects/high', filter: { riskLevels: ['HIGH'] }, ratioPercent: 100 };
    const highAndLow = { label: 'objects/high-low', filter: { riskLevels: ['HIGH', 'LOW'] }, ratioPercent: 100 };
    const low = { label: 'objects/low', filter: { riskLevels: ['LOW'] }, ratioPercent: 100 };

    // Two standing draws take every HIGH target (drawnOnce is in the first only). A third draw of the
    // LOW target is voided after it completes, and a fourth is still open: neither counts.
    const first = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [highAndLow], yearWindow()));
    const second = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [high], yearWindow()));
    const voided = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [low], yearWindow()));
    const stillOpen = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [low], yearWindow()), { closeMs: 60000 });
    await openDraw(server, f.operator.token, stillOpen.id);
    await Promise.all([first, second, voided].map((d) => runDraw(server, f.operator.token, d.id)));
    expect((await ok(server, `mutation($id: ID!) { voidDraw(id: $id, reason: "见证人未到场") { status } }`, { id: voided.id }, f.operator.token)).voidDraw.status).toBe('VOIDED');
    expect((await picksOf(server, f.operator.token, first.id)).totalItems).toBe(7);
    expect((await picksOf(server, f.operator.token, second.id)).totalItems).toBe(6);

    const keyItem = await addItem(server, f.planner.token, 'KEY');
    const batchId = await planBatch(server, f.planner.token, [f.itemId, keyItem]);
    const planned = await createPlannedTask(server, f.planner.token, [f.itemId], batchId, [highAndLow]);
    const preview = (await ok(server, POOL_PREVIEW, { id: planned }, f.planner.token)).task.poolPreview.segments[0];
    expect(preview.excluded).toEqual([plain, oneComplaint].map((t) => ({ publicId: t.creditCode, reason: 'DRAWN_TWICE_THIS_YEAR', reasonText: '本年度已被抽中两次' })).sort(byId));
    expect(preview).toMatchObject({ poolSize: 5, excludedCount: 2 });
    const draw = await schedule(server, f.operator.token, planned);
    expect(draw.segments[0]).toMatchObject({ poolSize: 5, count: 5, excludedCount: 2 });
    await runDraw(server, f.operator.token, draw.id);
    const record = (await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token)).drawRecord;
    expect(record.segments[0].ids).toEqual([twoComplaints, abnormal, dishonest, serious, drawnOnce].map((t) => t.creditCode).sort());
    expect(record.segments[0].excluded).toEqual([plain, oneComplaint].map((t) => ({ id: t.creditCode, reason: 'DRAWN_TWICE_THIS_YEAR' })).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(verifyRecordNode(record)).toEqual({ ok: true });

    // Exempt as a whole: a directed task, and a planned task carrying a KEY item.
    const directed = await createTask(server, f.planner.token, f.itemId, [highAndLow], yearWindow());
    const withKey = await createPlannedTask(server, f.planner.token, [f.itemId, keyItem], batchId, [highAndLow]);
    for (const taskId of [directed, withKey]) {
      const segment = (await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task.poolPreview.segments[0];
      expect(segment).toMatchObject({ poolSize: 7, excludedCount: 0, excluded: [] });
    }
  });

  test('a target matching two segments belongs to the first; the second lists it as IN_EARLIER_SEGMENT', async () => {
    const f = await drawFixture(server, { targets: 12, capPercent: 100 });
    const highs = await addTargets(server, f.planner.token, [{ riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }]);
    const taskId = await createTask(server, f.planner.token, f.itemId, [
      { label: 'objects/high-risk', filter: { riskLevels: ['HIGH'] }, fixedCount: 2 },
      { label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, ratioPercent: 25 },
    ]);
    const preview = (await ok(server, POOL_PREVIEW, { id: taskId }, f.planner.token)).task.poolPreview.segments;
    expect(preview.map((s: any) => [s.label, s.poolSize, s.count, s.excludedCount])).toEqual([['objects/high-risk', 3, 2, 0], ['objects/individual', 12, 3, 3]]);
    expect(preview[1].excluded).toEqual(highs.map((t) => ({ publicId: t.creditCode, reason: 'IN_EARLIER_SEGMENT', reasonText: '已在本任务前面的分段中' })).sort(byId));

    const draw = await schedule(server, f.operator.token, taskId);
    await runDraw(server, f.operator.token, draw.id);
    const record = (await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token)).drawRecord;
    expect(record.segments[0].ids).toEqual(highs.map((t) => t.creditCode).sort());
    expect(record.segments[1].ids).toHaveLength(12);
    expect(record.segments[1].ids.filter((id: string) => highs.some((t) => t.creditCode === id))).toEqual([]);
    expect(record.segments[1].excluded.map((e: any) => e.reason)).toEqual(['IN_EARLIER_SEGMENT', 'IN_EARLIER_SEGMENT', 'IN_EARLIER_SEGMENT']);
    expect(verifyRecordNode(record)).toEqual({ ok: true });
  });
});

describe('entropy', () => {
  test('empty, blank or oversized entropy is refused with INVALID_ENTROPY; 256 characters (code points) are accepted', async () => {
    const f = await drawFixture(server, { targets: 10 });
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 2 }]), { closeMs: 60000 });
    const invite = await inviteByLink(server, f.operator.token, draw.id);
    await openDraw(server, f.operator.token, draw.id);

    for (const text of ['', '   ', '\n\t']) expect(errorOf(await contribute(server, draw.id, text, invite))).toMatchObject({ code: 'INVALID_ENTROPY', messageEn: 'Invalid entropy: it is empty' });
    const tooLong = errorOf(await contribute(server, draw.id, '纪'.repeat(257), invite));
    expect(tooLong).toMatchObject({ code: 'INVALID_ENTROPY', messageEn: 'Invalid entropy: at most 256 characters, got 257' });
    expect(tooLong!.message).toContain('257');
    expect(codeOf(await contribute(server, draw.id, 'x'.repeat(10000), invite))).toBe('INVALID_ENTROPY');

    const emoji = '🎲'.repeat(256); // 512 UTF-16 units, 256 characters, 1024 bytes of UTF-8
    const accepted = await contribute(server, draw.id, emoji, invite);
    expect(accepted.data.contributeEntropy).toMatchObject({ ordinal: 0, text: emoji, digest: sha256(emoji) });
    const cjk = await contribute(server, draw.id, '纪'.repeat(256), invite);
    expect(cjk.data.contributeEntropy).toMatchObject({ ordinal: 1, digest: sha256('纪'.repeat(256)) });
    const { draw: stored } = await ok(server, `query($id: ID!) { draw(id: $id) { entropy { ordinal text digest } } }`, { id: draw.id }, f.operator.token);
    expect(stored.entropy.map((e: any) => [e.ordinal, e.text, e.digest])).toEqual([[0, emoji, sha256(emoji)], [1, '纪'.repeat(256), sha256('纪'.repeat(256))]]);
  });

  test('entropy is refused before the draw opens, after the published closing time, once the draw is drawn, and after a void', async () => {
    const f = await drawFixture(server, { targets: 10 });
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 2 }]);
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1200 });
    const invite = await inviteByLink(server, f.operator.token, draw.id);
    expect(errorOf(await contribute(server, draw.id, '太早了', invite))).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'SCHEDULED', action: 'CONTRIBUTE' } });
    await openDraw(server, f.operator.token, draw.id);
    expect((await contribute(server, draw.id, '正好', invite)).data.contributeEntropy.ordinal).toBe(0);
    await waitForWindow(server, f.operator.token, draw.id);
    const late = errorOf(await contribute(server, draw.id, '截止后', invite));
    expect(late!.code).toBe('ENTROPY_WINDOW_CLOSED');
    const { draw: times } = await ok(server, `query($id: ID!) { draw(id: $id) { entropyClosesAt } }`, { id: draw.id }, f.operator.token);
    expect(late!.messageEn).toBe(`Entropy contributions closed at ${times.entropyClosesAt}.`);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('COMPLETED');
    await waitForCompletion(server, f.operator.token, draw.id);
    expect(errorOf(await contribute(server, draw.id, '摇号后', invite))).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'COMPLETED', action: 'CONTRIBUTE' } });
    const record = (await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token)).drawRecord;
    expect(record.entropy.map((e: any) => e.text)).toEqual(['正好']);

    const other = await schedule(server, f.operator.token, taskId, { closeMs: 60000 });
    const otherInvite = await inviteByLink(server, f.operator.token, other.id);
    await openDraw(server, f.operator.token, other.id);
    await ok(server, `mutation($id: ID!) { voidDraw(id: $id, reason: "重新安排") { status } }`, { id: other.id }, f.operator.token);
    expect(errorOf(await contribute(server, other.id, '作废后', otherInvite))).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'VOIDED', action: 'CONTRIBUTE' } });
  });
});

describe('witness invitations', () => {
  test('a link that expired, belongs to another draw, or is unknown is refused on every door: join, entropy, the draw, its stream', async () => {
    const f = await drawFixture(server, { targets: 10 });
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 2 }]);
    const one = await schedule(server, f.operator.token, taskId, { closeMs: 60000 });
    const two = await schedule(server, f.operator.token, taskId, { closeMs: 60000 });
    const inviteOne = await inviteByLink(server, f.operator.token, one.id, '见证人甲');
    const inviteTwo = await inviteByLink(server, f.operator.token, two.id, '见证人乙');
    await openDraw(server, f.operator.token, one.id);
    await openDraw(server, f.operator.token, two.id);
    const doors = (drawId: string, invite: string) => [
      server.gql(`mutation($id: ID!, $t: String) { joinDraw(drawId: $id, inviteToken: $t) { joinedAt } }`, { id: drawId, t: invite }).then(errorOf),
      contribute(server, drawId, '见证', invite).then(errorOf),
      server.gql(`query($id: ID!, $t: String) { draw(id: $id, inviteToken: $t) { id } }`, { id: drawId, t: invite }).then(errorOf),
      subscribeCollect(server.ws(), DRAW_EVENTS, { id: drawId, after: 0, invite }, () => true, 5000).then((r) => ({ code: subscriptionCodes(r.errors)[0], events: r.events.length })),
    ] as Promise<{ code: string; messageEn?: string } | undefined>[];

    const other = await Promise.all(doors(two.id, inviteOne));
    expect(other.map((e) => e?.code)).toEqual(['INVITE_FOR_OTHER_DRAW', 'INVITE_FOR_OTHER_DRAW', 'INVITE_FOR_OTHER_DRAW', 'INVITE_FOR_OTHER_DRAW']);
    expect(other[0]).toMatchObject({ messageEn: 'This invitation belongs to another draw.' });
    const unknown = await Promise.all(doors(one.id, 'not-a-real-invitation-token-000000'));
    expect(unknown.map((e) => e?.code)).toEqual(['INVITE_INVALID', 'INVITE_INVALID', 'INVITE_INVALID', 'INVITE_INVALID']);

    // Two hours pass for the first witness's link.
    const expiredAt = new Date(Date.now() - 60_000);
    await server.app.ds.getRepository(DrawWitness).update({ drawId: Number(one.id) }, { inviteExpiresAt: expiredAt });
    const expired = await Promise.all(doors(one.id, inviteOne));
    expect(expired.map((e) => e?.code)).toEqual(['INVITE_EXPIRED', 'INVITE_EXPIRED', 'INVITE_EXPIRED', 'INVITE_EXPIRED']);
    expect(expired[0]!.messageEn).toBe(`The witness invitation expired at ${expiredAt.toISOString()}; ask for a new one.`);

    // The valid link still works, and nothing was accepted through the refused ones.
    expect((await contribute(server, two.id, '乙的随机数', inviteTwo)).data.contributeEntropy.ordinal).toBe(0);
    const entropy = async (id: string) => (await ok(server, `query($id: ID!) { draw(id: $id) { entropy { text } witnesses { displayName joinedAt } } }`, { id }, f.operator.token)).draw;
    expect(await entropy(one.id)).toEqual({ entropy: [], witnesses: [{ displayName: '见证人甲', joinedAt: null }] });
    expect((await entropy(two.id)).entropy).toEqual([{ text: '乙的随机数' }]);
  });
});

describe('the state machine', () => {
  test('locking a draw that is not finished is refused (scheduled, open, still revealing); a locked draw can be neither locked again nor voided', async () => {
    const f = await drawFixture(server, { targets: 20 });
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 6 }]), { closeMs: 1000, paceMs: 700, batchSize: 2 });
    const lock = () => server.gql(`mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: draw.id }, { token: f.operator.token });
    expect(errorOf(await lock())).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'SCHEDULED', action: 'LOCK' } });
    expect(errorOf(await reveal(server, f.operator.token, draw.id))).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'SCHEDULED', action: 'REVEAL' } });
    await openDraw(server, f.operator.token, draw.id);
    expect(errorOf(await lock())).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'OPEN', action: 'LOCK' } });
    expect(codeOf(await reveal(server, f.operator.token, draw.id))).toBe('ENTROPY_WINDOW_NOT_CLOSED');
    await waitForWindow(server, f.operator.token, draw.id);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('DRAWING');
    expect(errorOf(await lock())).toMatchObject({ code: 'DRAW_NOT_COMPLETE', messageEn: 'The draw has not completed; it cannot be locked yet.' });
    expect(codeOf(await server.gql(DRAW_RECORD, { id: draw.id }, { token: f.operator.token }))).toBe('DRAW_NOT_REVEALED');
    expect(await waitForCompletion(server, f.operator.token, draw.id)).toBe('COMPLETED');
    expect((await lock()).data.lockDraw.status).toBe('ANNOUNCED');
    expect(errorOf(await lock())).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'ANNOUNCED', action: 'LOCK' } });
    const voidAfterLock = await server.gql(`mutation($id: ID!) { voidDraw(id: $id, reason: "想重新抽") { status } }`, { id: draw.id }, { token: f.operator.token });
    expect(errorOf(voidAfterLock)).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'ANNOUNCED', action: 'VOID' } });
    expect((await ok(server, `query($id: ID!) { draw(id: $id) { status voidReason } }`, { id: draw.id }, f.operator.token)).draw).toEqual({ status: 'ANNOUNCED', voidReason: null });
  });

  test('two operators pressing "draw" at once: exactly one draw happens, the other presses are refused', async () => {
    const f = await drawFixture(server, { targets: 60, capPercent: 100 });
    const second = await createUserIn(server, f.root.token, f.county.id, [Role.DRAW_OPERATOR]);
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [
      { label: 'objects/a', filter: { types: ['INDIVIDUAL_BUSINESS'] }, ratioPercent: 50 },
    ]), { closeMs: 1000 });
    await openDraw(server, f.operator.token, draw.id);
    await waitForWindow(server, f.operator.token, draw.id);

    const presses = await Promise.all([f.operator.token, second.token, f.operator.token, second.token].map((token) => reveal(server, token, draw.id)));
    const succeeded = presses.filter((r) => r.data?.revealDraw);
    expect(succeeded).toHaveLength(1);
    const refused = presses.filter((r) => r.errors).map(errorOf);
    expect(refused).toHaveLength(3);
    for (const e of refused) expect(e).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { from: 'COMPLETED', action: 'REVEAL' } });

    const { totalItems, bySegment } = await picksOf(server, f.operator.token, draw.id);
    expect(totalItems).toBe(30);
    expect(new Set(bySegment[0]).size).toBe(30);
    const { draw: stored } = await ok(server, `query($id: ID!) { draw(id: $id) { lastSeq events { seq type } } }`, { id: draw.id }, f.operator.token);
    expect(stored.events.map((e: any) => e.type)).toEqual(['SCHEDULED', 'OPENED', 'REVEALED', 'PICKS', 'COMPLETED']);
    expect(stored.events.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(stored.lastSeq).toBe(5);
    const record = (await ok(server, DRAW_RECORD, { id: draw.id }, f.operator.token)).drawRecord;
    expect(record.segments[0].picks).toEqual(bySegment[0]);
    expect(verifyRecordNode(record)).toEqual({ ok: true });
  });
});

describe('who sees a draw, and when its secret becomes known', () => {
  test('a draw is visible to its department and every one above; a sibling county gets NOT_FOUND everywhere', async () => {
    const f = await drawFixture(server, { targets: 10 });
    const sibling = await siblingCounty(server, f);
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 2 }]);
    const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1000 });
    const DRAW = `query($id: ID!) { draw(id: $id) { id status commitment task { id } } }`;
    const TASK = `query($id: ID!) { task(id: $id) { id draws { id } } }`;

    for (const user of [f.operator, f.planner, f.supervisor, f.provinceSupervisor, { token: f.root.token }]) {
      expect((await ok(server, DRAW, { id: draw.id }, user.token)).draw).toEqual({ id: draw.id, status: 'SCHEDULED', commitment: draw.commitment, task: { id: taskId } });
      expect((await ok(server, TASK, { id: taskId }, user.token)).task.draws).toEqual([{ id: draw.id }]);
    }
    for (const user of [sibling.supervisor, sibling.planner, sibling.operator]) {
      expect(codeOf(await server.gql(DRAW, { id: draw.id }, { token: user.token }))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(TASK, { id: taskId }, { token: user.token }))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(DRAW_RECORD, { id: draw.id }, { token: user.token }))).toBe('NOT_FOUND');
      const stream = await subscribeCollect(server.ws(user.token), DRAW_EVENTS, { id: draw.id, after: 0 }, () => true, 5000);
      expect([subscriptionCodes(stream.errors), stream.events]).toEqual([['NOT_FOUND'], []]);
    }
    // Not found is not told apart from "exists elsewhere": the same answer as for a draw that does not exist.
    const missing = await server.gql(DRAW, { id: '987654321' }, { token: sibling.supervisor.token });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(60000) } }, { token: sibling.operator.token }))).toBe('NOT_FOUND');
  });

  test("a sibling county's operator cannot tell that a draw exists: every draw action answers NOT_FOUND, as for a missing draw", async () => {
    const f = await drawFixture(server, { targets: 10 });
    const sibling = await siblingCounty(server, f);
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 2 }]), { closeMs: 60000 });
    const actions = [
      `mutation($id: ID!) { openDraw(id: $id) { status } }`,
      `mutation($id: ID!) { inviteWitness(drawId: $id, input: { displayName: "某人", validHours: 1 }) { inviteToken } }`,
      `mutation($id: ID!) { revealDraw(id: $id) { status } }`,
      `mutation($id: ID!) { lockDraw(id: $id) { status } }`,
      `mutation($id: ID!) { voidDraw(id: $id, reason: "试探") { status } }`,
    ];
    const answers = async (id: string) => Promise.all(actions.map(async (query) => codeOf(await server.gql(query, { id }, { token: sibling.operator.token }))));
    expect(await answers('987654321')).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(await answers(draw.id)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    // Someone above who may see the draw but not run it is told FORBIDDEN; the draw is untouched.
    const cityOpens = await server.gql(actions[0], { id: draw.id }, { token: f.supervisor.token });
    expect(codeOf(cityOpens)).toBe('FORBIDDEN');
    expect((await ok(server, `query($id: ID!) { draw(id: $id) { status witnesses { id } } }`, { id: draw.id }, f.operator.token)).draw).toEqual({ status: 'SCHEDULED', witnesses: [] });
  });

  test('the secret is in no query result, error or event before the reveal; the reveal publishes it and it matches the commitment', async () => {
    const f = await drawFixture(server, { targets: 12 });
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: {}, ratioPercent: 25 }]);
    const jurisdiction = subscribeCollect(server.ws(f.provinceSupervisor.token), JURISDICTION_EVENTS, { after: 0 }, (events) => events.some((e) => e.jurisdictionDrawEvents.type === 'COMPLETED'), 20000);
    const seen: unknown[] = [];
    const scheduled = await server.gql(`mutation($task: ID!, $input: ScheduleDrawInput!) { scheduleDraw(taskId: $task, input: $input) {
      id status commitment beaconSource beacon seed entropyClosesAt paceMs batchSize lastSeq scheduledAt openedAt revealedAt completedAt segments { label poolSize poolDigest count excludedCount segmentSeed } } }`,
    { task: taskId, input: { entropyClosesAt: closesIn(1500), paceMs: 0 } }, { token: f.operator.token });
    seen.push(scheduled);
    const draw = scheduled.data.scheduleDraw;
    expect(draw).toMatchObject({ seed: null, beacon: null, segments: [{ segmentSeed: null }] });
    const invite = await inviteByLink(server, f.operator.token, draw.id);
    const witness = subscribeCollect(server.ws(), DRAW_EVENTS, { id: draw.id, after: 0, invite }, (events) => events.some((e) => e.drawEvents.type === 'COMPLETED'), 20000);
    await witness.first;
    await jurisdiction.first;
    await openDraw(server, f.operator.token, draw.id);
    seen.push(await contribute(server, draw.id, '见证随机数', invite));
    const FULL = `query($id: ID!, $t: String) { draw(id: $id, inviteToken: $t) { id status commitment beacon seed lastSeq revealedAt segments { segmentSeed poolDigest } witnesses { displayName } entropy { text digest }
      picks { totalItems items { publicId } } events { seq type payload } task { draws { id seed beacon } poolPreview { segments { excluded { publicId } } } } } }`;
    for (const token of [f.operator.token, f.supervisor.token, f.provinceSupervisor.token]) seen.push(await server.gql(FULL, { id: draw.id }, { token }));
    seen.push(await server.gql(FULL, { id: draw.id, t: invite }));
    seen.push(await server.gql(DRAW_RECORD, { id: draw.id }, { token: f.operator.token }));
    seen.push(await server.gql(DRAW_RECORD, { id: draw.id, invite }));
    seen.push(await reveal(server, f.operator.token, draw.id)); // too early: ENTROPY_WINDOW_NOT_CLOSED
    const beforeReveal = await ok(server, FULL, { id: draw.id }, f.operator.token);
    expect(beforeReveal.draw).toMatchObject({ seed: null, beacon: null, revealedAt: null, picks: { totalItems: 0, items: [] }, segments: [{ segmentSeed: null }] });
    const introspection = await ok(server, `{ __type(name: "Draw") { fields { name } } }`);
    expect(introspection.__type.fields.map((x: any) => x.name).filter((n: string) => /secret/i.test(n))).toEqual([]);

    await waitForWindow(server, f.operator.token, draw.id);
    const streamedBefore = (await ok(server, `query($id: ID!) { draw(id: $id) { events { seq type payload } } }`, { id: draw.id }, f.operator.token)).draw.events;
    expect(streamedBefore.map((e: any) => e.type)).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'ENTROPY_ACCEPTED']);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('COMPLETED');
    const events = (await witness).events.map((e) => e.drawEvents as DrawEventView);
    const revealed = events.find((e) => e.type === 'REVEALED')!;
    const secret = revealed.payload.secretHex as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(commitmentOf(secret)).toBe(draw.commitment);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const jurisdictionEvents = (await jurisdiction).events.map((e) => e.jurisdictionDrawEvents as DrawEventView).filter((e) => e.drawId === draw.id);
    expect(jurisdictionEvents.map((e) => e.type)).toEqual(events.map((e) => e.type));
    const beforeIndex = events.indexOf(revealed);
    expect(JSON.stringify([seen, streamedBefore, events.slice(0, beforeIndex), jurisdictionEvents.slice(0, beforeIndex), beforeReveal])).not.toContain(secret);
    expect(JSON.stringify(seen)).toContain(draw.commitment); // the collected answers are real ones
    const afterwards = await ok(server, `query($id: ID!) { draw(id: $id) { seed segments { segmentSeed } } }`, { id: draw.id }, f.operator.token);
    expect(afterwards.draw.seed).toBe(revealed.payload.seed);
    expect(afterwards.draw.segments[0].segmentSeed).toBe(revealed.payload.segments[0].segmentSeed);
  });
});
