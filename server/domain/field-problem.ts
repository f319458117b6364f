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
  else if ([...value].length > max) problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: `${field} 超过 ${max} 个字 (${field} is longer than ${max} characters)` }));
}
