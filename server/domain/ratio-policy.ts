import { ErrorCode } from '../common/errors';
import { Checked, FieldProblem, problem } from './field-problem';
import { CreditClass, ItemKind, RiskLevel } from './vocabulary';

/**
 * Ratio policy (Art. 14; Pinglu 二.(二)): how large a share of the directory a department draws for an
 * item, adjusted for the target's risk level and credit class. Pure: the draw calls `effectiveRatio`
 * with the policy and the item version in force.
 *
 * The model, in three steps:
 * 1. **Base ratio of an item** — the department's per-item override if it has one (for items where
 *    law or the upper level says otherwise); else the higher of the item's own minimum in the catalog
 *    and the department default (Pinglu: "原则上不低于名录库的5%"). For a GENERAL item the base never
 *    exceeds the item's cap (Art. 8: general items are strictly limited).
 * 2. **Adjustment by class** — the base is multiplied by a factor for the risk level and a factor for
 *    the credit class (both default to 1 for MEDIUM / B). Low risk and trustworthy (A) lower it, high risk
 *    and dishonest (C, D) raise it (Art. 14 para 1). Factors combine by multiplication, so "low risk and
 *    A" gets both reductions and "high risk and D" both increases.
 * 3. **Bounds** — the result never exceeds 100 %. A GENERAL item's cap still binds, except for *focus
 *    targets* (high risk, or credit class C or D): Art. 14 puts high-risk and dishonest entities under
 *    focused checks and frees them from ratio and frequency limits. KEY items have no cap (Art. 8).
 *
 * Rounds a year are not scaled by class: the minimum number of rounds is a property of the item
 * (override, else the higher of the item's frequency and the department default). Focus targets are
 * also exempt from the "at most twice a year" limit; `exemptFromYearlyLimit` says so for the draw.
 */
export interface RatioOverride {
  itemId: number;
  /** Replaces the base ratio of the item, in percent; null keeps the computed base. */
  ratioPercent: number | null;
  /** Replaces the minimum rounds a year of the item; null keeps the computed minimum. */
  roundsPerYear: number | null;
}

export interface RatioPolicyRules {
  /** Department default minimum ratio, in percent of the directory (Pinglu: 5). */
  minRatioPercent: number;
  /** Department default minimum rounds a year (Pinglu: 2). */
  minRoundsPerYear: number;
  riskFactors: Record<RiskLevel, number>;
  creditFactors: Record<CreditClass, number>;
  itemOverrides: RatioOverride[];
}

/** The catalog facts of an item that matter for ratios (from its version in force). */
export interface RatioItem {
  id: number;
  kind: ItemKind;
  ratioMinPercent: number | null;
  ratioMaxPercent: number | null;
  frequencyPerYear: number;
}

/** What a department uses until it sets its own policy: the Pinglu rules with moderate class factors. */
export const DEFAULT_RATIO_POLICY: Readonly<RatioPolicyRules> = Object.freeze({
  minRatioPercent: 5,
  minRoundsPerYear: 2,
  riskFactors: { LOW: 0.5, MEDIUM: 1, HIGH: 2 },
  creditFactors: { A: 0.8, B: 1, C: 1.5, D: 2 },
  itemOverrides: [],
});

/** Factors outside (0, MAX_FACTOR] are refused: a zero factor would exempt a class from checks altogether. */
export const MAX_FACTOR = 10;

/** Where an item's base ratio (or minimum rounds) comes from. */
export enum RatioSource { OVERRIDE = 'OVERRIDE', ITEM = 'ITEM', DEPARTMENT_DEFAULT = 'DEPARTMENT_DEFAULT' }

export interface BaseRatio { percent: number; source: RatioSource; capped: boolean }

const round2 = (value: number) => Math.round(value * 100) / 100;

function overrideOf(policy: RatioPolicyRules, itemId: number): RatioOverride | undefined {
  return policy.itemOverrides.find((o) => o.itemId === itemId);
}

/** The cap that binds an item for ordinary targets: a GENERAL item's maximum, none for KEY items. */
export function itemCap(item: RatioItem): number | null {
  return item.kind === ItemKind.GENERAL && item.ratioMaxPercent != null ? item.ratioMaxPercent : null;
}

/** Step 1: the base ratio of an item before class adjustments. */
export function baseRatio(policy: RatioPolicyRules, item: RatioItem): BaseRatio {
  const override = overrideOf(policy, item.id)?.ratioPercent;
  let percent: number;
  let source: RatioSource;
  if (override != null) {
    percent = override;
    source = RatioSource.OVERRIDE;
  } else if (item.ratioMinPercent != null && item.ratioMinPercent > policy.minRatioPercent) {
    percent = item.ratioMinPercent;
    source = RatioSource.ITEM;
  } else {
    percent = policy.minRatioPercent;
    source = RatioSource.DEPARTMENT_DEFAULT;
  }
  const cap = itemCap(item);
  if (cap != null && percent > cap) return { percent: cap, source, capped: true };
  return { percent, source, capped: false };
}

/** The minimum rounds a year an item must be checked: override, else the higher of item and department default. */
export function minimumRounds(policy: RatioPolicyRules, item: RatioItem): { rounds: number; source: RatioSource } {
  const override = overrideOf(policy, item.id)?.roundsPerYear;
  if (override != null) return { rounds: override, source: RatioSource.OVERRIDE };
  if (item.frequencyPerYear > policy.minRoundsPerYear) return { rounds: item.frequencyPerYear, source: RatioSource.ITEM };
  return { rounds: policy.minRoundsPerYear, source: RatioSource.DEPARTMENT_DEFAULT };
}

/** Art. 14: high-risk and dishonest (credit class C or D) targets are checked with focus, free of ratio and frequency limits. */
export function isFocusTarget(riskLevel: RiskLevel, creditClass: CreditClass): boolean {
  return riskLevel === RiskLevel.HIGH || creditClass === CreditClass.C || creditClass === CreditClass.D;
}

export interface EffectiveRatio {
  /** The share of the directory to draw for such targets, in percent (two decimals). */
  ratioPercent: number;
  basePercent: number;
  baseSource: RatioSource;
  /** riskFactor × creditFactor */
  factor: number;
  riskFactor: number;
  creditFactor: number;
  /** The cap that applied, or null when none did (KEY item, or a focus target). */
  capPercent: number | null;
  /** True when the cap (or 100 %) cut the result down. */
  capped: boolean;
  focusTarget: boolean;
  /** Art. 14 para 2: focus targets may be drawn more than twice a year. */
  exemptFromYearlyLimit: boolean;
  minRoundsPerYear: number;
}

/** The effective ratio for targets of one risk level and credit class under one item. */
export function effectiveRatio(policy: RatioPolicyRules, item: RatioItem, riskLevel: RiskLevel, creditClass: CreditClass): EffectiveRatio {
  const base = baseRatio(policy, item);
  const riskFactor = policy.riskFactors[riskLevel] ?? 1;
  const creditFactor = policy.creditFactors[creditClass] ?? 1;
  const factor = riskFactor * creditFactor;
  const focusTarget = isFocusTarget(riskLevel, creditClass);
  const cap = focusTarget ? null : itemCap(item);
  const raw = base.percent * factor;
  const limit = Math.min(cap ?? 100, 100);
  const capped = raw > limit + 1e-9;
  return {
    ratioPercent: round2(Math.min(raw, limit)),
    basePercent: round2(base.percent),
    baseSource: base.source,
    factor: Math.round(factor * 10000) / 10000,
    riskFactor,
    creditFactor,
    capPercent: cap,
    capped,
    focusTarget,
    exemptFromYearlyLimit: focusTarget,
    minRoundsPerYear: minimumRounds(policy, item).rounds,
  };
}

/**
 * Checks a policy as typed: ratios within (0, 100], rounds whole numbers 0–365, factors within
 * (0, 10], one override per item, and that every override names an item the department may use.
 */
export function checkRatioPolicy(rules: RatioPolicyRules, lookups: { itemAllowed(id: number): boolean }): Checked<RatioPolicyRules> {
  const problems: FieldProblem[] = [];
  const ratio = (field: string, value: number) => {
    if (!(Number.isFinite(value) && value > 0 && value <= 100)) {
      problems.push(problem(field, ErrorCode.RATIO_BOUNDS_INVALID, { reasonZh: `比例 ${value}% 应在 0 到 100 之间`, reasonEn: `ratio ${value}% must be within (0, 100]` }));
    }
  };
  const rounds = (field: string, value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > 365) {
      problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: '每年抽查次数应为0到365的整数 (rounds a year: a whole number 0–365)' }));
    }
  };
  const factor = (field: string, value: number) => {
    if (!(Number.isFinite(value) && value > 0 && value <= MAX_FACTOR)) {
      problems.push(problem(field, ErrorCode.RATIO_BOUNDS_INVALID, { reasonZh: `调整系数 ${value} 应大于 0 且不超过 ${MAX_FACTOR}`, reasonEn: `factor ${value} must be above 0 and at most ${MAX_FACTOR}` }));
    }
  };
  ratio('minRatioPercent', rules.minRatioPercent);
  rounds('minRoundsPerYear', rules.minRoundsPerYear);
  for (const [level, value] of Object.entries(rules.riskFactors)) factor(`riskFactors.${level}`, value);
  for (const [credit, value] of Object.entries(rules.creditFactors)) factor(`creditFactors.${credit}`, value);
  const seen = new Set<number>();
  rules.itemOverrides.forEach((o, i) => {
    const field = `itemOverrides[${i}]`;
    if (seen.has(o.itemId)) problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: `事项 ${o.itemId} 重复设置 (item ${o.itemId} is overridden twice)` }));
    seen.add(o.itemId);
    if (!lookups.itemAllowed(o.itemId)) problems.push(problem(field, ErrorCode.UNKNOWN_ITEM, { id: String(o.itemId) }));
    if (o.ratioPercent != null) ratio(`${field}.ratioPercent`, o.ratioPercent);
    if (o.roundsPerYear != null) rounds(`${field}.roundsPerYear`, o.roundsPerYear);
    if (o.ratioPercent == null && o.roundsPerYear == null) {
      problems.push(problem(field, ErrorCode.VALIDATION_FAILED, { reason: `事项 ${o.itemId} 的单独设置须填写比例或次数 (an override needs a ratio or rounds)` }));
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: rules };
}
