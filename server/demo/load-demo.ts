import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { inTransaction } from '../db/transaction';
import { Role } from '../domain/vocabulary';
import type { ContextDeps } from '../graphql/context';
import { CheckForm, InspectionItem, InspectionItemVersion } from '../modules/catalog/inspection-item.entity';
import { ConflictOfInterest } from '../modules/directory/conflict.entity';
import { Expert } from '../modules/directory/expert.entity';
import { Inspector } from '../modules/directory/inspector.entity';
import { Target } from '../modules/directory/target.entity';
import { Department } from '../modules/org/department.entity';
import { createRootDepartment, insertUser } from '../modules/org/org.service';
import { Region, RegionNeighbour } from '../modules/org/region.entity';
import { User } from '../modules/org/user.entity';
import { DemoData, DemoDepartment, DepartmentKey, generateDemoData, Township } from './demo-data';
import { DEMO_LOGINS } from './demo-logins';

/**
 * Loads the demo county (平鲁区 and its surroundings) into an empty database on first start, so a
 * newcomer logs in to a living system. "Empty" means no department yet: a real install creates its
 * first department with the bootstrap command, and from then on the demo never loads.
 */
export async function loadDemoIfEmpty(deps: ContextDeps): Promise<void> {
  const { ds, log } = deps;
  if (await ds.getRepository(Department).exists()) return;
  const started = Date.now();
  const data = generateDemoData({ townships: await countyTownships(ds.manager), today: beijingToday() });
  const counts = await inTransaction(ds, async (em) => {
    await serialiseLoaders(em);
    // Another instance may have loaded it while we waited for the lock.
    if (await em.getRepository(Department).exists()) return null;
    return writeDemo(em, data);
  });
  if (counts) log.info('demo county loaded', { ...counts, ms: Date.now() - started });
}

/** Today's date in China, which is what certificate expiry is measured against. */
function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function countyTownships(em: EntityManager): Promise<{ '140603': Township[]; '140602': Township[] }> {
  const rows = await em.getRepository(Region).find({ select: { code: true, name: true, parentCode: true }, where: { parentCode: In(['140603', '140602']) }, order: { code: 'ASC' } });
  const of = (county: string) => rows.filter((r) => r.parentCode === county).map(({ code, name }) => ({ code, name }));
  return { '140603': of('140603'), '140602': of('140602') };
}

/**
 * Several hub instances may start at once against one MariaDB: the first to lock 平鲁区's region row
 * loads, the others then find departments and stop. SQLite has a single connection whose
 * transactions are already queued one after another, so it needs no lock (and has no FOR UPDATE).
 */
async function serialiseLoaders(em: EntityManager): Promise<void> {
  const type = em.connection.options.type;
  if (type === 'mariadb' || type === 'mysql') await em.query('SELECT code FROM region WHERE code = ? FOR UPDATE', ['140603']);
}

type Counts = Record<string, number>;

/** Writes everything in the caller's transaction: all of the demo or none of it. */
async function writeDemo(em: EntityManager, data: DemoData): Promise<Counts> {
  const departments = await writeDepartments(em, data.departments);
  const departmentId = (key: DepartmentKey) => departments.get(key)!.id;
  await writeNeighbours(em, data.neighbours);
  const users = await writeUsers(em, data, departmentId);

  await insertInChunks(em, Target, data.targets.map(({ departmentKey, ...row }) => ({ ...row, departmentId: departmentId(departmentKey) })));
  await insertInChunks(em, Inspector, data.inspectors.map(({ departmentKey, ...row }) => ({ ...row, departmentId: departmentId(departmentKey) })));
  await linkInspectorAccounts(em, data, users);
  await insertInChunks(em, Expert, data.experts.map(({ departmentKey, ...row }) => ({ ...row, departmentId: departmentId(departmentKey) })));
  const conflicts = await writeConflicts(em, data, departmentId);
  const catalog = await writeCatalog(em, data, departmentId, users);

  return {
    departments: departments.size, users: users.size, targets: data.targets.length, inspectors: data.inspectors.length,
    experts: data.experts.length, conflicts, ...catalog,
  };
}

/** The call shape the org services expect, bound to our transaction instead of opening their own. */
function within(em: EntityManager) {
  return { transaction: <T>(work: (em: EntityManager) => Promise<T>) => work(em) };
}

async function writeDepartments(em: EntityManager, departments: readonly DemoDepartment[]): Promise<Map<DepartmentKey, Department>> {
  const byKey = new Map<DepartmentKey, Department>();
  for (const { key, parentKey, name, kind, regionCode } of departments) {
    const department = parentKey
      ? await insertChildDepartment(em, byKey.get(parentKey)!, { name, kind, regionCode })
      : await createRootDepartment(within(em), { name, kind, regionCode });
    byKey.set(key, department);
  }
  return byKey;
}

/** As createDepartment in org.service does it (without its permission checks): the path needs the new id. */
async function insertChildDepartment(em: EntityManager, parent: Department, fields: Pick<Department, 'name' | 'kind' | 'regionCode'>): Promise<Department> {
  const repo = em.getRepository(Department);
  const department = repo.create({ ...fields, parentId: parent.id, path: '', createdAt: new Date() });
  await repo.insert(department);
  department.path = `${parent.path}${department.id}/`;
  await repo.update({ id: department.id }, { path: department.path });
  return department;
}

/** Adds the declared neighbours that are not there yet (an administrator may have declared some). */
async function writeNeighbours(em: EntityManager, pairs: DemoData['neighbours']): Promise<void> {
  const repo = em.getRepository(RegionNeighbour);
  const existing = await repo.find({ where: { regionCode: In([...new Set(pairs.map((p) => p.regionCode))]) } });
  const known = new Set(existing.map((p) => `${p.regionCode}|${p.neighbourCode}`));
  const missing = pairs.filter((p) => !known.has(`${p.regionCode}|${p.neighbourCode}`));
  if (missing.length) await repo.insert(missing);
}

/** The demo inspectors' logins see "my visits": each is linked to the inspector of its name in its department. */
async function linkInspectorAccounts(em: EntityManager, data: DemoData, users: Map<string, User>): Promise<void> {
  for (const account of data.users.filter((u) => u.roles.includes(Role.INSPECTOR))) {
    const user = users.get(account.username)!;
    await em.getRepository(Inspector).update({ departmentId: user.departmentId, name: account.displayName }, { userId: user.id });
  }
}

/** Through insertUser, so demo users are hashed and checked exactly like real ones. */
async function writeUsers(em: EntityManager, data: DemoData, departmentId: (key: DepartmentKey) => number): Promise<Map<string, User>> {
  const users = new Map<string, User>();
  for (const { username, displayName, departmentKey, roles } of data.users) {
    users.set(username, await insertUser(within(em), { username, displayName, roles, departmentId: departmentId(departmentKey), password: DEMO_LOGINS.password }));
  }
  return users;
}

async function writeConflicts(em: EntityManager, data: DemoData, departmentId: (key: DepartmentKey) => number): Promise<number> {
  const inspectors = await em.getRepository(Inspector).find({ select: { id: true, certificateNumber: true }, where: { certificateNumber: In(data.conflicts.map((c) => c.certificateNumber)) } });
  const inspectorId = new Map(inspectors.map((i) => [i.certificateNumber, i.id]));
  const targetId = new Map<string, number>();
  for (const key of new Set(data.conflicts.map((c) => c.targetDepartmentKey))) {
    const naturalKeys = data.conflicts.filter((c) => c.targetDepartmentKey === key).map((c) => c.targetNaturalKey);
    const rows = await em.getRepository(Target).find({ select: { id: true, naturalKey: true }, where: { departmentId: departmentId(key), naturalKey: In(naturalKeys) } });
    for (const row of rows) targetId.set(`${key}|${row.naturalKey}`, row.id);
  }
  const rows = data.conflicts.map((c) => ({
    inspectorId: required(inspectorId.get(c.certificateNumber), c.certificateNumber),
    targetId: required(targetId.get(`${c.targetDepartmentKey}|${c.targetNaturalKey}`), c.targetNaturalKey),
    reason: c.reason, declaredAt: c.declaredAt, declaredById: null,
  }));
  await insertInChunks(em, ConflictOfInterest, rows);
  return rows.length;
}

/** Items, then their versions, then the versions' check forms; each step looks up the ids the previous one got. */
async function writeCatalog(em: EntityManager, data: DemoData, departmentId: (key: DepartmentKey) => number, users: Map<string, User>): Promise<Counts> {
  const itemRows = data.items.map((item) => ({
    departmentId: departmentId(item.departmentKey), code: item.code, currentVersion: item.versions.length, active: true,
    updatedAt: item.versions[item.versions.length - 1].createdAt,
  }));
  await insertInChunks(em, InspectionItem, itemRows);
  const items = await em.getRepository(InspectionItem).find({ select: { id: true, departmentId: true, code: true }, where: { departmentId: In([...new Set(itemRows.map((r) => r.departmentId))]), code: In(itemRows.map((r) => r.code)) } });
  const itemId = new Map(items.map((i) => [`${i.departmentId}|${i.code}`, i.id]));

  const versionRows = data.items.flatMap((item) => item.versions.map(({ forms: _forms, createdByUsername, ...version }) => ({
    ...version,
    itemId: required(itemId.get(`${departmentId(item.departmentKey)}|${item.code}`), item.code),
    createdById: users.get(createdByUsername)?.id ?? null,
  })));
  await insertInChunks(em, InspectionItemVersion, versionRows);
  const versions = await em.getRepository(InspectionItemVersion).find({ select: { id: true, itemId: true, version: true }, where: { itemId: In(items.map((i) => i.id)) } });
  const versionId = new Map(versions.map((v) => [`${v.itemId}|${v.version}`, v.id]));

  const formRows = data.items.flatMap((item) => item.versions.flatMap((version) => version.forms.map((form, position) => ({
    itemVersionId: required(versionId.get(`${itemId.get(`${departmentId(item.departmentKey)}|${item.code}`)}|${version.version}`), `${item.code} v${version.version}`),
    name: form.name,
    checkPoints: form.points.map(([point, method, criterion, followUp]) => ({ point, method, criterion, followUp })),
    position,
  }))));
  await insertInChunks(em, CheckForm, formRows);
  return { items: itemRows.length, itemVersions: versionRows.length, checkForms: formRows.length };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo data refers to ${what}, which was not written`);
  return value;
}

/**
 * Multi-row INSERTs of ≤ 500 rows (well under both databases' placeholder limits), through TypeORM
 * so column transformers (csv sets, json, booleans) apply. `updateEntity(false)`: we need no ids
 * back (we look them up by natural key), which spares MariaDB a read-back of every chunk.
 */
async function insertInChunks<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, rows: readonly QueryDeepPartialEntity<E>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 500) as QueryDeepPartialEntity<E>[]).updateEntity(false).execute();
  }
}
