import { DataSource, MoreThan } from 'typeorm';
import type { HubPubSub } from '../../graphql/pubsub';
import type { Logger } from '../../logger';
import { DrawEvent } from './draw.entity';
import { DrawEventMessage, toMessage } from './draw-events';

type Listener = (message: DrawEventMessage) => void;
const POLL_MS = 1000;
const FETCH_LIMIT = 5000;

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
    this.poll = setInterval(() => { if (this.byDraw.size || this.everything.size) this.wake(); }, POLL_MS);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.unsubscribe?.();
    await this.fetching;
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
      for (const event of events) this.accept(toMessage(event), event.visibleAt.getTime());
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
  }

  /**
   * One draw's events after `afterSeq`: first what the log already shows, then live, with no gap and
   * no repeat (a late joiner and a reconnecting subscriber pass the last seq they saw).
   */
  async *followDraw(drawId: number, afterSeq: number): AsyncGenerator<DrawEventMessage> {
    await this.start();
    const inbox: DrawEventMessage[] = [];
    let notify: (() => void) | null = null;
    const listener: Listener = (m) => { inbox.push(m); notify?.(); };
    const listeners = this.byDraw.get(drawId) ?? this.byDraw.set(drawId, new Set()).get(drawId)!;
    listeners.add(listener);
    let last = afterSeq;
    const readLog = async (untilSeq?: number) => {
      const rows = await this.ds.getRepository(DrawEvent).createQueryBuilder('e')
        .where('e.drawId = :drawId AND e.seq > :last AND e.visibleAt <= :now', { drawId, last, now: new Date() })
        .andWhere(untilSeq === undefined ? '1 = 1' : 'e.seq < :untilSeq', { untilSeq })
        .orderBy('e.seq', 'ASC').getMany();
      return rows.map(toMessage);
    };
    try {
      this.wake();
      for (const message of await readLog()) { last = message.seq; yield message; }
      for (;;) {
        while (inbox.length) {
          const message = inbox.shift()!;
          if (message.seq <= last) continue;
          // Something was missed between the log read and the live stream: take it from the log.
          if (message.seq > last + 1) for (const gap of await readLog(message.seq)) { last = gap.seq; yield gap; }
          last = message.seq;
          yield message;
        }
        await new Promise<void>((resolve) => (notify = resolve));
        notify = null;
      }
    } finally {
      listeners.delete(listener);
      if (!listeners.size) this.byDraw.delete(drawId);
    }
  }

  /**
   * Every draw event of a jurisdiction (departments whose path starts with `pathPrefix`), in commit
   * order, after `afterGlobalSeq` (null: from now on).
   */
  async *followJurisdiction(pathPrefix: string, afterGlobalSeq: number | null): AsyncGenerator<DrawEventMessage> {
    await this.start();
    const inbox: DrawEventMessage[] = [];
    let notify: (() => void) | null = null;
    const listener: Listener = (m) => { inbox.push(m); notify?.(); };
    this.everything.add(listener);
    let last = afterGlobalSeq ?? this.cursor;
    try {
      this.wake();
      for (;;) {
        const rows = await this.ds.getRepository(DrawEvent).createQueryBuilder('e')
          .where('e.globalSeq > :last AND e.departmentPath LIKE :prefix', { last, prefix: `${pathPrefix}%` })
          .orderBy('e.globalSeq', 'ASC').take(FETCH_LIMIT).getMany();
        for (const row of rows) { last = row.globalSeq; yield toMessage(row); }
        if (rows.length < FETCH_LIMIT) break;
      }
      for (;;) {
        while (inbox.length) {
          const message = inbox.shift()!;
          if (message.globalSeq <= last) continue;
          last = message.globalSeq;
          if (message.departmentPath.startsWith(pathPrefix)) yield message;
        }
        await new Promise<void>((resolve) => (notify = resolve));
        notify = null;
      }
    } finally {
      this.everything.delete(listener);
    }
  }
}
