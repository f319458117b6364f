import { ErrorCode } from '../../server/common/errors';
import {
  baseRatio, checkRatioPolicy, DEFAULT_RATIO_POLICY, effectiveRatio, isFocusTarget, minimumRounds, RatioItem, RatioPolicyRules, RatioSource,
} from '../../server/domain/ratio-policy';
import { CreditClass, ItemKind, RiskLevel } from '../../server/domain/vocabulary';

const general = (overrides: Partial<RatioItem> = {}): RatioItem => ({ id: 1, kind: ItemKind.GENERAL, ratioMinPercent: null, ratioMaxPercent: 20, frequencyPerYear: 1, ...overrides });
const key = (overrides: Partial<RatioItem> = {}): RatioItem => ({ id: 2, kind: ItemKind.KEY, ratioMinPercent: null, ratioMaxPercent: null, frequencyPerYear: 1, ...overrides });
const policy = (overrides: Partial<RatioPolicyRules> = {}): RatioPolicyRules => ({ ...DEFAULT_RATIO_POLICY, ...overrides });

describe('base ratio and minimum rounds of an item', () => {
  test('where law is silent the department default applies (Pinglu: 5 %, 2 rounds)', () => {
    expect(baseRatio(policy(), general())).toEqual({ percent: 5, source: RatioSource.DEPARTMENT_DEFAULT, capped: false });
    expect(minimumRounds(policy(), general())).toEqual({ rounds: 2, source: RatioSource.DEPARTMENT_DEFAULT });
  });

  test('a catalog minimum above the default wins; below it the default still holds', () => {
    expect(baseRatio(policy(), general({ ratioMinPercent: 8 }))).toMatchObject({ percent: 8, source: RatioSource.ITEM });
    expect(baseRatio(policy(), general({ ratioMinPercent: 3 }))).toMatchObject({ percent: 5, source: RatioSource.DEPARTMENT_DEFAULT });
    expect(minimumRounds(policy(), general({ frequencyPerYear: 4 }))).toEqual({ rounds: 4, source: RatioSource.ITEM });
  });

  test('an override replaces both (law says otherwise), but never lifts a GENERAL item above its cap', () => {
    const withOverride = policy({ itemOverrides: [{ itemId: 1, ratioPercent: 2, roundsPerYear: 1 }] });
    expect(baseRatio(withOverride, general())).toEqual({ percent: 2, source: RatioSource.OVERRIDE, capped: false });
    expect(minimumRounds(withOverride, general())).toEqual({ rounds: 1, source: RatioSource.OVERRIDE });
    const high = policy({ itemOverrides: [{ itemId: 1, ratioPercent: 30, roundsPerYear: null }] });
    expect(baseRatio(high, general())).toEqual({ percent: 20, source: RatioSource.OVERRIDE, capped: true });
    expect(minimumRounds(high, general())).toEqual({ rounds: 2, source: RatioSource.DEPARTMENT_DEFAULT });
    expect(baseRatio(policy({ minRatioPercent: 25 }), general())).toMatchObject({ percent: 20, capped: true });
  });
});

describe('effective ratio by risk level and credit class (Art. 14)', () => {
  test('medium risk, class B: the base ratio unchanged', () => {
    expect(effectiveRatio(policy(), general(), RiskLevel.MEDIUM, CreditClass.B)).toMatchObject({ ratioPercent: 5, factor: 1, capped: false, focusTarget: false, exemptFromYearlyLimit: false, capPercent: 20 });
  });

  test('low risk and trustworthy lower the ratio, multiplied together', () => {
    expect(effectiveRatio(policy(), general(), RiskLevel.LOW, CreditClass.B).ratioPercent).toBe(2.5);
    expect(effectiveRatio(policy(), general(), RiskLevel.LOW, CreditClass.A)).toMatchObject({ ratioPercent: 2, factor: 0.4, riskFactor: 0.5, creditFactor: 0.8 });
  });

  test('high risk and dishonest raise it; they are focus targets, free of the GENERAL cap and the twice-a-year limit', () => {
    const highD = effectiveRatio(policy(), general(), RiskLevel.HIGH, CreditClass.D);
    expect(highD).toMatchObject({ ratioPercent: 20, factor: 4, focusTarget: true, exemptFromYearlyLimit: true, capPercent: null, capped: false });
    const strict = policy({ minRatioPercent: 10 });
    expect(effectiveRatio(strict, general(), RiskLevel.HIGH, CreditClass.D)).toMatchObject({ ratioPercent: 40, capPercent: null });
    expect(effectiveRatio(strict, general(), RiskLevel.MEDIUM, CreditClass.C)).toMatchObject({ ratioPercent: 15, focusTarget: true });
  });

  test('ordinary targets stay under a GENERAL cap; nothing goes above 100 %', () => {
    const strict = policy({ minRatioPercent: 15, creditFactors: { A: 2, B: 1, C: 1.5, D: 2 } });
    expect(effectiveRatio(strict, general(), RiskLevel.MEDIUM, CreditClass.A)).toMatchObject({ ratioPercent: 20, capped: true, capPercent: 20 });
    expect(effectiveRatio(policy({ minRatioPercent: 60 }), key(), RiskLevel.HIGH, CreditClass.D)).toMatchObject({ ratioPercent: 100, capped: true, capPercent: null });
  });

  test('KEY items have no cap (Art. 8)', () => {
    expect(effectiveRatio(policy({ minRatioPercent: 30 }), key(), RiskLevel.MEDIUM, CreditClass.A)).toMatchObject({ ratioPercent: 24, capPercent: null, capped: false });
  });

  test('focus targets are high risk or credit class C/D', () => {
    expect(isFocusTarget(RiskLevel.HIGH, CreditClass.A)).toBe(true);
    expect(isFocusTarget(RiskLevel.LOW, CreditClass.C)).toBe(true);
    expect(isFocusTarget(RiskLevel.MEDIUM, CreditClass.B)).toBe(false);
  });
});

describe('checking a policy', () => {
  const allowed = { itemAllowed: (id: number) => id === 1 };

  test('the default is valid', () => {
    expect(checkRatioPolicy(policy(), allowed).ok).toBe(true);
  });

  test('ratios, rounds, factors and overrides out of range are named', () => {
    const result = checkRatioPolicy(policy({
      minRatioPercent: 0, minRoundsPerYear: -1, riskFactors: { LOW: 0, MEDIUM: 1, HIGH: 11 },
      itemOverrides: [{ itemId: 9, ratioPercent: 120, roundsPerYear: null }, { itemId: 1, ratioPercent: null, roundsPerYear: null }],
    }), allowed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['minRatioPercent', ErrorCode.RATIO_BOUNDS_INVALID],
      ['minRoundsPerYear', ErrorCode.VALIDATION_FAILED],
      ['riskFactors.LOW', ErrorCode.RATIO_BOUNDS_INVALID],
      ['riskFactors.HIGH', ErrorCode.RATIO_BOUNDS_INVALID],
      ['itemOverrides[0]', ErrorCode.UNKNOWN_ITEM],
      ['itemOverrides[0].ratioPercent', ErrorCode.RATIO_BOUNDS_INVALID],
      ['itemOverrides[1]', ErrorCode.VALIDATION_FAILED],
    ]);
  });
});
