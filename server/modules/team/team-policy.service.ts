import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { requirePermission, RequestContext } from '../../graphql/context';
import { requireVisibleDepartment } from '../org/org.service';
import { DEFAULT_TEAM_SIZE, DEFAULT_WORKLOAD_LIMIT, TeamPolicy } from './team.entity';

export const MAX_TEAM_SIZE = 20;
export const MAX_WORKLOAD_LIMIT = 1000;

export interface TeamPolicyValues { teamSize: number; requireSpecialtyCoverage: boolean; recuseSameTownship: boolean; workloadLimit: number }

/** The defaults, for a department that has not set its policy (updatedAt null in GraphQL). */
export function defaultPolicy(departmentId: number): TeamPolicy {
  return Object.assign(new TeamPolicy(), {
    departmentId, teamSize: DEFAULT_TEAM_SIZE, requireSpecialtyCoverage: false, recuseSameTownship: false, workloadLimit: DEFAULT_WORKLOAD_LIMIT,
    updatedAt: null as unknown as Date, updatedById: 0,
  });
}

/** The department's team policy as in force. */
export async function effectivePolicy(em: EntityManager, departmentId: number): Promise<TeamPolicy> {
  return (await em.getRepository(TeamPolicy).findOneBy({ departmentId })) ?? defaultPolicy(departmentId);
}

export async function getTeamPolicy(ctx: RequestContext, departmentId?: number | null): Promise<TeamPolicy> {
  const actor = requirePermission(ctx, Permission.READ_DIRECTORIES);
  const department = departmentId ? await requireVisibleDepartment(ctx, departmentId) : { id: actor.departmentId };
  return effectivePolicy(ctx.ds.manager, department.id);
}

function check(values: TeamPolicyValues): void {
  const fail = (zh: string, en: string) => { throw new DomainError(ErrorCode.INVALID_TEAM_POLICY, { reasonZh: zh, reasonEn: en }); };
  if (!Number.isInteger(values.teamSize) || values.teamSize < 2) fail(`检查组至少2人（现为${values.teamSize}）`, `a team has at least 2 inspectors (got ${values.teamSize})`);
  if (values.teamSize > MAX_TEAM_SIZE) fail(`检查组不超过${MAX_TEAM_SIZE}人`, `a team has at most ${MAX_TEAM_SIZE} inspectors`);
  if (!Number.isInteger(values.workloadLimit) || values.workloadLimit < 1 || values.workloadLimit > MAX_WORKLOAD_LIMIT) {
    fail(`每名执法人员同时承担的检查数应为1至${MAX_WORKLOAD_LIMIT}`, `the workload limit is 1 to ${MAX_WORKLOAD_LIMIT} open visits`);
  }
}

/** Sets the team policy of the actor's own department (the department that executes its tasks). */
export async function setTeamPolicy(ctx: RequestContext, values: TeamPolicyValues): Promise<TeamPolicy> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  check(values);
  return ctx.transaction(async (em) => {
    const policy = Object.assign(new TeamPolicy(), { departmentId: actor.departmentId, ...values, updatedAt: new Date(), updatedById: actor.userId });
    const repo = em.getRepository(TeamPolicy);
    if (await repo.findOneBy({ departmentId: actor.departmentId })) await repo.update({ departmentId: actor.departmentId }, policy);
    else await repo.insert(policy);
    return policy;
  });
}
