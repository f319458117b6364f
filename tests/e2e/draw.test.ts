import { verifyRecordNode } from '../../server/domain/draw-v1-node';
import { closesIn, createTask, drawFixture, SCHEDULE, sleep } from '../helpers/draw-fixture';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

const EVENTS = `subscription($id: ID!, $after: Int, $invite: String) { drawEvents(drawId: $id, afterSeq: $after, inviteToken: $invite) { seq type payload } }`;
const done = (events: any[]) => events.some((e) => e.drawEvents.type === 'ANNOUNCED');

describe('a witnessed draw, from scheduling to announcement', () => {
  test('a witness invited by link watches the whole draw live; late and reconnecting subscribers see the same events; the record verifies', async () => {
    const f = await drawFixture(server, { targets: 40 });
    const taskId = await createTask(server, f.planner.token, f.itemId, [{ label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, ratioPercent: 25 }]);
    const scheduled = await server.gql(SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(1500), paceMs: 600, batchSize: 4 } }, { token: f.operator.token });
    expect(scheduled.errors).toBeUndefined();
    const draw = scheduled.data.scheduleDraw;
    expect(draw).toMatchObject({ status: 'SCHEDULED', segments: [{ label: 'objects/individual', poolSize: 40, count: 10 }] });
    const secretLeak = await server.gql(`query($id: ID!) { draw(id: $id) { seed beacon } }`, { id: draw.id }, { token: f.operator.token });
    expect(secretLeak.data.draw).toEqual({ seed: null, beacon: null });

    const invited = await server.gql(`mutation($id: ID!) { inviteWitness(drawId: $id, input: { displayName: "纪检组 王监督", organisation: "派驻纪检组", validHours: 2 }) { inviteToken invitePath witness { id } } }`, { id: draw.id }, { token: f.operator.token });
    const invite = invited.data.inviteWitness.inviteToken as string;
    expect(invited.data.inviteWitness.invitePath).toContain(invite);

    const witness = subscribeCollect(server.ws(), EVENTS, { id: draw.id, after: 0, invite }, done, 20000);
    const cityWatch = subscribeCollect(server.ws(f.supervisor.token), EVENTS, { id: draw.id, after: 0 }, done, 20000);
    await witness.first;
    await cityWatch.first;

    expect((await server.gql(`mutation($id: ID!) { openDraw(id: $id) { status } }`, { id: draw.id }, { token: f.operator.token })).data.openDraw.status).toBe('OPEN');
    await server.gql(`mutation($id: ID!, $t: String) { joinDraw(drawId: $id, inviteToken: $t) { joinedAt } }`, { id: draw.id, t: invite });
    const entropy = await server.gql(`mutation($id: ID!, $t: String) { contributeEntropy(drawId: $id, text: "纪检组见证 2026-11-23 09:30", inviteToken: $t) { ordinal digest } }`, { id: draw.id, t: invite });
    expect(entropy.data.contributeEntropy.ordinal).toBe(0);
    const early = await server.gql(`mutation($id: ID!) { revealDraw(id: $id) { status } }`, { id: draw.id }, { token: f.operator.token });
    expect(early.errors![0].extensions!.code).toBe('ENTROPY_WINDOW_NOT_CLOSED');
    await sleep(1600);
    const late = await server.gql(`mutation($id: ID!, $t: String) { contributeEntropy(drawId: $id, text: "太晚了", inviteToken: $t) { ordinal } }`, { id: draw.id, t: invite });
    expect(late.errors![0].extensions!.code).toBe('ENTROPY_WINDOW_CLOSED');

    const revealed = await server.gql(`mutation($id: ID!) { revealDraw(id: $id) { status } }`, { id: draw.id }, { token: f.operator.token });
    expect(revealed.data.revealDraw.status).toBe('DRAWING');
    const tooSoon = await server.gql(`mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: draw.id }, { token: f.operator.token });
    expect(tooSoon.errors![0].extensions!.code).toBe('DRAW_NOT_COMPLETE');
    await sleep(1400);
    const locked = await server.gql(`mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: draw.id }, { token: f.operator.token });
    expect(locked.data.lockDraw.status).toBe('ANNOUNCED');

    const seen = (await witness).events.map((e: any) => e.drawEvents);
    expect(seen.map((e: any) => e.type)).toEqual(['SCHEDULED', 'WITNESS_INVITED', 'OPENED', 'WITNESS_JOINED', 'ENTROPY_ACCEPTED', 'REVEALED', 'PICKS', 'PICKS', 'PICKS', 'COMPLETED', 'LOCKED', 'VISITS_FORMED', 'ANNOUNCED']);
    expect(seen.map((e: any) => e.seq)).toEqual(seen.map((_: unknown, i: number) => i + 1));
    expect(seen[0].payload.commitment).toBe(draw.commitment);
    expect(JSON.stringify(seen.slice(0, 5))).not.toContain(seen[5].payload.secretHex);
    const picks = seen.filter((e: any) => e.type === 'PICKS').flatMap((e: any) => e.payload.picks.map((p: any) => p.id));
    expect(picks).toHaveLength(10);
    // Each pick is shown with the drawn target's name (looked up once per event, for every watcher).
    for (const pick of seen.filter((e: any) => e.type === 'PICKS').flatMap((e: any) => e.payload.picks)) expect(pick.name).toMatch(/^测试经营部\d+-\d+$/);
    expect((await cityWatch).events.map((e: any) => e.drawEvents.seq)).toEqual(seen.map((e: any) => e.seq));

    const lateJoiner = await subscribeCollect(server.ws(f.supervisor.token), EVENTS, { id: draw.id, after: 0 }, done, 10000);
    expect(lateJoiner.events.map((e: any) => e.drawEvents)).toEqual(seen);
    const reconnect = await subscribeCollect(server.ws(), EVENTS, { id: draw.id, after: 7, invite }, done, 10000);
    expect(reconnect.events.map((e: any) => e.drawEvents)).toEqual(seen.slice(7));

    const record = (await server.gql(`query($id: ID!) { drawRecord(id: $id) }`, { id: draw.id })).data.drawRecord;
    expect(record.segments[0].picks).toEqual(picks);
    expect(record.commitment).toBe(draw.commitment);
    expect(verifyRecordNode(record)).toEqual({ ok: true });
    const tampered = { ...record, segments: [{ ...record.segments[0], picks: [...record.segments[0].picks].reverse() }] };
    expect(verifyRecordNode(tampered).ok).toBe(false);

    // Locking published the task announcement: readable by anyone, with the drawn targets and the record.
    const list = await server.gql(`{ taskAnnouncements { totalItems items { drawId taskName targetCount recordUrl } } }`);
    expect(list.data.taskAnnouncements.items).toContainEqual({ drawId: draw.id, taskName: '2026年农资经营专项检查', targetCount: 10, recordUrl: `/files/draws/${draw.id}/record.json` });
    const announcement = await server.gql(`query($id: ID!) { taskAnnouncement(drawId: $id) { items targets { publicId name segment } } }`, { id: draw.id });
    expect(announcement.data.taskAnnouncement.items).toEqual(['农药经营者经营行为的检查']);
    expect(announcement.data.taskAnnouncement.targets.map((t: any) => t.publicId)).toEqual(picks);
    const download = await fetch(`${server.baseUrl}/files/draws/${draw.id}/record.json`);
    expect(download.status).toBe(200);
    expect(await download.json()).toEqual(record);
  });
});
