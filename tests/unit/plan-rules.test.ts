import { ErrorCode } from '../../server/common/errors';
import {
  addDays, adoptionDateProblem, cappedCount, checkPlanVersion, filingDateProblem, filingDeadline, filingOverview, FilingRecipient, FilingState,
  PlanLookups, PlanVersionFields, planWarnings, PlanWarningKind, regionalShares, requiredCount, uncoveredItemIds, WarningItem,
} from '../../server/domain/plan-rules';
import { DEFAULT_RATIO_POLICY } from '../../server/domain/ratio-policy';
import { ItemKind, SpecialDirectory, TargetType } from '../../server/domain/vocabulary';

describe('the filing deadline (Art. 12: 15 days)', () => {
  test('15 calendar days, the adoption day not counted', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(filingDeadline('2026-03-02')).toBe('2026-03-17'); // Monday → Tuesday
    expect(filingDeadline('2026-12-20')).toBe('2027-01-04'); // across the year
  });

  test('a last day on a weekend moves to the Monday (Civil Code Art. 203); a holiday calendar can be plugged in', () => {
    expect(filingDeadline('2026-03-06')).toBe('2026-03-23'); // 15th day is Saturday 21 March
    expect(filingDeadline('2026-03-07')).toBe('2026-03-23'); // Sunday 22 March
    expect(filingDeadline('2026-03-06', () => false)).toBe('2026-03-21');
    const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(filingDeadline('2026-09-16', (d) => holidays.has(d) || ['2026-10-03', '2026-10-04'].includes(d))).toBe('2026-10-08');
  });

  test('each recipient is filed, late, or overdue against today', () => {
    const none = filingOverview('2026-03-02', [], '2026-03-17');
    expect(none).toMatchObject({ deadline: '2026-03-17', state: FilingState.PENDING, overdue: false });
    const late = filingOverview('2026-03-02', [{ recipient: FilingRecipient.JUSTICE, filedOn: '2026-03-10' }], '2026-03-18');
    expect(late.state).toBe(FilingState.OVERDUE);
    expect(late.recipients).toEqual([
      { recipient: FilingRecipient.JUSTICE, filed: true, filedOn: '2026-03-10', late: false, overdue: false },
      { recipient: FilingRecipient.MARKET_SUPERVISION, filed: false, filedOn: null, late: false, overdue: true },
      { recipient: FilingRecipient.UPPER_AGRICULTURE, filed: false, filedOn: null, late: false, overdue: true },
    ]);
    const all = (last: string) => [
      { recipient: FilingRecipient.JUSTICE, filedOn: '2026-03-10' }, { recipient: FilingRecipient.MARKET_SUPERVISION, filedOn: '2026-03-11' },
      { recipient: FilingRecipient.UPPER_AGRICULTURE, filedOn: last },
    ];
    expect(filingOverview('2026-03-02', all('2026-03-17'), '2026-06-01').state).toBe(FilingState.FILED_ON_TIME);
    expect(filingOverview('2026-03-02', all('2026-03-18'), '2026-06-01')).toMatchObject({ state: FilingState.FILED_LATE, overdue: false });
    expect(filingOverview(null, [], '2026-06-01')).toMatchObject({ deadline: null, state: FilingState.NOT_ADOPTED, overdue: false });
  });

  test('adoption and filing dates: real, not in the future, in order', () => {
    const ctx = { year: 2026, today: '2026-05-01', previousAdoptedOn: null };
    expect(adoptionDateProblem('2026-04-30', ctx)).toBeNull();
    expect(adoptionDateProblem('2025-12-28', ctx)).toBeNull();
    expect(adoptionDateProblem('2026-02-30', ctx)?.code).toBe(ErrorCode.INVALID_DATE);
    expect(adoptionDateProblem('2026-05-02', ctx)?.code).toBe(ErrorCode.PLAN_DATE_INVALID);
    expect(adoptionDateProblem('2024-12-31', ctx)?.code).toBe(ErrorCode.PLAN_DATE_INVALID);
    expect(adoptionDateProblem('2026-03-01', { ...ctx, previousAdoptedOn: '2026-03-05' })?.code).toBe(ErrorCode.PLAN_DATE_INVALID);
    expect(filingDateProblem('2026-03-05', { adoptedOn: '2026-03-02', today: '2026-05-01' })).toBeNull();
    expect(filingDateProblem('2026-03-01', { adoptedOn: '2026-03-02', today: '2026-05-01' })?.code).toBe(ErrorCode.PLAN_DATE_INVALID);
    expect(filingDateProblem('2026-05-02', { adoptedOn: '2026-03-02', today: '2026-05-01' })?.code).toBe(ErrorCode.PLAN_DATE_INVALID);
  });
});

describe('the content of a plan version (Art. 13)', () => {
  const lookups: PlanLookups = {
    year: 2026, itemAllowed: (id) => id === 1 || id === 2, regionExists: (code) => ['140603', '140602', '140603100', '110101'].includes(code),
    regionInJurisdiction: (code) => code.startsWith('140603'), jurisdiction: '140603',
  };
  const batch = (overrides: Partial<PlanVersionFields['batches'][number]> = {}) => ({
    name: '第一批次', itemIds: [1], targetTypes: [TargetType.ENTERPRISE], specialDirectories: [SpecialDirectory.PESTICIDE_DEALER], regionCodes: [],
    startDate: '2026-04-01', endDate: '2026-05-31', estimatedCount: 10, ...overrides,
  });
  const fields = (overrides: Partial<PlanVersionFields> = {}): PlanVersionFields => ({
    title: '2026年度双随机抽查工作计划', levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 70 },
    regionalWeights: [{ regionCode: '140603100', weight: 2 }], batches: [batch()], ...overrides,
  });
  const codes = (f: PlanVersionFields) => {
    const result = checkPlanVersion(f, lookups);
    return result.ok ? [] : result.problems.map((p) => p.code);
  };

  test('a valid version passes, with duplicates in the scope removed', () => {
    const result = checkPlanVersion(fields({ batches: [batch({ itemIds: [1, 1, 2], regionCodes: ['140603', '140603'] })] }), lookups);
    expect(result.ok && result.value.batches[0]).toMatchObject({ itemIds: [1, 2], regionCodes: ['140603'] });
  });

  test('each rule has its code', () => {
    expect(codes(fields({ batches: [batch({ startDate: '2026-06-01', endDate: '2026-05-01' })] }))).toEqual([ErrorCode.BATCH_WINDOW_REVERSED]);
    expect(codes(fields({ batches: [batch({ endDate: '2027-01-10' })] }))).toEqual([ErrorCode.BATCH_OUTSIDE_PLAN_YEAR]);
    expect(codes(fields({ batches: [batch({ startDate: '2025-12-20' })] }))).toEqual([ErrorCode.BATCH_OUTSIDE_PLAN_YEAR]);
    expect(codes(fields({ batches: [batch({ startDate: '2026-02-30' })] }))).toEqual([ErrorCode.INVALID_DATE]);
    expect(codes(fields({ batches: [batch({ itemIds: [7] })] }))).toEqual([ErrorCode.UNKNOWN_ITEM]);
    expect(codes(fields({ batches: [batch({ itemIds: [] })] }))).toEqual([ErrorCode.VALIDATION_FAILED]);
    expect(codes(fields({ batches: [batch(), batch()] }))).toEqual([ErrorCode.VALIDATION_FAILED]);
    expect(codes(fields({ batches: [batch({ estimatedCount: -1 })] }))).toEqual([ErrorCode.VALIDATION_FAILED]);
    expect(codes(fields({ levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 60 } }))).toEqual([ErrorCode.LEVEL_SPLIT_INVALID]);
    expect(codes(fields({ levelSplit: { provincePercent: -10, cityPercent: 40, countyPercent: 70 } }))).toEqual([ErrorCode.LEVEL_SPLIT_INVALID]);
    expect(codes(fields({ levelSplit: { provincePercent: 33.3, cityPercent: 33.3, countyPercent: 33.4 } }))).toEqual([]);
    expect(codes(fields({ regionalWeights: [{ regionCode: '140603100', weight: -1 }] }))).toEqual([ErrorCode.INVALID_REGIONAL_WEIGHT]);
    expect(codes(fields({ regionalWeights: [{ regionCode: '140603100', weight: 0 }] }))).toEqual([ErrorCode.INVALID_REGIONAL_WEIGHT]);
    expect(codes(fields({ regionalWeights: [{ regionCode: '140602', weight: 1 }] }))).toEqual([ErrorCode.REGION_OUTSIDE_JURISDICTION]);
    expect(codes(fields({ regionalWeights: [{ regionCode: '149999', weight: 1 }] }))).toEqual([ErrorCode.UNKNOWN_REGION]);
    expect(codes(fields({ title: ' ' }))).toEqual([ErrorCode.VALIDATION_FAILED]);
  });

  test('regional shares are computed from the weights', () => {
    expect(regionalShares([{ regionCode: 'a', weight: 1 }, { regionCode: 'b', weight: 3 }])).toEqual([25, 75]);
    expect(regionalShares([{ regionCode: 'a', weight: 1 }, { regionCode: 'b', weight: 2 }])).toEqual([33.33, 66.67]);
  });
});

describe('coverage and warnings', () => {
  const item = (id: number, overrides: Partial<WarningItem> = {}): WarningItem => ({
    id, code: `NY-${id}`, name: `事项${id}`, kind: ItemKind.GENERAL, ratioMinPercent: null, ratioMaxPercent: 20, frequencyPerYear: 1, ...overrides,
  });

  test('an item no batch names is uncovered (Art. 12)', () => {
    expect(uncoveredItemIds([1, 2, 3], [{ itemIds: [1] }, { itemIds: [3, 1] }])).toEqual([2]);
    expect(uncoveredItemIds([1], [{ itemIds: [1] }])).toEqual([]);
  });

  test('counting: the minimum rounds up (at least 1), a cap rounds down (at least 1)', () => {
    expect(requiredCount(40, 5)).toBe(2);
    expect(requiredCount(41, 5)).toBe(3);
    expect(requiredCount(3, 5)).toBe(1);
    expect(requiredCount(0, 5)).toBe(0);
    expect(requiredCount(100, 5)).toBe(5);
    expect(cappedCount(40, 20)).toBe(8);
    expect(cappedCount(3, 20)).toBe(1);
  });

  test('below the minimum ratio, above a GENERAL cap, empty scope, too few rounds, uncovered', () => {
    const warnings = planWarnings({
      batches: [
        { position: 1, name: '春季', itemIds: [1], estimatedCount: 1, scopeTargetCount: 40 },
        { position: 2, name: '秋季', itemIds: [1, 2], estimatedCount: 9, scopeTargetCount: 40 },
        { position: 3, name: '空', itemIds: [2], estimatedCount: 3, scopeTargetCount: 0 },
      ],
      items: [item(1), item(2, { frequencyPerYear: 3 }), item(3)],
      activeItemIds: [1, 2, 3],
      policy: DEFAULT_RATIO_POLICY,
    });
    expect(warnings.map((w) => [w.kind, w.batchPosition ?? w.itemId, w.planned, w.required])).toEqual([
      [PlanWarningKind.UNCOVERED_ITEM, 3, 0, null],
      [PlanWarningKind.BELOW_MIN_RATIO, 1, 1, 2],
      [PlanWarningKind.ABOVE_RATIO_CAP, 2, 9, 8],
      [PlanWarningKind.EMPTY_SCOPE, 3, 3, 0],
      [PlanWarningKind.BELOW_MIN_ROUNDS, 2, 2, 3],
    ]);
    expect(warnings[1].messageZh).toBe('批次“春季”预估抽查 1 户，低于范围内 40 户的 5%（至少 2 户）。');
    expect(warnings[1].messageEn).toContain('below 5% of the 40 in scope');
  });

  test('a batch with a KEY item has no cap; an override lowers the minimum of its item', () => {
    const items = [item(1), item(2, { kind: ItemKind.KEY, ratioMaxPercent: null })];
    const withKey = planWarnings({ batches: [{ position: 1, name: 'A', itemIds: [1, 2], estimatedCount: 30, scopeTargetCount: 40 }, { position: 2, name: 'B', itemIds: [1, 2], estimatedCount: 30, scopeTargetCount: 40 }], items, activeItemIds: [1, 2], policy: DEFAULT_RATIO_POLICY });
    expect(withKey).toEqual([]);
    const lowered = { ...DEFAULT_RATIO_POLICY, itemOverrides: [{ itemId: 1, ratioPercent: 2, roundsPerYear: 1 }] };
    expect(planWarnings({ batches: [{ position: 1, name: 'A', itemIds: [1], estimatedCount: 1, scopeTargetCount: 40 }], items, activeItemIds: [1], policy: lowered })).toEqual([]);
  });
});
