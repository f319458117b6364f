import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError, errorMessage, ErrorCode } from '../../common/errors';
import { bulkInsert } from '../../db/bulk';
import { inTransaction } from '../../db/transaction';
import type { FieldProblem } from '../../domain/field-problem';
import type { HubPubSub } from '../../graphql/pubsub';
import { ItemCategory } from '../catalog/item-category.entity';
import { Region } from '../org/region.entity';
import { ErrorSink, RowError } from './error-sink';
import { mapHeaders } from './header-mapping';
import { ImportJob, ImportMode, ImportRowError, ImportStatus } from './import-job.entity';
import { importKinds } from './kinds';
import type { ImportKindSpec, ImportLookups, ValidRow } from './kinds/kind-spec';
import { readRows, sniffFormat, SNIFF_BYTES } from './readers';

const CHUNK_ROWS = 1000;
const PROGRESS_EVERY_MS = 250;

/** Thrown inside the import transaction to undo everything when the file is rejected as a whole. */
class RejectFile extends Error {}

export interface ImportDeps { ds: DataSource; pubSub: HubPubSub; workDir: string }

async function loadLookups(ds: DataSource): Promise<ImportLookups> {
  const regions = new Set((await ds.getRepository(Region).find({ select: { code: true } })).map((r) => r.code));
  const categories = await ds.getRepository(ItemCategory).find();
  const categoryCodes = new Set(categories.map((c) => c.code));
  const byWord = new Map<string, string>();
  for (const c of categories) { byWord.set(c.code, c.code); byWord.set(c.nameZh, c.code); byWord.set(c.nameEn.toUpperCase(), c.code); }
  return {
    regionExists: (code) => regions.has(code),
    categoryExists: (code) => categoryCodes.has(code),
    resolveCategory: (word) => byWord.get(word.trim()) ?? byWord.get(word.trim().toUpperCase()) ?? word.trim(),
  };
}

function readHead(filePath: string): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function rowError(rowNumber: number, column: string, value: string, problem: Pick<FieldProblem, 'code' | 'params'>): RowError {
  return {
    rowNumber, column, value: value.slice(0, 300), code: problem.code,
    messageZh: errorMessage(problem.code, problem.params, 'zh').slice(0, 500), messageEn: errorMessage(problem.code, problem.params, 'en').slice(0, 500),
  };
}

/**
 * Imports one spreadsheet into the job's department: every row is read and checked by the same
 * rules as a form; good rows are written in chunks inside one transaction, so the file lands whole
 * or (all-or-nothing mode with any bad row) not at all. Bad rows are reported cell by cell.
 * Progress is published while it runs; the final state is stored on the job.
 */
export async function runImport(deps: ImportDeps, job: ImportJob, filePath: string): Promise<ImportJob> {
  const spec: ImportKindSpec<Record<string, unknown>, Record<string, unknown>> = importKinds[job.kind];
  const sink = new ErrorSink(path.join(deps.workDir, `import-${job.id}-errors.ndjson`));
  const counts = { totalRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0 };
  let lastProgress = 0;
  const progress = (phase: 'READING' | 'WRITING' | 'DONE', status: ImportStatus, force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    deps.pubSub.publish('IMPORT_PROGRESS', job.id, { jobId: job.id, status, phase, rowsRead: counts.totalRows, errorCount: sink.count });
  };
  let failure: DomainError | null = null;
  try {
    const format = sniffFormat(readHead(filePath), job.fileName ?? undefined);
    const lookups = await loadLookups(deps.ds);
    await inTransaction(deps.ds, async (em) => {
      const rows = readRows(filePath, format);
      const header = (await rows.next()).value;
      if (!header) throw new DomainError(ErrorCode.EMPTY_FILE);
      const mapping = mapHeaders(header.cells, spec.columns);
      if (mapping.missing.length) throw new DomainError(ErrorCode.MISSING_COLUMNS, { columns: mapping.missing.map((c) => c.header).join('、') });
      const headerOf = (field: string) => {
        const index = mapping.byIndex.findIndex((c) => c?.field === field);
        return index >= 0 ? mapping.written[index] : spec.columns.find((c) => c.field === field)?.header ?? field;
      };
      const seenKeys = new Set<string>();
      let chunk: ValidRow<Record<string, unknown>>[] = [];
      // One chunk is written while the next is read and checked: the database and the parser work
      // at the same time. Statements still go one after another on the transaction's connection.
      let writing: Promise<void> = Promise.resolve();
      const writeChunk = async () => {
        const rowsToWrite = chunk;
        chunk = [];
        await writing;
        // In all-or-nothing mode, once a row is bad nothing will be kept: stop writing, keep checking.
        if (!rowsToWrite.length || (job.mode === ImportMode.ALL_OR_NOTHING && sink.count)) return;
        progress('WRITING', ImportStatus.RUNNING);
        writing = spec.write({ em, departmentId: job.departmentId, jobId: job.id, userId: job.userId }, rowsToWrite).then((outcome) => {
          counts.createdCount += outcome.created;
          counts.updatedCount += outcome.updated;
          counts.unchangedCount += outcome.unchanged;
          for (const r of outcome.rejected) {
            const row = rowsToWrite.find((w) => w.rowNumber === r.rowNumber);
            sink.add(rowError(r.rowNumber, headerOf(r.field), String(row?.value[r.field] ?? ''), r));
          }
        });
        // A failed write must not go unobserved while the next chunk is being read.
        writing.catch(() => undefined);
      };
      for await (const row of rows) {
        counts.totalRows++;
        const fields = spec.defaults();
        let bad = false;
        mapping.byIndex.forEach((column, index) => {
          if (!column) return;
          const cell = row.cells[index] ?? '';
          const parsed = column.parse(cell);
          if ('problem' in parsed) { sink.add(rowError(row.rowNumber, mapping.written[index], cell, parsed.problem)); bad = true; }
          else fields[column.field] = parsed.value;
        });
        if (!bad) {
          const checked = spec.check(fields, lookups);
          if (!checked.ok) {
            for (const p of checked.problems) sink.add(rowError(row.rowNumber, headerOf(p.field), String(fields[p.field] ?? ''), p));
          } else {
            const key = spec.key(checked.value);
            if (seenKeys.has(key)) {
              sink.add(rowError(row.rowNumber, headerOf(spec.columns[0].field), key, { code: ErrorCode.VALIDATION_FAILED, params: { reason: `与文件中前面的行重复：${key} (repeats an earlier row of the file)` } }));
            } else {
              seenKeys.add(key);
              chunk.push({ rowNumber: row.rowNumber, value: checked.value });
              if (chunk.length >= CHUNK_ROWS) await writeChunk();
            }
          }
        }
        progress('READING', ImportStatus.RUNNING);
      }
      await writeChunk();
      await writing;
      if (counts.totalRows === 0) throw new DomainError(ErrorCode.EMPTY_FILE);
      if (job.mode === ImportMode.ALL_OR_NOTHING && sink.count) throw new RejectFile();
    });
  } catch (error) {
    if (error instanceof DomainError) failure = error;
    else if (!(error instanceof RejectFile)) { sink.dispose(); throw error; }
  }
  const status = failure ? ImportStatus.FAILED
    : sink.count === 0 ? ImportStatus.SUCCEEDED
    : job.mode === ImportMode.ALL_OR_NOTHING ? ImportStatus.REJECTED : ImportStatus.PARTIALLY_SUCCEEDED;
  const rejectedWhole = status === ImportStatus.REJECTED || status === ImportStatus.FAILED;
  const finished: ImportJob = {
    ...job, ...counts, status,
    createdCount: rejectedWhole ? 0 : counts.createdCount, updatedCount: rejectedWhole ? 0 : counts.updatedCount, unchangedCount: rejectedWhole ? 0 : counts.unchangedCount,
    errorCount: sink.count,
    failureCode: failure?.code ?? (status === ImportStatus.REJECTED ? ErrorCode.IMPORT_HAS_ERRORS : null),
    failureMessage: failure ? failure.localized('zh') : status === ImportStatus.REJECTED ? errorMessage(ErrorCode.IMPORT_HAS_ERRORS, { count: sink.count }) : null,
    finishedAt: new Date(),
  };
  try {
    await inTransaction(deps.ds, async (em) => {
      for await (const batch of sink.batches()) await bulkInsert(em, ImportRowError, ['jobId', 'rowNumber', 'column', 'value', 'code', 'messageZh', 'messageEn'], batch.map((e) => ({ ...e, jobId: job.id }) as ImportRowError));
      const { id: _id, ...values } = finished;
      await em.getRepository(ImportJob).update({ id: job.id }, values);
    });
  } finally {
    sink.dispose();
  }
  progress('DONE', status, true);
  return finished;
}
