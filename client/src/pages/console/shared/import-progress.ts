/**
 * How far an import has come, as one bar: the upload is the first half (bytes sent), then the hub's
 * phases. The hub does not know the row count before it has read the file, so reading cannot be a
 * fraction; the rows read so far are shown beside the bar instead.
 */
export type ImportStage = 'idle' | 'starting' | 'uploading' | 'processing' | 'finished';

export function importPercent(stage: ImportStage, uploaded: number, phase: string | undefined): number {
  switch (stage) {
    case 'idle':
    case 'starting':
      return 0;
    case 'uploading':
      return Math.round(Math.min(1, Math.max(0, uploaded)) * 50);
    case 'processing':
      return phase === 'DONE' ? 100 : phase === 'WRITING' ? 85 : 60;
    case 'finished':
      return 100;
  }
}

/** The error report in the other format: `/files/imports/7/errors.xlsx` → `/files/imports/7/errors.csv`. */
export const csvReportUrl = (xlsxUrl: string): string => xlsxUrl.replace(/\.xlsx$/, '.csv');

export const isSpreadsheet = (name: string): boolean => /\.(xlsx|csv)$/i.test(name);
