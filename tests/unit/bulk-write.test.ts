import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { bulkInsert, prepareUpsert } from '../../server/db/bulk';
import { dataSourceOptions } from '../../server/db/data-source';
import { inTransaction, isUniqueViolation } from '../../server/db/transaction';
import { TSV_NULL, tsvField, tsvRows, tsvText } from '../../server/db/tsv';
import { completeCreditCode } from '../../server/domain/credit-code';
import { characterCount, checkText, FieldProblem } from '../../server/domain/field-problem';
import { CreditClass, RiskLevel, SpecialDirectory, TargetStatus, TargetType } from '../../server/domain/vocabulary';
import { createLogger } from '../../server/logger';
import { ChangeRecord } from '../../server/modules/audit/change-record.entity';
import { Target } from '../../server/modules/directory/target.entity';
import { targetsKind } from '../../server/modules/imports/kinds/targets.kind';
import { WriteQueue } from '../../server/modules/imports/write-queue';
import { databases, openDatabase } from '../helpers/test-database';

describe('TSV rows for LOAD DATA', () => {
  test('escapes exactly the characters that would end a field or a line, and the escape character', () => {
    expect(tsvText('平鲁区 "井坪镇" 12号')).toBe('平鲁区 "井坪镇" 12号');
    expect(tsvText('a\tb\nc\rd\\e\0f')).toBe('a\\tb\\nc\\rd\\\\e\\0f');
    expect(tsvText('\\N')).toBe('\\\\N'); // the text \N, not NULL
  });

  test('fields: NULL, booleans, numbers, dates through the connection’s formatter; anything else is refused', () => {
    const dateText = (d: Date) => d.toISOString();
    expect([null, undefined].map((v) => tsvField(v, dateText))).toEqual([TSV_NULL, TSV_NULL]);
    expect([true, false, 0, 42, -1.5].map((v) => tsvField(v, dateText))).toEqual(['1', '0', '0', '42', '-1.5']);
    expect(tsvField(new Date(Date.UTC(2026, 0, 2)), dateText)).toBe('2026-01-02T00:00:00.000Z');
    expect(tsvField('', dateText)).toBe('');
    expect(() => tsvField({ a: 1 }, dateText)).toThrow(TypeError);
    expect(() => tsvField(Buffer.from('x'), dateText)).toThrow(TypeError);
  });

  test('rows are UTF-8 pieces that only break between rows', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({ a: `第${i}行\t制表`, b: i % 3 ? null : '😀' }));
    const pieces = tsvRows(rows, ['a', 'b'], [null, (value) => value], String);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece[piece.length - 1]).toBe(0x0a);
    const expected = rows.map((r) => `${tsvText(r.a)}\t${r.b === null ? TSV_NULL : r.b}\n`).join('');
    expect(Buffer.concat(pieces).toString('utf8')).toBe(expected);
  });
});

describe('text length limits count characters', () => {
  test('a surrogate pair is one character, a lone surrogate one too, as [...text] counts them', () => {
    for (const text of ['', 'abc', '平鲁区', '𠀀𠀁', 'a😀b', '\ud800', '\udc00\ud800', 'x\ud800']) expect(characterCount(text)).toBe([...text].length);
  });

  test('the limit is on characters, not UTF-16 units', () => {
    const problems: FieldProblem[] = [];
    checkText(problems, 'name', '😀'.repeat(5), 5, true);
    expect(problems).toEqual([]);
    checkText(problems, 'name', '😀'.repeat(6), 5, true);
    checkText(problems, 'name', ' ', 5, true);
    expect(problems.map((p) => p.params.reason)).toEqual(['name 超过 5 个字 (name is longer than 5 characters)', 'name 不能为空 (name is required)']);
  });
});

describe('the write queue of an import', () => {
  const deferred = () => {
    let resolve!: () => void, reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };

  test('starts writes in order, never more than its depth at once', async () => {
    const queue = new WriteQueue(2);
    const writes = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    await queue.add(() => { started.push(0); return writes[0].promise; });
    await queue.add(() => { started.push(1); return writes[1].promise; });
    const third = queue.add(() => { started.push(2); return writes[2].promise; });
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    writes[0].resolve();
    await third;
    expect(started).toEqual([0, 1, 2]);
    writes[1].resolve();
    writes[2].resolve();
    await queue.drain();
  });

  test('a failed write is thrown by drain; settle waits for the writes still under way', async () => {
    const queue = new WriteQueue(2);
    const slow = deferred();
    let slowEnded = false;
    await queue.add(() => Promise.reject(new Error('duplicate key')));
    await queue.add(() => slow.promise.then(() => { slowEnded = true; }));
    await expect(queue.drain()).rejects.toThrow('duplicate key');
    const settled = queue.settle();
    setTimeout(() => slow.resolve(), 20);
    await settled;
    expect(slowEnded).toBe(true);
  });
});

const TARGET_COLUMNS = [
  'naturalKey', 'creditCode', 'name', 'type', 'regionCode', 'address', 'status', 'riskLevel', 'creditClass', 'complaintCount', 'dishonest',
  'seriousViolation', 'specialDirectories', 'licences', 'legalRepresentative', 'phone',
] as const;

/** Values that go wrong if a converter or the TSV escaping is off by anything. */
function trickyTargets(): Partial<Target>[] {
  const base = {
    type: TargetType.ENTERPRISE, regionCode: '140603', status: TargetStatus.ACTIVE, riskLevel: RiskLevel.MEDIUM, creditClass: CreditClass.B,
    complaintCount: 0, dishonest: false, seriousViolation: false, specialDirectories: [], licences: [], legalRepresentative: '', phone: '',
  };
  const code = (n: number) => completeCreditCode(`92140603MA${String(n).padStart(7, '0')}`);
  return [
    { ...base, naturalKey: code(1), creditCode: code(1), name: '平鲁区丰收农资经营部', address: '' },
    { ...base, naturalKey: 'PRODUCT|140603|化肥', creditCode: null, type: TargetType.PRODUCT, name: '化肥', address: '井坪镇\t南大街\n12号\r\n', dishonest: true },
    {
      ...base, naturalKey: code(2), creditCode: code(2), name: 'back\\slash \\N \'quote\' "double" 😀 𠀀', address: 'NUL\0inside', complaintCount: 123456789,
      seriousViolation: true, specialDirectories: [SpecialDirectory.PESTICIDE_DEALER, SpecialDirectory.SEED_DEALER],
      licences: [{ kind: '农药经营许可证', number: '农药经许（晋）14060320210001', validTo: '2027-05-31' }, { kind: 'a\tb', number: 'c\\d', validTo: null }],
      legalRepresentative: '王建华', phone: '0349-6022123',
    },
  ];
}

/** Stored rows of a department as the database hands them back, without the columns that differ by design. */
async function storedTargets(ds: DataSource, departmentId: number) {
  const rows: Record<string, unknown>[] = await ds.query('SELECT * FROM target WHERE departmentId = ? ORDER BY naturalKey', [departmentId]);
  return rows.map(({ id: _id, departmentId: _d, ...rest }) => rest);
}

describe.each(databases)('bulk writes on %s store what TypeORM stores', (kind) => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => { db = await openDatabase(kind); });
  afterAll(async () => { await db.close(); });

  const at = new Date('2026-03-04T05:06:07.089Z');
  const constants = (departmentId: number) => ({ departmentId, version: 1, createdAt: at, updatedAt: at, createdByImportJobId: 7 });

  test('bulkInsert with constants: the same rows as repository.insert()', async () => {
    await db.ds.getRepository(Target).insert(trickyTargets().map((t) => ({ ...t, ...constants(1) })));
    await inTransaction(db.ds, (em) => bulkInsert(em, Target, [...TARGET_COLUMNS], trickyTargets(), constants(2)));
    const expected = await storedTargets(db.ds, 1);
    expect(expected).toHaveLength(3);
    expect(await storedTargets(db.ds, 2)).toEqual(expected);
  });

  test('prepareUpsert: the same rows as repository.update()', async () => {
    const repo = db.ds.getRepository(Target);
    for (const departmentId of [3, 4]) await repo.insert(trickyTargets().map((t) => ({ ...t, ...constants(departmentId) })));
    const later = new Date('2026-05-06T07:08:09.010Z');
    const change = { name: '改名\t了', address: '\\', specialDirectories: [SpecialDirectory.FEED_DEALER], licences: [], dishonest: true, version: 2, updatedAt: later };
    for (const target of await repo.findBy({ departmentId: 3 })) await repo.update({ id: target.id }, change);
    const upserted = (await repo.findBy({ departmentId: 4 })).map((t) => ({ ...t, ...change }));
    const columns = ['id', ...TARGET_COLUMNS, 'departmentId', 'version', 'createdAt', 'updatedAt', 'createdByImportJobId'] as const;
    await inTransaction(db.ds, (em) => prepareUpsert(em, Target, [...columns], ['id'], [...TARGET_COLUMNS, 'version', 'updatedAt'], upserted)());
    expect(await storedTargets(db.ds, 4)).toEqual(await storedTargets(db.ds, 3));
  });

  test('history rows with constants: the same as repository.insert()', async () => {
    const changes = { name: ['旧\t名', '新\n名'] as [unknown, unknown], licences: [[], [{ kind: 'k', number: 'n', validTo: null }]] as [unknown, unknown] };
    const fixed = { entityType: 'TARGET', action: 'UPDATE', userId: null, importJobId: 9, at };
    await db.ds.getRepository(ChangeRecord).insert({ ...fixed, entityId: 1, changes: changes as never });
    await inTransaction(db.ds, (em) => bulkInsert(em, ChangeRecord, ['entityId', 'changes'], [{ entityId: 2, changes }], fixed));
    const rows: Record<string, unknown>[] = await db.ds.query('SELECT * FROM change_record WHERE importJobId = 9 ORDER BY entityId');
    const [viaTypeOrm, viaBulk] = rows.map(({ id: _id, entityId: _e, ...rest }) => rest);
    expect(viaBulk).toEqual(viaTypeOrm);
  });

  test('a duplicate key fails the write like an INSERT, and nothing of the transaction is kept', async () => {
    const rows = trickyTargets();
    const write = inTransaction(db.ds, async (em) => {
      await bulkInsert(em, Target, [...TARGET_COLUMNS], rows.slice(0, 2), constants(5));
      await bulkInsert(em, Target, [...TARGET_COLUMNS], [rows[2], { ...rows[2], name: 'again' }], constants(5));
    });
    const error = await write.then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await storedTargets(db.ds, 5)).toEqual([]);
  });

  (kind === 'MariaDB' ? test : test.skip)('on MariaDB new rows go by LOAD DATA, and a value the column cannot hold fails instead of being cut', async () => {
    const statements = jest.spyOn(db.ds.logger, 'logQuery');
    try {
      await inTransaction(db.ds, (em) => bulkInsert(em, Target, [...TARGET_COLUMNS], trickyTargets().slice(0, 1), constants(6)));
      expect(statements.mock.calls.map(([sql]) => sql.slice(0, 24))).toContain('LOAD DATA LOCAL INFILE \'');
      expect(statements.mock.calls.some(([sql]) => sql.startsWith('INSERT INTO `target`'))).toBe(false);
    } finally {
      statements.mockRestore();
    }
    // Outside a transaction it borrows a connection of its own.
    await bulkInsert(db.ds.manager, Target, [...TARGET_COLUMNS], trickyTargets(), constants(9));
    expect(await storedTargets(db.ds, 9)).toEqual(await storedTargets(db.ds, 1));
    const tooLong = { ...trickyTargets()[0], naturalKey: 'x'.repeat(201), creditCode: null };
    await expect(inTransaction(db.ds, (em) => bulkInsert(em, Target, [...TARGET_COLUMNS], [tooLong], constants(7)))).rejects.toThrow(/Data too long|truncated/i);
    expect(await storedTargets(db.ds, 7)).toEqual([]);
  });

  (kind === 'MariaDB' ? test : test.skip)('when the server refuses LOAD DATA LOCAL, multi-row INSERTs store the same rows', async () => {
    const ds = await new DataSource(dataSourceOptions(db.config, createLogger('silent'))).initialize();
    try {
      const query = ds.query.bind(ds);
      jest.spyOn(ds, 'query').mockImplementation((sql: string, ...rest: unknown[]) =>
        (sql.includes('@@local_infile') ? Promise.resolve([{ enabled: 0 }]) : query(sql, ...(rest as [])) as never));
      const statements = jest.spyOn(ds.logger, 'logQuery');
      await inTransaction(ds, (em) => bulkInsert(em, Target, [...TARGET_COLUMNS], trickyTargets(), constants(8)));
      expect(statements.mock.calls.some(([sql]) => sql.startsWith('LOAD DATA'))).toBe(false);
      expect(await storedTargets(db.ds, 8)).toEqual(await storedTargets(db.ds, 1));
    } finally {
      await ds.destroy();
    }
  });
});

describe.each(databases)('the directory writer on %s', (kind) => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => { db = await openDatabase(kind); });
  afterAll(async () => { await db.close(); });

  const row = (n: number, riskLevel = RiskLevel.LOW) => {
    const creditCode = completeCreditCode(`91140603MA${String(n).padStart(7, '0')}`);
    return {
      creditCode, naturalKey: creditCode, name: `第${n}家`, type: TargetType.ENTERPRISE, regionCode: '140603', address: '', status: TargetStatus.ACTIVE,
      riskLevel, creditClass: CreditClass.B, complaintCount: 0, dishonest: false, seriousViolation: false, specialDirectories: [], licences: [],
      legalRepresentative: '', phone: '',
    };
  };
  const rows = (numbers: number[], changed: number[] = []) => numbers.map((n) => ({ rowNumber: n + 1, value: row(n, changed.includes(n) ? RiskLevel.HIGH : RiskLevel.LOW) }));

  test('a first import in chunks, then a re-import: unchanged rows write nothing, changed ones are updated with history', async () => {
    const departmentId = 11;
    const first = await inTransaction(db.ds, async (em) => {
      const ctx = { em, departmentId, jobId: 21, userId: 31 };
      return [await targetsKind.write(ctx, rows([1, 2, 3])), await targetsKind.write(ctx, rows([4, 5]))];
    });
    expect(first.map((o) => o.created)).toEqual([3, 2]);

    const again = await inTransaction(db.ds, async (em) => {
      const ctx = { em, departmentId, jobId: 22, userId: 31 };
      return [await targetsKind.write(ctx, rows([1, 2], [2])), await targetsKind.write(ctx, rows([3, 4, 5, 6], [5]))];
    });
    expect(again.map(({ created, updated, unchanged }) => ({ created, updated, unchanged }))).toEqual([
      { created: 0, updated: 1, unchanged: 1 }, { created: 1, updated: 1, unchanged: 2 },
    ]);
    const stored = await db.ds.getRepository(Target).find({ where: { departmentId }, order: { name: 'ASC' } });
    expect(stored.map((t) => [t.name, t.riskLevel, t.version, t.createdByImportJobId])).toEqual([
      ['第1家', 'LOW', 1, 21], ['第2家', 'HIGH', 2, 21], ['第3家', 'LOW', 1, 21], ['第4家', 'LOW', 1, 21], ['第5家', 'HIGH', 2, 21], ['第6家', 'LOW', 1, 22],
    ]);
    const history = await db.ds.getRepository(ChangeRecord).find({ where: { importJobId: 22 }, order: { entityId: 'ASC' } });
    expect(history.map((h) => [h.entityId, h.action, h.userId, h.changes])).toEqual([
      [stored[1].id, 'UPDATE', 31, { riskLevel: ['LOW', 'HIGH'] }], [stored[4].id, 'UPDATE', 31, { riskLevel: ['LOW', 'HIGH'] }],
    ]);
  });

  test('an import that finds the department empty still rolls back whole', async () => {
    const departmentId = 12;
    await expect(inTransaction(db.ds, async (em) => {
      await targetsKind.write({ em, departmentId, jobId: 23, userId: 31 }, rows([7, 8]));
      throw new Error('a bad row further down');
    })).rejects.toThrow('a bad row further down');
    expect(await db.ds.getRepository(Target).countBy({ departmentId })).toBe(0);
  });
});
