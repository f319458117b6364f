import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CsvWriter } from '../../server/modules/imports/writers/csv-writer';
import { XlsxWriter } from '../../server/modules/imports/writers/xlsx-writer';
import type { TestServer } from './test-server';

export type Cells = (string | number | null)[];

/** Writes rows to a temporary .xlsx or .csv with the hub's own writers and returns its bytes. */
export async function sheetBytes(format: 'xlsx' | 'csv', rows: Cells[]): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sheet-test-'));
  const file = path.join(dir, `sheet.${format}`);
  const writer = format === 'xlsx' ? XlsxWriter.create(file, 'Sheet1') : CsvWriter.create(file);
  for (const row of rows) await writer.addRow(row);
  await writer.finish();
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

/** Starts an import job through GraphQL and PUTs the file to it, as the web client does. */
export async function importFile(server: TestServer, token: string, kind: string, bytes: Buffer, options: { mode?: string; fileName?: string } = {}) {
  const started = await server.gql(
    `mutation($kind: ImportKind!, $mode: ImportMode!, $name: String) { startImport(kind: $kind, mode: $mode, fileName: $name) { id uploadUrl status } }`,
    { kind, mode: options.mode ?? 'ALL_OR_NOTHING', name: options.fileName ?? 'upload.xlsx' }, { token },
  );
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  const job = started.data.startImport;
  const res = await fetch(server.baseUrl + job.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) });
  return { jobId: job.id as string, status: res.status, body: (await res.json()) as Record<string, any> };
}

export async function download(server: TestServer, url: string, token?: string) {
  const res = await fetch(server.baseUrl + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
