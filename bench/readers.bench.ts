/**
 * Reader and writer throughput on a 1,000,000-row × 15-column target directory.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/readers.bench.js [rows]
 *
 * Writes a CSV and an inline-string xlsx with the project's writers (cycling through 50,000
 * generated rows, so that the timing is the writers'), plus an xlsx laid out the way Excel saves
 * it (shared strings, date-styled serial numbers, sharedStrings.xml after the sheet) from fully
 * unique rows, then reads each in a fresh child process so that peakRssMB is the reader's own.
 * Prints one JSON line per writer and per reader; reader rows include the header row.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRows, type SheetFormat } from '../server/modules/imports/readers';
import { CsvWriter } from '../server/modules/imports/writers/csv-writer';
import { XlsxWriter, type CellValue } from '../server/modules/imports/writers/xlsx-writer';
import { ZipWriter } from '../server/modules/imports/writers/zip-writer';

const HEADER = [
  '统一社会信用代码', '名称', '对象类型', '注册地址', '法定代表人', '联系电话', '成立日期', '注册资本（万元）',
  '行政区划代码', '所属行业', '登记状态', '登记机关', '经营范围', '风险等级', '监管部门',
];

const CITIES = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水', '南京', '苏州', '合肥', '福州', '济南', '广州', '深圳', '成都', '武汉'];
const DISTRICTS = ['西湖区', '上城区', '拱墅区', '滨江区', '萧山区', '余杭区', '鄞州区', '海曙区', '鹿城区', '南湖区', '吴兴区', '越城区'];
const WORDS = ['恒', '华', '瑞', '鑫', '达', '盛', '德', '泰', '新', '宏', '远', '嘉', '利', '源', '丰', '诚', '安', '信', '博', '通', '汇', '融', '智', '联', '创', '科', '美', '康', '正', '和'];
const TRADES = ['科技', '贸易', '建设工程', '餐饮管理', '医药', '食品', '电子商务', '物流', '环保科技', '机械制造', '文化传媒', '供应链管理'];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司'];
const TYPES = ['企业', '个体工商户', '农民专业合作社', '事业单位'];
const ROADS = ['文三路', '天目山路', '解放路', '中山路', '人民路', '建设路', '学院路', '江南大道', '新华路'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华'];
const INDUSTRIES = ['批发和零售业', '制造业', '住宿和餐饮业', '软件和信息技术服务业', '建筑业', '交通运输、仓储和邮政业', '卫生和社会工作'];
const STATUSES = ['存续', '在业', '吊销', '注销', '迁出'];
const SCOPES = ['技术开发、技术服务、技术咨询', '食品经营；日用百货销售', '建设工程施工；建筑材料销售', '货物进出口；技术进出口', '餐饮服务；食品销售', '药品零售；医疗器械经营'];
const RISKS = ['A', 'B', 'C', 'D'];
const DEPARTMENTS = ['市场监督管理局', '生态环境局', '应急管理局', '卫生健康委员会', '住房和城乡建设局'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Deterministic PRNG (mulberry32) so every run reads the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Target {
  cells: CellValue[];
  /** Days since 1970-01-01 of the 成立日期 column (index 6). */
  founded: number;
}

function* targets(rows: number): Generator<Target> {
  const next = random(20240501);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  for (let i = 0; i < rows; i++) {
    let code = '91' + String(330100 + Math.floor(next() * 900)).padStart(6, '0');
    for (let k = 0; k < 10; k++) code += CODE_CHARS[Math.floor(next() * CODE_CHARS.length)];
    const city = pick(CITIES);
    const district = pick(DISTRICTS);
    const founded = Math.floor(next() * 12_000) + 5_000;
    yield {
      founded,
      cells: [
        code,
        `${city}${pick(WORDS)}${pick(WORDS)}${pick(TRADES)}${pick(FORMS)}`,
        pick(TYPES),
        `浙江省${city}市${district}${pick(ROADS)}${1 + Math.floor(next() * 999)}号${1 + Math.floor(next() * 30)}幢${101 + Math.floor(next() * 20)}室`,
        pick(SURNAMES) + pick(GIVEN),
        '1' + String(3_000_000_000 + Math.floor(next() * 9e9)).slice(0, 10),
        new Date(founded * 86_400_000).toISOString().slice(0, 10),
        Math.round(next() * 100_000) / 10,
        String(330100 + Math.floor(next() * 20)),
        pick(INDUSTRIES),
        pick(STATUSES),
        `${city}市${district}市场监督管理局`,
        pick(SCOPES),
        pick(RISKS),
        `${city}市${pick(DEPARTMENTS)}`,
      ],
    };
  }
}

/** Rows come from a pre-generated pool so that the timing is the writer's, not the data generator's. */
async function writeWith(writer: CsvWriter | XlsxWriter, pool: CellValue[][], rows: number): Promise<void> {
  await writer.addRow(HEADER);
  for (let i = 0; i < rows; i++) await writer.addRow(pool[i % pool.length]);
  await writer.finish();
}

/** The layout Excel and WPS save: shared strings, dates as styled serials, and here sst after the sheet. */
async function writeExcelStyle(filePath: string, rows: number): Promise<void> {
  const zip = new ZipWriter(filePath);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.addFile('[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  zip.addFile('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.addFile('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.addFile('xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`);
  zip.addFile('xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>');

  const strings = new Map<string, number>();
  const index = (s: string): number => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const sheet = zip.beginEntry('xl/worksheets/sheet1.xml');
  let batch = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>`;
  const rowXml = (r: number, cells: CellValue[], founded?: number): string => {
    let xml = `<row r="${r}" spans="1:15">`;
    cells.forEach((value, c) => {
      const ref = String.fromCharCode(65 + c) + r;
      if (c === 6 && founded !== undefined) xml += `<c r="${ref}" s="1"><v>${founded + 25_569}</v></c>`;
      else if (typeof value === 'number') xml += `<c r="${ref}"><v>${value}</v></c>`;
      else if (value !== null) xml += `<c r="${ref}" t="s"><v>${index(value)}</v></c>`;
    });
    return xml + '</row>';
  };
  batch += rowXml(1, HEADER);
  let r = 1;
  for (const target of targets(rows)) {
    batch += rowXml(++r, target.cells, target.founded);
    if (batch.length > 1 << 20) {
      await sheet.write(Buffer.from(batch));
      batch = '';
    }
  }
  await sheet.write(Buffer.from(batch + '</sheetData></worksheet>'));
  sheet.end();

  const sst = zip.beginEntry('xl/sharedStrings.xml');
  batch = `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.size}" uniqueCount="${strings.size}">`;
  for (const s of strings.keys()) {
    batch += `<si><t>${s}</t></si>`;
    if (batch.length > 1 << 20) {
      await sst.write(Buffer.from(batch));
      batch = '';
    }
  }
  await sst.write(Buffer.from(batch + '</sst>'));
  sst.end();
  await zip.finish();
}

async function timed(label: string, format: string, rows: number, run: () => Promise<void>): Promise<void> {
  const started = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ bench: label, format, rows, seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds) }));
}

/**
 * Child process: read one file and report, so that peak RSS is the reader's alone. cpuSeconds (user
 * plus system, all threads, so inflating is included) is steadier than wall time on a shared machine.
 */
async function readOne(format: string, sheetFormat: SheetFormat, filePath: string): Promise<void> {
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  let rows = 0;
  let chars = 0;
  for await (const row of readRows(filePath, sheetFormat)) {
    rows++;
    chars += row.cells[1].length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  if (chars === 0) throw new Error('no names read');
  const peakRssMB = Math.round(peakRssKB() / 1024);
  const cpuSeconds = round((cpu.user + cpu.system) / 1e6);
  console.log(JSON.stringify({ bench: 'readers', format, rows, seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds), peakRssMB, cpuSeconds }));
}

/**
 * The peak RSS of this process's own address space. getrusage's maxRSS would not do: Linux carries
 * it over from fork, so a child would report the (large) parent's size.
 */
function peakRssKB(): number {
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match === null ? process.resourceUsage().maxRSS : Number(match[1]);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

async function main(): Promise<void> {
  const [flag, format, sheetFormat, filePath] = process.argv.slice(2);
  if (flag === '--read') return readOne(format, sheetFormat as SheetFormat, filePath);

  const rows = Number(flag ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'readers-bench-'));
  try {
    const files = [
      { format: 'csv', sheetFormat: 'csv', path: join(dir, 'targets.csv') },
      { format: 'xlsx', sheetFormat: 'xlsx', path: join(dir, 'targets.xlsx') },
      { format: 'xlsx-shared-strings', sheetFormat: 'xlsx', path: join(dir, 'targets-excel.xlsx') },
    ];
    const pool = Array.from(targets(Math.min(rows, 50_000)), (target) => target.cells);
    await timed('writers', 'csv', rows, () => writeWith(CsvWriter.create(files[0].path), pool, rows));
    await timed('writers', 'xlsx', rows, () => writeWith(XlsxWriter.create(files[1].path, '检查对象名录'), pool, rows));
    await writeExcelStyle(files[2].path, rows);
    for (const file of files) {
      process.stdout.write(execFileSync(process.execPath, [__filename, '--read', file.format, file.sheetFormat, file.path]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
