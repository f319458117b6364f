import './console-shared.css';
import { FormEvent, useState } from 'react';
import { CombinedError, useClient, useMutation, useQuery, useSubscription } from 'urql';
import { useSession } from '../../../api/hub-context';
import { graphql } from '../../../gql';
import type { ConsoleImportJobQuery, ImportKind, ImportMode, ImportStatus } from '../../../gql/graphql';
import { defineMessages, useLang, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { DownloadButton } from './DownloadButton';
import { FileProblem, FileRequestError, uploadFile } from './files';
import { csvReportUrl, importPercent, ImportStage, isSpreadsheet } from './import-progress';
import { importStatusLabels } from './labels';
import { ProblemNotice } from './Notices';

const messages = defineMessages(
  {
    heading: '批量导入', templates: '导入模板', xlsxTemplate: '下载 Excel 模板', csvTemplate: '下载 CSV 模板', columns: '表头说明',
    column: '表头', required: '必填', example: '示例', aliases: '也可写作', yes: '是', no: '否',
    file: '选择文件（.xlsx 或 .csv，不超过 100 MB）', mode: '导入方式', ALL_OR_NOTHING: '全部正确才导入（有错误行则整个文件不导入）',
    GOOD_ROWS: '只导入正确的行，错误行列出', start: '开始导入', notSpreadsheet: '请选择 .xlsx 或 .csv 文件。',
    uploading: '正在上传…', READING: '正在读取和校验，已读取 {rows} 行', WRITING: '正在写入，已读取 {rows} 行', DONE: '处理完毕，共读取 {rows} 行',
    starting: '正在创建导入任务…', progress: '导入进度', result: '导入结果', total: '总行数', created: '新增', updated: '更新', unchanged: '未变化', errors: '错误',
    errorList: '错误行（共 {total} 处，显示前 {shown} 处）', row: '行号', value: '填写的值', reason: '错误原因', code: '错误代码',
    reportXlsx: '下载错误报告（Excel）', reportCsv: '下载错误报告（CSV）', again: '再导入一个文件',
  },
  {
    heading: 'Bulk import', templates: 'Templates', xlsxTemplate: 'Excel template', csvTemplate: 'CSV template', columns: 'Columns',
    column: 'Header', required: 'Required', example: 'Example', aliases: 'Also accepted', yes: 'yes', no: 'no',
    file: 'File (.xlsx or .csv, at most 100 MB)', mode: 'Mode', ALL_OR_NOTHING: 'All or nothing (one bad row rejects the file)',
    GOOD_ROWS: 'Import the good rows and list the bad ones', start: 'Import', notSpreadsheet: 'Please choose an .xlsx or .csv file.',
    uploading: 'Uploading…', READING: 'Reading and checking: {rows} rows read', WRITING: 'Writing: {rows} rows read', DONE: 'Done: {rows} rows read',
    starting: 'Opening the import…', progress: 'Import progress', result: 'Result', total: 'Rows', created: 'Created', updated: 'Updated', unchanged: 'Unchanged', errors: 'Errors',
    errorList: 'Bad cells ({total} in all, first {shown} shown)', row: 'Row', value: 'Value', reason: 'Reason', code: 'Error code',
    reportXlsx: 'Download the error report (Excel)', reportCsv: 'Download the error report (CSV)', again: 'Import another file',
  },
);

const TemplatesQuery = graphql(`
  query ConsoleImportTemplates {
    importTemplates {
      kind
      sheetName
      xlsxUrl
      csvUrl
      columns {
        header
        headerEn
        required
        example
        aliases
      }
    }
  }
`);

const StartImport = graphql(`
  mutation ConsoleStartImport($kind: ImportKind!, $mode: ImportMode!, $fileName: String) {
    startImport(kind: $kind, mode: $mode, fileName: $fileName) {
      id
      uploadUrl
      status
    }
  }
`);

const ProgressSubscription = graphql(`
  subscription ConsoleImportProgress($jobId: ID!) {
    importProgress(jobId: $jobId) {
      jobId
      phase
      rowsRead
      errorCount
      status
    }
  }
`);

const JobQuery = graphql(`
  query ConsoleImportJob($id: ID!) {
    importJob(id: $id) {
      id
      status
      fileName
      totalRows
      createdCount
      updatedCount
      unchangedCount
      errorCount
      failureCode
      failureMessage
      errorReportUrl
      errors(page: { take: 20 }) {
        totalItems
        items {
          rowNumber
          column
          value
          code
          messageZh
          messageEn
        }
      }
    }
  }
`);

type Job = ConsoleImportJobQuery['importJob'];

/**
 * The whole import of one kind: template downloads, the file, the upload with its progress (the
 * `importProgress` subscription), then the counts, the first bad rows and the error report.
 */
export function ImportPanel({ kind, onImported }: { kind: ImportKind; onImported?(): void }) {
  const t = useT(messages);
  const { lang } = useLang();
  const session = useSession();
  const client = useClient();
  const [templates] = useQuery({ query: TemplatesQuery });
  const [started, startImport] = useMutation(StartImport);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('ALL_OR_NOTHING');
  const [stage, setStage] = useState<ImportStage>('idle');
  const [uploaded, setUploaded] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [jobError, setJobError] = useState<CombinedError | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [progress] = useSubscription({ query: ProgressSubscription, variables: { jobId: jobId ?? '' }, pause: !jobId });
  const live = progress.data?.importProgress;
  const template = templates.data?.importTemplates.find((tpl) => tpl.kind === kind);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (!isSpreadsheet(file.name)) {
      setProblem({ code: 'UNSUPPORTED_FILE_TYPE', message: t('notSpreadsheet') });
      return;
    }
    setProblem(null);
    setJobError(null);
    setJob(null);
    setUploaded(0);
    setStage('starting');
    const opened = await startImport({ kind, mode, fileName: file.name });
    const created = opened.data?.startImport;
    if (!created) {
      setStage('idle');
      return;
    }
    // Subscribe before sending the file, so the progress of a quick import is not missed.
    setJobId(created.id);
    setStage('uploading');
    try {
      const outcome = await uploadFile(created.uploadUrl, file, session?.token, lang, (fraction) => {
        setUploaded(fraction);
        if (fraction >= 1) setStage('processing');
      });
      setStage('processing');
      if (outcome.status >= 400 && typeof outcome.body.code === 'string') {
        setProblem({ code: outcome.body.code, message: String(outcome.body.message ?? '') });
      }
    } catch (error) {
      setProblem(error instanceof FileRequestError ? error.problem : { code: 'NETWORK', message: String(error) });
    }
    const finished = await client.query(JobQuery, { id: created.id }, { requestPolicy: 'network-only' }).toPromise();
    setJobError(finished.error ?? null);
    setJob(finished.data?.importJob ?? null);
    setStage('finished');
    onImported?.();
  };

  const reset = () => {
    setStage('idle');
    setJob(null);
    setJobId(null);
    setProblem(null);
    setJobError(null);
    setFile(null);
  };

  const percent = importPercent(stage, uploaded, live?.phase);
  // Once the hub has answered, the job itself tells how many rows were read, whatever the subscription got to.
  const phaseText =
    stage === 'finished' && job
      ? t('DONE', { rows: job.totalRows })
      : live && (live.phase === 'READING' || live.phase === 'WRITING' || live.phase === 'DONE')
        ? t(live.phase, { rows: live.rowsRead })
        : null;
  return (
    <section className="card console-import" aria-label={t('heading')}>
      <h3>{t('heading')}</h3>
      {template && (
        <div className="row">
          <span>{t('templates')}:</span>
          <a href={template.xlsxUrl} download>
            {t('xlsxTemplate')}
          </a>
          <a href={template.csvUrl} download>
            {t('csvTemplate')}
          </a>
          <details>
            <summary>{t('columns')}</summary>
            <table>
              <thead>
                <tr>
                  <th>{t('column')}</th>
                  <th>{t('required')}</th>
                  <th>{t('example')}</th>
                  <th>{t('aliases')}</th>
                </tr>
              </thead>
              <tbody>
                {template.columns.map((column) => (
                  <tr key={column.header}>
                    <td>{lang === 'zh' ? column.header : `${column.header} (${column.headerEn})`}</td>
                    <td>{column.required ? t('yes') : t('no')}</td>
                    <td>{column.example}</td>
                    <td>{column.aliases.join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
      {stage === 'idle' ? (
        <form className="row" onSubmit={run}>
          <label>
            {t('file')}
            <input type="file" name="importFile" accept=".xlsx,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <label>
            {t('mode')}
            <select value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
              <option value="ALL_OR_NOTHING">{t('ALL_OR_NOTHING')}</option>
              <option value="GOOD_ROWS">{t('GOOD_ROWS')}</option>
            </select>
          </label>
          <button type="submit" className="primary" disabled={!file}>
            {t('start')}
          </button>
        </form>
      ) : (
        <div className="console-import-progress">
          <div className="progress" role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div style={{ width: `${percent}%` }} />
          </div>
          <p className="muted" data-testid="import-phase">
            {stage === 'starting' ? t('starting') : stage === 'uploading' ? t('uploading') : phaseText}
          </p>
        </div>
      )}
      <ErrorNotice error={started.error} />
      <ProblemNotice problem={problem} />
      <ErrorNotice error={jobError} />
      {job && <ImportResult job={job} />}
      {stage === 'finished' && (
        <button type="button" onClick={reset}>
          {t('again')}
        </button>
      )}
    </section>
  );
}

function ImportResult({ job }: { job: Job }) {
  const t = useT(messages);
  const status = useT(importStatusLabels);
  const { lang } = useLang();
  const counts: [keyof typeof messages.zh, number][] = [
    ['total', job.totalRows], ['created', job.createdCount], ['updated', job.updatedCount], ['unchanged', job.unchangedCount], ['errors', job.errorCount],
  ];
  const tone = (s: ImportStatus) => (s === 'SUCCEEDED' ? 'ok' : s === 'PARTIALLY_SUCCEEDED' ? 'warn' : 'error');
  return (
    <div className="console-import-result" data-testid="import-result">
      <h4>{t('result')}</h4>
      <p className={tone(job.status)}>
        {status(job.status)}
        {job.failureMessage && (
          <>
            {' '}
            — {job.failureMessage} <code>{job.failureCode}</code>
          </>
        )}
      </p>
      <dl className="console-counts">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd data-testid={`import-${key}`}>{n}</dd>
          </div>
        ))}
      </dl>
      {job.errors.totalItems > 0 && (
        <>
          <div className="row">
            <DownloadButton url={job.errorReportUrl} fallbackName={`errors-${job.id}.xlsx`} testId="error-report-xlsx">
              {t('reportXlsx')}
            </DownloadButton>
            <DownloadButton url={csvReportUrl(job.errorReportUrl)} fallbackName={`errors-${job.id}.csv`} testId="error-report-csv">
              {t('reportCsv')}
            </DownloadButton>
          </div>
          <h4>{t('errorList', { total: job.errors.totalItems, shown: job.errors.items.length })}</h4>
          <table data-testid="import-errors">
            <thead>
              <tr>
                <th>{t('row')}</th>
                <th>{t('column')}</th>
                <th>{t('value')}</th>
                <th>{t('reason')}</th>
                <th>{t('code')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.items.map((error, i) => (
                <tr key={i}>
                  <td>{error.rowNumber}</td>
                  <td>{error.column}</td>
                  <td className="mono">{error.value}</td>
                  <td>{lang === 'zh' ? error.messageZh : error.messageEn}</td>
                  <td>
                    <code>{error.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
