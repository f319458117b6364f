import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import type { RequestContext } from '../../graphql/context';
import type { ImportProgressPayload } from '../../graphql/pubsub';
import { ImportJob, ImportKind, ImportMode, ImportRowError, ImportStatus } from './import-job.entity';
import * as imports from './import.service';
import { importKinds } from './kinds';

@ObjectType() class ImportJobList extends PaginatedList(ImportJob) {}
@ObjectType() class ImportRowErrorList extends PaginatedList(ImportRowError) {}

@ObjectType({ description: 'A column of an import sheet' })
class ImportColumn {
  @Field() header: string;
  @Field() headerEn: string;
  @Field(() => [String], { description: 'Other headers understood for this column' }) aliases: string[];
  @Field() required: boolean;
  @Field() example: string;
}

@ObjectType({ description: 'What a sheet of one kind must look like, with its template downloads' })
class ImportTemplate {
  @Field(() => ImportKind) kind: ImportKind;
  @Field() sheetName: string;
  @Field(() => [ImportColumn]) columns: ImportColumn[];
  @Field({ description: 'GET: an .xlsx template with the headers and an example row' }) xlsxUrl: string;
  @Field({ description: 'GET: the same as UTF-8 CSV' }) csvUrl: string;
}

@ObjectType({ description: 'Progress of an import, streamed while it runs' })
class ImportProgress {
  @Field(() => ID) jobId: number;
  @Field(() => ImportStatus) status: ImportStatus;
  @Field({ description: 'READING, WRITING or DONE' }) phase: string;
  @Field(() => Int) rowsRead: number;
  @Field(() => Int) errorCount: number;
}

const TERMINAL = new Set<string>([ImportStatus.SUCCEEDED, ImportStatus.PARTIALLY_SUCCEEDED, ImportStatus.REJECTED, ImportStatus.FAILED]);
const kindPath = (kind: ImportKind) => kind.toLowerCase().replace(/_/g, '-');

/**
 * The current state first (so a late subscriber is not left waiting), then every progress event
 * until the import ends. Pub/sub is at-most-once, so the end state is re-read from the database.
 */
async function* progressOf(ctx: RequestContext, jobId: number): AsyncGenerator<ImportProgressPayload> {
  const events = ctx.pubSub.subscribe('IMPORT_PROGRESS', jobId);
  const current = await imports.getJob(ctx, jobId);
  const snapshot = (job: ImportJob): ImportProgressPayload => ({ jobId: job.id, status: job.status, phase: TERMINAL.has(job.status) ? 'DONE' : 'READING', rowsRead: job.totalRows, errorCount: job.errorCount });
  yield snapshot(current);
  if (TERMINAL.has(current.status)) return;
  for await (const event of events) {
    if (TERMINAL.has(event.status)) {
      yield snapshot(await imports.getJob(ctx, jobId));
      return;
    }
    yield event;
  }
}

@Resolver(() => ImportJob)
export class ImportResolver {
  @Mutation(() => ImportJob, { description: 'Opens an import; then PUT the file to `uploadUrl` (and subscribe to importProgress to follow it)' })
  startImport(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => ImportKind) kind: ImportKind,
    @Arg('mode', () => ImportMode, { defaultValue: ImportMode.ALL_OR_NOTHING }) mode: ImportMode,
    @Arg('fileName', () => String, { nullable: true }) fileName?: string | null,
  ) {
    return imports.startImport(ctx, kind, mode, fileName ?? null);
  }

  @Query(() => ImportJob)
  importJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return imports.getJob(ctx, Number(id));
  }

  @Query(() => ImportJobList, { description: 'Imports of the departments in scope' })
  importJobs(@Ctx() ctx: RequestContext, @Arg('page', () => PageInput, { defaultValue: Object.assign(new PageInput(), { order: 'DESC' }) }) page: PageInput) {
    return imports.listJobs(ctx, page);
  }

  @Query(() => [ImportTemplate], { description: 'The columns each import understands (public)' })
  importTemplates(): ImportTemplate[] {
    return Object.values(importKinds).map((spec) => ({
      kind: spec.kind,
      sheetName: spec.sheetName,
      columns: spec.columns.map((c) => ({ header: c.header, headerEn: c.headerEn, aliases: c.aliases ?? [], required: c.required, example: c.example })),
      xlsxUrl: `/files/templates/${kindPath(spec.kind)}.xlsx`,
      csvUrl: `/files/templates/${kindPath(spec.kind)}.csv`,
    }));
  }

  @FieldResolver(() => String, { description: 'Where to PUT the file (raw body, .xlsx or .csv, at most 100 MB)' })
  uploadUrl(@Root() job: ImportJob) {
    return `/files/imports/${job.id}`;
  }

  @FieldResolver(() => String, { description: 'GET: every bad row as a spreadsheet (row, column, value, reason)' })
  errorReportUrl(@Root() job: ImportJob) {
    return `/files/imports/${job.id}/errors.xlsx`;
  }

  @FieldResolver(() => ImportRowErrorList, { description: 'The bad rows, by row number' })
  errors(@Root() job: ImportJob, @Ctx() ctx: RequestContext, @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput) {
    return imports.jobErrors(ctx, job, page);
  }

  @Subscription(() => ImportProgress, {
    description: 'Follows an import: its current state, then progress until it ends',
    subscribe: ({ args, context }) => progressOf(context as RequestContext, Number(args.jobId)),
  })
  importProgress(@Root() payload: ImportProgressPayload, @Arg('jobId', () => ID) _jobId: string): ImportProgress {
    return { ...payload, status: payload.status as ImportStatus };
  }
}
