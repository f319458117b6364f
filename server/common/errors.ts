/**
 * Every error a client can see carries one of these codes (in `extensions.code`), a message in the
 * caller's language (Simplified Chinese by default, English with `Accept-Language: en`) and, where it
 * helps, `extensions.details`. The codes are stable: clients branch on them, never on messages.
 * docs/errors.md lists them all; a unit test keeps that list and this enum in step.
 */
export enum ErrorCode {
  // Request and authentication
  BAD_REQUEST = 'BAD_REQUEST',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  CONFLICT = 'CONFLICT',
  STALE_VERSION = 'STALE_VERSION',
  INTERNAL = 'INTERNAL',
  // Organisation
  UNKNOWN_REGION = 'UNKNOWN_REGION',
  INVALID_REGION_CODE = 'INVALID_REGION_CODE',
  DUPLICATE_USERNAME = 'DUPLICATE_USERNAME',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  // Directories and catalog
  INVALID_CREDIT_CODE = 'INVALID_CREDIT_CODE',
  CREDIT_CODE_REQUIRED = 'CREDIT_CODE_REQUIRED',
  DUPLICATE_TARGET = 'DUPLICATE_TARGET',
  DUPLICATE_CERTIFICATE = 'DUPLICATE_CERTIFICATE',
  CERTIFICATE_DATES_REVERSED = 'CERTIFICATE_DATES_REVERSED',
  INVALID_DATE = 'INVALID_DATE',
  DUPLICATE_ITEM_CODE = 'DUPLICATE_ITEM_CODE',
  UNKNOWN_CATEGORY = 'UNKNOWN_CATEGORY',
  RATIO_BOUNDS_INVALID = 'RATIO_BOUNDS_INVALID',
  // Import and export
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  EMPTY_FILE = 'EMPTY_FILE',
  IMPORT_HAS_ERRORS = 'IMPORT_HAS_ERRORS',
}

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const messages: Record<ErrorCode, { zh: Template; en: Template }> = {
  BAD_REQUEST: { zh: (p) => `请求有误：${p.reason ?? ''}`, en: (p) => `Bad request: ${p.reason ?? ''}` },
  VALIDATION_FAILED: { zh: (p) => `填写的内容有误：${p.reason ?? ''}`, en: (p) => `Invalid input: ${p.reason ?? ''}` },
  UNAUTHENTICATED: { zh: () => '请先登录。', en: () => 'Please log in first.' },
  INVALID_CREDENTIALS: { zh: () => '用户名或密码不正确。', en: () => 'Wrong username or password.' },
  SESSION_EXPIRED: { zh: () => '登录已过期，请重新登录。', en: () => 'Your session has expired; please log in again.' },
  FORBIDDEN: { zh: () => '您没有权限进行此操作。', en: () => 'You are not allowed to do this.' },
  NOT_FOUND: { zh: (p) => `未找到${p.what ?? '该记录'}（${p.id ?? ''}），或您无权查看。`, en: (p) => `${p.what ?? 'Record'} ${p.id ?? ''} not found, or not visible to you.` },
  QUERY_TOO_DEEP: { zh: (p) => `查询嵌套层数 ${p.depth} 超过上限 ${p.max}。`, en: (p) => `Query depth ${p.depth} exceeds the limit of ${p.max}.` },
  QUERY_TOO_COSTLY: { zh: (p) => `查询开销 ${p.cost} 超过上限 ${p.max}，请缩小分页或减少字段。`, en: (p) => `Query cost ${p.cost} exceeds the limit of ${p.max}; request smaller pages or fewer fields.` },
  CONFLICT: { zh: (p) => `操作冲突：${p.reason ?? '请刷新后重试'}`, en: (p) => `Conflict: ${p.reason ?? 'reload and try again'}` },
  STALE_VERSION: { zh: () => '该记录已被他人修改，请刷新后再改。', en: () => 'Someone else changed this record; reload it and try again.' },
  INTERNAL: { zh: () => '服务器内部错误，请稍后重试；如仍失败请联系管理员。', en: () => 'Internal server error; try again later or contact the administrator.' },
  UNKNOWN_REGION: { zh: (p) => `行政区划代码“${p.code}”不存在。`, en: (p) => `Unknown region code "${p.code}".` },
  INVALID_REGION_CODE: { zh: (p) => `行政区划代码“${p.code}”格式不正确，应为6位或9位数字。`, en: (p) => `Region code "${p.code}" must be 6 or 9 digits.` },
  DUPLICATE_USERNAME: { zh: (p) => `用户名“${p.username}”已被使用。`, en: (p) => `Username "${p.username}" is taken.` },
  WEAK_PASSWORD: { zh: () => '密码至少 10 位，且需同时包含字母和数字。', en: () => 'A password needs at least 10 characters with letters and digits.' },
  INVALID_CREDIT_CODE: { zh: (p) => `统一社会信用代码“${p.code}”无效：${p.reasonZh}`, en: (p) => `Invalid unified social credit code "${p.code}": ${p.reasonEn}` },
  CREDIT_CODE_REQUIRED: { zh: (p) => `对象类型“${p.type}”必须填写统一社会信用代码。`, en: (p) => `Targets of type ${p.type} need a unified social credit code.` },
  DUPLICATE_TARGET: { zh: (p) => `检查对象“${p.key}”已在名录库中。`, en: (p) => `Target "${p.key}" is already in the directory.` },
  DUPLICATE_CERTIFICATE: { zh: (p) => `执法证号“${p.number}”已被其他人员使用。`, en: (p) => `Certificate number "${p.number}" belongs to another inspector.` },
  CERTIFICATE_DATES_REVERSED: { zh: (p) => `执法证有效期起始日 ${p.from} 晚于截止日 ${p.to}。`, en: (p) => `Certificate valid-from ${p.from} is after valid-to ${p.to}.` },
  INVALID_DATE: { zh: (p) => `日期“${p.value}”无效，请按 YYYY-MM-DD 填写。`, en: (p) => `Invalid date "${p.value}"; use YYYY-MM-DD.` },
  DUPLICATE_ITEM_CODE: { zh: (p) => `抽查事项编码“${p.code}”已存在。`, en: (p) => `Inspection item code "${p.code}" already exists.` },
  UNKNOWN_CATEGORY: { zh: (p) => `事项类别“${p.category}”不存在。`, en: (p) => `Unknown item category "${p.category}".` },
  RATIO_BOUNDS_INVALID: { zh: (p) => `抽查比例设置有误：${p.reasonZh}`, en: (p) => `Invalid ratio bounds: ${p.reasonEn}` },
  FILE_TOO_LARGE: { zh: (p) => `文件超过 ${p.maxMB} MB 上限。`, en: (p) => `The file exceeds the ${p.maxMB} MB limit.` },
  UNSUPPORTED_FILE_TYPE: { zh: () => '文件类型不支持，请上传 .xlsx 或 .csv 文件（可下载模板）。', en: () => 'Unsupported file type; upload an .xlsx or .csv file (a template is available).' },
  MISSING_COLUMNS: { zh: (p) => `表格缺少必填列：${p.columns}。`, en: (p) => `The sheet lacks required columns: ${p.columns}.` },
  EMPTY_FILE: { zh: () => '文件中没有数据行。', en: () => 'The file has no data rows.' },
  IMPORT_HAS_ERRORS: { zh: (p) => `有 ${p.count} 行数据有误，全部未导入，请下载错误报告修改后重新导入。`, en: (p) => `${p.count} rows have errors; nothing was imported. Download the error report, fix them and import again.` },
};

export type Lang = 'zh' | 'en';

export function errorMessage(code: ErrorCode, params: Params = {}, lang: Lang = 'zh'): string {
  return messages[code][lang](params);
}

/** An expected failure: the caller did something the rules do not allow. Thrown before anything is written. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly details?: unknown,
  ) {
    super(errorMessage(code, params, 'en'));
    this.name = 'DomainError';
  }
  localized(lang: Lang): string {
    return errorMessage(this.code, this.params, lang);
  }
}

export function notFound(what: string, id: string | number): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, { what, id: String(id) });
}
