import { DrawFeed } from '../../server/modules/draw/draw-feed';
import { createTask, drawFixture, sleep } from '../helpers/draw-fixture';
import { DRAW_EVENTS, DrawEventView, JURISDICTION_EVENTS, ok, openDraw, reveal, schedule, waitForCompletion, waitForWindow } from '../helpers/draw-steps';
import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';

/**
 * Live draw events are written by the draw feed straight to the sockets of caught-up subscribers
 * (rendered once per event, not executed per witness): many witnesses must still get exactly what
 * graphql-ws would have sent them, and one who leaves must stop being followed at once.
 */
const LOCK = `mutation($id: ID!) { lockDraw(id: $id) { status } }`;
const drawEvents = (r: { events: any[] }) => r.events.map((e) => e.drawEvents as DrawEventView);
const until = (type: string) => (events: any[]) => events.some((e) => e.drawEvents?.type === type);
const consecutiveFrom = (first: number, events: unknown[]) => events.map((_, i) => first + i);

/** Polls until `read()` equals `expected` (or `ms` pass); returns the last value read. */
async function settle<T>(read: () => T, expected: T, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let value = read();
  while (value !== expected && Date.now() < end) { await sleep(10); value = read(); }
  return value;
}

describe('live draw fan-out', () => {
  let server: TestServer;
  const start = jest.spyOn(DrawFeed.prototype, 'start');
  const feed = () => start.mock.contexts[0] as DrawFeed;
  beforeAll(async () => { server = await createTestServer(); });
  afterAll(async () => { await server.close(); start.mockRestore(); });

  test('50 witnesses get the identical full sequence; one who unsubscribes or disconnects mid-reveal is let go at once; a reconnect with afterSeq gets the rest exactly once', async () => {
    const f = await drawFixture(server, { targets: 30 });
    const draw = await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 8 }]), { closeMs: 1200, paceMs: 1000, batchSize: 1 });
    const drawId = Number(draw.id);

    const witnesses = Array.from({ length: 50 }, () => subscribeCollect(server.ws(f.supervisor.token), DRAW_EVENTS, { id: draw.id, after: 0 }, until('ANNOUNCED'), 40000));
    await Promise.all(witnesses.map((w) => w.first));
    // One client with two subscriptions on the draw: it completes one of them mid-reveal, keeping the socket open.
    const twoSubs = server.ws(f.provinceSupervisor.token);
    const stays = subscribeCollect(twoSubs, DRAW_EVENTS, { id: draw.id, after: 0 }, until('ANNOUNCED'), 40000);
    const picksBeforeQuitting = (events: any[]) => drawEvents({ events }).filter((e) => e.type === 'PICKS').length >= 2;
    const quits = subscribeCollect(twoSubs, DRAW_EVENTS, { id: draw.id, after: 0 }, picksBeforeQuitting, 40000);
    // Another client disconnects altogether mid-reveal.
    const dropping = server.ws(f.operator.token);
    let droppedSeen: DrawEventView[] = [];
    const dropped = new Promise<void>((resolve) => {
      const events: DrawEventView[] = [];
      dropping.subscribe<any>({ query: DRAW_EVENTS, variables: { id: draw.id, after: 0 } }, {
        next: (value) => {
          events.push(value.data.drawEvents);
          if (events.filter((e) => e.type === 'PICKS').length >= 3) { droppedSeen = [...events]; resolve(); }
        },
        error: () => resolve(),
        complete: () => resolve(),
      });
    });
    await Promise.all([stays.first, quits.first]);
    expect(await settle(() => feed().parkedSubscribers(drawId), 53, 3000)).toBe(53);
    expect(feed().followingSubscribers(drawId)).toBe(0);

    await openDraw(server, f.operator.token, draw.id);
    await waitForWindow(server, f.operator.token, draw.id);
    expect((await reveal(server, f.operator.token, draw.id)).data.revealDraw.status).toBe('DRAWING');

    // `complete` from the client: the subscription is let go before the draw's next event (1 s apart).
    const quitter = drawEvents(await quits);
    expect(await settle(() => feed().parkedSubscribers(drawId), 52, 400)).toBe(52);
    // The socket closes: the same.
    await dropped;
    await dropping.dispose();
    expect(await settle(() => feed().parkedSubscribers(drawId), 51, 400)).toBe(51);
    expect(feed().followingSubscribers(drawId)).toBe(0);

    // Reconnecting mid-reveal with the last seq seen: the rest, exactly once.
    const lastSeen = droppedSeen[droppedSeen.length - 1].seq;
    const resumed = subscribeCollect(server.ws(f.operator.token), DRAW_EVENTS, { id: draw.id, after: lastSeen }, until('ANNOUNCED'), 40000);

    expect(await waitForCompletion(server, f.operator.token, draw.id)).toBe('COMPLETED');
    expect((await ok(server, LOCK, { id: draw.id }, f.operator.token)).lockDraw.status).toBe('ANNOUNCED');

    const all = await Promise.all(witnesses);
    const first = drawEvents(all[0]);
    expect(first.map((e) => e.type)).toEqual(['SCHEDULED', 'OPENED', 'REVEALED', ...Array(8).fill('PICKS'), 'COMPLETED', 'LOCKED', 'VISITS_FORMED', 'ANNOUNCED']);
    expect(first.map((e) => e.seq)).toEqual(consecutiveFrom(1, first));
    for (const witness of all) {
      expect(witness.errors).toEqual([]);
      expect(JSON.stringify(drawEvents(witness))).toBe(JSON.stringify(first));
    }
    expect(JSON.stringify(drawEvents(await stays))).toBe(JSON.stringify(first));
    expect(quitter.length).toBeLessThan(first.length);
    expect(JSON.stringify(quitter)).toBe(JSON.stringify(first.slice(0, quitter.length)));
    expect(JSON.stringify(droppedSeen)).toBe(JSON.stringify(first.slice(0, droppedSeen.length)));

    const rest = drawEvents(await resumed);
    expect(lastSeen).toBeGreaterThan(3);
    expect(lastSeen).toBeLessThan(first.length - 3);
    expect(rest.map((e) => e.seq)).toEqual(consecutiveFrom(lastSeen + 1, rest));
    expect(JSON.stringify(rest)).toBe(JSON.stringify(first.slice(lastSeen)));

    // A subscriber arriving afterwards gets it all from the log through graphql-ws: the same as the live frames.
    const replay = drawEvents(await subscribeCollect(server.ws(f.supervisor.token), DRAW_EVENTS, { id: draw.id, after: 0 }, until('ANNOUNCED'), 10000));
    expect(JSON.stringify(replay)).toBe(JSON.stringify(first));

    // Everyone finished: nobody is held for the draw any more.
    expect(await settle(() => feed().parkedSubscribers(drawId) + feed().followingSubscribers(drawId), 0, 2000)).toBe(0);
  }, 90000);

  test('a supervisor who stops following the jurisdiction stream is let go at once, not at the next event', async () => {
    const f = await drawFixture(server, { targets: 5 });
    await schedule(server, f.operator.token, await createTask(server, f.planner.token, f.itemId, [{ label: 'o', filter: {}, fixedCount: 1 }]), { closeMs: 60000, paceMs: 0, batchSize: 1 });
    const before = feed().jurisdictionSubscribers();
    const client = server.ws(f.provinceSupervisor.token);
    let seen = 0;
    let stop = () => {};
    const firstEvent = new Promise<void>((resolve) => {
      stop = client.subscribe<any>({ query: JURISDICTION_EVENTS, variables: { after: 0 } }, { next: () => { seen++; resolve(); }, error: () => resolve(), complete: () => resolve() });
    });
    await firstEvent;
    expect(seen).toBeGreaterThan(0);
    expect(await settle(() => feed().jurisdictionSubscribers(), before + 1, 2000)).toBe(before + 1);
    // Nothing else happens in the jurisdiction: leaving must not wait for another event.
    stop();
    expect(await settle(() => feed().jurisdictionSubscribers(), before, 1000)).toBe(before);
    await client.dispose();
  }, 30000);
});
