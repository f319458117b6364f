import { createTestServer, subscribeCollect, TestServer } from '../helpers/test-server';
import { createChildDepartment, createRootOrg, createUserIn, PASSWORD } from '../helpers/factories';
import { Role } from '../../server/domain/vocabulary';
import { Session } from '../../server/modules/org/user.entity';

let server: TestServer;
beforeAll(async () => { server = await createTestServer(); });
afterAll(async () => { await server.close(); });

describe('logging in', () => {
  test('a right password gives a token that identifies the user', async () => {
    const { admin, token } = await createRootOrg(server);
    const me = await server.gql('{ me { username roles department { name } } }', {}, { token });
    expect(me.data.me.username).toBe(admin.username);
    expect(me.data.me.roles).toEqual(['ADMINISTRATOR']);
  });

  test('a wrong password and an unknown user get the same error, in Chinese or English', async () => {
    const { admin } = await createRootOrg(server);
    const login = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const wrongPassword = await server.gql(login, { u: admin.username, p: 'wrong-password-1' });
    const unknownUser = await server.gql(login, { u: 'nobody-here', p: PASSWORD });
    expect(wrongPassword.errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    expect(unknownUser.errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    expect(wrongPassword.errors![0].message).toBe(unknownUser.errors![0].message);
    expect(wrongPassword.errors![0].message).toBe('用户名或密码不正确。');
    const english = await server.gql(login, { u: admin.username, p: 'wrong-password-1' }, { lang: 'en-GB' });
    expect(english.errors![0].message).toBe('Wrong username or password.');
  });

  test('an expired or revoked token is refused with SESSION_EXPIRED, no token with UNAUTHENTICATED', async () => {
    const { token } = await createRootOrg(server);
    expect((await server.gql('{ me { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await server.gql('{ me { id } }', {}, { token: 'made-up-token' })).errors![0].extensions!.code).toBe('SESSION_EXPIRED');
    await server.app.ds.createQueryBuilder().update(Session).set({ expiresAt: new Date(Date.now() - 1000) }).where('id > 0').execute();
    const expired = await server.gql('{ me { id } }', {}, { token });
    expect(expired.errors![0].extensions!.code).toBe('SESSION_EXPIRED');
    expect(expired.errors![0].message).toBe('登录已过期，请重新登录。');
  });

  test('logout ends the session', async () => {
    const { token } = await createRootOrg(server);
    expect((await server.gql('mutation { logout }', {}, { token })).data.logout).toBe(true);
    expect((await server.gql('{ me { id } }', {}, { token })).errors![0].extensions!.code).toBe('SESSION_EXPIRED');
  });

  test('passwords are stored as salted scrypt hashes, never in clear', async () => {
    const { admin } = await createRootOrg(server);
    const [row] = await server.app.ds.query('SELECT passwordHash FROM user_account WHERE id = ?', [admin.id]);
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });
});

describe('department scope', () => {
  test('a user sees its own department and those below, never a sibling or a parent', async () => {
    const { department: province, token: provinceAdmin } = await createRootOrg(server);
    const city = await createChildDepartment(server, provinceAdmin, province.id, '140600');
    const countyA = await createChildDepartment(server, provinceAdmin, city.id, '140603');
    const countyB = await createChildDepartment(server, provinceAdmin, city.id, '140602');
    const countyAdmin = await createUserIn(server, provinceAdmin, countyA.id, [Role.ADMINISTRATOR]);
    const cityUser = await createUserIn(server, provinceAdmin, city.id, [Role.SUPERVISOR]);

    const cityView = await server.gql('{ departments { id } }', {}, { token: cityUser.token });
    expect(cityView.data.departments.map((d: { id: string }) => Number(d.id)).sort()).toEqual([city.id, countyA.id, countyB.id].sort());

    const sibling = await server.gql('query($id: ID!) { department(id: $id) { name } }', { id: String(countyB.id) }, { token: countyAdmin.token });
    expect(sibling.errors![0].extensions!.code).toBe('NOT_FOUND');
    const parent = await server.gql('query($id: ID!) { department(id: $id) { name } }', { id: String(city.id) }, { token: countyAdmin.token });
    expect(parent.errors![0].extensions!.code).toBe('NOT_FOUND');

    const createAbove = await server.gql(
      'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
      { input: { name: '越权部门', kind: 'AGRICULTURE', regionCode: '140602', parentId: String(city.id) } },
      { token: countyAdmin.token },
    );
    expect(createAbove.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  test('roles without the permission are refused, and nothing is written', async () => {
    const { department, token } = await createRootOrg(server);
    const supervisor = await createUserIn(server, token, department.id, [Role.SUPERVISOR]);
    const before = await server.app.ds.query('SELECT COUNT(*) AS n FROM department');
    const res = await server.gql(
      'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
      { input: { name: '无权创建', kind: 'AGRICULTURE', regionCode: '140603', parentId: String(department.id) } },
      { token: supervisor.token },
    );
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    const after = await server.app.ds.query('SELECT COUNT(*) AS n FROM department');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  test('unknown regions and weak passwords are explained', async () => {
    const { department, token } = await createRootOrg(server);
    const dept = await server.gql(
      'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
      { input: { name: '未知区划', kind: 'AGRICULTURE', regionCode: '999999', parentId: String(department.id) } },
      { token },
    );
    expect(dept.errors![0].extensions!.code).toBe('UNKNOWN_REGION');
    expect(dept.errors![0].message).toContain('999999');
    const user = await server.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { username: 'weak_one', displayName: '弱密码', departmentId: String(department.id), roles: ['PLANNER'], password: 'short' } },
      { token },
    );
    expect(user.errors![0].extensions!.code).toBe('WEAK_PASSWORD');
  });
});

describe('public data and request limits', () => {
  test('regions are public and carry the GB/T 2260 hierarchy', async () => {
    const res = await server.gql('{ region(code: "140603") { name level parent { name parent { name } } } }');
    expect(res.data.region).toEqual({ name: '平鲁区', level: 'COUNTY', parent: { name: '朔州市', parent: { name: '山西省' } } });
  });

  test('a malformed request gets BAD_REQUEST with the reason', async () => {
    const res = await server.gql('{ regions { code ');
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('BAD_REQUEST');
    const unknownField = await server.gql('{ regions { nonsense } }');
    expect(unknownField.errors![0].extensions!.code).toBe('BAD_REQUEST');
    expect(unknownField.errors![0].message).toContain('nonsense');
  });

  test('queries deeper than the limit are refused over HTTP and over WebSocket', async () => {
    const deep = '{ region(code: "140603") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }';
    const http = await server.gql(deep);
    expect(http.status).toBe(400);
    expect(http.errors![0].extensions!.code).toBe('QUERY_TOO_DEEP');
    const client = server.ws();
    const { errors } = await subscribeCollect(client, deep, {}, (events) => events.length > 0, 5000);
    expect(JSON.stringify(errors)).toContain('QUERY_TOO_DEEP');
  });

  test('a WebSocket query runs with the same authentication as HTTP', async () => {
    const { admin, token } = await createRootOrg(server);
    const { events } = await subscribeCollect(server.ws(token), '{ me { username } }', {}, (e) => e.length > 0, 5000);
    expect(events[0].me.username).toBe(admin.username);
    const anonymous = await subscribeCollect(server.ws(), '{ me { username } }', {}, (e) => e.length > 0, 5000);
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
  });

  test('health and readiness answer', async () => {
    expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });
});

describe('password guessing', () => {
  test('after five failures a username is refused for a while, even with the right password; others are not affected', async () => {
    const { admin } = await createRootOrg(server);
    const login = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    for (let i = 0; i < 5; i++) expect((await server.gql(login, { u: admin.username, p: `guess-${i}-wrong` })).errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    const blocked = await server.gql(login, { u: admin.username, p: PASSWORD });
    expect(blocked.errors![0].extensions!.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(blocked.errors![0].message).toMatch(/请 1[0-5] 分钟后再试/);
    const other = await createRootOrg(server);
    expect((await server.gql(login, { u: other.admin.username, p: PASSWORD })).data.login.token).toBeTruthy();
  });
});
