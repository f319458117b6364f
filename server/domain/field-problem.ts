import { ErrorCode } from '../common/errors';

/** One thing wrong with one field of a record: what the importer reports per cell and a mutation per field. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  params: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export const problem = (field: string, code: ErrorCode, params: Record<string, string | number> = {}): FieldProblem => ({ field, code, params });

/** Length limits of text columns, as problems rather than database truncation errors. */
export function checkText(problems: FieldProblem[], field: string, value: string, max: number, required: boolean): void {
  if (required && !value.trim()) problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: `${field} 不能为空 (${field} is required)` }));
  // A string has at least as many UTF-16 units as characters: only a long one needs counting.
  else if (value.length > max && characterCount(value) > max) {
    problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: `${field} 超过 ${max} 个字 (${field} is longer than ${max} characters)` }));
  }
}

/** Characters as the database counts them: a surrogate pair (say 𠀀) is one, as in `[...value].length`, without building the array. */
export function characterCount(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { count--; i++; }
    }
  }
  return count;
}
