import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../domain/credit-code';
import {
  BUILT_IN_CATEGORIES, CreditClass, DepartmentKind, RiskLevel, Role, SpecialDirectory, TargetStatus, TargetType,
} from '../domain/vocabulary';
import type { Expert } from '../modules/directory/expert.entity';
import type { Inspector } from '../modules/directory/inspector.entity';
import type { Licence, Target } from '../modules/directory/target.entity';
import { DEMO_CATALOG, DemoItemVersionSpec } from './catalog-data';
import { landline, mobilePhone, personName, shortTownship, streetAddress, tradeName, villagesOf } from './names';
import { createRng, Rng } from './rng';

/**
 * The demo county, as plain data: 平鲁区 with its province, city, neighbour county, market-supervision
 * bureau and discipline-inspection group. Pure and deterministic (same input, same output), so it can
 * be tested without a database; `load-demo.ts` writes it. Rows refer to each other by natural keys
 * (department key, credit code, certificate number, item code) because database ids do not exist yet.
 */

export type DepartmentKey = 'province' | 'city' | 'pinglu' | 'shuocheng' | 'scjg' | 'jijian';

export interface DemoDepartment {
  key: DepartmentKey;
  name: string;
  kind: DepartmentKind;
  regionCode: string;
  parentKey: DepartmentKey | null;
}

/** Parents come before their children, so they can be inserted in this order. */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { key: 'province', name: '山西省农业农村厅', kind: DepartmentKind.AGRICULTURE, regionCode: '140000', parentKey: null },
  { key: 'city', name: '朔州市农业农村局', kind: DepartmentKind.AGRICULTURE, regionCode: '140600', parentKey: 'province' },
  { key: 'pinglu', name: '朔州市平鲁区农业农村局', kind: DepartmentKind.AGRICULTURE, regionCode: '140603', parentKey: 'city' },
  { key: 'shuocheng', name: '朔州市朔城区农业农村局', kind: DepartmentKind.AGRICULTURE, regionCode: '140602', parentKey: 'city' },
  // Beside the agriculture bureau, not below it: a joint check partner with its own directory.
  { key: 'scjg', name: '朔州市平鲁区市场监督管理局', kind: DepartmentKind.MARKET_SUPERVISION, regionCode: '140603', parentKey: null },
  // Witnesses the draws (Pinglu plan: 邀请纪检组参与见证监督); independent of the bureau it watches.
  { key: 'jijian', name: '平鲁区纪委监委派驻纪检组', kind: DepartmentKind.DISCIPLINE_INSPECTION, regionCode: '140603', parentKey: null },
];

/** 平鲁区 borders 朔城区, 右玉县 and 山阴县: the regions for joint inspector matching (Art. 20). */
export const DEMO_NEIGHBOURS: readonly (readonly [string, string])[] = [['140603', '140602'], ['140603', '140623'], ['140603', '140621']];

export interface DemoUser {
  username: string;
  displayName: string;
  departmentKey: DepartmentKey;
  roles: Role[];
  /** Shown on start next to the username. */
  description: string;
}

/** The first two Pinglu inspectors are also the two inspector logins, so the inspector screens show "me". */
const INSPECTOR_ACCOUNT_NAMES = ['赵文斌', '郭丽芳'] as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'pinglu.admin', displayName: '李建军', departmentKey: 'pinglu', roles: [Role.ADMINISTRATOR], description: '平鲁区农业农村局 · 系统管理员' },
  { username: 'pinglu.planner', displayName: '王晓燕', departmentKey: 'pinglu', roles: [Role.PLANNER], description: '平鲁区农业农村局 · 计划制定（办公室）' },
  { username: 'pinglu.operator', displayName: '张鹏', departmentKey: 'pinglu', roles: [Role.DRAW_OPERATOR], description: '平鲁区农业农村局 · 摇号操作员' },
  { username: 'pinglu.leader', displayName: '刘国庆', departmentKey: 'pinglu', roles: [Role.REVIEWING_LEADER], description: '平鲁区农业农村局 · 分管领导（审核结果）' },
  { username: 'pinglu.inspector1', displayName: INSPECTOR_ACCOUNT_NAMES[0], departmentKey: 'pinglu', roles: [Role.INSPECTOR], description: `平鲁区农业综合行政执法队 · 执法检查人员（${INSPECTOR_ACCOUNT_NAMES[0]}）` },
  { username: 'pinglu.inspector2', displayName: INSPECTOR_ACCOUNT_NAMES[1], departmentKey: 'pinglu', roles: [Role.INSPECTOR], description: `平鲁区农业综合行政执法队 · 执法检查人员（${INSPECTOR_ACCOUNT_NAMES[1]}）` },
  { username: 'shuozhou.supervisor', displayName: '贾志宏', departmentKey: 'city', roles: [Role.SUPERVISOR], description: '朔州市农业农村局 · 监督人员（看下级的计划与结果）' },
  { username: 'shanxi.supervisor', displayName: '薛丽华', departmentKey: 'province', roles: [Role.SUPERVISOR], description: '山西省农业农村厅 · 监督人员' },
  { username: 'jijian.witness', displayName: '乔永忠', departmentKey: 'jijian', roles: [Role.WITNESS], description: '平鲁区纪委监委派驻纪检组 · 见证人（现场见证摇号）' },
  { username: 'scjg.planner', displayName: '武晓敏', departmentKey: 'scjg', roles: [Role.PLANNER], description: '平鲁区市场监督管理局 · 计划制定（联合抽查）' },
];

/** The record fields every directory entry has; ids and bookkeeping (e.g. the last import) are the database's. */
type RecordFields = 'version' | 'createdAt' | 'updatedAt';
export type DemoTarget = Pick<Target, 'naturalKey' | 'creditCode' | 'name' | 'type' | 'regionCode' | 'address' | 'status' | 'riskLevel' | 'creditClass'
  | 'complaintCount' | 'dishonest' | 'seriousViolation' | 'specialDirectories' | 'licences' | 'legalRepresentative' | 'phone' | RecordFields> & { departmentKey: DepartmentKey };
export type DemoInspector = Pick<Inspector, 'name' | 'certificateNumber' | 'certificateValidFrom' | 'certificateValidTo' | 'specialties' | 'regionCode'
  | 'phone' | 'active' | RecordFields> & { departmentKey: DepartmentKey };
export type DemoExpert = Pick<Expert, 'naturalKey' | 'name' | 'organisation' | 'specialty' | 'phone' | 'active' | RecordFields> & { departmentKey: DepartmentKey };

export interface DemoConflict {
  certificateNumber: string;
  /** The target, by its department's directory and natural key. */
  targetDepartmentKey: DepartmentKey;
  targetNaturalKey: string;
  reason: string;
  declaredAt: Date;
}

export interface DemoItemVersion extends Omit<DemoItemVersionSpec, 'createdAt'> {
  version: number;
  createdAt: Date;
  createdByUsername: string;
}

export interface DemoItem {
  departmentKey: DepartmentKey;
  code: string;
  versions: DemoItemVersion[];
}

export interface DemoData {
  departments: readonly DemoDepartment[];
  neighbours: { regionCode: string; neighbourCode: string }[];
  users: readonly DemoUser[];
  targets: DemoTarget[];
  inspectors: DemoInspector[];
  experts: DemoExpert[];
  conflicts: DemoConflict[];
  items: DemoItem[];
}

export interface Township { code: string; name: string }

export interface DemoInput {
  /** Townships (from the region table) of 平鲁区 and 朔城区, keyed by county code. */
  townships: { '140603': Township[]; '140602': Township[] };
  /** "Today" (YYYY-MM-DD, Beijing): certificate expiry and record dates are relative to it. */
  today: string;
}

export const DEMO_SIZES = { pingluTargets: 3000, shuochengTargets: 300, marketTargets: 200, sharedWithMarket: 60 } as const;

export function generateDemoData(input: DemoInput): DemoData {
  const clock = new Clock(input.today);
  const codes = new CreditCodes(createRng('credit-codes'));
  const names = new Set<string>();
  const licences = new Licences(clock);
  const pinglu = countyOf('140603', '平鲁区', '平', input.townships['140603'], '6');
  const shuocheng = countyOf('140602', '朔城区', '朔城', input.townships['140602'], '2');

  const pingluTargets = [
    ...businessTargets(createRng('targets:pinglu'), 'pinglu', pinglu, DEMO_SIZES.pingluTargets - PINGLU_PRODUCTS.length - PINGLU_PROJECTS.length, { codes, names, clock, licences }),
    ...productAndProjectTargets(createRng('targets:pinglu:products'), pinglu, clock),
  ];
  const shuochengTargets = businessTargets(createRng('targets:shuocheng'), 'shuocheng', shuocheng, DEMO_SIZES.shuochengTargets, { codes, names, clock, licences });
  const marketTargets = marketSupervisionTargets(createRng('targets:scjg'), pinglu, pingluTargets, { codes, names, clock, licences });

  const inspectors = [
    ...generateInspectors(createRng('inspectors:pinglu'), { departmentKey: 'pinglu', count: 40, certificatePrefix: '140603', regionCodes: pinglu.townships.map((t) => t.code), fixedNames: INSPECTOR_ACCOUNT_NAMES, expired: 6, expiringSoon: 2, inactive: 2 }, clock),
    ...generateInspectors(createRng('inspectors:shuocheng'), { departmentKey: 'shuocheng', count: 12, certificatePrefix: '140602', regionCodes: shuocheng.townships.map((t) => t.code), fixedNames: [], expired: 1, expiringSoon: 0, inactive: 0 }, clock),
    ...generateInspectors(createRng('inspectors:city'), { departmentKey: 'city', count: 8, certificatePrefix: '140600', regionCodes: ['140600'], fixedNames: [], expired: 0, expiringSoon: 1, inactive: 0 }, clock),
  ];

  return {
    departments: DEMO_DEPARTMENTS,
    neighbours: DEMO_NEIGHBOURS.flatMap(([a, b]) => [{ regionCode: a, neighbourCode: b }, { regionCode: b, neighbourCode: a }]),
    users: DEMO_USERS,
    targets: [...pingluTargets, ...shuochengTargets, ...marketTargets],
    inspectors,
    experts: generateExperts(createRng('experts'), clock),
    conflicts: generateConflicts(createRng('conflicts'), inspectors.filter((i) => i.departmentKey === 'pinglu'), pingluTargets, clock),
    items: catalogItems(),
  };
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

/** Calendar arithmetic relative to "today", in Beijing time, with no dependency on the real clock. */
class Clock {
  private readonly todayMs: number;
  constructor(readonly today: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
    this.todayMs = Date.parse(`${today}T00:00:00Z`);
  }
  /** 'YYYY-MM-DD', `days` from today (negative: in the past). */
  date(days: number): string {
    return new Date(this.todayMs + days * DAY_MS).toISOString().slice(0, 10);
  }
  /** A moment `days` ago during office hours (Beijing), for createdAt and the like. */
  momentAgo(rng: Rng, days: number): Date {
    const minutes = rng.int(8 * 60 + 30, 17 * 60 + 30);
    return new Date(this.todayMs - days * DAY_MS + (minutes - 8 * 60) * 60_000);
  }
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Credit codes and licences

/**
 * Issues unique, valid GB 32100 codes: 9 (market regulator) + entity type (1 enterprise,
 * 2 individual business, 3 farmers' cooperative) + the county code + a 9-character organisation code
 * (post-2015 ones begin with MA) + the check character.
 */
class CreditCodes {
  private readonly issued = new Set<string>();
  constructor(private readonly rng: Rng) {}

  issue(type: TargetType, countyCode: string): string {
    const typeDigit = type === TargetType.INDIVIDUAL_BUSINESS ? '2' : type === TargetType.FARMERS_COOPERATIVE ? '3' : '1';
    for (;;) {
      const code = completeCreditCode(`9${typeDigit}${countyCode}${this.organisationCode()}`);
      if (!this.issued.has(code)) {
        this.issued.add(code);
        return code;
      }
    }
  }

  private organisationCode(): string {
    const letters = CREDIT_CODE_ALPHABET;
    const chars = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[this.rng.int(0, alphabet.length - 1)]).join('');
    // Codes issued before the 2015 reform kept the old, mostly numeric organisation code.
    return this.rng.chance(0.75) ? `MA${chars(7, letters)}` : `${chars(8, '0123456789')}${chars(1, letters)}`;
  }
}

type LicenceKind = 'pesticide' | 'seed' | 'vetDrug' | 'feed' | 'fertilizer' | 'animalEpidemic' | 'food';

/** Licence numbers in the formats the issuing offices print, unique per kind. */
class Licences {
  private readonly serials = new Map<LicenceKind, number>();
  constructor(private readonly clock: Clock) {}

  issue(rng: Rng, kind: LicenceKind, county: County): Licence {
    // Most licences are current; a few were left to lapse, which an inspector should notice.
    const daysAgo = rng.chance(0.05) ? rng.int(5 * 365 + 10, 7 * 365) : rng.int(30, 5 * 365 - 60);
    const issued = this.clock.date(-daysAgo);
    const year = issued.slice(0, 4);
    const n = (this.serials.get(kind) ?? 0) + 1;
    this.serials.set(kind, n);
    const pad = (width: number) => String(n).padStart(width, '0');
    const validTo = dayBefore(addYears(issued, 5));
    const { code, abbr } = county;
    switch (kind) {
      case 'pesticide': return { kind: '农药经营许可证', number: `农药经许（晋）${code}${year}${pad(4)}`, validTo };
      case 'seed': return { kind: '农作物种子生产经营许可证', number: `D（晋朔${abbr}）农种许字（${year}）第${pad(4)}号`, validTo };
      case 'vetDrug': return { kind: '兽药经营许可证', number: `（${year}）兽药经营证字${code}${pad(3)}号`, validTo };
      case 'feed': return { kind: '饲料生产许可证', number: `晋饲证（${year}）06${pad(3)}`, validTo };
      case 'fertilizer': return { kind: '肥料登记证', number: `晋农肥（${year}）准字${pad(4)}号`, validTo };
      // Animal epidemic-prevention certificates do not expire; they are reviewed every year.
      case 'animalEpidemic': return { kind: '动物防疫条件合格证', number: `（${abbr}）动防合字第${year}${pad(3)}号`, validTo: null };
      case 'food': return { kind: '食品经营许可证', number: `JY1${code}${pad(6)}${n % 10}`, validTo };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Business targets

interface TownshipWithVillages extends Township {
  short: string;
  villages: string[];
  /** The county seat (or a town district): where shops and companies cluster. */
  urban: boolean;
}

interface County {
  code: string;
  /** 平鲁区 — how the county appears in names and addresses. */
  name: string;
  townships: TownshipWithVillages[];
  /** 平 for 平鲁区, as in licence numbers (晋朔平). */
  abbr: string;
  landlineDigit: string;
}

function countyOf(code: string, name: string, abbr: string, townships: Township[], landlineDigit: string): County {
  if (!townships.length) throw new Error(`no townships for ${code}: the region reference data is missing`);
  const sorted = [...townships].sort((a, b) => a.code.localeCompare(b.code));
  const hasDistricts = sorted.some((t) => t.name.endsWith('街道'));
  return {
    code, name, abbr, landlineDigit,
    townships: sorted.map((t, i) => ({
      ...t,
      short: shortTownship(t.name),
      villages: villagesOf(createRng(`villages:${t.code}`), t.name),
      // 平鲁区 has no 街道: its seat is 井坪镇, the first town by code.
      urban: hasDistricts ? t.name.endsWith('街道') : i === 0,
    })),
  };
}

interface NameParts { county: string; trade: string; village: string; township: string; person: string }

interface Profile {
  weight: number;
  type: TargetType;
  /** Shops and companies sit in town; farms and cooperatives in the villages. */
  urban: boolean;
  name(rng: Rng, p: NameParts): string;
  directories(rng: Rng): SpecialDirectory[];
  licences(rng: Rng, issue: (kind: LicenceKind) => Licence): Licence[];
}

const SD = SpecialDirectory;
const none = () => [] as Licence[];
const maybe = (rng: Rng, p: number, dir: SpecialDirectory) => (rng.chance(p) ? [dir] : []);

const LIVESTOCK = ['肉羊', '肉牛', '奶牛', '生猪', '蛋鸡', '肉驴', '绒山羊'];
const CROPS = ['马铃薯', '杂粮', '莜麦', '胡麻', '蔬菜', '中药材', '红芸豆', '谷子', '玉米'];

/** What kinds of business fill an agriculture bureau's directory here, and how often. */
const AGRICULTURE_PROFILES: readonly Profile[] = [
  {
    weight: 14, type: TargetType.INDIVIDUAL_BUSINESS, urban: true,
    name: (rng, p) => rng.pick([`${p.county}${p.trade}农资经营部`, `${p.county}${p.township}${p.trade}农资门市部`, `${p.county}${p.person}农资店`]),
    directories: (rng) => [SD.PESTICIDE_DEALER, ...maybe(rng, 0.7, SD.FERTILIZER_DEALER), ...maybe(rng, 0.4, SD.SEED_DEALER)],
    licences: (_rng, issue) => [issue('pesticide')],
  },
  {
    weight: 4, type: TargetType.ENTERPRISE, urban: true,
    name: (rng, p) => rng.pick([`朔州市${p.trade}农资有限公司`, `朔州市${p.county}${p.trade}农业科技有限公司`]),
    directories: (rng) => [SD.PESTICIDE_DEALER, SD.FERTILIZER_DEALER, ...maybe(rng, 0.5, SD.SEED_DEALER)],
    licences: (_rng, issue) => [issue('pesticide')],
  },
  {
    weight: 1.5, type: TargetType.ENTERPRISE, urban: true,
    name: (rng, p) => rng.pick([`朔州市${p.trade}种业有限公司`, `山西${p.trade}种业有限公司`]),
    directories: () => [SD.SEED_PRODUCER, SD.SEED_DEALER],
    licences: (_rng, issue) => [issue('seed')],
  },
  {
    weight: 3, type: TargetType.INDIVIDUAL_BUSINESS, urban: true,
    name: (rng, p) => rng.pick([`${p.county}${p.trade}种子经销部`, `${p.county}${p.person}种子门市部`]),
    // Dealers of packaged seed only file (备案); they hold no licence of their own.
    directories: () => [SD.SEED_DEALER],
    licences: none,
  },
  {
    weight: 6, type: TargetType.INDIVIDUAL_BUSINESS, urban: true,
    name: (rng, p) => rng.pick([`${p.county}${p.trade}兽药店`, `${p.county}${p.person}兽药门市部`, `${p.county}${p.township}${p.trade}兽药经销部`]),
    directories: (rng) => [SD.VETERINARY_DRUG_DEALER, ...maybe(rng, 0.25, SD.FEED_DEALER)],
    licences: (_rng, issue) => [issue('vetDrug')],
  },
  {
    weight: 1, type: TargetType.ENTERPRISE, urban: true,
    name: (_rng, p) => `朔州市${p.trade}动物药业有限公司`,
    directories: () => [SD.VETERINARY_DRUG_DEALER],
    licences: (_rng, issue) => [issue('vetDrug')],
  },
  {
    weight: 1.5, type: TargetType.ENTERPRISE, urban: true,
    name: (rng, p) => rng.pick([`朔州市${p.trade}饲料有限公司`, `朔州市${p.county}${p.trade}饲料科技有限公司`]),
    directories: (rng) => [SD.FEED_PRODUCER, ...maybe(rng, 0.3, SD.FEED_DEALER)],
    licences: (_rng, issue) => [issue('feed')],
  },
  {
    weight: 5, type: TargetType.INDIVIDUAL_BUSINESS, urban: true,
    name: (rng, p) => rng.pick([`${p.county}${p.trade}饲料经销部`, `${p.county}${p.township}${p.person}饲料店`]),
    directories: (rng) => [SD.FEED_DEALER, ...maybe(rng, 0.3, SD.VETERINARY_DRUG_DEALER)],
    licences: none,
  },
  {
    weight: 1, type: TargetType.ENTERPRISE, urban: false,
    name: (rng, p) => rng.pick([`朔州市${p.trade}生物有机肥有限公司`, `朔州市${p.trade}肥业有限公司`]),
    directories: (rng) => [SD.FERTILIZER_PRODUCER, ...maybe(rng, 0.3, SD.FERTILIZER_DEALER)],
    licences: (_rng, issue) => [issue('fertilizer')],
  },
  {
    weight: 28, type: TargetType.FARMERS_COOPERATIVE, urban: false,
    name: (rng, p) => rng.pick([`${p.county}${p.village}${rng.pick(LIVESTOCK)}养殖专业合作社`, `${p.county}${p.trade}${rng.pick(LIVESTOCK)}养殖专业合作社`, `${p.county}${p.trade}养殖专业合作社`]),
    directories: (rng) => [SD.FARM_PRODUCE_PRODUCER, ...maybe(rng, 0.05, SD.FEED_DEALER)],
    licences: (rng, issue) => (rng.chance(0.45) ? [issue('animalEpidemic')] : []),
  },
  {
    weight: 20, type: TargetType.FARMERS_COOPERATIVE, urban: false,
    name: (rng, p) => rng.pick([`${p.county}${p.village}${rng.pick(CROPS)}种植专业合作社`, `${p.county}${p.trade}${rng.pick(CROPS)}种植专业合作社`, `${p.county}${p.trade}农机服务专业合作社`]),
    directories: (rng) => [SD.FARM_PRODUCE_PRODUCER, ...maybe(rng, 0.04, SD.SEED_PRODUCER)],
    licences: none,
  },
  {
    weight: 14, type: TargetType.INDIVIDUAL_BUSINESS, urban: false,
    name: (rng, p) => rng.pick([`${p.county}${p.person}家庭农场`, `${p.county}${p.village}${p.trade}家庭农场`]),
    directories: () => [SD.FARM_PRODUCE_PRODUCER],
    licences: (rng, issue) => (rng.chance(0.2) ? [issue('animalEpidemic')] : []),
  },
  {
    weight: 5, type: TargetType.ENTERPRISE, urban: false,
    name: (rng, p) => rng.pick([`朔州市${p.trade}牧业有限公司`, `山西${p.trade}农牧科技有限公司`, `朔州市${p.county}${p.trade}农业开发有限公司`]),
    directories: (rng) => [SD.FARM_PRODUCE_PRODUCER, ...maybe(rng, 0.1, SD.FEED_PRODUCER)],
    licences: (rng, issue) => (rng.chance(0.6) ? [issue('animalEpidemic')] : []),
  },
];

/** What all directories draw from, so credit codes, names and licence numbers never repeat by accident. */
interface Shared { codes: CreditCodes; names: Set<string>; clock: Clock; licences: Licences }

function businessTargets(rng: Rng, departmentKey: DepartmentKey, county: County, count: number, shared: Shared, profiles = AGRICULTURE_PROFILES): DemoTarget[] {
  const issue = (kind: LicenceKind) => shared.licences.issue(rng, kind, county);
  const byWeight = profiles.map((p) => [p, p.weight] as const);
  const targets: DemoTarget[] = [];
  while (targets.length < count) {
    const profile = rng.weighted(byWeight);
    const township = pickTownship(rng, county, profile.urban);
    const village = rng.pick(township.villages);
    const legalRepresentative = personName(rng);
    const name = uniqueName(rng, shared.names, (r) => profile.name(r, { county: county.name, trade: tradeName(r), village: village.replace(/村$/, ''), township: township.short, person: legalRepresentative }));
    if (!name) continue;
    const creditCode = shared.codes.issue(profile.type, county.code);
    const record = recordFields(rng, shared.clock);
    targets.push({
      departmentKey,
      naturalKey: creditCode,
      creditCode,
      name,
      type: profile.type,
      regionCode: township.code,
      address: addressIn(rng, county, township, village, profile.urban),
      ...riskAndStatus(rng),
      specialDirectories: profile.directories(rng),
      licences: profile.licences(rng, issue),
      legalRepresentative,
      phone: rng.chance(0.8) ? mobilePhone(rng) : landline(rng, county.landlineDigit),
      ...record,
    });
  }
  addKeySupervision(rng, targets);
  return targets;
}

function pickTownship(rng: Rng, county: County, urban: boolean): TownshipWithVillages {
  const seats = county.townships.filter((t) => t.urban);
  const rural = county.townships.filter((t) => !t.urban);
  if (urban) return rng.chance(0.55) && seats.length ? rng.pick(seats) : rng.pick(county.townships);
  return rural.length ? rng.pick(rural) : rng.pick(county.townships);
}

function addressIn(rng: Rng, county: County, township: TownshipWithVillages, village: string, urban: boolean): string {
  const prefix = `山西省朔州市${county.name}${township.name}`;
  if (township.urban && urban) return prefix + streetAddress(rng);
  return rng.chance(0.6) ? `${prefix}${village}${rng.int(1, 260)}号` : `${prefix}${village}`;
}

/** A name not used yet; gives up after a few tries (the caller then draws another business). */
function uniqueName(rng: Rng, used: Set<string>, make: (rng: Rng) => string): string | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = make(rng);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  return null;
}

function recordFields(rng: Rng, clock: Clock): Pick<DemoTarget, 'version' | 'createdAt' | 'updatedAt'> {
  const age = rng.int(20, 5 * 365);
  const createdAt = clock.momentAgo(rng, age);
  const updatedAt = rng.chance(0.6) ? createdAt : clock.momentAgo(rng, rng.int(1, age - 1));
  return { version: 1, createdAt, updatedAt };
}

type RiskAndStatus = Pick<DemoTarget, 'status' | 'riskLevel' | 'creditClass' | 'complaintCount' | 'dishonest' | 'seriousViolation'>;

/** Mostly ordinary businesses; the few bad ones cluster (abnormal, complained about, low credit, high risk). */
function riskAndStatus(rng: Rng): RiskAndStatus {
  const status = rng.weighted([[TargetStatus.ACTIVE, 88], [TargetStatus.ABNORMAL_LIST, 5], [TargetStatus.DEREGISTERED, 3], [TargetStatus.CLOSED, 2], [TargetStatus.REVOKED, 1], [TargetStatus.MOVED, 1]]);
  const creditClass = rng.weighted([[CreditClass.A, 55], [CreditClass.B, 37], [CreditClass.C, 6], [CreditClass.D, 2]]);
  const dishonest = creditClass === CreditClass.D ? rng.chance(0.5) : creditClass === CreditClass.C ? rng.chance(0.08) : rng.chance(0.001);
  const seriousViolation = creditClass === CreditClass.D ? rng.chance(0.4) : rng.chance(0.003);
  const complaintCount = rng.weighted([[0, 90], [1, 5], [2, 2.5], [3, 1], [4, 0.5], [6, 0.3], [9, 0.2]]);
  let riskLevel = rng.weighted([[RiskLevel.LOW, 57], [RiskLevel.MEDIUM, 38], [RiskLevel.HIGH, 5]]);
  if (dishonest || seriousViolation || complaintCount >= 3 || (status === TargetStatus.ABNORMAL_LIST && rng.chance(0.4))) riskLevel = RiskLevel.HIGH;
  return { status, riskLevel, creditClass, complaintCount, dishonest, seriousViolation };
}

/**
 * The plan's separate, more heavily sampled library (投诉举报多、列入经营异常名录、严重违法违规): about
 * 5 % of a directory. The clearest cases go in first, then high-risk ones until the share is reached.
 */
function addKeySupervision(rng: Rng, targets: DemoTarget[]): void {
  const quota = Math.round(targets.length * 0.05);
  const mustBe = (t: DemoTarget) => t.dishonest || t.seriousViolation || t.complaintCount >= 3;
  const candidates = [
    ...targets.filter(mustBe),
    ...rng.sample(targets.filter((t) => !mustBe(t) && (t.status === TargetStatus.ABNORMAL_LIST || t.riskLevel === RiskLevel.HIGH)), targets.length),
  ];
  for (const target of candidates.slice(0, Math.max(quota, targets.filter(mustBe).length))) {
    target.specialDirectories = [...target.specialDirectories, SD.KEY_SUPERVISION];
  }
}

// ---------------------------------------------------------------------------------------------
// Products and projects (no credit code: keyed by type|region|name)

/** Farm produce sampled for residues (item PL-NY-002), by the township that grows it. */
const PINGLU_PRODUCTS: readonly (readonly [township: string, product: string])[] = [
  ['井坪镇', '设施蔬菜（番茄、黄瓜）'], ['凤凰城镇', '马铃薯'], ['高石庄乡', '莜麦'], ['阻虎乡', '胡麻'], ['向阳堡乡', '红芸豆'],
  ['白堂乡', '生鲜乳'], ['下面高乡', '肉羊'], ['双碾乡', '鸡蛋'], ['陶村乡', '小杂粮'], ['西水界乡', '中药材（黄芪）'],
];
const PINGLU_PROJECTS: readonly (readonly [township: string, project: string, responsible: string])[] = [
  ['凤凰城镇', '平鲁区高标准农田建设项目（化肥减量增效）', '平鲁区农业农村局'],
  ['井坪镇', '平鲁区马铃薯脱毒种薯繁育基地建设项目', '平鲁区种子管理站'],
  ['榆岭乡', '平鲁区畜禽粪污资源化利用整县推进项目', '平鲁区畜牧兽医发展中心'],
  ['下水头乡', '平鲁区耕地地力保护补贴核查项目', '平鲁区农业农村局'],
  ['白堂乡', '平鲁区农作物病虫害统防统治项目', '平鲁区植保植检站'],
];

function productAndProjectTargets(rng: Rng, county: County, clock: Clock): DemoTarget[] {
  // Falls back to the seat if the region table names a township differently.
  const townshipNamed = (name: string) => county.townships.find((t) => t.name === name) ?? county.townships[0];
  const base = (type: TargetType, township: TownshipWithVillages, name: string, legalRepresentative: string): DemoTarget => ({
    departmentKey: 'pinglu', naturalKey: `${type}|${township.code}|${name}`, creditCode: null, name, type,
    regionCode: township.code, address: `山西省朔州市${county.name}${township.name}`,
    status: TargetStatus.ACTIVE, riskLevel: rng.pick([RiskLevel.LOW, RiskLevel.MEDIUM]), creditClass: CreditClass.A,
    complaintCount: 0, dishonest: false, seriousViolation: false,
    specialDirectories: type === TargetType.PRODUCT ? [SD.FARM_PRODUCE_PRODUCER] : [],
    licences: [], legalRepresentative, phone: landline(rng, county.landlineDigit), ...recordFields(rng, clock),
  });
  return [
    ...PINGLU_PRODUCTS.map(([townshipName, product]) => {
      const township = townshipNamed(townshipName);
      return base(TargetType.PRODUCT, township, `${township.name}${product}`, personName(rng));
    }),
    ...PINGLU_PROJECTS.map(([townshipName, project, responsible]) => base(TargetType.PROJECT, townshipNamed(townshipName), project, `${responsible}（${personName(rng)}）`)),
  ];
}

// ---------------------------------------------------------------------------------------------
// The market-supervision bureau's directory

const MARKET_PROFILES: readonly Profile[] = [
  { weight: 8, type: TargetType.INDIVIDUAL_BUSINESS, urban: true, name: (rng, p) => rng.pick([`${p.county}${p.trade}超市`, `${p.county}${p.trade}便利店`, `${p.county}${p.person}粮油店`]), directories: () => [], licences: (_rng, issue) => [issue('food')] },
  { weight: 3, type: TargetType.INDIVIDUAL_BUSINESS, urban: true, name: (rng, p) => rng.pick([`${p.county}${p.trade}食品经营部`, `${p.county}${p.person}肉铺`]), directories: () => [], licences: (_rng, issue) => [issue('food')] },
  { weight: 2, type: TargetType.ENTERPRISE, urban: true, name: (rng, p) => rng.pick([`朔州市${p.trade}商贸有限公司`, `朔州市${p.county}${p.trade}农贸市场有限公司`]), directories: () => [], licences: (_rng, issue) => [issue('food')] },
];

/**
 * 市场监管 checks some of the same businesses (农资店 sell fertilizer, 饲料 shops are shops): the same
 * credit code sits in both directories, which is what joint checks (进一次门、查多项事) are about.
 */
function marketSupervisionTargets(rng: Rng, county: County, pingluTargets: DemoTarget[], shared: Shared): DemoTarget[] {
  const dealers = pingluTargets.filter((t) => t.creditCode && t.status === TargetStatus.ACTIVE && t.specialDirectories.some((d) => d.endsWith('_DEALER')));
  const copies = rng.sample(dealers, DEMO_SIZES.sharedWithMarket).map((t): DemoTarget => ({
    ...t,
    departmentKey: 'scjg',
    // The market regulator keeps its own assessment and its own libraries.
    riskLevel: rng.pick([RiskLevel.LOW, RiskLevel.MEDIUM, t.riskLevel]),
    specialDirectories: t.specialDirectories.includes(SD.KEY_SUPERVISION) ? [SD.KEY_SUPERVISION] : [],
    licences: [],
    ...recordFields(rng, shared.clock),
  }));
  const own = businessTargets(rng, 'scjg', county, DEMO_SIZES.marketTargets - copies.length, shared, MARKET_PROFILES);
  return [...copies, ...own];
}

// ---------------------------------------------------------------------------------------------
// Inspectors, experts, conflicts of interest

const CATEGORY_CODES = BUILT_IN_CATEGORIES.map((c) => c.code);

interface InspectorPlan {
  departmentKey: DepartmentKey;
  count: number;
  certificatePrefix: string;
  regionCodes: string[];
  fixedNames: readonly string[];
  expired: number;
  expiringSoon: number;
  inactive: number;
}

/**
 * Inspectors with certificate numbers like 14060321001 (county, year of issue, serial). A few
 * certificates have lapsed and two run out within the month, so the "valid certificate only" rule
 * (Art. 21) has something to show.
 */
function generateInspectors(rng: Rng, plan: InspectorPlan, clock: Clock): DemoInspector[] {
  const others = rng.sample(range(plan.fixedNames.length, plan.count), plan.count);
  const expired = new Set(others.slice(0, plan.expired));
  const soon = new Set(others.slice(plan.expired, plan.expired + plan.expiringSoon));
  const inactive = new Set(others.slice(plan.expired + plan.expiringSoon, plan.expired + plan.expiringSoon + plan.inactive));
  const names = new Set<string>();
  return range(0, plan.count).map((i) => {
    let name = plan.fixedNames[i] ?? personName(rng);
    while (names.has(name)) name = personName(rng);
    names.add(name);
    const validTo = expired.has(i) ? clock.date(-rng.int(10, 420)) : soon.has(i) ? clock.date(rng.int(5, 28)) : clock.date(rng.int(90, 1700));
    // Certificates run five years.
    const validFrom = nextDay(addYears(validTo, -5));
    const primary = CATEGORY_CODES[i % CATEGORY_CODES.length];
    const extras = rng.sample(CATEGORY_CODES.filter((c) => c !== primary), rng.weighted([[0, 40], [1, 40], [2, 20]]));
    const record = { createdAt: clock.momentAgo(rng, rng.int(30, 900)) };
    return {
      departmentKey: plan.departmentKey,
      name,
      certificateNumber: `${plan.certificatePrefix}${validFrom.slice(2, 4)}${String(i + 1).padStart(3, '0')}`,
      certificateValidFrom: validFrom,
      certificateValidTo: validTo,
      specialties: CATEGORY_CODES.filter((c) => c === primary || extras.includes(c)),
      // Those at the bureau sit in the county seat; township stations cover the rest.
      regionCode: i < 2 || rng.chance(0.4) ? plan.regionCodes[0] : rng.pick(plan.regionCodes),
      phone: mobilePhone(rng),
      active: !inactive.has(i),
      version: 1,
      createdAt: record.createdAt,
      updatedAt: record.createdAt,
    };
  });
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

const EXPERT_POSTS: readonly (readonly [departmentKey: DepartmentKey, organisation: string, specialty: string, areaCode: string])[] = [
  ['pinglu', '山西农业大学植物保护学院', '植物保护与农药学', '0354'],
  ['pinglu', '山西农业大学动物医学学院', '兽医药理与毒理', '0354'],
  ['pinglu', '山西农业大学资源环境学院', '土壤肥料', '0354'],
  ['pinglu', '山西农业大学农学院', '作物遗传育种与种子科学', '0354'],
  ['pinglu', '山西省农业科学院高寒区作物研究所', '马铃薯育种与种薯质量', '0352'],
  ['pinglu', '朔州市农产品质量安全检验检测中心', '农药残留检测', '0349'],
  ['pinglu', '朔州市农产品质量安全检验检测中心', '兽药残留检测', '0349'],
  ['pinglu', '朔州市动物疫病预防控制中心', '动物防疫与兽药使用', '0349'],
  ['pinglu', '山西省饲料兽药监察所', '饲料质量安全检测', '0351'],
  ['pinglu', '山西省农药检定所', '农药登记与质量检验', '0351'],
  ['pinglu', '山西省农业种子总站', '种子质量检验', '0351'],
  ['pinglu', '山西省土壤肥料工作站', '肥料质量检验', '0351'],
  ['city', '山西农业大学食品科学与工程学院', '农产品质量安全', '0354'],
  ['city', '朔州市农业技术推广站', '种子质量检验', '0349'],
  ['city', '朔州市畜牧兽医服务中心', '饲料与兽药监管', '0349'],
];

function generateExperts(rng: Rng, clock: Clock): DemoExpert[] {
  const used = new Set<string>();
  return EXPERT_POSTS.map(([departmentKey, organisation, specialty, areaCode]) => {
    let name = personName(rng);
    while (used.has(name)) name = personName(rng);
    used.add(name);
    const createdAt = clock.momentAgo(rng, rng.int(60, 800));
    const phone = rng.chance(0.6) ? mobilePhone(rng) : `${areaCode}-${rng.int(2000000, 7999999)}`;
    return { departmentKey, naturalKey: `${name}|${organisation}`, name, organisation, specialty, phone, active: true, version: 1, createdAt, updatedAt: createdAt };
  });
}

const CONFLICT_REASONS = [
  '配偶在该企业任职',
  '曾在该企业工作（离职未满三年）',
  '与法定代表人系亲属关系',
  '与法定代表人系近亲属（兄弟姐妹）',
  '子女在该企业担任会计',
  '与法定代表人存在借贷等经济往来',
];
const COOPERATIVE_REASONS = ['本人系该合作社成员（出资入社）', '配偶系该合作社理事'];

/** About ten declared conflicts, mostly with businesses in the inspector's own township, where they arise. */
function generateConflicts(rng: Rng, inspectors: DemoInspector[], targets: DemoTarget[], clock: Clock): DemoConflict[] {
  const businesses = targets.filter((t) => t.creditCode && t.status === TargetStatus.ACTIVE);
  const declarers = [inspectors[0], ...rng.sample(inspectors.slice(1).filter((i) => i.active), 8)];
  const pairs = new Set<string>();
  const conflicts: DemoConflict[] = [];
  for (const inspector of [...declarers, declarers[1]]) {
    const near = businesses.filter((t) => t.regionCode === inspector.regionCode);
    const target = rng.pick(near.length ? near : businesses);
    const pair = `${inspector.certificateNumber}|${target.naturalKey}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    conflicts.push({
      certificateNumber: inspector.certificateNumber, targetDepartmentKey: target.departmentKey, targetNaturalKey: target.naturalKey,
      reason: rng.pick(target.type === TargetType.FARMERS_COOPERATIVE ? [...COOPERATIVE_REASONS, ...CONFLICT_REASONS.slice(2)] : CONFLICT_REASONS), declaredAt: clock.momentAgo(rng, rng.int(10, 600)),
    });
  }
  return conflicts;
}

// ---------------------------------------------------------------------------------------------
// Catalog

function catalogItems(): DemoItem[] {
  return DEMO_CATALOG.map((spec) => ({
    departmentKey: 'pinglu',
    code: spec.code,
    versions: spec.versions.map(({ createdAt, ...content }, i) => ({
      ...content,
      version: i + 1,
      createdAt: new Date(createdAt),
      createdByUsername: 'pinglu.planner',
    })),
  }));
}
