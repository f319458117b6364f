import type { DataSource, EntityManager } from 'typeorm';
import type { HubConfig } from '../config';
import { DomainError, ErrorCode, Lang } from '../common/errors';
import { Permission, permissionsOf } from '../common/permissions';
import { inTransaction } from '../db/transaction';
import type { Role } from '../domain/vocabulary';
import type { Logger } from '../logger';
import { Department } from '../modules/org/department.entity';
import { createLoaders, Loaders } from './loaders';
import type { HubPubSub } from './pubsub';
import type { DrawFeed } from '../modules/draw/draw-feed';

/** The person behind a request, as far as authorisation is concerned. */
export interface Actor {
  userId: number;
  username: string;
  departmentId: number;
  departmentPath: string;
  roles: Role[];
  permissions: Set<Permission>;
}

/** What a service needs to serve one request or one subscription event. */
export interface RequestContext {
  ds: DataSource;
  config: HubConfig;
  log: Logger;
  pubSub: HubPubSub;
  drawFeed: DrawFeed;
  actor: Actor | null;
  /** Why the presented token was not accepted, when one was presented. */
  authFailure: ErrorCode | null;
  lang: Lang;
  /** The Authorization header as presented (to end the session on logout). Never logged. */
  authorization: string | null;
  loaders: Loaders;
  /** Departments whose records the actor may see: their own and all below. Memoised per request. */
  visibleDepartmentIds(): Promise<number[]>;
  /** Runs a multi-step write in one transaction. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

export interface ContextDeps {
  ds: DataSource;
  config: HubConfig;
  log: Logger;
  pubSub: HubPubSub;
  drawFeed: DrawFeed;
}

export function buildContext(deps: ContextDeps, auth: { actor: Actor | null; failure: ErrorCode | null; authorization: string | null }, lang: Lang): RequestContext {
  const { actor } = auth;
  let visible: Promise<number[]> | undefined;
  return {
    ...deps,
    actor,
    authFailure: auth.failure,
    authorization: auth.authorization,
    lang,
    loaders: createLoaders(deps.ds),
    visibleDepartmentIds() {
      if (!actor) return Promise.resolve([]);
      visible ??= deps.ds
        .getRepository(Department)
        .createQueryBuilder('d')
        .select('d.id', 'id')
        .where('d.path LIKE :prefix', { prefix: `${actor.departmentPath}%` })
        .getRawMany<{ id: number }>()
        .then((rows) => rows.map((r) => Number(r.id)));
      return visible;
    },
    transaction: (work) => inTransaction(deps.ds, work),
  };
}

/** The actor, or the reason there is none. */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new DomainError(ctx.authFailure ?? ErrorCode.UNAUTHENTICATED);
  return ctx.actor;
}

export function requirePermission(ctx: RequestContext, permission: Permission): Actor {
  const actor = requireActor(ctx);
  if (!actor.permissions.has(permission)) throw new DomainError(ErrorCode.FORBIDDEN);
  return actor;
}

export function actorFrom(user: { id: number; username: string; departmentId: number; roles: Role[] }, departmentPath: string): Actor {
  return { userId: user.id, username: user.username, departmentId: user.departmentId, departmentPath, roles: user.roles, permissions: permissionsOf(user.roles) };
}

/** Chooses the language of messages from Accept-Language (or the `lang` connection parameter). */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh';
}
