import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { Actor, actorFrom } from '../../graphql/context';
import { Department } from './department.entity';
import { DUMMY_HASH, verifyPassword } from './password';
import { LoginThrottle } from './login-throttle';
import { Session, User } from './user.entity';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Resolves a bearer token to the actor, or says why it cannot. Unknown, revoked and expired tokens all count as expired sessions. */
export async function authenticate(ds: DataSource, token: string): Promise<{ actor: Actor } | { failure: ErrorCode }> {
  const session = await ds.getRepository(Session).findOneBy({ tokenHash: sha256(token) });
  if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return { failure: ErrorCode.SESSION_EXPIRED };
  const user = await ds.getRepository(User).findOneBy({ id: session.userId });
  if (!user || !user.active) return { failure: ErrorCode.SESSION_EXPIRED };
  const department = await ds.getRepository(Department).findOneByOrFail({ id: user.departmentId });
  return { actor: actorFrom(user, department.path) };
}

/**
 * Checks a password and opens a session. Whether the username or the password was wrong is never
 * said, and an unknown username costs the same hash as a known one.
 */
const throttles = new WeakMap<DataSource, LoginThrottle>();

export async function login(ds: DataSource, username: string, password: string, ttlSeconds: number) {
  const throttle = throttles.get(ds) ?? throttles.set(ds, new LoginThrottle()).get(ds)!;
  const minutes = throttle.blockedMinutes(username);
  if (minutes) throw new DomainError(ErrorCode.TOO_MANY_LOGIN_ATTEMPTS, { minutes });
  const user = await ds.getRepository(User).findOneBy({ username });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    throttle.recordFailure(username);
    throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
  }
  throttle.recordSuccess(username);
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await ds.getRepository(Session).insert({ tokenHash: sha256(token), userId: user.id, expiresAt, createdAt: now, revokedAt: null });
  return { token, expiresAt, user };
}

export async function logout(ds: DataSource, token: string): Promise<void> {
  await ds.getRepository(Session).update({ tokenHash: sha256(token) }, { revokedAt: new Date() });
}

export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** Resolves the caller of an HTTP request or a WebSocket operation from its Authorization value. */
export async function resolveAuth(ds: DataSource, authorization: string | null): Promise<{ actor: Actor | null; failure: ErrorCode | null; authorization: string | null }> {
  const token = bearerToken(authorization);
  if (!token) return { actor: null, failure: null, authorization };
  const result = await authenticate(ds, token);
  return 'actor' in result ? { actor: result.actor, failure: null, authorization } : { actor: null, failure: result.failure, authorization };
}
