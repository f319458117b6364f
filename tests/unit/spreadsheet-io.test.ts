import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DomainError, ErrorCode } from '../../server/common/errors';
import { readRowBatches, readRows, sniffFormat, type SheetFormat, type SheetRow } from '../../server/modules/imports/readers';
import { CsvWriter } from '../../server/modules/imports/writers/csv-writer';
import { XlsxWriter, type CellValue } from '../../server/modules/imports/writers/xlsx-writer';
import { ZipWriter } from '../../server/modules/imports/writers/zip-writer';

let dir: string;
let fileCount = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spreadsheet-io-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function tempPath(extension: string): string {
  return join(dir, `file-${++fileCount}.${extension}`);
}

async function readAll(filePath: string, format: SheetFormat): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(filePath, format)) rows.push(row);
  return rows;
}

async function expectDomainError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

function expectSniffError(head: Buffer, code: ErrorCode, fileName?: string): void {
  let error: unknown;
  try {
    sniffFormat(head, fileName);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

/** Builds an xlsx by hand, part by part, for layouts our writer never produces. */
async function writeZip(filePath: string, parts: [name: string, content: string][]): Promise<void> {
  const zip = new ZipWriter(filePath);
  for (const [name, content] of parts) zip.addFile(name, content);
  await zip.finish();
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS =
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

/** GBK bytes, checked below against TextDecoder('gb18030') since Node has no GBK encoder. */
const GBK = {
  creditCode: 'CDB3D2BBC9E7BBE1D0C5D3C3B4FAC2EB', // 统一社会信用代码
  name: 'C3FBB3C6', // 名称
  address: 'B5D8D6B7', // 地址
  company: 'BABCD6DDC4B3C4B3BFC6BCBCD3D0CFDEB9ABCBBE', // 杭州某某科技有限公司
  street: 'D5E3BDADCAA1BABCD6DDCAD0CEF7BAFEC7F8CEC4C8FDC2B7', // 浙江省杭州市西湖区文三路
  person: 'D5C5C8FD', // 张三
};

function gbk(hex: string): Buffer {
  return Buffer.from(hex, 'hex');
}

describe('sniffFormat', () => {
  it('recognises xlsx by the zip signature and CSV by its text', () => {
    expect(sniffFormat(Buffer.from('PK\x03\x04\x14\x00\x08\x00', 'latin1'), '名录.xlsx')).toBe('xlsx');
    expect(sniffFormat(Buffer.from('统一社会信用代码,名称\r\n91330100MA2ABCDE1X,杭州某某科技有限公司\r\n'), '名录.CSV')).toBe('csv');
    expect(sniffFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('名称,地址\n')]), 'bom.csv')).toBe('csv');
    expect(sniffFormat(Buffer.concat([gbk(GBK.name), Buffer.from(','), gbk(GBK.address), Buffer.from('\r\n')]), 'gbk.csv')).toBe('csv');
    expect(sniffFormat(Buffer.from('a,b\n1,2\n'))).toBe('csv');
  });

  it('accepts a sample that ends inside a multi-byte character', () => {
    const text = Buffer.from('名称,地址\n杭州');
    expect(sniffFormat(text.subarray(0, text.length - 1), 'cut.csv')).toBe('csv');
  });

  it('rejects legacy .xls, PDF, images, HTML tables and binary data', () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expectSniffError(ole2, ErrorCode.UNSUPPORTED_FILE_TYPE, '名录.xls');
    expectSniffError(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'), ErrorCode.UNSUPPORTED_FILE_TYPE, 'scan.pdf');
    expectSniffError(Buffer.from('%PDF-1.7\n'), ErrorCode.UNSUPPORTED_FILE_TYPE, 'renamed.csv');
    expectSniffError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), ErrorCode.UNSUPPORTED_FILE_TYPE, 'photo.png');
    expectSniffError(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), ErrorCode.UNSUPPORTED_FILE_TYPE, 'photo.csv');
    expectSniffError(Buffer.from('<html><body><table><tr><td>名称</td></tr></table>'), ErrorCode.UNSUPPORTED_FILE_TYPE, 'export.xls');
    expectSniffError(Buffer.from('\ufeff<?xml version="1.0"?><Workbook>'), ErrorCode.UNSUPPORTED_FILE_TYPE, 'export.csv');
    expectSniffError(Buffer.from([0x41, 0x42, 0x00, 0x43, 0x0a]), ErrorCode.UNSUPPORTED_FILE_TYPE, 'data.csv');
    // High bytes that are neither UTF-8 nor GB18030 (0xFF never occurs in either).
    expectSniffError(Buffer.from([0x41, 0xff, 0xfe, 0xfd, 0x80, 0xff, 0x2c, 0xff]), ErrorCode.UNSUPPORTED_FILE_TYPE);
    // Control characters throughout: binary, even without NUL bytes.
    expectSniffError(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), ErrorCode.UNSUPPORTED_FILE_TYPE);
    // Text under a spreadsheet or document name is a disguised export, not a CSV.
    expectSniffError(Buffer.from('名称\t地址\n'), ErrorCode.UNSUPPORTED_FILE_TYPE, '名录.xls');
    expectSniffError(Buffer.from('名称,地址\n'), ErrorCode.UNSUPPORTED_FILE_TYPE, '名录.xlsx');
  });

  it('reports an empty upload as EMPTY_FILE', () => {
    expectSniffError(Buffer.alloc(0), ErrorCode.EMPTY_FILE, 'empty.csv');
  });
});

describe('XlsxWriter', () => {
  const rows: CellValue[][] = [
    ['统一社会信用代码', '名称', '注册资本', '备注'],
    ['91330106MA2H3XYZ1K', '杭州 & <某某> "科技" 有限公司', 1250.5, null],
    ['91330106MA2H3XYZ2L', '  前后有空格  ', 100, 'line1\nline2'],
    [null, null, null, null],
    ['控制\u0001字符', '_x0041_ 不是转义', -3, 'A&B'],
  ];

  it('writes a workbook that readRows reads back', async () => {
    const path = tempPath('xlsx');
    const writer = XlsxWriter.create(path, '检查对象名录');
    for (const row of rows) await writer.addRow(row);
    await writer.finish();

    expect(sniffFormat(readFileSync(path).subarray(0, 8192), 'export.xlsx')).toBe('xlsx');
    expect(await readAll(path, 'xlsx')).toEqual([
      { rowNumber: 1, cells: ['统一社会信用代码', '名称', '注册资本', '备注'] },
      { rowNumber: 2, cells: ['91330106MA2H3XYZ1K', '杭州 & <某某> "科技" 有限公司', '1250.5'] },
      { rowNumber: 3, cells: ['91330106MA2H3XYZ2L', '前后有空格', '100', 'line1\nline2'] },
      { rowNumber: 5, cells: ['控制\u0001字符', '_x0041_ 不是转义', '-3', 'A&B'] },
    ]);
  });

  it('writes a workbook that exceljs reads back, with a bold header', async () => {
    const path = tempPath('xlsx');
    const writer = XlsxWriter.create(path, 'a/b:c*?[名录]');
    for (const row of rows) await writer.addRow(row);
    await writer.finish();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('a_b_c___名录_');
    expect(sheet.getCell('A1').value).toBe('统一社会信用代码');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.getCell('B2').value).toBe('杭州 & <某某> "科技" 有限公司');
    expect(sheet.getCell('C2').value).toBe(1250.5);
    expect(sheet.getCell('D2').value).toBeNull();
    expect(sheet.getCell('B3').value).toBe('  前后有空格  ');
    expect(sheet.getCell('D3').value).toBe('line1\nline2');
    expect(sheet.getCell('C5').value).toBe(-3);
    expect(sheet.rowCount).toBe(5);
  });

  it('stays correct across many compressed batches', async () => {
    const path = tempPath('xlsx');
    const writer = XlsxWriter.create(path, 'big');
    const expected: string[][] = [];
    for (let i = 1; i <= 30_000; i++) {
      const row = [`9133${String(i).padStart(14, '0')}`, `杭州第${i}号公司`, i * 1.5, `地址 ${i}, "引号" & 符号`];
      await writer.addRow(row);
      expected.push(row.map(String));
    }
    await writer.finish();

    const rows = await readAll(path, 'xlsx');
    expect(rows.map((r) => r.cells)).toEqual(expected);
    expect(rows.every((r, i) => r.rowNumber === i + 1)).toBe(true);
  });

  it('deletes the partial file on abort', async () => {
    const path = tempPath('xlsx');
    const writer = XlsxWriter.create(path, 'aborted');
    await writer.addRow(['名称']);
    await writer.abort();
    expect(() => readFileSync(path)).toThrow();
  });
});

describe('CsvWriter', () => {
  it('writes UTF-8 with a BOM, CRLF and RFC 4180 quoting that readRows reads back', async () => {
    const path = tempPath('csv');
    const writer = CsvWriter.create(path);
    await writer.addRow(['名称', '地址', '金额', '备注']);
    await writer.addRow(['杭州某某科技有限公司', '文三路1号, 2幢', 12.5, '他说"你好"']);
    await writer.addRow(['多行', 'line1\r\nline2', null, '']);
    await writer.addRow(['=HYPERLINK("http://x")', '-5', '@SUM(A1)', '+86 138']);
    await writer.finish();

    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '名称,地址,金额,备注\r\n' +
        '杭州某某科技有限公司,"文三路1号, 2幢",12.5,"他说""你好"""\r\n' +
        '多行,"line1\r\nline2",,\r\n' +
        `"'=HYPERLINK(""http://x"")",-5,'@SUM(A1),'+86 138\r\n`,
    );
    expect(await readAll(path, 'csv')).toEqual([
      { rowNumber: 1, cells: ['名称', '地址', '金额', '备注'] },
      { rowNumber: 2, cells: ['杭州某某科技有限公司', '文三路1号, 2幢', '12.5', '他说"你好"'] },
      { rowNumber: 3, cells: ['多行', 'line1\r\nline2', '', ''] },
      { rowNumber: 4, cells: ['=HYPERLINK("http://x")', '-5', '@SUM(A1)', '+86 138'] }, // the guard's apostrophes are dropped on the way back in
    ]);
  });

  it('stays correct across read chunks, with quoted fields spanning them', async () => {
    const path = tempPath('csv');
    const writer = CsvWriter.create(path);
    const expected: string[][] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [`代码${i}`, i % 7 === 0 ? `多行\n第${i}行, "引号"` : `名称${i}`, String(i)];
      await writer.addRow(row);
      expected.push(row);
    }
    await writer.finish();

    const rows = await readAll(path, 'csv');
    expect(rows.map((r) => r.cells)).toEqual(expected);
    expect(rows[19_999].rowNumber).toBe(20_000);
  });
});

describe('readRows on CSV', () => {
  it('decodes GBK (GB18030) files from Excel and WPS on Chinese Windows', async () => {
    const decoder = new TextDecoder('gb18030');
    expect(decoder.decode(gbk(GBK.creditCode))).toBe('统一社会信用代码');
    expect(decoder.decode(gbk(GBK.company))).toBe('杭州某某科技有限公司');

    const path = tempPath('csv');
    const comma = Buffer.from(',');
    const crlf = Buffer.from('\r\n');
    writeFileSync(
      path,
      Buffer.concat([
        gbk(GBK.creditCode), comma, gbk(GBK.name), comma, gbk(GBK.address), crlf,
        Buffer.from('91330106MA2H3XYZ1K,'), gbk(GBK.company), comma, Buffer.from('"'), gbk(GBK.street), Buffer.from('1#, 2"'), crlf,
        Buffer.from('91330106MA2H3XYZ2L,'), gbk(GBK.person), Buffer.from(','), crlf,
      ]),
    );
    expect(sniffFormat(readFileSync(path), '名录.csv')).toBe('csv');
    expect(await readAll(path, 'csv')).toEqual([
      { rowNumber: 1, cells: ['统一社会信用代码', '名称', '地址'] },
      { rowNumber: 2, cells: ['91330106MA2H3XYZ1K', '杭州某某科技有限公司', '浙江省杭州市西湖区文三路1#, 2'] },
      { rowNumber: 3, cells: ['91330106MA2H3XYZ2L', '张三', ''] },
    ]);
  });

  it('decodes a GBK file whose first Chinese text comes after many ASCII-only chunks', async () => {
    const path = tempPath('csv');
    const ascii = 'code,n\r\n' + Array.from({ length: 20_000 }, (_, i) => `${i},x\r\n`).join('');
    writeFileSync(path, Buffer.concat([Buffer.from(ascii), Buffer.from('99999,'), gbk(GBK.company), Buffer.from('\r\n')]));
    const rows = await readAll(path, 'csv');
    expect(rows).toHaveLength(20_002);
    expect(rows[20_001]).toEqual({ rowNumber: 20_002, cells: ['99999', '杭州某某科技有限公司'] });
  });

  it('strips a UTF-8 BOM and trims cells', async () => {
    const path = tempPath('csv');
    writeFileSync(path, '\ufeff统一社会信用代码 , 名称\n 91330106MA2H3XYZ1K ,\t杭州某某科技有限公司 \n');
    expect(await readAll(path, 'csv')).toEqual([
      { rowNumber: 1, cells: ['统一社会信用代码', '名称'] },
      { rowNumber: 2, cells: ['91330106MA2H3XYZ1K', '杭州某某科技有限公司'] },
    ]);
  });

  it('handles quoted commas, newlines and quotes, CRLF, blank lines and a last line without newline', async () => {
    const path = tempPath('csv');
    writeFileSync(
      path,
      '名称,地址,备注\r\n' +
        '"杭州某某, 有限公司","文三路\r\n1号","他说""好"""\r\n' +
        '\r\n' +
        ',,\r\n' +
        'plain,="00123",12" 显示器\r\n' +
        '"未闭合,到文件末尾',
    );
    expect(await readAll(path, 'csv')).toEqual([
      { rowNumber: 1, cells: ['名称', '地址', '备注'] },
      { rowNumber: 2, cells: ['杭州某某, 有限公司', '文三路\r\n1号', '他说"好"'] },
      { rowNumber: 5, cells: ['plain', '00123', '12" 显示器'] },
      { rowNumber: 6, cells: ['未闭合,到文件末尾'] },
    ]);
  });

  it('reports a file without any non-empty row as EMPTY_FILE', async () => {
    const path = tempPath('csv');
    writeFileSync(path, '\ufeff\r\n , \r\n\r\n');
    await expectDomainError(readAll(path, 'csv'), ErrorCode.EMPTY_FILE);
  });

  it('yields the same rows in batches', async () => {
    const path = tempPath('csv');
    writeFileSync(path, 'a,b\n1,2\n\n3,4\n');
    const batches: SheetRow[][] = [];
    for await (const batch of readRowBatches(path, 'csv')) batches.push(batch);
    expect(batches.flat()).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2'] },
      { rowNumber: 4, cells: ['3', '4'] },
    ]);
  });
});

describe('readRows on xlsx', () => {
  it('reads an Excel-style workbook written by exceljs: shared strings, dates, numbers, sparse rows', async () => {
    const path = tempPath('xlsx');
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('下拉选项', { state: 'hidden' });
    hidden.addRow(['企业', '个体工商户']);
    const sheet = workbook.addWorksheet('检查对象');
    sheet.addRow(['统一社会信用代码', '名称', '成立日期', '注册资本', '登记日期', '是否重点', '备注']);
    sheet.addRow(['91330106MA2H3XYZ1K', '杭州某某科技有限公司', new Date(Date.UTC(2019, 2, 15)), 500, new Date(Date.UTC(2020, 11, 31, 15, 30)), true, null]);
    sheet.addRow([]);
    const sparse = sheet.getRow(4);
    sparse.getCell(1).value = '91330106MA2H3XYZ2L';
    sparse.getCell(4).value = 0.1 + 0.2;
    sparse.getCell(7).value = { richText: [{ text: '重点', font: { bold: true } }, { text: '监管 & 复查' }] };
    sheet.getCell('E2').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('B5').value = '  杭州某某科技有限公司  ';
    sheet.getCell('C5').value = { formula: 'D2*2', result: 1000 };
    sheet.getCell('D5').value = 12345678901;
    await workbook.xlsx.writeFile(path);

    expect(await readAll(path, 'xlsx')).toEqual([
      { rowNumber: 1, cells: ['统一社会信用代码', '名称', '成立日期', '注册资本', '登记日期', '是否重点', '备注'] },
      { rowNumber: 2, cells: ['91330106MA2H3XYZ1K', '杭州某某科技有限公司', '2019-03-15', '500', '2020-12-31', 'TRUE'] },
      { rowNumber: 4, cells: ['91330106MA2H3XYZ2L', '', '', '0.3', '', '', '重点监管 & 复查'] },
      { rowNumber: 5, cells: ['', '杭州某某科技有限公司', '1000', '12345678901'] },
    ]);
  });

  it('reads shared strings stored after the sheet, namespace prefixes, inline rich text and the 1904 date system', async () => {
    const path = tempPath('xlsx');
    const x = `xmlns:x="${MAIN_NS}"`;
    await writeZip(path, [
      ['_rels/.rels', PACKAGE_RELS],
      ['xl/workbook.xml', `<x:workbook ${x} xmlns:r="${REL_NS}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`],
      ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
      [
        'xl/styles.xml',
        `<x:styleSheet ${x}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy/mm/dd;@"/></x:numFmts>` +
          '<x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="20"/></x:cellXfs></x:styleSheet>',
      ],
      [
        'xl/worksheets/sheet1.xml',
        `<?xml version="1.0"?>\n<x:worksheet ${x}>\n  <x:sheetData>\n` +
          '    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>\n' +
          '    <x:row>\n      <x:c t="inlineStr"><x:is><x:r><x:t>杭州</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> &amp; 宁波 </x:t></x:r></x:is></x:c>\n' +
          '      <x:c s="1"><x:v>43000</x:v></x:c>\n      <x:c s="2"><x:v>0.5</x:v></x:c>\n    </x:row>\n' +
          '    <x:row r="5" spans="1:3"><x:c r="C5" t="str"><x:f>A1&amp;B1</x:f><x:v>公式&#x7ED3;&#26524;</x:v></x:c><x:c r="D5" t="e"><x:v>#N/A</x:v></x:c></x:row>\n' +
          '    <x:row r="6"/>\n' +
          '  </x:sheetData>\n</x:worksheet>',
      ],
      [
        'xl/sharedStrings.xml',
        `<x:sst ${x} count="3" uniqueCount="3"><x:si><x:t>名称</x:t></x:si>` +
          '<x:si><x:r><x:t>成立</x:t></x:r><x:r><x:t>日期</x:t></x:r><x:rPh sb="0" eb="2"><x:t>せいりつ</x:t></x:rPh></x:si>' +
          '<x:si><x:t>含_x000D_回车</x:t></x:si></x:sst>',
      ],
    ]);

    expect(await readAll(path, 'xlsx')).toEqual([
      { rowNumber: 1, cells: ['名称', '成立日期', '含\r回车'] },
      // 43000 in the 1904 system is 2021-09-23; numFmt 20 (h:mm) is a time, not a date.
      { rowNumber: 2, cells: ['杭州 & 宁波', '2021-09-23', '0.5'] },
      { rowNumber: 5, cells: ['', '', '公式结果', '#N/A'] },
    ]);
  });

  it('stops early without leaking when the consumer breaks', async () => {
    const path = tempPath('xlsx');
    const writer = XlsxWriter.create(path, 'S');
    for (let i = 0; i < 5000; i++) await writer.addRow([`行${i}`]);
    await writer.finish();
    const seen: string[] = [];
    for await (const row of readRows(path, 'xlsx')) {
      seen.push(row.cells[0]);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['行0', '行1', '行2']);
  });

  it('rejects a zip that is not a workbook, and a damaged xlsx', async () => {
    const zip = tempPath('zip');
    await writeZip(zip, [['readme.txt', '不是表格']]);
    expect(sniffFormat(readFileSync(zip), 'upload.xlsx')).toBe('xlsx');
    await expectDomainError(readAll(zip, 'xlsx'), ErrorCode.UNSUPPORTED_FILE_TYPE);

    const valid = tempPath('xlsx');
    const writer = XlsxWriter.create(valid, 'S');
    for (let i = 0; i < 2000; i++) await writer.addRow([`第${i}行`, i]);
    await writer.finish();
    const bytes = readFileSync(valid);

    const truncated = tempPath('xlsx');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    await expectDomainError(readAll(truncated, 'xlsx'), ErrorCode.UNSUPPORTED_FILE_TYPE);

    // Flip bytes inside the sheet's deflate data: the central directory is intact, the data is not.
    const corrupt = Buffer.from(bytes);
    const sheetData = corrupt.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 200;
    corrupt.fill(0xff, sheetData, sheetData + 64);
    const corruptPath = tempPath('xlsx');
    writeFileSync(corruptPath, corrupt);
    await expectDomainError(readAll(corruptPath, 'xlsx'), ErrorCode.UNSUPPORTED_FILE_TYPE);
  });

  it('reports a workbook without data as EMPTY_FILE', async () => {
    const path = tempPath('xlsx');
    const writer = XlsxWriter.create(path, 'S');
    await writer.addRow([null, '']);
    await writer.finish();
    await expectDomainError(readAll(path, 'xlsx'), ErrorCode.EMPTY_FILE);
  });
});

describe('CSV export and import round trip', () => {
  test('text the CSV writer neutralises against formula injection reads back unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-roundtrip-'));
    const file = join(dir, 'r.csv');
    const values = ['=SUM(A1)', '+86 139 0349 0001', '-整改中', '@某某', '平鲁区农资店', '-5'];
    const writer = CsvWriter.create(file);
    await writer.addRow(values);
    await writer.finish();
    expect(readFileSync(file, 'utf8')).toContain("'=SUM(A1)");
    const rows: string[][] = [];
    for await (const row of readRows(file, 'csv')) rows.push(row.cells);
    expect(rows).toEqual([values]);
    rmSync(dir, { recursive: true, force: true });
  });
});
