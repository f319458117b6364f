import { parse } from 'graphql';
import { likeContains, regionPrefix } from '../../server/common/listing';
import { loadConfig, redactUrl } from '../../server/config';
import { isCalendarDate, todayInChina } from '../../server/domain/calendar-date';
import { checkItem } from '../../server/domain/catalog-rules';
import { completeCreditCode, creditCodeCheckCharacter, creditCodeProblem } from '../../server/domain/credit-code';
import { ItemKind, RegionLevel, TargetType, labelLookup, targetStatusLabels } from '../../server/domain/vocabulary';
import { measureOperation } from '../../server/graphql/limits';
import { certificateStatus } from '../../server/modules/directory/certificate-status';
import { normaliseHeader } from '../../server/modules/imports/header-mapping';

describe('unified social credit code (GB 32100-2015)', () => {
  test('known real-world style codes validate, and the check character is recomputed', () => {
    // Published codes of well-known institutions (check characters as printed on their licences).
    for (const code of ['91350100M000100Y43', '11100000000013127D', '91110000100017707H']) {
      expect(creditCodeProblem(code)).toBeNull();
      expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    }
  });

  test('each kind of mistake is named', () => {
    const good = completeCreditCode('91140603MA0K2XYW1');
    expect(creditCodeProblem(good)).toBeNull();
    expect(creditCodeProblem(good.slice(0, 17))).toEqual({ kind: 'length', length: 17 });
    expect(creditCodeProblem(good.slice(0, 10) + 'O' + good.slice(11))).toEqual({ kind: 'character', position: 11, character: 'O' });
    expect(creditCodeProblem(good.toLowerCase().replace(/^9/, '9'))?.kind).toBe('character');
    const wrong = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    expect(creditCodeProblem(wrong)).toEqual({ kind: 'check', expected: good[17], actual: wrong[17] });
  });
});

describe('calendar dates and certificates', () => {
  test('only real days pass', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
  });
  test('today is counted in China (UTC+8)', () => {
    expect(todayInChina(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(todayInChina(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
  });
  test('certificate status on a day', () => {
    const cert = { certificateValidFrom: '2024-01-01', certificateValidTo: '2026-12-31' };
    expect(certificateStatus(cert, '2023-12-31')).toBe('NOT_YET_VALID');
    expect(certificateStatus(cert, '2026-12-31')).toBe('VALID');
    expect(certificateStatus(cert, '2027-01-01')).toBe('EXPIRED');
  });
});

describe('catalog rules (Art. 8)', () => {
  const base = {
    code: 'PL-1', name: '种子检查', categoryCode: 'SEEDS', kind: ItemKind.GENERAL, targetTypes: [TargetType.ENTERPRISE], checkContent: '', methods: [],
    ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2, responsibleUnit: '', level: RegionLevel.COUNTY, legalBasis: '',
  };
  const lookups = { categoryExists: (c: string) => c === 'SEEDS' };
  test('a GENERAL item with bounds in order passes', () => expect(checkItem(base, lookups).ok).toBe(true));
  test('ratios are percentages in (0, 100]', () => {
    const result = checkItem({ ...base, ratioMaxPercent: 120 }, lookups);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ field: 'ratioMaxPercent', code: 'RATIO_BOUNDS_INVALID' });
  });
  test('KEY items carry no cap', () => {
    expect(checkItem({ ...base, kind: ItemKind.KEY, ratioMaxPercent: null }, lookups).ok).toBe(true);
    expect(checkItem({ ...base, kind: ItemKind.KEY }, lookups).ok).toBe(false);
  });
});

describe('query limits', () => {
  test('depth counts nested selections through fragments; introspection is free', () => {
    const doc = parse('query { a { b { ...F } } __schema { types { fields { type { name } } } } } fragment F on X { c { d } }');
    // a { b { c { d } } }: three nested selection sets below the operation.
    expect(measureOperation(doc, undefined).depth).toBe(3);
  });
  test('page sizes multiply the cost of what they select', () => {
    const doc = parse('query($p: PageInput) { targets(page: $p) { totalItems items { name region { name } } } }');
    const small = measureOperation(doc, undefined, { p: { take: 10 } }).cost;
    const large = measureOperation(doc, undefined, { p: { take: 500 } }).cost;
    expect(large).toBeGreaterThan(small * 40);
  });
});

describe('small helpers', () => {
  test('region prefixes cover everything inside a region', () => {
    expect(regionPrefix('140000')).toBe('14');
    expect(regionPrefix('140600')).toBe('1406');
    expect(regionPrefix('140603')).toBe('140603');
    expect(regionPrefix('140603100')).toBe('140603100');
  });
  test('LIKE wildcards typed by users are matched literally', () => expect(likeContains('50%_!')).toBe('%50!%!_!!%'));
  test('headers compare without brackets, marks and spaces', () => {
    expect(normaliseHeader(' 抽查比例下限（%）*')).toBe(normaliseHeader('抽查比例下限(%)'));
    expect(normaliseHeader('名称（必填）')).toBe('名称');
  });
  test('office words map to enum values', () => {
    const status = labelLookup(targetStatusLabels);
    expect(status('在业')).toBe('ACTIVE');
    expect(status('已吊销')).toBe('REVOKED');
    expect(status('deregistered')).toBe('DEREGISTERED');
    expect(status('不存在')).toBeUndefined();
  });
  test('config: embedded SQLite and demo by default; MariaDB without demo; passwords never printed', () => {
    expect(loadConfig({})).toMatchObject({ database: { kind: 'sqlite' }, demo: true, redisUrl: undefined });
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' })).toMatchObject({ database: { kind: 'mariadb' }, demo: false });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(redactUrl('mysql://hub:s3cret@db:3306/hub')).toBe('mysql://hub:***@db:3306/hub');
  });
});
