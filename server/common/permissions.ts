import { Role } from '../domain/vocabulary';

/** What a role allows, coarsely; which records it applies to is decided by the policies. */
export enum Permission {
  READ_DIRECTORIES = 'READ_DIRECTORIES',
  EDIT_DIRECTORIES = 'EDIT_DIRECTORIES',
  EDIT_CATALOG = 'EDIT_CATALOG',
  MANAGE_DEPARTMENTS = 'MANAGE_DEPARTMENTS',
  MANAGE_USERS = 'MANAGE_USERS',
  MANAGE_REGIONS = 'MANAGE_REGIONS',
  MANAGE_TASKS = 'MANAGE_TASKS',
  RUN_DRAWS = 'RUN_DRAWS',
  MANAGE_PLANS = 'MANAGE_PLANS',
  READ_PLANS = 'READ_PLANS',
  /** Record inspection results for the items of the actor's own department. */
  RECORD_RESULTS = 'RECORD_RESULTS',
  /** Watch the jurisdiction as a whole: the supervision overview and its live draw list (Art. 36–39). */
  SUPERVISE = 'SUPERVISE',
}

const READ_ONLY = [Permission.READ_DIRECTORIES, Permission.READ_PLANS];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  ADMINISTRATOR: Object.values(Permission),
  PLANNER: [Permission.READ_DIRECTORIES, Permission.EDIT_DIRECTORIES, Permission.EDIT_CATALOG, Permission.MANAGE_TASKS, Permission.MANAGE_PLANS, Permission.READ_PLANS],
  DRAW_OPERATOR: [Permission.READ_DIRECTORIES, Permission.RUN_DRAWS, Permission.READ_PLANS],
  INSPECTOR: [...READ_ONLY, Permission.RECORD_RESULTS],
  REVIEWING_LEADER: [...READ_ONLY, Permission.SUPERVISE],
  SUPERVISOR: [...READ_ONLY, Permission.SUPERVISE],
  // A witness watches draws it is invited to; directories are none of its business.
  WITNESS: [],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => rolePermissions[role] ?? []));
}
