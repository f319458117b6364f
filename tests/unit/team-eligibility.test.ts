import {
  conflictKey, EligibilityInspector, EligibilityRules, inspectorExclusion, pairExclusion, TeamExclusionReason, teamExclusionReasonText, townshipOf,
} from '../../server/domain/team-eligibility';

const inspector = (overrides: Partial<EligibilityInspector> = {}): EligibilityInspector => ({
  id: 'ZJ1406020001',
  active: true,
  certificateValidFrom: '2024-01-01',
  certificateValidTo: '2026-12-31',
  regionCode: '140602001',
  openVisits: 3,
  ...overrides,
});
const rules = (overrides: Partial<EligibilityRules> = {}): EligibilityRules => ({
  windowStart: '2025-06-01',
  windowEnd: '2025-06-30',
  recuseSameTownship: false,
  workloadLimit: 30,
  ...overrides,
});
const target = (regionCode: string, publicId = '91140602MA0L000001') => ({ publicId, regionCode });
const NO_CONFLICTS: ReadonlySet<string> = new Set();

describe('inspectorExclusion: the inspector alone', () => {
  test('an active inspector with a valid certificate and room for work is eligible', () => {
    expect(inspectorExclusion(inspector(), rules())).toBeNull();
  });

  test('an inactive inspector is not', () => {
    expect(inspectorExclusion(inspector({ active: false }), rules())).toBe(TeamExclusionReason.INACTIVE);
  });

  test('the certificate must cover the whole window, both ends inclusive (Art. 21)', () => {
    expect(inspectorExclusion(inspector({ certificateValidFrom: '2025-06-01', certificateValidTo: '2025-06-30' }), rules())).toBeNull();
    // expires inside the window
    expect(inspectorExclusion(inspector({ certificateValidTo: '2025-06-29' }), rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
    expect(inspectorExclusion(inspector({ certificateValidTo: '2025-06-15' }), rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
    // valid only from a day inside the window
    expect(inspectorExclusion(inspector({ certificateValidFrom: '2025-06-02' }), rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
    // expired before the window
    expect(inspectorExclusion(inspector({ certificateValidTo: '2024-12-31' }), rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
  });

  test('a certificate date that is not a real date counts as not valid', () => {
    expect(inspectorExclusion(inspector({ certificateValidTo: '' }), rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
    expect(inspectorExclusion(inspector({ certificateValidTo: '2026-02-30' }), rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
  });

  test('at the workload limit no new visit, one below it still one', () => {
    expect(inspectorExclusion(inspector({ openVisits: 29 }), rules())).toBeNull();
    expect(inspectorExclusion(inspector({ openVisits: 30 }), rules())).toBe(TeamExclusionReason.WORKLOAD_FULL);
    expect(inspectorExclusion(inspector({ openVisits: 0 }), rules({ workloadLimit: 0 }))).toBe(TeamExclusionReason.WORKLOAD_FULL);
  });

  test('reasons come in a fixed order: inactive, certificate, workload', () => {
    const everything = inspector({ active: false, certificateValidTo: '2025-01-01', openVisits: 99 });
    expect(inspectorExclusion(everything, rules())).toBe(TeamExclusionReason.INACTIVE);
    expect(inspectorExclusion({ ...everything, active: true }, rules())).toBe(TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW);
  });

  test('a malformed window is a programming error, not a silent pass', () => {
    expect(() => inspectorExclusion(inspector(), rules({ windowEnd: '2025-05-31' }))).toThrow(RangeError);
    expect(() => inspectorExclusion(inspector(), rules({ windowStart: '2025-6-1' }))).toThrow(RangeError);
    expect(() => inspectorExclusion(inspector(), rules({ workloadLimit: -1 }))).toThrow(RangeError);
  });
});

describe('pairExclusion: the inspector and the target (回避)', () => {
  test('a declared conflict excludes from that target only', () => {
    const conflicts = new Set([conflictKey('ZJ1406020001', '91140602MA0L000001')]);
    expect(conflictKey('A', 'B')).toBe('A|B');
    expect(pairExclusion(inspector(), target('140603002'), conflicts, rules())).toBe(TeamExclusionReason.CONFLICT_DECLARED);
    expect(pairExclusion(inspector(), target('140603002', '91140602MA0L000002'), conflicts, rules())).toBeNull();
  });

  test('township recusal applies only when the department turns it on', () => {
    expect(pairExclusion(inspector(), target('140602001'), NO_CONFLICTS, rules())).toBeNull();
    expect(pairExclusion(inspector(), target('140602001'), NO_CONFLICTS, rules({ recuseSameTownship: true }))).toBe(TeamExclusionReason.SAME_TOWNSHIP);
  });

  test('the township is the first 9 digits of a 9- or 12-digit code', () => {
    const on = rules({ recuseSameTownship: true });
    expect(pairExclusion(inspector(), target('140602001203'), NO_CONFLICTS, on)).toBe(TeamExclusionReason.SAME_TOWNSHIP);
    expect(pairExclusion(inspector({ regionCode: '140602001105' }), target('140602001'), NO_CONFLICTS, on)).toBe(TeamExclusionReason.SAME_TOWNSHIP);
    expect(pairExclusion(inspector(), target('140602002'), NO_CONFLICTS, on)).toBeNull();
  });

  test('a target known only by its county (6 digits) cannot be recused by township', () => {
    const on = rules({ recuseSameTownship: true });
    expect(pairExclusion(inspector(), target('140602'), NO_CONFLICTS, on)).toBeNull();
    expect(pairExclusion(inspector({ regionCode: '140602' }), target('140602001'), NO_CONFLICTS, on)).toBeNull();
  });

  test('a conflict is reported before the township', () => {
    const conflicts = new Set([conflictKey('ZJ1406020001', '91140602MA0L000001')]);
    expect(pairExclusion(inspector(), target('140602001'), conflicts, rules({ recuseSameTownship: true }))).toBe(TeamExclusionReason.CONFLICT_DECLARED);
  });

  test('townshipOf', () => {
    expect(townshipOf('140602001')).toBe('140602001');
    expect(townshipOf('140602001203')).toBe('140602001');
    expect(townshipOf('140602')).toBeNull();
    expect(townshipOf('1406020')).toBeNull();
    expect(townshipOf('')).toBeNull();
  });
});

test('every reason has a Chinese and an English text', () => {
  for (const reason of Object.values(TeamExclusionReason)) {
    expect(teamExclusionReasonText[reason].zh.length).toBeGreaterThan(0);
    expect(teamExclusionReasonText[reason].en.length).toBeGreaterThan(0);
  }
});
