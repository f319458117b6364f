import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import '../../server/graphql/enums';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/db/data-source';
import { schemaDrift } from '../../server/db/schema-drift';
import { createLogger } from '../../server/logger';
import { migrations } from '../../migrations';
import { freshDatabase } from '../helpers/test-server';

/** Migrations are the only way the schema changes: from empty, and over a database that holds data. */
const log = createLogger('silent');
let dir: string;
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migrations-'));
  db = await freshDatabase(dir);
});
afterEach(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(upTo = migrations.length): Promise<DataSource> {
  const ds = new DataSource({ ...dataSourceOptions(db.database, log), migrations: migrations.slice(0, upTo) } as never);
  return ds.initialize();
}

test('from empty, every migration applies and the result matches the entities', async () => {
  const ds = await open();
  const applied = await ds.runMigrations({ transaction: 'each' });
  expect(applied.map((m) => m.name)).toEqual(migrations.map((M) => new M().name));
  expect(await schemaDrift(ds)).toEqual([]);
  expect(Number((await ds.query("SELECT COUNT(*) AS n FROM region WHERE code = '140603'"))[0].n)).toBe(1);
  expect(await ds.runMigrations()).toEqual([]);
  await ds.destroy();
});

test('later migrations apply over a database holding data, and keep it; the last one can be reverted and re-applied', async () => {
  const first = await open(1);
  await first.runMigrations();
  await first.query(`INSERT INTO department (name, kind, regionCode, parentId, path, createdAt) VALUES ('平鲁区农业农村局', 'AGRICULTURE', '140603', NULL, '/1/', '2026-01-01 00:00:00.000')`);
  await first.query(`INSERT INTO target (departmentId, naturalKey, creditCode, name, type, regionCode, address, status, riskLevel, creditClass, complaintCount, dishonest, seriousViolation, specialDirectories, licences, legalRepresentative, phone, version, createdAt, updatedAt, createdByImportJobId)
    VALUES (1, 'K1', NULL, '既有对象', 'PRODUCT', '140603', '', 'ACTIVE', 'LOW', 'A', 0, 0, 0, '', '[]', '', '', 1, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000', NULL)`);
  await first.destroy();

  const all = await open();
  const applied = await all.runMigrations({ transaction: 'each' });
  expect(applied.map((m) => m.name)).toEqual(migrations.slice(1).map((M) => new M().name));
  expect(await all.query('SELECT name FROM target')).toEqual([{ name: '既有对象' }]);
  expect(await all.query('SELECT name FROM department')).toEqual([{ name: '平鲁区农业农村局' }]);
  const last = new migrations[migrations.length - 1]().name;
  await all.undoLastMigration({ transaction: 'each' });
  const remaining = (await all.query('SELECT name FROM migrations')).map((m: { name: string }) => m.name);
  expect(remaining).not.toContain(last);
  expect(await all.runMigrations({ transaction: 'each' })).toEqual([expect.objectContaining({ name: last })]);
  expect(Number((await all.query('SELECT COUNT(*) AS n FROM region'))[0].n)).toBeGreaterThan(3000);
  expect(await all.query('SELECT name FROM target')).toEqual([{ name: '既有对象' }]);
  expect(await schemaDrift(all)).toEqual([]);
  await all.destroy();
});
