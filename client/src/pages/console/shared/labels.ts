import type {
  CheckMethod, CreditClass, DepartmentKind, DrawStatus, FilingRecipient, FilingState, ImportStatus, ItemKind, MemberChangeKind, MemberChangeStatus,
  ParticipantStatus, PlanStatus, PlanWarningKind, RatioSource, RegionLevel, RiskLevel, SpecialDirectory, TargetStatus, TargetType, TaskKind, TeamDrawKind,
  UnstaffedReason, VisitMemberRole, VisitMemberSource, VisitStatus,
} from '../../../gql/graphql';
import { defineMessages } from '../../../i18n';

/**
 * The names users read for the hub's enums, worded as the import sheets and the rules word them
 * (server/domain/vocabulary.ts), so a value looks the same on screen and in a spreadsheet.
 */
export const targetTypeLabels = defineMessages<TargetType>(
  {
    ENTERPRISE: '企业', FARMERS_COOPERATIVE: '农民专业合作社', INDIVIDUAL_BUSINESS: '个体工商户', FOREIGN_ENTERPRISE: '外商投资企业',
    SOCIAL_ORGANISATION: '社会组织', INSTITUTION: '事业单位', PRODUCT: '产品', PROJECT: '项目', BEHAVIOUR: '行为',
  },
  {
    ENTERPRISE: 'Enterprise', FARMERS_COOPERATIVE: "Farmers' cooperative", INDIVIDUAL_BUSINESS: 'Individual business',
    FOREIGN_ENTERPRISE: 'Foreign-invested enterprise', SOCIAL_ORGANISATION: 'Social organisation', INSTITUTION: 'Public institution',
    PRODUCT: 'Product', PROJECT: 'Project', BEHAVIOUR: 'Behaviour',
  },
);

export const targetStatusLabels = defineMessages<TargetStatus>(
  { ACTIVE: '存续', ABNORMAL_LIST: '列入经营异常名录', DEREGISTERED: '注销', REVOKED: '吊销', MOVED: '迁出', CLOSED: '停业或清算' },
  { ACTIVE: 'Active', ABNORMAL_LIST: 'On the abnormal-operation list', DEREGISTERED: 'Deregistered', REVOKED: 'Revoked', MOVED: 'Moved away', CLOSED: 'Closed or liquidating' },
);

export const riskLevelLabels = defineMessages<RiskLevel>(
  { LOW: '低风险', MEDIUM: '一般风险', HIGH: '高风险' },
  { LOW: 'Low risk', MEDIUM: 'Medium risk', HIGH: 'High risk' },
);

export const creditClassLabels = defineMessages<CreditClass>(
  { A: 'A类（守信）', B: 'B类（基本守信）', C: 'C类（失信）', D: 'D类（严重失信）' },
  { A: 'A (trustworthy)', B: 'B (mostly trustworthy)', C: 'C (untrustworthy)', D: 'D (seriously untrustworthy)' },
);

export const specialDirectoryLabels = defineMessages<SpecialDirectory>(
  {
    SEED_PRODUCER: '种子生产企业', SEED_DEALER: '种子经营者', PESTICIDE_PRODUCER: '农药生产企业', PESTICIDE_DEALER: '农药经营者',
    FERTILIZER_PRODUCER: '肥料生产企业', FERTILIZER_DEALER: '肥料经营者', VETERINARY_DRUG_PRODUCER: '兽药生产企业',
    VETERINARY_DRUG_DEALER: '兽药经营者', FEED_PRODUCER: '饲料生产企业', FEED_DEALER: '饲料经营者',
    FARM_PRODUCE_PRODUCER: '农产品生产主体', KEY_SUPERVISION: '重点监管对象库',
  },
  {
    SEED_PRODUCER: 'Seed producers', SEED_DEALER: 'Seed dealers', PESTICIDE_PRODUCER: 'Pesticide producers', PESTICIDE_DEALER: 'Pesticide dealers',
    FERTILIZER_PRODUCER: 'Fertilizer producers', FERTILIZER_DEALER: 'Fertilizer dealers', VETERINARY_DRUG_PRODUCER: 'Veterinary-drug producers',
    VETERINARY_DRUG_DEALER: 'Veterinary-drug dealers', FEED_PRODUCER: 'Feed producers', FEED_DEALER: 'Feed dealers',
    FARM_PRODUCE_PRODUCER: 'Farm-produce producers', KEY_SUPERVISION: 'Key supervision library',
  },
);

export const itemKindLabels = defineMessages<ItemKind>({ GENERAL: '一般检查事项', KEY: '重点检查事项' }, { GENERAL: 'General item', KEY: 'Key item' });

export const checkMethodLabels = defineMessages<CheckMethod>(
  { WRITTEN: '书面检查', ON_SITE: '实地核查', ONLINE_MONITORING: '网络监测', SAMPLING_TESTING: '抽样检测', OFF_SITE: '非现场监管' },
  { WRITTEN: 'Written check', ON_SITE: 'On-site check', ONLINE_MONITORING: 'Online monitoring', SAMPLING_TESTING: 'Sampling and testing', OFF_SITE: 'Off-site supervision' },
);

export const regionLevelLabels = defineMessages<RegionLevel>(
  { PROVINCE: '省级', CITY: '市级', COUNTY: '县级', TOWNSHIP: '乡镇' },
  { PROVINCE: 'Province', CITY: 'City', COUNTY: 'County', TOWNSHIP: 'Township' },
);

export const importStatusLabels = defineMessages<ImportStatus>(
  { WAITING_FOR_FILE: '等待上传文件', RUNNING: '正在导入', SUCCEEDED: '导入成功', PARTIALLY_SUCCEEDED: '部分导入（错误行未导入）', REJECTED: '有错误行，整个文件未导入', FAILED: '导入失败' },
  { WAITING_FOR_FILE: 'Waiting for the file', RUNNING: 'Importing', SUCCEEDED: 'Imported', PARTIALLY_SUCCEEDED: 'Partly imported (bad rows left out)', REJECTED: 'Bad rows found: nothing was imported', FAILED: 'Import failed' },
);

export const planStatusLabels = defineMessages<PlanStatus>(
  { DRAFT: '草稿', ADOPTED: '已印发，待备案', FILED: '已备案' },
  { DRAFT: 'Draft', ADOPTED: 'Adopted, filing pending', FILED: 'Filed' },
);

export const filingStateLabels = defineMessages<FilingState>(
  { NOT_ADOPTED: '未印发', PENDING: '备案期内，尚未全部备案', OVERDUE: '已逾期未备案', FILED_ON_TIME: '已按期备案', FILED_LATE: '已备案（逾期）' },
  { NOT_ADOPTED: 'Not adopted yet', PENDING: 'Within the filing period, not yet filed everywhere', OVERDUE: 'Overdue: not filed', FILED_ON_TIME: 'Filed on time', FILED_LATE: 'Filed late' },
);

export const filingRecipientLabels = defineMessages<FilingRecipient>(
  { JUSTICE: '同级司法行政部门', MARKET_SUPERVISION: '同级市场监管部门', UPPER_AGRICULTURE: '上级农业农村部门' },
  { JUSTICE: 'Justice department (same level)', MARKET_SUPERVISION: 'Market supervision (same level)', UPPER_AGRICULTURE: 'Upper agriculture department' },
);

export const planWarningKindLabels = defineMessages<PlanWarningKind>(
  { UNCOVERED_ITEM: '事项未覆盖', BELOW_MIN_RATIO: '低于最低比例', ABOVE_RATIO_CAP: '超过比例上限', BELOW_MIN_ROUNDS: '频次不足', EMPTY_SCOPE: '范围内无检查对象' },
  { UNCOVERED_ITEM: 'Item not covered', BELOW_MIN_RATIO: 'Below the minimum ratio', ABOVE_RATIO_CAP: 'Above the ratio cap', BELOW_MIN_ROUNDS: 'Too few rounds', EMPTY_SCOPE: 'No targets in scope' },
);

export const ratioSourceLabels = defineMessages<RatioSource>(
  { DEPARTMENT_DEFAULT: '本部门默认比例', ITEM: '事项清单规定', OVERRIDE: '单项例外规定' },
  { DEPARTMENT_DEFAULT: 'Department default', ITEM: 'The catalog item', OVERRIDE: 'Per-item exception' },
);

export const taskKindLabels = defineMessages<TaskKind>(
  { PLANNED: '计划内任务', DIRECTED: '定向检查' },
  { PLANNED: 'Planned task', DIRECTED: 'Directed check' },
);

export const drawStatusLabels = defineMessages<DrawStatus>(
  { SCHEDULED: '已编排', OPEN: '见证中', DRAWING: '摇号中', COMPLETED: '已完成', LOCKED: '已锁定', ANNOUNCED: '已公告', VOIDED: '已作废' },
  { SCHEDULED: 'Scheduled', OPEN: 'Open to witnesses', DRAWING: 'Drawing', COMPLETED: 'Completed', LOCKED: 'Locked', ANNOUNCED: 'Announced', VOIDED: 'Voided' },
);

export const visitStatusLabels = defineMessages<VisitStatus>(
  { PENDING_TEAM: '待抽取检查组', STAFFED: '已组建检查组', UNSTAFFED: '检查组未配齐', DONE: '已完成', CANCELLED: '已取消' },
  { PENDING_TEAM: 'Waiting for a team', STAFFED: 'Team formed', UNSTAFFED: 'Team not complete', DONE: 'Done', CANCELLED: 'Cancelled' },
);

export const participantStatusLabels = defineMessages<ParticipantStatus>(
  { INVITED: '待确认', CONFIRMED: '已确认参加', DECLINED: '已拒绝', WITHDRAWN: '已退出' },
  { INVITED: 'Invited', CONFIRMED: 'Confirmed', DECLINED: 'Declined', WITHDRAWN: 'Withdrawn' },
);

export const visitMemberRoleLabels = defineMessages<VisitMemberRole>(
  { LEADER: '组长', MEMBER: '组员' },
  { LEADER: 'Leader', MEMBER: 'Member' },
);

export const visitMemberSourceLabels = defineMessages<VisitMemberSource>(
  { DRAWN: '随机抽取', APPOINTED: '直接指定', CROSS_REGION: '跨区域匹配', REPLACEMENT: '更换补抽', SWAPPED: '回避互换' },
  { DRAWN: 'Drawn', APPOINTED: 'Appointed', CROSS_REGION: 'Cross-region match', REPLACEMENT: 'Replacement', SWAPPED: 'Swapped (recusal)' },
);

export const memberChangeKindLabels = defineMessages<MemberChangeKind>(
  { REPLACE: '更换', RECUSE_LEAVE: '回避（退出并补抽）', RECUSE_SWAP: '回避（互换检查对象）' },
  { REPLACE: 'Replacement', RECUSE_LEAVE: 'Recusal (leave and be replaced)', RECUSE_SWAP: 'Recusal (swap targets)' },
);

export const memberChangeStatusLabels = defineMessages<MemberChangeStatus>(
  { REQUESTED: '待审批', APPROVED: '已批准', REJECTED: '已驳回' },
  { REQUESTED: 'Awaiting approval', APPROVED: 'Approved', REJECTED: 'Rejected' },
);

export const teamDrawKindLabels = defineMessages<TeamDrawKind>(
  { TEAMS: '检查组抽取', CROSS_REGION: '跨区域联合匹配', REPLACEMENT: '更换补抽', EXPERT: '专家抽取' },
  { TEAMS: 'Team draw', CROSS_REGION: 'Cross-region matching', REPLACEMENT: 'Replacement draw', EXPERT: 'Expert draw' },
);

export const unstaffedReasonLabels = defineMessages<UnstaffedReason>(
  { TOO_FEW_ELIGIBLE: '符合条件的人员不足', GROUP_NOT_COVERED: '专业或部门无法覆盖', CAPACITY_EXHAUSTED: '人员任务量已满' },
  {
    TOO_FEW_ELIGIBLE: 'Too few eligible inspectors', GROUP_NOT_COVERED: 'A specialty or department cannot be covered',
    CAPACITY_EXHAUSTED: 'Inspectors at their workload limit',
  },
);

export const departmentKindLabels = defineMessages<DepartmentKind>(
  {
    AGRICULTURE: '农业农村', MARKET_SUPERVISION: '市场监管', JUSTICE: '司法行政', DISCIPLINE_INSPECTION: '纪检监察', ECOLOGY_ENVIRONMENT: '生态环境',
    NATURAL_RESOURCES: '自然资源', HEALTH: '卫生健康', OTHER: '其他',
  },
  {
    AGRICULTURE: 'Agriculture and rural affairs', MARKET_SUPERVISION: 'Market supervision', JUSTICE: 'Justice',
    DISCIPLINE_INSPECTION: 'Discipline inspection', ECOLOGY_ENVIRONMENT: 'Ecology and environment', NATURAL_RESOURCES: 'Natural resources',
    HEALTH: 'Health', OTHER: 'Other',
  },
);

/** Every value of an enum, in the order its labels are written. */
export const valuesOf = <K extends string>(labels: { zh: Record<K, string> }): K[] => Object.keys(labels.zh) as K[];
