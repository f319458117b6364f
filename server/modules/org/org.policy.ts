import { DomainError, ErrorCode } from '../../common/errors';
import type { Actor } from '../../graphql/context';

/**
 * Department scope: an actor sees and manages its own department and every department below it
 * (their paths start with the actor's path). Siblings and parents are out of reach.
 */
export function isWithinScope(actor: Actor, departmentPath: string): boolean {
  return departmentPath.startsWith(actor.departmentPath);
}

export function assertWithinScope(actor: Actor, departmentPath: string, what: string, id: string | number): void {
  // Out-of-scope records are reported as not found, so their existence is not revealed.
  if (!isWithinScope(actor, departmentPath)) throw new DomainError(ErrorCode.NOT_FOUND, { what, id: String(id) });
}

/** Edits of directory and catalog records are made by the department that keeps them. */
export function assertOwnDepartment(actor: Actor, departmentId: number): void {
  if (actor.departmentId !== departmentId) throw new DomainError(ErrorCode.FORBIDDEN);
}
