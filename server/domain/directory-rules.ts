import { ErrorCode } from '../common/errors';
import { isCalendarDate } from './calendar-date';
import { CreditCodeProblem, creditCodeProblem, describeCreditCodeProblem } from './credit-code';
import { Checked, checkText, FieldProblem, problem } from './field-problem';
import { CreditClass, RiskLevel, SpecialDirectory, TargetStatus, TargetType, TYPES_REQUIRING_CREDIT_CODE } from './vocabulary';

/**
 * The rules a directory record must satisfy, as pure functions: the same code checks a record typed
 * into a form and a row of a million-row spreadsheet. Lookups that need data (does this region
 * exist? is this a known category?) are passed in.
 */
export interface TargetFields {
  creditCode: string | null;
  name: string;
  type: TargetType;
  regionCode: string;
  address: string;
  status: TargetStatus;
  riskLevel: RiskLevel;
  creditClass: CreditClass;
  complaintCount: number;
  dishonest: boolean;
  seriousViolation: boolean;
  specialDirectories: SpecialDirectory[];
  licences: { kind: string; number: string; validTo: string | null }[];
  legalRepresentative: string;
  phone: string;
}

export interface RuleLookups {
  regionExists(code: string): boolean;
  categoryExists?(code: string): boolean;
}

/** What a re-import matches on: the credit code, or type|region|name for targets that have none. */
export function targetNaturalKey(fields: Pick<TargetFields, 'creditCode' | 'type' | 'regionCode' | 'name'>): string {
  return fields.creditCode ?? `${fields.type}|${fields.regionCode}|${fields.name.trim()}`;
}

function invalidCreditCode(field: string, code: string, found: CreditCodeProblem): FieldProblem {
  const reason = describeCreditCodeProblem(found);
  return problem(field, ErrorCode.INVALID_CREDIT_CODE, { code, reasonZh: reason.zh, reasonEn: reason.en });
}

export function checkTarget(fields: TargetFields, lookups: RuleLookups): Checked<TargetFields & { naturalKey: string }> {
  const problems: FieldProblem[] = [];
  const creditCode = upperCase(fields.creditCode?.trim() ?? '') || null;
  if (creditCode) {
    const found = creditCodeProblem(creditCode);
    if (found) problems.push(invalidCreditCode('creditCode', creditCode, found));
  } else if (TYPES_REQUIRING_CREDIT_CODE.has(fields.type)) problems.push(problem('creditCode', ErrorCode.CREDIT_CODE_REQUIRED, { type: fields.type }));
  checkText(problems, 'name', fields.name, 200, true);
  checkText(problems, 'address', fields.address, 300, false);
  checkText(problems, 'legalRepresentative', fields.legalRepresentative, 100, false);
  checkText(problems, 'phone', fields.phone, 50, false);
  if (!lookups.regionExists(fields.regionCode)) problems.push(problem('regionCode', ErrorCode.UNKNOWN_REGION, { code: fields.regionCode }));
  if (!Number.isInteger(fields.complaintCount) || fields.complaintCount < 0) {
    problems.push(problem('complaintCount', ErrorCode.VALIDATION_FAILED, { reason: '投诉次数应为不小于0的整数 (complaint count must be a whole number ≥ 0)' }));
  }
  for (const licence of fields.licences) {
    if (licence.validTo && !isCalendarDate(licence.validTo)) problems.push(problem('licences', ErrorCode.INVALID_DATE, { value: licence.validTo }));
    if (!licence.kind.trim() || !licence.number.trim()) problems.push(problem('licences', ErrorCode.VALIDATION_FAILED, { reason: '许可证需有种类和编号 (a licence needs a kind and a number)' }));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: new CheckedTarget(fields, creditCode, fields.name.trim()) };
}

/**
 * A checked target. Spelled out field by field rather than `{ ...fields, creditCode, … }`: V8 builds
 * that (a spread plus more properties) on a slow path, some twenty times the cost, once per imported
 * row. And a class rather than an object literal: an import holds these until its chunk is written,
 * and V8 may move a literal's allocations to the old generation for good after seeing them survive
 * early on (allocation-site pretenuring), which class instances never are.
 */
class CheckedTarget implements TargetFields {
  creditCode: string | null; name: string; type: TargetType; regionCode: string; address: string; status: TargetStatus; riskLevel: RiskLevel;
  creditClass: CreditClass; complaintCount: number; dishonest: boolean; seriousViolation: boolean; specialDirectories: SpecialDirectory[];
  licences: TargetFields['licences']; legalRepresentative: string; phone: string; naturalKey: string;

  constructor(fields: TargetFields, creditCode: string | null, name: string) {
    this.creditCode = creditCode;
    this.name = name;
    this.type = fields.type;
    this.regionCode = fields.regionCode;
    this.address = fields.address;
    this.status = fields.status;
    this.riskLevel = fields.riskLevel;
    this.creditClass = fields.creditClass;
    this.complaintCount = fields.complaintCount;
    this.dishonest = fields.dishonest;
    this.seriousViolation = fields.seriousViolation;
    this.specialDirectories = distinct(fields.specialDirectories);
    this.licences = fields.licences;
    this.legalRepresentative = fields.legalRepresentative;
    this.phone = fields.phone;
    this.naturalKey = targetNaturalKey(this);
  }
}

/** The list without repeats, in first-seen order; the list itself when it has none (most do not, and imports check millions). */
function distinct<T>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if (list.lastIndexOf(list[i - 1]) !== i - 1) return [...new Set(list)];
  }
  return list;
}

/** text.toUpperCase(), without the copy it makes even of text already in upper case (as credit codes nearly always are). */
function upperCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c >= 0x80) return text.toUpperCase();
  }
  return text;
}


export interface InspectorFields {
  name: string;
  certificateNumber: string;
  certificateValidFrom: string;
  certificateValidTo: string;
  specialties: string[];
  regionCode: string;
  phone: string;
}

export function checkInspector(fields: InspectorFields, lookups: RuleLookups): Checked<InspectorFields> {
  const problems: FieldProblem[] = [];
  checkText(problems, 'name', fields.name, 100, true);
  const certificateNumber = fields.certificateNumber.trim();
  if (!/^[0-9A-Za-z\-()（）]{4,64}$/.test(certificateNumber)) {
    problems.push(problem('certificateNumber', ErrorCode.VALIDATION_FAILED, { reason: `执法证号“${certificateNumber}”格式不正确 (certificate number must be 4–64 letters or digits)` }));
  }
  const fromOk = isCalendarDate(fields.certificateValidFrom);
  const toOk = isCalendarDate(fields.certificateValidTo);
  if (!fromOk) problems.push(problem('certificateValidFrom', ErrorCode.INVALID_DATE, { value: fields.certificateValidFrom }));
  if (!toOk) problems.push(problem('certificateValidTo', ErrorCode.INVALID_DATE, { value: fields.certificateValidTo }));
  if (fromOk && toOk && fields.certificateValidFrom > fields.certificateValidTo) {
    problems.push(problem('certificateValidTo', ErrorCode.CERTIFICATE_DATES_REVERSED, { from: fields.certificateValidFrom, to: fields.certificateValidTo }));
  }
  if (!lookups.regionExists(fields.regionCode)) problems.push(problem('regionCode', ErrorCode.UNKNOWN_REGION, { code: fields.regionCode }));
  for (const specialty of fields.specialties) {
    if (lookups.categoryExists && !lookups.categoryExists(specialty)) problems.push(problem('specialties', ErrorCode.UNKNOWN_CATEGORY, { category: specialty }));
  }
  checkText(problems, 'phone', fields.phone, 50, false);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...fields, name: fields.name.trim(), certificateNumber, specialties: distinct(fields.specialties) } };
}

export interface ExpertFields { name: string; organisation: string; specialty: string; phone: string }

export function expertNaturalKey(fields: Pick<ExpertFields, 'name' | 'organisation'>): string {
  return `${fields.name.trim()}|${fields.organisation.trim()}`;
}

export function checkExpert(fields: ExpertFields): Checked<ExpertFields & { naturalKey: string }> {
  const problems: FieldProblem[] = [];
  checkText(problems, 'name', fields.name, 100, true);
  checkText(problems, 'organisation', fields.organisation, 150, true);
  checkText(problems, 'specialty', fields.specialty, 100, false);
  checkText(problems, 'phone', fields.phone, 50, false);
  if (problems.length) return { ok: false, problems };
  const value = { ...fields, name: fields.name.trim(), organisation: fields.organisation.trim() };
  return { ok: true, value: { ...value, naturalKey: expertNaturalKey(value) } };
}
