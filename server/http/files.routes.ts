import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express, Request, Response } from 'express';
import { DomainError, ErrorCode, errorMessage } from '../common/errors';
import { buildContext, pickLang, RequestContext } from '../graphql/context';
import { ImportKind, ImportStatus } from '../modules/imports/import-job.entity';
import { exportRecords } from '../modules/imports/export';
import { getJob, uploadAndRun } from '../modules/imports/import.service';
import { importKinds } from '../modules/imports/kinds';
import { ImportRowError } from '../modules/imports/import-job.entity';
import { CsvWriter } from '../modules/imports/writers/csv-writer';
import { XlsxWriter } from '../modules/imports/writers/xlsx-writer';
import type { RouteDeps } from './routes';
import { DrawStatus } from '../modules/draw/draw.entity';
import { assertViewer, loadDraw } from '../modules/draw/draw.policy';
import { buildDrawRecord } from '../modules/draw/draw-record';
import { buildTeamRecord, viewableDraw } from '../modules/team/team-record.service';

/**
 * File transfer beside GraphQL: spreadsheets are streamed as raw HTTP bodies, not base64 inside
 * GraphQL. Same authentication (Authorization: Bearer …) and the same error codes as /graphql.
 */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401, SESSION_EXPIRED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
  FILE_TOO_LARGE: 413, UNSUPPORTED_FILE_TYPE: 415, BAD_REQUEST: 400, VALIDATION_FAILED: 400,
};

const kindFromPath = (name: string): ImportKind | undefined =>
  Object.values(ImportKind).find((k) => k.toLowerCase().replace(/_/g, '-') === name);

type Format = 'xlsx' | 'csv';
type SheetWriter = { addRow(cells: (string | number | null)[]): Promise<void> | void; finish(): Promise<void> };
const openWriter = (format: Format, filePath: string, sheet: string): SheetWriter => (format === 'xlsx' ? XlsxWriter.create(filePath, sheet) : CsvWriter.create(filePath));
const CONTENT_TYPE: Record<Format, string> = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };

function sendError(res: Response, error: unknown, lang: 'zh' | 'en', routes: RouteDeps) {
  if (error instanceof DomainError) {
    res.status(HTTP_STATUS[error.code] ?? 400).json({ code: error.code, message: error.localized(lang), messageEn: error.localized('en'), details: error.details });
  } else {
    routes.deps.log.error('file request failed', { error: error instanceof Error ? error : String(error) });
    res.status(500).json({ code: ErrorCode.INTERNAL, message: errorMessage(ErrorCode.INTERNAL, {}, lang), messageEn: errorMessage(ErrorCode.INTERNAL, {}, 'en') });
  }
}

/** Writes a sheet to a temporary file and sends it as a download named in Chinese (RFC 5987). */
async function sendSheet(res: Response, format: Format, downloadName: string, sheetName: string, fill: (writer: SheetWriter) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sheet-'));
  const filePath = path.join(dir, `sheet.${format}`);
  try {
    const writer = openWriter(format, filePath, sheetName);
    await fill(writer);
    await writer.finish();
    res.setHeader('content-type', CONTENT_TYPE[format]);
    res.setHeader('content-disposition', `attachment; filename="download.${format}"; filename*=UTF-8''${encodeURIComponent(`${downloadName}.${format}`)}`);
    await new Promise<void>((resolve, reject) => fs.createReadStream(filePath).on('error', reject).pipe(res).on('finish', resolve).on('error', reject));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function mountFileRoutes(app: Express, routes: RouteDeps): void {
  const handle = (work: (req: Request, res: Response, ctx: RequestContext) => Promise<void>) => async (req: Request, res: Response) => {
    const lang = pickLang(req.headers['accept-language']);
    try {
      const auth = await routes.resolveAuth(req.headers.authorization ?? null);
      await work(req, res, buildContext(routes.deps, auth, lang));
    } catch (error) {
      if (!res.headersSent) sendError(res, error, lang, routes);
      else res.destroy();
    }
  };
  const param = (req: Request, name: string) => String(req.params[name]);
  /** "targets.xlsx" → ["targets", "xlsx"]; anything but .xlsx or .csv is not found. */
  const fileParam = (req: Request): [string, Format] => {
    const match = /^(.+)\.(xlsx|csv)$/.exec(param(req, 'file'));
    if (!match) throw new DomainError(ErrorCode.NOT_FOUND, { what: '文件', id: param(req, 'file') });
    return [match[1], match[2] as Format];
  };

  app.put('/files/imports/:id', handle(async (req, res, ctx) => {
    const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
    const job = await uploadAndRun(ctx, Number(param(req, 'id')), req, declared);
    const status = job.status === ImportStatus.FAILED && job.failureCode ? HTTP_STATUS[job.failureCode] ?? 422 : 200;
    if (status === 413) res.setHeader('connection', 'close');
    res.status(status).json({
      ...job, ...(job.failureCode ? { code: job.failureCode, message: job.failureMessage } : {}),
      messageEn: job.failureCode ? errorMessage(job.failureCode, { count: job.errorCount, maxMB: Math.round(ctx.config.maxUploadBytes / 1048576), columns: '' }, 'en') : undefined,
    });
  }));

  app.get('/files/imports/:id/:file', handle(async (req, res, ctx) => {
    const [name, format] = fileParam(req);
    if (name !== 'errors') throw new DomainError(ErrorCode.NOT_FOUND, { what: '文件', id: name });
    const job = await getJob(ctx, Number(param(req, 'id')));
    const header = ctx.lang === 'en' ? ['Row', 'Column', 'Value', 'Reason', 'Error code'] : ['行号', '列', '填写的值', '错误原因', '错误代码'];
    await sendSheet(res, format, `导入错误报告-${job.id}`, '错误报告', async (writer) => {
      await writer.addRow(header);
      let after = 0;
      for (;;) {
        const batch = await ctx.ds.getRepository(ImportRowError).createQueryBuilder('e').where('e.jobId = :id AND e.id > :after', { id: job.id, after }).orderBy('e.id', 'ASC').take(5000).getMany();
        if (!batch.length) break;
        for (const e of batch) await writer.addRow([e.rowNumber, e.column, e.value, ctx.lang === 'en' ? e.messageEn : e.messageZh, e.code]);
        after = batch[batch.length - 1].id;
      }
    });
  }));

  // The published record of a draw, as a file anyone can verify with `npm run draw -- verify`.
  app.get('/files/draws/:id/record.json', handle(async (req, res, ctx) => {
    const draw = await loadDraw(ctx, Number(param(req, 'id')));
    if (![DrawStatus.ANNOUNCED, DrawStatus.VOIDED].includes(draw.status)) await assertViewer(ctx, draw, typeof req.query.invite === 'string' ? req.query.invite : null);
    const record = await buildDrawRecord(ctx.ds, draw);
    res.setHeader('content-disposition', `attachment; filename="draw-${draw.id}-record.json"`);
    res.json(record);
  }));

  // The published team record of a locked draw, verifiable with `npm run draw -- verify-teams`.
  app.get('/files/draws/:id/teams.json', handle(async (req, res, ctx) => {
    const draw = await viewableDraw(ctx, Number(param(req, 'id')), typeof req.query.invite === 'string' ? req.query.invite : null);
    const record = await buildTeamRecord(ctx, draw);
    res.setHeader('content-disposition', `attachment; filename="draw-${draw.id}-teams.json"`);
    res.json(record);
  }));

  app.get('/files/templates/:file', handle(async (req, res) => {
    const [name, format] = fileParam(req);
    const kind = kindFromPath(name);
    if (!kind) throw new DomainError(ErrorCode.NOT_FOUND, { what: '模板', id: name });
    const spec = importKinds[kind];
    await sendSheet(res, format, `${spec.sheetName}-导入模板`, spec.sheetName, async (writer) => {
      await writer.addRow(spec.columns.map((c) => c.header));
      await writer.addRow(spec.columns.map((c) => c.example));
    });
  }));

  app.get('/files/exports/:file', handle(async (req, res, ctx) => {
    const [name, format] = fileParam(req);
    const kind = kindFromPath(name);
    if (!kind) throw new DomainError(ErrorCode.NOT_FOUND, { what: '导出类型', id: name });
    let filter: Record<string, unknown> = {};
    if (typeof req.query.filter === 'string' && req.query.filter) {
      try { filter = JSON.parse(req.query.filter); } catch { throw new DomainError(ErrorCode.BAD_REQUEST, { reason: 'filter 不是合法的 JSON (filter is not valid JSON)' }); }
    }
    const spec = importKinds[kind];
    const records = exportRecords(ctx, kind, filter);
    const first = await records.next(); // authorisation and filter errors surface before the download starts
    await sendSheet(res, format, `${spec.sheetName}-导出`, spec.sheetName, async (writer) => {
      await writer.addRow(spec.columns.map((c) => c.header));
      if (first.done) return;
      for (const record of first.value) await writer.addRow(spec.columns.map((c) => c.format(record)));
      for await (const page of records) for (const record of page) await writer.addRow(spec.columns.map((c) => c.format(record)));
    });
  }));
}
