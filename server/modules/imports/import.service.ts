import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, Readable } from 'node:stream';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { pageOf } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { Actor, requireActor, requirePermission, RequestContext } from '../../graphql/context';
import { ImportJob, ImportKind, ImportMode, ImportRowError, ImportStatus } from './import-job.entity';
import { runImport } from './run-import';

const permissionFor = (kind: ImportKind) => (kind === ImportKind.CATALOG_ITEMS ? Permission.EDIT_CATALOG : Permission.EDIT_DIRECTORIES);

export async function startImport(ctx: RequestContext, kind: ImportKind, mode: ImportMode, fileName: string | null): Promise<ImportJob> {
  const actor = requirePermission(ctx, permissionFor(kind));
  return ctx.transaction(async (em) => {
    const job = em.getRepository(ImportJob).create({
      kind, mode, status: ImportStatus.WAITING_FOR_FILE, departmentId: actor.departmentId, userId: actor.userId, fileName: fileName?.slice(0, 255) ?? null,
      totalRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, errorCount: 0, failureCode: null, failureMessage: null, createdAt: new Date(), finishedAt: null,
    });
    await em.getRepository(ImportJob).insert(job);
    return job;
  });
}

/** Import jobs and their reports are visible in the department scope, like the records they touch. */
export async function getJob(ctx: RequestContext, id: number): Promise<ImportJob> {
  requireActor(ctx);
  const job = await ctx.ds.getRepository(ImportJob).findOneBy({ id });
  if (!job || !(await ctx.visibleDepartmentIds()).includes(job.departmentId)) throw notFound('导入任务', id);
  return job;
}

export async function listJobs(ctx: RequestContext, page: PageInput): Promise<Paginated<ImportJob>> {
  requireActor(ctx);
  const departments = await ctx.visibleDepartmentIds();
  const qb = ctx.ds.getRepository(ImportJob).createQueryBuilder('j').where('j.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  return pageOf(qb, page, 'createdAt');
}

export async function jobErrors(ctx: RequestContext, job: ImportJob, page: PageInput): Promise<Paginated<ImportRowError>> {
  const qb = ctx.ds.getRepository(ImportRowError).createQueryBuilder('e').where('e.jobId = :jobId', { jobId: job.id });
  return pageOf(qb, page, 'rowNumber');
}

/** Copies the upload to a file, refusing it as soon as it passes the size limit. */
async function receiveFile(body: Readable, filePath: string, maxBytes: number): Promise<void> {
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) callback(new DomainError(ErrorCode.FILE_TOO_LARGE, { maxMB: Math.round(maxBytes / 1024 / 1024) }));
      else callback(null, chunk);
    },
  });
  await pipeline(body, limit, fs.createWriteStream(filePath));
}

async function fail(ctx: RequestContext, job: ImportJob, error: DomainError): Promise<ImportJob> {
  const failed = { ...job, status: ImportStatus.FAILED, failureCode: error.code, failureMessage: error.localized('zh'), finishedAt: new Date() };
  await ctx.transaction((em) => em.getRepository(ImportJob).update({ id: job.id }, { status: failed.status, failureCode: failed.failureCode, failureMessage: failed.failureMessage, finishedAt: failed.finishedAt }));
  ctx.pubSub.publish('IMPORT_PROGRESS', job.id, { jobId: job.id, status: failed.status, phase: 'DONE', rowsRead: 0, errorCount: 0 });
  return failed;
}

/**
 * Receives the file of a waiting job and imports it. Only the person who started the job may send
 * its file, once; the job moves to RUNNING in a conditional update so two uploads cannot both run.
 */
export async function uploadAndRun(ctx: RequestContext, jobId: number, body: Readable, declaredLength: number | null): Promise<ImportJob> {
  const actor: Actor = requireActor(ctx);
  const job = await getJob(ctx, jobId);
  if (job.userId !== actor.userId) throw new DomainError(ErrorCode.FORBIDDEN);
  const claimed = await ctx.transaction((em) => em.getRepository(ImportJob).update({ id: jobId, status: ImportStatus.WAITING_FOR_FILE }, { status: ImportStatus.RUNNING }));
  if (!claimed.affected) throw new DomainError(ErrorCode.CONFLICT, { reason: '该导入任务已收到文件 (this import already has its file)' });
  job.status = ImportStatus.RUNNING;
  const maxBytes = ctx.config.maxUploadBytes;
  if (declaredLength !== null && declaredLength > maxBytes) {
    body.resume();
    return fail(ctx, job, new DomainError(ErrorCode.FILE_TOO_LARGE, { maxMB: Math.round(maxBytes / 1024 / 1024) }));
  }
  fs.mkdirSync(ctx.config.workDir, { recursive: true });
  const filePath = path.join(ctx.config.workDir, `import-${job.id}.upload`);
  try {
    await receiveFile(body, filePath, maxBytes);
    return await runImport({ ds: ctx.ds, pubSub: ctx.pubSub, workDir: ctx.config.workDir }, job, filePath);
  } catch (error) {
    if (error instanceof DomainError) return fail(ctx, job, error);
    await fail(ctx, job, new DomainError(ErrorCode.INTERNAL));
    throw error;
  } finally {
    fs.rmSync(filePath, { force: true });
  }
}
