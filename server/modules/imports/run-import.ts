import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError, errorMessage, ErrorCode } from '../../common/errors';
import { bulkInsert } from '../../db/bulk';
import { inTransaction } from '../../db/transaction';
import type { HubPubSub } from '../../graphql/pubsub';
import { ItemCategory } from '../catalog/item-category.entity';
import { Region } from '../org/region.entity';
import { ErrorSink, rowError } from './error-sink';
import { headerOf, mapHeaders } from './header-mapping';
import { ImportJob, ImportMode, ImportRowError, ImportStatus } from './import-job.entity';
import { importKinds } from './kinds';
import type { ImportKindSpec, ImportLookups, ValidRow, WriteContext } from './kinds/kind-spec';
import { readRowBatches, SheetRow, sniffFormat, SNIFF_BYTES } from './readers';
import { rowChecker } from './row-checker';
import { WriteQueue } from './write-queue';

/**
 * Rows per write. A chunk's rows stay alive until it is written, so reading a chunk must allocate
 * well under V8's young generation (16 MB; a row costs a few KB to read and check): then they die
 * young, cheaply. Larger chunks measurably pushed them into the old generation, with twice the GC
 * time and peak memory over 400 MB at a million rows. Per-statement costs are already small here.
 */
const CHUNK_ROWS = 1000;
/** Writes under way at once (see WriteQueue). */
const WRITE_DEPTH = 2;
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
      const batches = readRowBatches(filePath, format);
      const first = (await batches.next()).value;
      const header = first?.[0];
      if (!header) throw new DomainError(ErrorCode.EMPTY_FILE);
      const mapping = mapHeaders(header.cells, spec.columns);
      if (mapping.missing.length) throw new DomainError(ErrorCode.MISSING_COLUMNS, { columns: mapping.missing.map((c) => c.header).join('、') });
      const check = rowChecker(spec, mapping, lookups, sink);
      const ctx: WriteContext = { em, departmentId: job.departmentId, jobId: job.id, userId: job.userId };
      const writes = new WriteQueue(WRITE_DEPTH);
      /**
       * Writes a chunk and counts the outcome. The rows must not outlive the writer's turning them
       * into statements (held through the wait for the database, they would survive collections
       * and swell the heap), so no closure that lasts as long as the write captures them: a
       * rejected row is reported with its key — writers reject a row for its key (another
       * department's record has it), so the key is the value the report shows.
       */
      const write = (rows: ValidRow<Record<string, unknown>>[], keys: Map<number, string>) => spec.write(ctx, rows).then((outcome) => {
        counts.createdCount += outcome.created;
        counts.updatedCount += outcome.updated;
        counts.unchangedCount += outcome.unchanged;
        for (const r of outcome.rejected) sink.add(rowError(r.rowNumber, headerOf(mapping, spec.columns, r.field), keys.get(r.rowNumber) ?? '', r));
      });
      let chunk: ValidRow<Record<string, unknown>>[] = [];
      const writeChunk = async () => {
        const rows = chunk;
        chunk = [];
        if (!rows.length) return;
        const keys = new Map(rows.map((row) => [row.rowNumber, spec.key(row.value)]));
        // Not an async function: suspended at an await, it would hold the rows until the write ends.
        await writes.add(() => {
          // In all-or-nothing mode, once a row is bad nothing will be kept: stop writing, keep checking.
          if (job.mode === ImportMode.ALL_OR_NOTHING && sink.count) return Promise.resolve();
          progress('WRITING', ImportStatus.RUNNING);
          return write(rows, keys);
        });
      };
      const takeAll = async (rows: SheetRow[]) => {
        for (const row of rows) {
          counts.totalRows++;
          const valid = check(row);
          if (valid) chunk.push(valid);
          if (chunk.length >= CHUNK_ROWS) await writeChunk();
        }
        progress('READING', ImportStatus.RUNNING);
      };
      try {
        await takeAll(first.slice(1));
        for await (const batch of batches) await takeAll(batch);
        await writeChunk();
        await writes.drain();
      } catch (error) {
        await writes.settle();
        throw error;
      }
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
