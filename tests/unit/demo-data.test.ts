import regions from '../../migrations/data/regions-gbt2260.json';
import { creditCodeProblem } from '../../server/domain/credit-code';
import { BUILT_IN_CATEGORIES, ItemKind, Role, SpecialDirectory, TargetType } from '../../server/domain/vocabulary';
import { DEMO_SIZES, DEMO_USERS, DemoData, generateDemoData, Township } from '../../server/demo/demo-data';
import { DEMO_LOGINS } from '../../server/demo/demo-logins';

const TODAY = '2026-11-22';
const rows = regions.rows as [string, string, string, string | null][];
const townshipsOf = (county: string): Township[] => rows.filter(([, , level, parent]) => level === 'TOWNSHIP' && parent === county).map(([code, name]) => ({ code, name }));
const input = { townships: { '140603': townshipsOf('140603'), '140602': townshipsOf('140602') }, today: TODAY };

let data: DemoData;
beforeAll(() => { data = generateDemoData(input); });

const inDays = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const targetsOf = (key: string) => data.targets.filter((t) => t.departmentKey === key);

describe('the demo generator', () => {
  test('is deterministic: the same input gives the same county', () => {
    expect(generateDemoData(input)).toEqual(data);
  });

  test('fills the directories to the intended sizes', () => {
    expect(targetsOf('pinglu')).toHaveLength(DEMO_SIZES.pingluTargets);
    expect(targetsOf('shuocheng')).toHaveLength(DEMO_SIZES.shuochengTargets);
    expect(targetsOf('scjg')).toHaveLength(DEMO_SIZES.marketTargets);
  });

  test('every credit code is a valid GB 32100 code, with the type digit of its entity type', () => {
    const withCode = data.targets.filter((t) => t.creditCode);
    expect(withCode.length).toBeGreaterThan(3000);
    expect(withCode.filter((t) => creditCodeProblem(t.creditCode!) !== null).map((t) => t.creditCode)).toEqual([]);
    const typeDigits: Partial<Record<TargetType, string>> = { [TargetType.FARMERS_COOPERATIVE]: '93', [TargetType.INDIVIDUAL_BUSINESS]: '92' };
    expect(withCode.filter((t) => t.creditCode!.slice(0, 2) !== (typeDigits[t.type] ?? '91')).map((t) => [t.type, t.creditCode])).toEqual([]);
  });

  test('natural keys are unique per department: the credit code, or type|region|name without one', () => {
    for (const key of ['pinglu', 'shuocheng', 'scjg']) {
      const keys = targetsOf(key).map((t) => t.naturalKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(data.targets.filter((t) => t.naturalKey !== (t.creditCode ?? `${t.type}|${t.regionCode}|${t.name}`))).toEqual([]);
    const withoutCode = targetsOf('pinglu').filter((t) => !t.creditCode);
    expect(new Set(withoutCode.map((t) => t.type))).toEqual(new Set([TargetType.PRODUCT, TargetType.PROJECT]));
  });

  test('the same business appears in the agriculture and the market-supervision directories', () => {
    const pinglu = new Set(targetsOf('pinglu').map((t) => t.creditCode));
    expect(targetsOf('scjg').filter((t) => pinglu.has(t.creditCode))).toHaveLength(DEMO_SIZES.sharedWithMarket);
  });

  test('targets sit in the townships of their county', () => {
    const pingluTownships = new Set(input.townships['140603'].map((t) => t.code));
    const shuochengTownships = new Set(input.townships['140602'].map((t) => t.code));
    expect([...targetsOf('pinglu'), ...targetsOf('scjg')].filter((t) => !pingluTownships.has(t.regionCode))).toEqual([]);
    expect(targetsOf('shuocheng').filter((t) => !shuochengTownships.has(t.regionCode))).toEqual([]);
  });

  test('the mix looks like a real directory: mostly active, low or medium risk, a few bad cases, ~5 % under key supervision', () => {
    const pinglu = targetsOf('pinglu');
    const share = (f: (t: (typeof pinglu)[number]) => boolean) => pinglu.filter(f).length / pinglu.length;
    expect(share((t) => t.status === 'ACTIVE')).toBeGreaterThan(0.8);
    expect(share((t) => t.riskLevel !== 'HIGH')).toBeGreaterThan(0.85);
    expect(share((t) => t.creditClass === 'A' || t.creditClass === 'B')).toBeGreaterThan(0.85);
    expect(share((t) => t.complaintCount >= 3)).toBeGreaterThan(0);
    expect(share((t) => t.dishonest)).toBeGreaterThan(0);
    expect(share((t) => t.specialDirectories.includes(SpecialDirectory.KEY_SUPERVISION))).toBeGreaterThan(0.04);
    expect(share((t) => t.specialDirectories.includes(SpecialDirectory.KEY_SUPERVISION))).toBeLessThan(0.07);
    expect(pinglu.some((t) => t.licences.some((l) => l.kind === '农药经营许可证'))).toBe(true);
  });

  test('inspectors: unique certificates, some expired, two expiring within a month, two inactive', () => {
    const numbers = data.inspectors.map((i) => i.certificateNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    const pinglu = data.inspectors.filter((i) => i.departmentKey === 'pinglu');
    expect(pinglu).toHaveLength(40);
    expect(pinglu.filter((i) => i.certificateValidTo < TODAY)).toHaveLength(6);
    expect(pinglu.filter((i) => i.certificateValidTo >= TODAY && i.certificateValidTo <= inDays(30))).toHaveLength(2);
    expect(pinglu.filter((i) => !i.active)).toHaveLength(2);
    for (const inspector of data.inspectors) {
      expect(inspector.certificateValidFrom <= TODAY).toBe(true);
      expect(inspector.certificateValidFrom < inspector.certificateValidTo).toBe(true);
      expect(inspector.specialties.length).toBeGreaterThan(0);
    }
    // Enough qualified inspectors per category to draw two per target.
    for (const { code } of BUILT_IN_CATEGORIES) expect(pinglu.filter((i) => i.specialties.includes(code)).length).toBeGreaterThanOrEqual(4);
  });

  test('the two inspector logins are Pinglu inspectors with valid certificates', () => {
    const pinglu = data.inspectors.filter((i) => i.departmentKey === 'pinglu');
    const accounts = DEMO_USERS.filter((u) => u.roles.includes(Role.INSPECTOR));
    expect(accounts).toHaveLength(2);
    for (const user of accounts) {
      const inspector = pinglu.find((i) => i.name === user.displayName);
      expect(inspector).toMatchObject({ active: true });
      expect(inspector!.certificateValidTo > inDays(30)).toBe(true);
    }
  });

  test('conflicts of interest refer to existing Pinglu inspectors and targets, each pair once', () => {
    expect(data.conflicts.length).toBeGreaterThanOrEqual(8);
    const inspectors = new Set(data.inspectors.filter((i) => i.departmentKey === 'pinglu').map((i) => i.certificateNumber));
    const targets = new Set(targetsOf('pinglu').map((t) => t.naturalKey));
    for (const conflict of data.conflicts) {
      expect(inspectors.has(conflict.certificateNumber)).toBe(true);
      expect(conflict.targetDepartmentKey).toBe('pinglu');
      expect(targets.has(conflict.targetNaturalKey)).toBe(true);
    }
    const pairs = data.conflicts.map((c) => `${c.certificateNumber}|${c.targetNaturalKey}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  test('each of the six categories has at least two items, with forms of 3–6 check points', () => {
    for (const { code } of BUILT_IN_CATEGORIES) {
      expect(data.items.filter((i) => i.versions.at(-1)!.categoryCode === code).length).toBeGreaterThanOrEqual(2);
    }
    const codes = data.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const version of data.items.flatMap((i) => i.versions)) {
      expect(version.forms.length).toBeGreaterThanOrEqual(1);
      expect(version.forms.length).toBeLessThanOrEqual(2);
      for (const form of version.forms) {
        expect(form.points.length).toBeGreaterThanOrEqual(3);
        expect(form.points.length).toBeLessThanOrEqual(6);
        for (const point of form.points) expect(point.every((text) => text.length > 0)).toBe(true);
      }
      if (version.kind === ItemKind.KEY) expect(version.ratioMaxPercent).toBeNull();
      else expect(version.ratioMaxPercent).toBeGreaterThan(version.ratioMinPercent!);
    }
  });

  test('one item has a second version, written after the first', () => {
    const revised = data.items.filter((i) => i.versions.length > 1);
    expect(revised).toHaveLength(1);
    const [v1, v2] = revised[0].versions;
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.createdAt.getTime()).toBeGreaterThan(v1.createdAt.getTime());
    expect(v2.checkContent).not.toBe(v1.checkContent);
  });

  test('every text fits its column', () => {
    const tooLong = data.targets.filter((t) => t.name.length > 200 || t.naturalKey.length > 200 || t.address.length > 300 || t.legalRepresentative.length > 100 || t.phone.length > 50);
    expect(tooLong).toEqual([]);
    for (const e of data.experts) {
      expect(e.naturalKey.length).toBeLessThanOrEqual(250);
      expect(e.organisation.length).toBeLessThanOrEqual(150);
    }
    for (const v of data.items.flatMap((i) => i.versions)) {
      expect(v.responsibleUnit.length).toBeLessThanOrEqual(100);
      for (const f of v.forms) expect(f.name.length).toBeLessThanOrEqual(200);
    }
  });

  test('the printed logins are the users the loader creates', () => {
    expect(DEMO_LOGINS.users.map((u) => u.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(DEMO_LOGINS.users.map((u) => u.username)).toEqual(expect.arrayContaining(['pinglu.admin', 'pinglu.planner', 'pinglu.operator', 'pinglu.leader', 'shuozhou.supervisor', 'shanxi.supervisor', 'jijian.witness', 'scjg.planner']));
  });

  test('departments are listed parents first', () => {
    const seen = new Set<string>();
    for (const d of data.departments) {
      if (d.parentKey) expect(seen.has(d.parentKey)).toBe(true);
      seen.add(d.key);
    }
  });
});
