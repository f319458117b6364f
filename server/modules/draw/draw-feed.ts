import { DataSource, MoreThan } from 'typeorm';
import type { DirectSink } from '../../graphql/direct-fanout';
import type { HubPubSub } from '../../graphql/pubsub';
import type { Logger } from '../../logger';
import { DrawEvent } from './draw.entity';
import { DrawEventMessage } from './draw-events';
import { inNamingSlices, toMessages } from './draw-event-reader';
import { closable, Doorbell } from '../../common/closable-stream';
import { inJurisdiction, inJurisdictionSql } from './draw-audience';

type Listener = (message: DrawEventMessage) => void;
const POLL_MS = 1000;
const FETCH_LIMIT = 5000;
const OPEN = 1; // WebSocket.OPEN
/** A socket that has this much unsent is dropped (1013, try again later): its client resumes with afterSeq. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** A caught-up direct subscriber of a draw: live events are written to its socket by the feed. */
interface Parked {
  readonly sink: DirectSink;
  /** The start of every `next` frame of this subscription, up to its payload. */
  readonly head: string;
  lastSeq: number;
  closed: boolean;
}

/**
 * The draw event log, followed once per hub process and fanned out in memory to every local
 * subscriber: each event is read from the database once and turned into its message once, however
 * many witnesses watch. Pub/sub only says "there is something new"; a periodic read covers wake-ups
 * that Redis dropped. Within a draw, events are handed out in sequence order, each no earlier than
 * its `visibleAt` (a paced reveal); the jurisdiction stream gets them as committed.
 */
export class DrawFeed {
  private cursor = 0;
  private started = false;
  private fetching: Promise<void> | null = null;
  private again = false;
  private readonly byDraw = new Map<number, Set<Listener>>();
  private readonly everything = new Set<Listener>();
  private readonly parked = new Map<number, Set<Parked>>();
  /** Per draw, the end of the chain of direct deliveries (they go out in sequence order). */
  private readonly chains = new Map<number, Promise<void>>();
  private readonly paced = new Map<number, DrawEventMessage[]>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private poll: NodeJS.Timeout | null = null;
  private unsubscribe: (() => Promise<unknown>) | null = null;

  constructor(private readonly ds: DataSource, private readonly pubSub: HubPubSub, private readonly log: Logger) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    // Start from now, except for events committed earlier that are still waiting to be shown (a paced
    // reveal begun before this process started): those are read and handed out on time too.
    const pending = await this.ds.getRepository(DrawEvent).find({ where: { visibleAt: MoreThan(new Date()) }, order: { globalSeq: 'ASC' }, take: 1, select: { globalSeq: true } });
    const last = await this.ds.getRepository(DrawEvent).find({ order: { globalSeq: 'DESC' }, take: 1, select: { globalSeq: true } });
    this.cursor = pending.length ? pending[0].globalSeq - 1 : last[0]?.globalSeq ?? 0;
    const wakes = this.pubSub.subscribe('DRAW_WAKE');
    const iterator = wakes[Symbol.asyncIterator]();
    this.unsubscribe = async () => iterator.return?.();
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        this.wake();
      }
    })();
    this.poll = setInterval(() => { if (this.byDraw.size || this.everything.size || this.parked.size) this.wake(); }, POLL_MS);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.unsubscribe?.();
    await this.fetching;
    await Promise.all(this.chains.values());
  }

  /** How many caught-up direct subscribers a draw has (for tests and metrics). */
  parkedSubscribers(drawId: number): number {
    return this.parked.get(drawId)?.size ?? 0;
  }

  /** How many subscribers of a draw are still being handed events through their iterators. */
  followingSubscribers(drawId: number): number {
    return this.byDraw.get(drawId)?.size ?? 0;
  }

  /** Reads whatever is new in the log (one reader at a time; a wake-up during a read triggers another). */
  wake(): void {
    if (this.fetching) { this.again = true; return; }
    this.fetching = this.fetch().catch((error) => this.log.warn('draw feed read failed', { error })).finally(() => {
      this.fetching = null;
      if (this.again) { this.again = false; this.wake(); }
    });
  }

  private async fetch(): Promise<void> {
    for (;;) {
      const events = await this.ds.getRepository(DrawEvent).find({ where: { globalSeq: MoreThan(this.cursor) }, order: { globalSeq: 'ASC' }, take: FETCH_LIMIT });
      if (!events.length) return;
      for (const slice of inNamingSlices(events)) {
        const messages = await toMessages(this.ds, slice);
        messages.forEach((message, i) => this.accept(message, slice[i].visibleAt.getTime()));
      }
      this.cursor = events[events.length - 1].globalSeq;
      if (events.length < FETCH_LIMIT) return;
    }
  }

  private accept(message: DrawEventMessage, visibleAt: number): void {
    for (const listener of this.everything) listener(message);
    const queue = this.paced.get(message.drawId);
    if (!queue && visibleAt <= Date.now()) { this.deliver(message); return; }
    (queue ?? this.paced.set(message.drawId, []).get(message.drawId)!).push(message);
    this.schedule(message.drawId);
  }

  /** Hands out a draw's held events in order, each when it becomes visible. */
  private schedule(drawId: number): void {
    if (this.timers.has(drawId)) return;
    const queue = this.paced.get(drawId);
    if (!queue?.length) { this.paced.delete(drawId); return; }
    const wait = Math.max(0, Date.parse(queue[0].at) - Date.now());
    this.timers.set(drawId, setTimeout(() => {
      this.timers.delete(drawId);
      const now = Date.now();
      while (queue.length && Date.parse(queue[0].at) <= now) this.deliver(queue.shift()!);
      this.schedule(drawId);
    }, wait));
  }

  private deliver(message: DrawEventMessage): void {
    for (const listener of this.byDraw.get(message.drawId) ?? []) listener(message);
    if (this.parked.get(message.drawId)?.size) this.broadcast(message);
  }

  /** The visible events of a draw after `after` (and before `untilSeq`), from the log. */
  private async readLog(drawId: number, after: number, untilSeq?: number): Promise<DrawEventMessage[]> {
    const rows = await this.ds.getRepository(DrawEvent).createQueryBuilder('e')
      .where('e.drawId = :drawId AND e.seq > :last AND e.visibleAt <= :now', { drawId, last: after, now: new Date() })
      .andWhere(untilSeq === undefined ? '1 = 1' : 'e.seq < :untilSeq', { untilSeq })
      .orderBy('e.seq', 'ASC').getMany();
    return toMessages(this.ds, rows);
  }

  private listen(drawId: number, listener: Listener): void {
    (this.byDraw.get(drawId) ?? this.byDraw.set(drawId, new Set()).get(drawId)!).add(listener);
  }

  private unlisten(drawId: number, listener: Listener): void {
    const listeners = this.byDraw.get(drawId);
    if (listeners?.delete(listener) && !listeners.size) this.byDraw.delete(drawId);
  }

  private unpark(drawId: number, entry: Parked): void {
    entry.closed = true;
    const set = this.parked.get(drawId);
    if (set?.delete(entry) && !set.size) this.parked.delete(drawId);
  }

  /** Writes an event to a draw's parked subscribers, after the draw's earlier direct deliveries. */
  private broadcast(message: DrawEventMessage): void {
    const drawId = message.drawId;
    const run = (this.chains.get(drawId) ?? Promise.resolve())
      .then(() => this.fanOut(message))
      .catch((error) => this.log.warn('draw event fan-out failed', { error, drawId, seq: message.seq }));
    this.chains.set(drawId, run);
    void run.then(() => { if (this.chains.get(drawId) === run) this.chains.delete(drawId); });
  }

  /**
   * One rendering per subscription text, then every parked socket written in one synchronous loop.
   * A subscriber that parked during the rendering with a text not rendered yet, or that is missing
   * events (a race between its log read and the live stream), is served afterwards on its own.
   */
  private async fanOut(message: DrawEventMessage): Promise<void> {
    const set = this.parked.get(message.drawId);
    if (!set?.size) return;
    const renders = new Map<string, Promise<string>>();
    for (const entry of set) {
      if (entry.lastSeq < message.seq && !renders.has(entry.sink.cacheKey)) renders.set(entry.sink.cacheKey, entry.sink.render(message));
    }
    const rendered = new Map<string, string>();
    for (const [key, render] of renders) {
      try {
        rendered.set(key, await render);
      } catch (error) {
        this.log.warn('draw event rendering failed', { error, drawId: message.drawId, seq: message.seq });
      }
    }
    const later: Parked[] = [];
    for (const entry of set) {
      if (entry.lastSeq >= message.seq) continue;
      const json = rendered.get(entry.sink.cacheKey);
      if (entry.lastSeq === message.seq - 1 && json !== undefined) this.write(message.drawId, entry, message.seq, json);
      else if (renders.has(entry.sink.cacheKey) && json === undefined) this.drop(message.drawId, entry, 1011, 'Rendering failed');
      else later.push(entry);
    }
    for (const entry of later) await this.catchUp(entry, message);
  }

  /** Brings one parked subscriber up to `message`: what it is missing from the log, then the message. */
  private async catchUp(entry: Parked, message: DrawEventMessage): Promise<void> {
    const gap = entry.lastSeq < message.seq - 1 ? await this.readLog(message.drawId, entry.lastSeq, message.seq) : [];
    for (const event of [...gap, message]) {
      if (entry.closed) return;
      if (event.seq <= entry.lastSeq) continue;
      let json: string;
      try {
        json = await entry.sink.render(event);
      } catch (error) {
        this.log.warn('draw event rendering failed', { error, drawId: event.drawId, seq: event.seq });
        this.drop(message.drawId, entry, 1011, 'Rendering failed');
        return;
      }
      if (!entry.closed) this.write(message.drawId, entry, event.seq, json);
    }
  }

  private write(drawId: number, entry: Parked, seq: number, json: string): void {
    const { socket } = entry.sink;
    if (socket.readyState !== OPEN) return; // closing: graphql-ws ends the subscription
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) { this.drop(drawId, entry, 1013, 'Too slow: resume with afterSeq'); return; }
    socket.send(entry.head + json + '}');
    entry.lastSeq = seq;
  }

  /** Closes a subscriber's socket; its client reconnects and resumes from the last seq it saw. */
  private drop(drawId: number, entry: Parked, code: number, reason: string): void {
    this.unpark(drawId, entry);
    entry.sink.socket.close(code, reason);
  }

  /**
   * Like `followDraw`, for a subscription that can be written to directly: the stored backlog and
   * whatever arrives meanwhile go through the iterator (and graphql-ws) as usual; once caught up, the
   * subscriber is parked and live events are rendered once per subscription text and written to its
   * socket by the feed, while the iterator's `next()` stays pending. `return()` (graphql-ws calls it on
   * `complete` and when the socket closes) unregisters at once.
   */
  followDrawDirect(drawId: number, afterSeq: number, sink: DirectSink): AsyncIterableIterator<DrawEventMessage> {
    const inbox: DrawEventMessage[] = [];
    const listener: Listener = (m) => inbox.push(m);
    this.listen(drawId, listener);
    const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
    let last = afterSeq;
    let backlog: DrawEventMessage[] | null = null;
    let closed = false;
    let entry: Parked | null = null;
    let finish: ((result: IteratorResult<DrawEventMessage>) => void) | null = null;
    const pull = async (): Promise<IteratorResult<DrawEventMessage>> => {
      if (!backlog) {
        await this.start();
        this.wake();
        backlog = closed ? [] : await this.readLog(drawId, last);
      }
      for (;;) {
        if (closed) return done;
        const live: boolean = !backlog.length;
        const message: DrawEventMessage | undefined = live ? inbox.shift() : backlog.shift();
        if (!message) break;
        if (message.seq <= last) continue;
        if (live && message.seq > last + 1) {
          // Something was missed between the log read and the live stream: take it from the log.
          backlog = [...(await this.readLog(drawId, last, message.seq)), message];
          continue;
        }
        last = message.seq;
        return { done: false, value: message };
      }
      // Caught up (and graphql-ws has sent everything before): live events go to the socket directly.
      this.unlisten(drawId, listener);
      entry = { sink, head: `{"id":${JSON.stringify(sink.id)},"type":"next","payload":`, lastSeq: last, closed: false };
      (this.parked.get(drawId) ?? this.parked.set(drawId, new Set()).get(drawId)!).add(entry);
      return new Promise((resolve) => (finish = resolve));
    };
    const iterator: AsyncIterableIterator<DrawEventMessage> = {
      [Symbol.asyncIterator]() { return iterator; },
      next: () => (closed ? Promise.resolve(done) : pull()),
      return: async () => {
        closed = true;
        this.unlisten(drawId, listener);
        if (entry) this.unpark(drawId, entry);
        finish?.(done);
        finish = null;
        return done;
      },
      throw: async (error: unknown) => {
        await iterator.return!();
        throw error;
      },
    };
    return iterator;
  }

  /**
   * One draw's events after `afterSeq`: first what the log already shows, then live, with no gap and
   * no repeat (a late joiner and a reconnecting subscriber pass the last seq they saw).
   */
  followDraw(drawId: number, afterSeq: number): AsyncIterableIterator<DrawEventMessage> {
    const bell = new Doorbell();
    return closable(bell, this.drawStream(drawId, afterSeq, bell));
  }

  private async *drawStream(drawId: number, afterSeq: number, bell: Doorbell): AsyncGenerator<DrawEventMessage> {
    await this.start();
    const inbox: DrawEventMessage[] = [];
    const listener: Listener = (m) => { inbox.push(m); bell.wake(); };
    this.listen(drawId, listener);
    let last = afterSeq;
    try {
      this.wake();
      for (const message of await this.readLog(drawId, last)) { last = message.seq; yield message; }
      while (!bell.closed) {
        while (inbox.length && !bell.closed) {
          const message = inbox.shift()!;
          if (message.seq <= last) continue;
          // Something was missed between the log read and the live stream: take it from the log.
          if (message.seq > last + 1) for (const gap of await this.readLog(drawId, last, message.seq)) { last = gap.seq; yield gap; }
          last = message.seq;
          yield message;
        }
        await bell.wait();
      }
    } finally {
      this.unlisten(drawId, listener);
    }
  }

  /**
   * Every draw event of a jurisdiction (departments whose path starts with `pathPrefix`, as the draw's
   * own department or a participant of its joint task), in commit order, after `afterGlobalSeq`
   * (null: from now on).
   */
  followJurisdiction(pathPrefix: string, afterGlobalSeq: number | null): AsyncIterableIterator<DrawEventMessage> {
    const bell = new Doorbell();
    return closable(bell, this.jurisdictionStream(pathPrefix, afterGlobalSeq, bell));
  }

  private async *jurisdictionStream(pathPrefix: string, afterGlobalSeq: number | null, bell: Doorbell): AsyncGenerator<DrawEventMessage> {
    await this.start();
    const inbox: DrawEventMessage[] = [];
    const listener: Listener = (m) => { inbox.push(m); bell.wake(); };
    this.everything.add(listener);
    let last = afterGlobalSeq ?? this.cursor;
    try {
      this.wake();
      for (;;) {
        const rows = await this.ds.getRepository(DrawEvent).createQueryBuilder('e')
          .where(`e.globalSeq > :last AND ${inJurisdictionSql('prefix')}`, { last, prefix: `${pathPrefix}%` })
          .orderBy('e.globalSeq', 'ASC').take(FETCH_LIMIT).getMany();
        for (const message of await toMessages(this.ds, rows)) { last = message.globalSeq; yield message; }
        if (rows.length < FETCH_LIMIT) break;
      }
      while (!bell.closed) {
        while (inbox.length && !bell.closed) {
          const message = inbox.shift()!;
          if (message.globalSeq <= last) continue;
          last = message.globalSeq;
          if (inJurisdiction(pathPrefix, message.departmentPath, message.participantPaths)) yield message;
        }
        await bell.wait();
      }
    } finally {
      this.everything.delete(listener);
    }
  }

  /** How many jurisdiction subscribers this process serves (for tests and metrics). */
  jurisdictionSubscribers(): number {
    return this.everything.size;
  }
}
