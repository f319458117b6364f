import { ErrorCode } from '../common/errors';
import { Checked, checkText, FieldProblem, problem } from './field-problem';
import { RuleLookups } from './directory-rules';
import { CheckMethod, ItemKind, RegionLevel, TargetType } from './vocabulary';

export interface ItemFields {
  code: string;
  name: string;
  categoryCode: string;
  kind: ItemKind;
  targetTypes: TargetType[];
  checkContent: string;
  methods: CheckMethod[];
  ratioMinPercent: number | null;
  ratioMaxPercent: number | null;
  frequencyPerYear: number;
  responsibleUnit: string;
  level: RegionLevel;
  legalBasis: string;
}

export const ITEM_CODE_PATTERN = /^[0-9A-Za-z._-]{1,64}$/;

/**
 * Art. 8: GENERAL items have a ratio cap, KEY items have none (their ratio is set per task).
 * Ratios are percentages of the directory in (0, 100].
 */
export function checkItem(fields: ItemFields, lookups: Required<Pick<RuleLookups, 'categoryExists'>>): Checked<ItemFields> {
  const problems: FieldProblem[] = [];
  const code = fields.code.trim();
  if (!ITEM_CODE_PATTERN.test(code)) problems.push(problem('code', ErrorCode.VALIDATION_FAILED, { reason: `事项编码“${code}”只能含字母、数字、点、下划线和连字符 (item code: letters, digits, . _ -)` }));
  checkText(problems, 'name', fields.name, 200, true);
  checkText(problems, 'responsibleUnit', fields.responsibleUnit, 100, false);
  if (!lookups.categoryExists(fields.categoryCode)) problems.push(problem('categoryCode', ErrorCode.UNKNOWN_CATEGORY, { category: fields.categoryCode }));
  const ratio = (field: string, value: number | null) => {
    if (value !== null && !(Number.isFinite(value) && value > 0 && value <= 100)) {
      problems.push(problem(field, ErrorCode.RATIO_BOUNDS_INVALID, { reasonZh: `比例 ${value}% 应在 0 到 100 之间`, reasonEn: `ratio ${value}% must be within (0, 100]` }));
      return false;
    }
    return true;
  };
  const minOk = ratio('ratioMinPercent', fields.ratioMinPercent);
  const maxOk = ratio('ratioMaxPercent', fields.ratioMaxPercent);
  if (fields.kind === ItemKind.KEY && fields.ratioMaxPercent !== null) {
    problems.push(problem('ratioMaxPercent', ErrorCode.RATIO_BOUNDS_INVALID, { reasonZh: '重点检查事项不设比例上限', reasonEn: 'KEY items have no ratio cap' }));
  } else if (fields.kind === ItemKind.GENERAL && fields.ratioMaxPercent === null) {
    problems.push(problem('ratioMaxPercent', ErrorCode.RATIO_BOUNDS_INVALID, { reasonZh: '一般检查事项须设比例上限', reasonEn: 'GENERAL items need a ratio cap' }));
  } else if (minOk && maxOk && fields.ratioMinPercent !== null && fields.ratioMaxPercent !== null && fields.ratioMinPercent > fields.ratioMaxPercent) {
    problems.push(problem('ratioMaxPercent', ErrorCode.RATIO_BOUNDS_INVALID, { reasonZh: `下限 ${fields.ratioMinPercent}% 高于上限 ${fields.ratioMaxPercent}%`, reasonEn: `minimum ${fields.ratioMinPercent}% is above the cap ${fields.ratioMaxPercent}%` }));
  }
  if (!Number.isInteger(fields.frequencyPerYear) || fields.frequencyPerYear < 0 || fields.frequencyPerYear > 365) {
    problems.push(problem('frequencyPerYear', ErrorCode.VALIDATION_FAILED, { reason: '每年抽查次数应为0到365的整数 (rounds a year: a whole number 0–365)' }));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...fields, code, name: fields.name.trim(), targetTypes: [...new Set(fields.targetTypes)], methods: [...new Set(fields.methods)] } };
}
