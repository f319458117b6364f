import {
  chooseVisit, departmentLevel, intersectWindows, leadAfterJoin, leadingClaim, MERGE_RULES, overlapDays, planMerge, windowDays, windowsOverlap,
} from '../../server/domain/merge-rules';

const w = (start: string, end: string) => ({ start, end });

describe('windows (YYYY-MM-DD, both ends inclusive)', () => {
  test('overlap counts a shared end day; adjacent windows do not overlap', () => {
    expect(windowsOverlap(w('2026-03-01', '2026-03-31'), w('2026-03-31', '2026-04-30'))).toBe(true);
    expect(windowsOverlap(w('2026-03-01', '2026-03-30'), w('2026-03-31', '2026-04-30'))).toBe(false);
    expect(windowsOverlap(w('2026-04-01', '2026-04-30'), w('2026-03-01', '2026-03-31'))).toBe(false);
    expect(windowsOverlap(w('2026-01-01', '2026-12-31'), w('2026-06-01', '2026-06-01'))).toBe(true);
  });

  test('the intersection of several windows, or null', () => {
    expect(intersectWindows([w('2026-03-01', '2026-03-31'), w('2026-03-15', '2026-04-15')])).toEqual(w('2026-03-15', '2026-03-31'));
    expect(intersectWindows([w('2026-01-01', '2026-12-31'), w('2026-03-15', '2026-04-15'), w('2026-04-01', '2026-05-01')])).toEqual(w('2026-04-01', '2026-04-15'));
    expect(intersectWindows([w('2026-03-01', '2026-03-10'), w('2026-03-11', '2026-03-20')])).toBeNull();
    expect(intersectWindows([])).toBeNull();
  });

  test('days are counted across months, leap days and years', () => {
    expect(windowDays(w('2026-03-01', '2026-03-01'))).toBe(1);
    expect(windowDays(w('2028-02-28', '2028-03-01'))).toBe(3);
    expect(windowDays(w('2026-12-31', '2027-01-01'))).toBe(2);
    expect(windowDays(w('2026-03-02', '2026-03-01'))).toBe(0);
    expect(overlapDays(w('2026-03-01', '2026-03-31'), w('2026-03-20', '2026-04-30'))).toBe(12);
    expect(overlapDays(w('2026-03-01', '2026-03-31'), w('2026-04-01', '2026-04-30'))).toBe(0);
  });
});

describe('which open visit a pick joins', () => {
  const task = w('2026-03-01', '2026-03-31');
  test('the longest overlap wins, then the oldest visit', () => {
    const visits = [{ id: 7, ...w('2026-03-25', '2026-04-30') }, { id: 9, ...w('2026-02-01', '2026-03-20') }, { id: 3, ...w('2026-03-30', '2026-05-01') }];
    expect(chooseVisit(task, visits)?.id).toBe(9); // 20 days
    const tie = [{ id: 12, ...w('2026-03-22', '2026-04-30') }, { id: 5, ...w('2026-02-01', '2026-03-10') }];
    expect(chooseVisit(task, tie)?.id).toBe(5); // 10 days each: the older one
  });

  test('no overlapping visit: a new visit is formed', () => {
    expect(chooseVisit(task, [])).toBeNull();
    expect(chooseVisit(task, [{ id: 1, ...w('2026-04-01', '2026-04-30') }, { id: 2, ...w('2026-01-01', '2026-02-28') }])).toBeNull();
  });
});

describe('which department leads', () => {
  test('levels come from the region code', () => {
    expect(departmentLevel('140000')).toBe(0);
    expect(departmentLevel('140600')).toBe(1);
    expect(departmentLevel('140603')).toBe(2);
    expect(departmentLevel('140603100')).toBe(3);
  });

  test('without a team: the highest level, then the earliest task', () => {
    const county = { departmentId: 3, level: 2, taskId: 1 };
    const city = { departmentId: 2, level: 1, taskId: 5 };
    const otherCounty = { departmentId: 4, level: 2, taskId: 2 };
    expect(leadingClaim([county, city, otherCounty])).toBe(city);
    expect(leadingClaim([otherCounty, county])).toBe(county);
    expect(() => leadingClaim([])).toThrow();
    expect(leadAfterJoin({ staffed: false, lead: county }, city)).toBe(city);
    expect(leadAfterJoin({ staffed: false, lead: county }, otherCounty)).toBe(county);
  });

  test('a drawn team stays, whoever joins', () => {
    const county = { departmentId: 3, level: 2, taskId: 1 };
    const province = { departmentId: 1, level: 0, taskId: 5 };
    expect(leadAfterJoin({ staffed: true, lead: county }, province)).toBe(county);
  });
});

describe('manual merges', () => {
  const visit = (id: number, start: string, end: string, extra: Partial<{ staffed: boolean; publicId: string; closed: boolean }> = {}) =>
    ({ id, start, end, staffed: false, publicId: '92140603MA0000001X', closed: false, ...extra });

  test('refused for fewer than two, closed visits, different targets, windows without a common day', () => {
    expect(planMerge([visit(1, '2026-03-01', '2026-03-31')])).toEqual({ ok: false, refusal: { code: 'TOO_FEW_VISITS' } });
    expect(planMerge([visit(1, '2026-03-01', '2026-03-31'), visit(2, '2026-03-01', '2026-03-31', { closed: true })])).toEqual({ ok: false, refusal: { code: 'VISIT_CLOSED', visitId: 2 } });
    expect(planMerge([visit(1, '2026-03-01', '2026-03-31'), visit(2, '2026-03-01', '2026-03-31', { publicId: 'X' })])).toMatchObject({ ok: false, refusal: { code: 'TARGETS_DIFFER' } });
    const apart = planMerge([visit(1, '2026-03-01', '2026-03-31'), visit(2, '2026-03-20', '2026-04-30'), visit(3, '2026-04-01', '2026-04-30')]);
    expect(apart).toMatchObject({ ok: false, refusal: { code: 'WINDOWS_DO_NOT_OVERLAP' } });
  });

  test('the visit with a team survives, else the oldest; the window is the intersection', () => {
    const plain = planMerge([visit(4, '2026-03-01', '2026-03-31'), visit(2, '2026-03-20', '2026-04-30')]);
    expect(plain).toMatchObject({ ok: true, survivor: { id: 2 }, absorbed: [{ id: 4 }], window: { start: '2026-03-20', end: '2026-03-31' } });
    const staffed = planMerge([visit(2, '2026-03-01', '2026-03-31'), visit(4, '2026-03-20', '2026-04-30', { staffed: true }), visit(6, '2026-03-01', '2026-04-30', { staffed: true })]);
    expect(staffed).toMatchObject({ ok: true, survivor: { id: 4 }, absorbed: [{ id: 6 }, { id: 2 }] });
  });
});

test('the rule texts exist in Chinese and English', () => {
  expect(MERGE_RULES.length).toBeGreaterThanOrEqual(6);
  for (const rule of MERGE_RULES) {
    expect(rule.code).toMatch(/^[A-Z_]+$/);
    expect(rule.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.en).toMatch(/^[A-Z]/);
  }
});
