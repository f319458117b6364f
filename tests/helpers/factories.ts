import { randomBytes } from 'node:crypto';
import { DepartmentKind, Role } from '../../server/domain/vocabulary';
import { inTransaction } from '../../server/db/transaction';
import { createRootDepartment, insertUser } from '../../server/modules/org/org.service';
import type { TestServer } from './test-server';

export const PASSWORD = 'test-pass-2026';

const unique = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

/** A top-level department with an administrator, built for one test so tests never share state. */
export async function createRootOrg(server: TestServer, options: { regionCode?: string; kind?: DepartmentKind; name?: string } = {}) {
  const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(server.app.ds, work) };
  const department = await createRootDepartment(tx, { name: options.name ?? unique('省农业农村厅'), kind: options.kind ?? DepartmentKind.AGRICULTURE, regionCode: options.regionCode ?? '140000' });
  const admin = await insertUser(tx, { username: unique('admin'), displayName: '管理员', departmentId: department.id, roles: [Role.ADMINISTRATOR], password: PASSWORD });
  const token = await loginAs(server, admin.username);
  return { department, admin, token };
}

export async function loginAs(server: TestServer, username: string, password = PASSWORD): Promise<string> {
  const res = await server.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** A department below `parentId`, created through the API by an administrator above it. */
export async function createChildDepartment(server: TestServer, token: string, parentId: number | string, regionCode: string, kind = DepartmentKind.AGRICULTURE) {
  const res = await server.gql(
    `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id name } }`,
    { input: { name: unique('农业农村局'), kind, regionCode, parentId: String(parentId) } },
    { token },
  );
  if (!res.data) throw new Error(`createDepartment failed: ${JSON.stringify(res.errors)}`);
  return { id: Number(res.data.createDepartment.id), name: res.data.createDepartment.name as string };
}

/** A user with the given roles in a department, logged in. */
export async function createUserIn(server: TestServer, adminToken: string, departmentId: number, roles: Role[]) {
  const username = unique('user');
  const res = await server.gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { username, displayName: '测试用户', departmentId: String(departmentId), roles, password: PASSWORD } },
    { token: adminToken },
  );
  if (!res.data) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  return { id: Number(res.data.createUser.id), username, token: await loginAs(server, username) };
}
