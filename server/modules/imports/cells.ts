import { ErrorCode } from '../../common/errors';
import { Labels, labelLookup } from '../../domain/vocabulary';

/**
 * Turning a spreadsheet cell (always text) into a typed value, the way office staff write it:
 * Chinese labels or code names for enumerations, 是/否 for yes/no, several date spellings,
 * lists separated by ；、, or |. A cell that cannot be read yields the reason instead.
 */
export type CellProblem = { code: ErrorCode; params: Record<string, string | number> };
export type Parsed<T> = { value: T } | { problem: CellProblem };
export type CellParser<T> = (cell: string) => Parsed<T>;

const invalid = (reason: string): { problem: CellProblem } => ({ problem: { code: ErrorCode.VALIDATION_FAILED, params: { reason } } });
const LIST_SEPARATORS = /[;；,，、|]/;

export const text: CellParser<string> = (cell) => ({ value: cell.trim() });

export const optionalText: CellParser<string | null> = (cell) => ({ value: cell.trim() || null });

/**
 * The parse result for each word that names a value exactly as the labels spell it. Results are
 * shared (never changed by callers), so the cells of a million-row sheet, which mostly repeat a few
 * words, are read without allocating.
 */
function exactWords<T>(words: Iterable<[string, T]>): Map<string, { value: T }> {
  return new Map([...words].map(([word, value]) => [word, Object.freeze({ value })]));
}

export function enumOf<T extends string>(labels: Labels<T>, what: string, fallback?: T): CellParser<T> {
  const lookup = labelLookup(labels);
  const exact = exactWords(Object.keys(labels).flatMap((value) => {
    const label = labels[value as T];
    return [value, label.zh, ...(label.aliases ?? [])].map((word) => [word, lookup(word)!] as [string, T]);
  }));
  const allowed = Object.values<{ zh: string }>(labels).map((l) => l.zh).join('、');
  return (cell) => {
    const known = exact.get(cell);
    if (known) return known;
    if (!cell.trim() && fallback !== undefined) return { value: fallback };
    const value = lookup(cell);
    return value ? { value } : invalid(`“${cell}”不是有效的${what}，可填：${allowed} ("${cell}" is not a valid ${what})`);
  };
}

/*
 * Lists that end up in an imported record are made with Array.of / new Array rather than [...]
 * literals: a record lives until its chunk is written, and V8 may move a literal's allocations to
 * the old generation for good after seeing them survive early in an import (allocation-site
 * pretenuring, see row-checker.ts), which these are never.
 */

export function enumList<T extends string>(labels: Labels<T>, what: string): CellParser<T[]> {
  const one = enumOf(labels, what);
  return (cell) => {
    if (!LIST_SEPARATORS.test(cell)) {
      // One value or none, as most cells hold.
      const word = cell.trim();
      if (!word) return { value: new Array<T>() };
      const parsed = one(word);
      return 'problem' in parsed ? parsed : { value: Array.of(parsed.value) };
    }
    const values = new Array<T>();
    for (const part of cell.split(LIST_SEPARATORS).map((p) => p.trim()).filter(Boolean)) {
      const parsed = one(part);
      if ('problem' in parsed) return parsed;
      values.push(parsed.value);
    }
    return { value: values };
  };
}

export const textList: CellParser<string[]> = (cell) => ({ value: cell.split(LIST_SEPARATORS).map((p) => p.trim()).filter(Boolean) });

const YES_NO = exactWords<boolean>([
  ...['是', 'Y', 'YES', 'TRUE', '1', '有'].map((word) => [word, true] as [string, boolean]),
  ...['否', 'N', 'NO', 'FALSE', '0', '无', ''].map((word) => [word, false] as [string, boolean]),
]);
export const yesNo: CellParser<boolean> = (cell) =>
  YES_NO.get(cell) ?? YES_NO.get(cell.trim().toUpperCase()) ?? invalid(`“${cell}”应填“是”或“否” ("${cell}" should be 是 or 否)`);

export function wholeNumber(fallback: number): CellParser<number> {
  return (cell) => {
    const word = cell.trim();
    if (!word) return { value: fallback };
    return /^\d{1,9}$/.test(word) ? { value: Number(word) } : invalid(`“${cell}”应为整数 ("${cell}" should be a whole number)`);
  };
}

/** Percentages as "5", "5%", "5.5％" or "0.05" when written as a fraction by a percent-formatted cell. */
export const percent: CellParser<number | null> = (cell) => {
  const word = cell.trim().replace(/[%％]$/, '');
  if (!word) return { value: null };
  const value = Number(word);
  if (!Number.isFinite(value)) return invalid(`“${cell}”应为百分比数字 ("${cell}" should be a percentage)`);
  return { value: value > 0 && value < 1 && !cell.includes('%') && !cell.includes('％') ? Math.round(value * 10000) / 100 : value };
};

/** Dates as 2026-05-31, 2026/5/31, 2026.5.31 or 2026年5月31日, normalised to YYYY-MM-DD. */
export function normaliseDate(cell: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell.trim());
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : null;
}

export const date: CellParser<string> = (cell) => {
  const value = normaliseDate(cell);
  return value ? { value } : { problem: { code: ErrorCode.INVALID_DATE, params: { value: cell } } };
};

/** Licences as "种类：编号：有效期至" entries separated by ；(the date may be left out). */
export const licences: CellParser<{ kind: string; number: string; validTo: string | null }[]> = (cell) => {
  const result = new Array<{ kind: string; number: string; validTo: string | null }>();
  if (!cell.trim()) return { value: result }; // most targets hold none
  for (const entry of cell.split(/[;；|]/).map((e) => e.trim()).filter(Boolean)) {
    const [kind, number, validTo] = entry.split(/[:：]/).map((p) => p.trim());
    if (!kind || !number) return invalid(`许可证“${entry}”应写作“种类：编号：有效期至” (licence should read kind:number:valid-to)`);
    const normalised = validTo ? normaliseDate(validTo) : null;
    if (validTo && !normalised) return { problem: { code: ErrorCode.INVALID_DATE, params: { value: validTo } } };
    result.push({ kind, number, validTo: normalised });
  }
  return { value: result };
};

export const formatLicences = (list: { kind: string; number: string; validTo: string | null }[]) =>
  list.map((l) => [l.kind, l.number, l.validTo].filter(Boolean).join('：')).join('；');

export const formatList = <T extends string>(values: readonly T[], labels: Labels<T>) => values.map((v) => labels[v]?.zh ?? v).join('、');
