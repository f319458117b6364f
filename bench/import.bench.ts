import 'reflect-metadata';
import '../server/graphql/enums';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { migrate, openDataSource } from '../server/db/data-source';
import { inTransaction } from '../server/db/transaction';
import { CREDIT_CODE_ALPHABET, completeCreditCode } from '../server/domain/credit-code';
import { DepartmentKind, Role } from '../server/domain/vocabulary';
import { createHubPubSub } from '../server/graphql/pubsub';
import { createLogger } from '../server/logger';
import { ImportJob, ImportKind, ImportMode, ImportStatus } from '../server/modules/imports/import-job.entity';
import { runImport } from '../server/modules/imports/run-import';
import { CsvWriter } from '../server/modules/imports/writers/csv-writer';
import { XlsxWriter } from '../server/modules/imports/writers/xlsx-writer';
import { createRootDepartment, insertUser } from '../server/modules/org/org.service';

/**
 * `npm run bench:import [-- N]`: writes a directory of N targets (default 1,000,000) as .csv and as
 * .xlsx, then imports each into the database named by DATABASE_URL (embedded SQLite when unset)
 * through the real import pipeline — every row parsed and checked — each in a fresh process so its
 * peak memory is its own. Prints one JSON line per format.
 */
const HEADER = ['统一社会信用代码', '名称', '对象类型', '行政区划代码', '住所（经营场所）', '登记状态', '风险等级', '信用等级', '投诉次数', '失信', '严重违法失信', '专项名录', '许可证', '法定代表人', '联系电话'];
const TOWNS = ['140603100', '140603101', '140603200', '140603201', '140603202', '140603203', '140603204', '140603205'];
const TYPES = ['企业', '农民专业合作社', '个体工商户'];
const DIRECTORIES = ['农药经营者', '种子经营者', '肥料经营者', '饲料经营者', '兽药经营者', '农药经营者、种子经营者', ''];
const RISKS = ['低风险', '一般风险', '一般风险', '高风险'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const WORDS = ['丰收', '金穗', '绿源', '惠农', '兴旺', '宏达', '沃土', '禾丰', '田园', '康农'];
const SHOPS = ['农资经营部', '种业有限公司', '兽药店', '饲料有限公司', '养殖专业合作社', '农业科技有限公司'];

/** Deterministic rows: a credit code from the row number (valid check character), realistic Chinese text. */
function row(i: number, prefix: string): (string | number)[] {
  let n = i, serial = '';
  for (let k = 0; k < 8; k++) { serial = CREDIT_CODE_ALPHABET[n % 31] + serial; n = Math.floor(n / 31); }
  const code = completeCreditCode(`${prefix}140603${serial}`.slice(0, 17).padEnd(17, '0'));
  const word = WORDS[i % WORDS.length] + WORDS[(i >> 3) % WORDS.length];
  return [
    code, `平鲁区${word}${SHOPS[i % SHOPS.length]}${i}`, TYPES[i % 3], TOWNS[i % TOWNS.length], `平鲁区${word}路${i % 300}号`, '存续',
    RISKS[i % RISKS.length], 'AB'[i % 2], i % 97 === 0 ? 3 : 0, '否', '否', DIRECTORIES[i % DIRECTORIES.length],
    i % 5 === 0 ? `农药经营许可证：农药经许（晋）${String(i).padStart(10, '0')}：2027-12-31` : '', SURNAMES[i % SURNAMES.length] + '建国', `139${String(i).padStart(8, '0')}`,
  ];
}

async function generate(dir: string, rows: number) {
  for (const [format, prefix] of [['csv', '92'], ['xlsx', '91']] as const) {
    const file = path.join(dir, `targets.${format}`);
    const writer = format === 'csv' ? CsvWriter.create(file) : XlsxWriter.create(file, '检查对象名录');
    await writer.addRow(HEADER);
    for (let i = 0; i < rows; i++) await writer.addRow(row(i, prefix));
    await writer.finish();
  }
}

async function importOne(file: string, format: 'csv' | 'xlsx', rows: number) {
  const config = loadConfig();
  const log = createLogger('warn');
  const ds = await openDataSource(config.database, log);
  await migrate(ds);
  const pubSub = createHubPubSub();
  const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ds, work) };
  const department = await createRootDepartment(tx, { name: `导入基准测试-${format}-${Date.now()}`, kind: DepartmentKind.AGRICULTURE, regionCode: '140603' });
  const user = await insertUser(tx, { username: `bench_${format}_${Date.now()}`, displayName: 'bench', departmentId: department.id, roles: [Role.PLANNER], password: 'bench-pass-2026' });
  const job = Object.assign(new ImportJob(), {
    kind: ImportKind.TARGETS, mode: ImportMode.ALL_OR_NOTHING, status: ImportStatus.RUNNING, departmentId: department.id, userId: user.id, fileName: path.basename(file),
    totalRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, errorCount: 0, failureCode: null, failureMessage: null, createdAt: new Date(), finishedAt: null,
  });
  await ds.getRepository(ImportJob).insert(job);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-work-'));
  const started = process.hrtime.bigint();
  const result = await runImport({ ds, pubSub, workDir }, job, file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== ImportStatus.SUCCEEDED || result.createdCount !== rows) throw new Error(`import did not succeed: ${JSON.stringify(result)}`);
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ bench: 'import', rows, format, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), peakRssMB }));
  await ds.destroy();
  await pubSub.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'generate') return generate(args[0], Number(args[1]));
  if (mode === 'import') return importOne(args[0], args[1] as 'csv' | 'xlsx', Number(args[2]));
  const rows = Number(mode ?? process.env.BENCH_ROWS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const run = (...a: string[]) => execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, ...a], { stdio: 'inherit', env: process.env });
    run('generate', dir, String(rows));
    for (const format of ['csv', 'xlsx']) run('import', path.join(dir, `targets.${format}`), format, String(rows));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
