import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { requirePermission, RequestContext } from '../../graphql/context';
import type { DrawEventMessage } from '../draw/draw-events';
import { Visit } from '../visit/visit.entity';
import { inspectorsOfUser } from './team.policy';

/**
 * Live visit assignments (Art. 20–23, "Live"), built on the stored draw events: the hub-wide log in
 * commit order (DrawFeed.followJurisdiction), filtered to the team events the subscriber may see, each
 * with the subscriber's new visits read from the database — once per event and department for a
 * department's dashboard (shared by everyone watching it), once per event for an inspector. Pub/sub
 * only wakes the feed; what is sent comes from the log, so a reconnecting client passes the last
 * globalSeq it saw and misses nothing.
 */
export enum VisitAssignmentScope {
  /** The visits led by the subscriber's department (and those its inspectors join elsewhere). */
  DEPARTMENT = 'DEPARTMENT',
  /** The visits the subscriber — a user linked to an inspector — is put on. */
  MINE = 'MINE',
}

export const ASSIGNMENT_EVENTS = new Set(['TEAMS_DRAWN', 'TEAM_APPOINTED', 'MEMBER_REPLACED', 'MEMBER_RECUSED', 'MEMBER_CHANGE_REQUESTED', 'MEMBER_CHANGE_REJECTED', 'EXPERT_ADDED']);
/** Events that put inspectors on visits. */
const JOINING_EVENTS = new Set(['TEAMS_DRAWN', 'TEAM_APPOINTED', 'MEMBER_REPLACED', 'MEMBER_RECUSED']);
/** Visits listed per message; the rest through `visits(filter: { drawId })`. */
export const ASSIGNMENT_VISITS = 500;

export interface VisitAssignmentMessage {
  event: DrawEventMessage;
  visits: Visit[];
  visitCount: number;
}

interface Payload {
  teamDrawId?: number;
  departmentId?: number;
  visitIds?: number[];
  inspectorIds?: number[];
  memberDepartmentIds?: number[];
  moves?: { inspectorId: number; to: number }[];
  replacementInspectorId?: number;
}

/**
 * Per process and database (event numbers and ids are only unique within one): a department's visits
 * of one event, read once however many of its people watch.
 */
const sharedBy = new WeakMap<DataSource, Map<string, Promise<{ visits: Visit[]; visitCount: number }>>>();
const SHARED_MAX = 500;

function remember(ds: DataSource, key: string, read: () => Promise<{ visits: Visit[]; visitCount: number }>) {
  const shared = sharedBy.get(ds) ?? sharedBy.set(ds, new Map()).get(ds)!;
  let entry = shared.get(key);
  if (!entry) {
    entry = read();
    shared.set(key, entry);
    entry.catch(() => shared.delete(key));
    if (shared.size > SHARED_MAX) shared.delete(shared.keys().next().value!);
  }
  return entry;
}

async function visitsById(ds: DataSource, ids: number[]): Promise<Visit[]> {
  return ids.length ? ds.getRepository(Visit).createQueryBuilder('v').where('v.id IN (:...ids)', { ids }).orderBy('v.id', 'ASC').getMany() : [];
}

/** A department's visits of the event: those it leads, or that its inspectors are on. */
async function departmentVisits(ds: DataSource, message: DrawEventMessage, departmentId: number): Promise<{ visits: Visit[]; visitCount: number }> {
  const p = message.payload as Payload;
  const leads = p.departmentId === departmentId;
  if (!leads && !(p.memberDepartmentIds ?? []).includes(departmentId)) return { visits: [], visitCount: 0 };
  const qb = ds.getRepository(Visit).createQueryBuilder('v');
  if (message.type === 'TEAMS_DRAWN') qb.where('v.teamDrawId = :teamDrawId', { teamDrawId: p.teamDrawId ?? -1 });
  else qb.where('v.id IN (:...ids)', { ids: p.visitIds?.length ? p.visitIds : [-1] });
  if (!leads) qb.andWhere('EXISTS (SELECT 1 FROM visit_member m WHERE m.visitId = v.id AND m.departmentId = :departmentId AND m.removedAt IS NULL)', { departmentId });
  const [visits, visitCount] = await qb.orderBy('v.id', 'ASC').take(ASSIGNMENT_VISITS).getManyAndCount();
  return { visits, visitCount };
}

/** The visits the event put these inspectors on (as they stand now). */
async function inspectorVisits(ds: DataSource, message: DrawEventMessage, inspectorIds: number[]): Promise<{ visits: Visit[]; visitCount: number }> {
  if (!JOINING_EVENTS.has(message.type)) return { visits: [], visitCount: 0 };
  const p = message.payload as Payload;
  if (p.inspectorIds && !p.inspectorIds.some((id) => inspectorIds.includes(id))) return { visits: [], visitCount: 0 };
  let candidates: Visit[];
  if (message.type === 'TEAMS_DRAWN') {
    candidates = await ds.getRepository(Visit).createQueryBuilder('v')
      .where('v.teamDrawId = :teamDrawId', { teamDrawId: p.teamDrawId ?? -1 })
      .andWhere('EXISTS (SELECT 1 FROM visit_member m WHERE m.visitId = v.id AND m.inspectorId IN (:...mine) AND m.removedAt IS NULL)', { mine: inspectorIds })
      .orderBy('v.id', 'ASC').take(ASSIGNMENT_VISITS).getMany();
  } else if (p.moves) {
    candidates = await visitsById(ds, p.moves.filter((m) => inspectorIds.includes(m.inspectorId)).map((m) => m.to));
  } else {
    candidates = await visitsById(ds, p.visitIds ?? []);
  }
  return { visits: candidates, visitCount: candidates.length };
}

/**
 * The subscription's stream. DEPARTMENT needs READ_DIRECTORIES; MINE a login linked to an inspector
 * (INSPECTOR_NOT_LINKED otherwise). Without a scope: MINE for a linked user, else DEPARTMENT.
 */
export async function followAssignments(ctx: RequestContext, scope: VisitAssignmentScope | null, afterGlobalSeq: number | null): Promise<AsyncIterableIterator<VisitAssignmentMessage>> {
  const actor = requirePermission(ctx, Permission.READ_DIRECTORIES);
  const own = (await inspectorsOfUser(ctx.ds.manager, actor.userId)).map((i) => i.id);
  const mode = scope ?? (own.length ? VisitAssignmentScope.MINE : VisitAssignmentScope.DEPARTMENT);
  if (mode === VisitAssignmentScope.MINE && !own.length) throw new DomainError(ErrorCode.INSPECTOR_NOT_LINKED);
  const inner = ctx.drawFeed.followJurisdiction('', afterGlobalSeq);
  const read = (message: DrawEventMessage) => (mode === VisitAssignmentScope.MINE
    ? inspectorVisits(ctx.ds, message, own)
    : remember(ctx.ds, `${message.globalSeq}|${actor.departmentId}`, () => departmentVisits(ctx.ds, message, actor.departmentId)));
  const iterator: AsyncIterableIterator<VisitAssignmentMessage> = {
    [Symbol.asyncIterator]() { return iterator; },
    async next() {
      for (;;) {
        const next = await inner.next();
        if (next.done) return { done: true, value: undefined };
        const message = next.value;
        if (!ASSIGNMENT_EVENTS.has(message.type)) continue;
        const { visits, visitCount } = await read(message);
        if (visitCount) return { done: false, value: { event: message, visits, visitCount } };
      }
    },
    return: async () => {
      await inner.return?.();
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      await inner.return?.();
      throw error;
    },
  };
  return iterator;
}
