/**
 * The domain's closed vocabularies, with the words offices use for them. The Chinese labels are what
 * the spreadsheets say (import accepts them and the English code names), and what the UI shows.
 */
export type Labels<T extends string> = Record<T, { zh: string; en: string; aliases?: string[] }>;

export enum RegionLevel { PROVINCE = 'PROVINCE', CITY = 'CITY', COUNTY = 'COUNTY', TOWNSHIP = 'TOWNSHIP' }
export const regionLevelLabels: Labels<RegionLevel> = {
  PROVINCE: { zh: '省级', en: 'Province', aliases: ['省'] },
  CITY: { zh: '市级', en: 'City', aliases: ['市'] },
  COUNTY: { zh: '县级', en: 'County', aliases: ['县', '区', '县（区）'] },
  TOWNSHIP: { zh: '乡镇', en: 'Township', aliases: ['乡', '镇', '街道'] },
};

export enum DepartmentKind {
  AGRICULTURE = 'AGRICULTURE',
  MARKET_SUPERVISION = 'MARKET_SUPERVISION',
  JUSTICE = 'JUSTICE',
  DISCIPLINE_INSPECTION = 'DISCIPLINE_INSPECTION',
  ECOLOGY_ENVIRONMENT = 'ECOLOGY_ENVIRONMENT',
  NATURAL_RESOURCES = 'NATURAL_RESOURCES',
  HEALTH = 'HEALTH',
  OTHER = 'OTHER',
}
export const departmentKindLabels: Labels<DepartmentKind> = {
  AGRICULTURE: { zh: '农业农村', en: 'Agriculture and rural affairs' },
  MARKET_SUPERVISION: { zh: '市场监管', en: 'Market supervision' },
  JUSTICE: { zh: '司法行政', en: 'Justice' },
  DISCIPLINE_INSPECTION: { zh: '纪检监察', en: 'Discipline inspection' },
  ECOLOGY_ENVIRONMENT: { zh: '生态环境', en: 'Ecology and environment' },
  NATURAL_RESOURCES: { zh: '自然资源', en: 'Natural resources' },
  HEALTH: { zh: '卫生健康', en: 'Health' },
  OTHER: { zh: '其他', en: 'Other' },
};

export enum Role {
  ADMINISTRATOR = 'ADMINISTRATOR',
  PLANNER = 'PLANNER',
  DRAW_OPERATOR = 'DRAW_OPERATOR',
  INSPECTOR = 'INSPECTOR',
  REVIEWING_LEADER = 'REVIEWING_LEADER',
  WITNESS = 'WITNESS',
  SUPERVISOR = 'SUPERVISOR',
}
export const roleLabels: Labels<Role> = {
  ADMINISTRATOR: { zh: '系统管理员', en: 'Administrator' },
  PLANNER: { zh: '计划制定人员', en: 'Planner' },
  DRAW_OPERATOR: { zh: '摇号操作员', en: 'Draw operator' },
  INSPECTOR: { zh: '执法检查人员', en: 'Inspector' },
  REVIEWING_LEADER: { zh: '审核领导', en: 'Reviewing leader' },
  WITNESS: { zh: '见证人', en: 'Witness' },
  SUPERVISOR: { zh: '监督人员', en: 'Supervisor' },
};

export enum TargetType {
  ENTERPRISE = 'ENTERPRISE',
  FARMERS_COOPERATIVE = 'FARMERS_COOPERATIVE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  FOREIGN_ENTERPRISE = 'FOREIGN_ENTERPRISE',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  INSTITUTION = 'INSTITUTION',
  PRODUCT = 'PRODUCT',
  PROJECT = 'PROJECT',
  BEHAVIOUR = 'BEHAVIOUR',
}
export const targetTypeLabels: Labels<TargetType> = {
  ENTERPRISE: { zh: '企业', en: 'Enterprise', aliases: ['公司', '企业法人'] },
  FARMERS_COOPERATIVE: { zh: '农民专业合作社', en: "Farmers' cooperative", aliases: ['合作社'] },
  INDIVIDUAL_BUSINESS: { zh: '个体工商户', en: 'Individual business', aliases: ['个体户'] },
  FOREIGN_ENTERPRISE: { zh: '外商投资企业', en: 'Foreign-invested enterprise', aliases: ['外资企业'] },
  SOCIAL_ORGANISATION: { zh: '社会组织', en: 'Social organisation' },
  INSTITUTION: { zh: '事业单位', en: 'Public institution', aliases: ['机关事业单位'] },
  PRODUCT: { zh: '产品', en: 'Product' },
  PROJECT: { zh: '项目', en: 'Project' },
  BEHAVIOUR: { zh: '行为', en: 'Behaviour' },
};
/** Types that are registered market entities and so must carry a credit code; the others may have none. */
export const TYPES_REQUIRING_CREDIT_CODE: ReadonlySet<TargetType> = new Set([
  TargetType.ENTERPRISE, TargetType.FARMERS_COOPERATIVE, TargetType.FOREIGN_ENTERPRISE,
  TargetType.SOCIAL_ORGANISATION, TargetType.INSTITUTION,
]);

export enum TargetStatus {
  ACTIVE = 'ACTIVE',
  ABNORMAL_LIST = 'ABNORMAL_LIST',
  DEREGISTERED = 'DEREGISTERED',
  REVOKED = 'REVOKED',
  MOVED = 'MOVED',
  CLOSED = 'CLOSED',
}
export const targetStatusLabels: Labels<TargetStatus> = {
  ACTIVE: { zh: '存续', en: 'Active', aliases: ['在业', '正常', '开业', '存续（在营、开业、在册）'] },
  ABNORMAL_LIST: { zh: '列入经营异常名录', en: 'On the abnormal-operation list', aliases: ['经营异常', '异常'] },
  DEREGISTERED: { zh: '注销', en: 'Deregistered', aliases: ['已注销'] },
  REVOKED: { zh: '吊销', en: 'Revoked', aliases: ['已吊销', '被吊销', '撤销', '被撤销'] },
  MOVED: { zh: '迁出', en: 'Moved away', aliases: ['已迁出'] },
  CLOSED: { zh: '停业或清算', en: 'Closed or liquidating', aliases: ['停业', '清算', '已关闭', '关闭'] },
};

export enum RiskLevel { LOW = 'LOW', MEDIUM = 'MEDIUM', HIGH = 'HIGH' }
export const riskLevelLabels: Labels<RiskLevel> = {
  LOW: { zh: '低风险', en: 'Low', aliases: ['低'] },
  MEDIUM: { zh: '一般风险', en: 'Medium', aliases: ['中', '一般', '中风险'] },
  HIGH: { zh: '高风险', en: 'High', aliases: ['高', '较高'] },
};

export enum CreditClass { A = 'A', B = 'B', C = 'C', D = 'D' }
export const creditClassLabels: Labels<CreditClass> = {
  A: { zh: 'A类（守信）', en: 'A (trustworthy)', aliases: ['A类'] },
  B: { zh: 'B类（基本守信）', en: 'B (mostly trustworthy)', aliases: ['B类'] },
  C: { zh: 'C类（失信）', en: 'C (untrustworthy)', aliases: ['C类'] },
  D: { zh: 'D类（严重失信）', en: 'D (seriously untrustworthy)', aliases: ['D类'] },
};

export enum SpecialDirectory {
  SEED_PRODUCER = 'SEED_PRODUCER',
  SEED_DEALER = 'SEED_DEALER',
  PESTICIDE_PRODUCER = 'PESTICIDE_PRODUCER',
  PESTICIDE_DEALER = 'PESTICIDE_DEALER',
  FERTILIZER_PRODUCER = 'FERTILIZER_PRODUCER',
  FERTILIZER_DEALER = 'FERTILIZER_DEALER',
  VETERINARY_DRUG_PRODUCER = 'VETERINARY_DRUG_PRODUCER',
  VETERINARY_DRUG_DEALER = 'VETERINARY_DRUG_DEALER',
  FEED_PRODUCER = 'FEED_PRODUCER',
  FEED_DEALER = 'FEED_DEALER',
  FARM_PRODUCE_PRODUCER = 'FARM_PRODUCE_PRODUCER',
  KEY_SUPERVISION = 'KEY_SUPERVISION',
}
export const specialDirectoryLabels: Labels<SpecialDirectory> = {
  SEED_PRODUCER: { zh: '种子生产企业', en: 'Seed producers', aliases: ['种子生产'] },
  SEED_DEALER: { zh: '种子经营者', en: 'Seed dealers', aliases: ['种子经营'] },
  PESTICIDE_PRODUCER: { zh: '农药生产企业', en: 'Pesticide producers', aliases: ['农药生产'] },
  PESTICIDE_DEALER: { zh: '农药经营者', en: 'Pesticide dealers', aliases: ['农药经营'] },
  FERTILIZER_PRODUCER: { zh: '肥料生产企业', en: 'Fertilizer producers', aliases: ['肥料生产'] },
  FERTILIZER_DEALER: { zh: '肥料经营者', en: 'Fertilizer dealers', aliases: ['肥料经营'] },
  VETERINARY_DRUG_PRODUCER: { zh: '兽药生产企业', en: 'Veterinary-drug producers', aliases: ['兽药生产'] },
  VETERINARY_DRUG_DEALER: { zh: '兽药经营者', en: 'Veterinary-drug dealers', aliases: ['兽药经营'] },
  FEED_PRODUCER: { zh: '饲料生产企业', en: 'Feed producers', aliases: ['饲料生产'] },
  FEED_DEALER: { zh: '饲料经营者', en: 'Feed dealers', aliases: ['饲料经营'] },
  FARM_PRODUCE_PRODUCER: { zh: '农产品生产主体', en: 'Farm-produce producers', aliases: ['农产品生产'] },
  KEY_SUPERVISION: { zh: '重点监管对象库', en: 'Key supervision library', aliases: ['重点监管'] },
};

export enum ItemKind { GENERAL = 'GENERAL', KEY = 'KEY' }
export const itemKindLabels: Labels<ItemKind> = {
  GENERAL: { zh: '一般检查事项', en: 'General', aliases: ['一般'] },
  KEY: { zh: '重点检查事项', en: 'Key', aliases: ['重点'] },
};

export enum CheckMethod {
  WRITTEN = 'WRITTEN',
  ON_SITE = 'ON_SITE',
  ONLINE_MONITORING = 'ONLINE_MONITORING',
  SAMPLING_TESTING = 'SAMPLING_TESTING',
  OFF_SITE = 'OFF_SITE',
}
export const checkMethodLabels: Labels<CheckMethod> = {
  WRITTEN: { zh: '书面检查', en: 'Written check' },
  ON_SITE: { zh: '实地核查', en: 'On-site check', aliases: ['现场检查'] },
  ONLINE_MONITORING: { zh: '网络监测', en: 'Online monitoring' },
  SAMPLING_TESTING: { zh: '抽样检测', en: 'Sampling and testing', aliases: ['抽样检验'] },
  OFF_SITE: { zh: '非现场监管', en: 'Off-site supervision', aliases: ['非现场检查'] },
};

/** The six categories of the Pinglu plan; departments may add more. */
export const BUILT_IN_CATEGORIES = [
  { code: 'FARM_PRODUCT_SAFETY', zh: '农产品质量安全', en: 'Farm-product quality and safety' },
  { code: 'PESTICIDES', zh: '农药', en: 'Pesticides' },
  { code: 'FERTILIZERS', zh: '肥料', en: 'Fertilizers' },
  { code: 'SEEDS', zh: '种子', en: 'Seeds' },
  { code: 'VETERINARY_DRUGS', zh: '兽药', en: 'Veterinary drugs' },
  { code: 'FEED', zh: '饲料', en: 'Feed' },
] as const;

/** Resolves an office's word (Chinese label, alias or code name) to the enum value. */
export function labelLookup<T extends string>(labels: Labels<T>): (word: string) => T | undefined {
  const index = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as [T, Labels<T>[T]][]) {
    index.set(value.toUpperCase(), value);
    index.set(label.zh, value);
    index.set(label.en.toUpperCase(), value);
    for (const alias of label.aliases ?? []) index.set(alias, value);
  }
  return (word) => index.get(word.trim()) ?? index.get(word.trim().toUpperCase());
}
