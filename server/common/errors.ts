/**
 * Every error a client can see carries one of these codes (in `extensions.code`), a message in the
 * caller's language (Simplified Chinese by default, English with `Accept-Language: en`) and, where it
 * helps, `extensions.details`. The codes are stable: clients branch on them, never on messages.
 * docs/errors.md lists them all; a unit test keeps that list and this enum in step.
 */
export enum ErrorCode {
  // Request and authentication
  BAD_REQUEST = 'BAD_REQUEST',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_LOGIN_ATTEMPTS = 'TOO_MANY_LOGIN_ATTEMPTS',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  CONFLICT = 'CONFLICT',
  STALE_VERSION = 'STALE_VERSION',
  INTERNAL = 'INTERNAL',
  // Organisation
  UNKNOWN_REGION = 'UNKNOWN_REGION',
  INVALID_REGION_CODE = 'INVALID_REGION_CODE',
  DUPLICATE_USERNAME = 'DUPLICATE_USERNAME',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  // Directories and catalog
  INVALID_CREDIT_CODE = 'INVALID_CREDIT_CODE',
  CREDIT_CODE_REQUIRED = 'CREDIT_CODE_REQUIRED',
  DUPLICATE_TARGET = 'DUPLICATE_TARGET',
  DUPLICATE_CERTIFICATE = 'DUPLICATE_CERTIFICATE',
  CERTIFICATE_DATES_REVERSED = 'CERTIFICATE_DATES_REVERSED',
  INVALID_DATE = 'INVALID_DATE',
  DUPLICATE_ITEM_CODE = 'DUPLICATE_ITEM_CODE',
  UNKNOWN_CATEGORY = 'UNKNOWN_CATEGORY',
  RATIO_BOUNDS_INVALID = 'RATIO_BOUNDS_INVALID',
  // Import and export
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  EMPTY_FILE = 'EMPTY_FILE',
  IMPORT_HAS_ERRORS = 'IMPORT_HAS_ERRORS',
  // Tasks and draws
  UNKNOWN_ITEM = 'UNKNOWN_ITEM',
  UNKNOWN_PLAN_BATCH = 'UNKNOWN_PLAN_BATCH',
  ITEM_NOT_IN_PLAN = 'ITEM_NOT_IN_PLAN',
  INVALID_SEGMENT = 'INVALID_SEGMENT',
  EMPTY_POOL = 'EMPTY_POOL',
  COUNT_ABOVE_POOL = 'COUNT_ABOVE_POOL',
  RATIO_OVER_CAP = 'RATIO_OVER_CAP',
  INVALID_STATE_TRANSITION = 'INVALID_STATE_TRANSITION',
  ENTROPY_WINDOW_CLOSED = 'ENTROPY_WINDOW_CLOSED',
  ENTROPY_WINDOW_NOT_CLOSED = 'ENTROPY_WINDOW_NOT_CLOSED',
  INVALID_ENTROPY = 'INVALID_ENTROPY',
  BEACON_REQUIRED = 'BEACON_REQUIRED',
  INVITE_INVALID = 'INVITE_INVALID',
  INVITE_EXPIRED = 'INVITE_EXPIRED',
  INVITE_FOR_OTHER_DRAW = 'INVITE_FOR_OTHER_DRAW',
  DRAW_NOT_COMPLETE = 'DRAW_NOT_COMPLETE',
  DRAW_NOT_REVEALED = 'DRAW_NOT_REVEALED',
  // Annual plans
  DUPLICATE_PLAN = 'DUPLICATE_PLAN',
  PLAN_VERSION_LOCKED = 'PLAN_VERSION_LOCKED',
  PLAN_DRAFT_PENDING = 'PLAN_DRAFT_PENDING',
  PLAN_HAS_NO_BATCHES = 'PLAN_HAS_NO_BATCHES',
  PLAN_VERSION_NOT_ADOPTED = 'PLAN_VERSION_NOT_ADOPTED',
  BATCH_WINDOW_REVERSED = 'BATCH_WINDOW_REVERSED',
  BATCH_OUTSIDE_PLAN_YEAR = 'BATCH_OUTSIDE_PLAN_YEAR',
  LEVEL_SPLIT_INVALID = 'LEVEL_SPLIT_INVALID',
  INVALID_REGIONAL_WEIGHT = 'INVALID_REGIONAL_WEIGHT',
  REGION_OUTSIDE_JURISDICTION = 'REGION_OUTSIDE_JURISDICTION',
  PLAN_DATE_INVALID = 'PLAN_DATE_INVALID',
  DUPLICATE_FILING = 'DUPLICATE_FILING',
  FILING_RECIPIENT_MISMATCH = 'FILING_RECIPIENT_MISMATCH',
  // Visits (merged tasks)
  WINDOWS_DO_NOT_OVERLAP = 'WINDOWS_DO_NOT_OVERLAP',
  VISIT_TARGETS_DIFFER = 'VISIT_TARGETS_DIFFER',
  VISIT_CLOSED = 'VISIT_CLOSED',
  TASK_NOT_IN_VISIT = 'TASK_NOT_IN_VISIT',
  VISIT_HAS_ONE_TASK = 'VISIT_HAS_ONE_TASK',
  // Joint tasks (联合抽查)
  PARTICIPANT_NOT_CONFIRMED = 'PARTICIPANT_NOT_CONFIRMED',
  PARTICIPANT_LOCKED_IN = 'PARTICIPANT_LOCKED_IN',
  PARTICIPANT_ALREADY_INVITED = 'PARTICIPANT_ALREADY_INVITED',
  INVALID_PARTICIPANT = 'INVALID_PARTICIPANT',
  PARTICIPATION_STATE_INVALID = 'PARTICIPATION_STATE_INVALID',
  ITEM_NOT_YOURS = 'ITEM_NOT_YOURS',
  // Teams (inspector matching, Art. 20–23)
  DRAW_NOT_LOCKED = 'DRAW_NOT_LOCKED',
  INVALID_TEAM_POLICY = 'INVALID_TEAM_POLICY',
  NO_VISITS_TO_STAFF = 'NO_VISITS_TO_STAFF',
  NOT_A_NEIGHBOUR_DEPARTMENT = 'NOT_A_NEIGHBOUR_DEPARTMENT',
  VISIT_NOT_UNSTAFFED = 'VISIT_NOT_UNSTAFFED',
  VISIT_NOT_STAFFED = 'VISIT_NOT_STAFFED',
  TEAM_TOO_SMALL = 'TEAM_TOO_SMALL',
  INSPECTOR_NOT_ELIGIBLE = 'INSPECTOR_NOT_ELIGIBLE',
  REPLACEMENT_NOT_APPROVED = 'REPLACEMENT_NOT_APPROVED',
  NOT_TEAM_MEMBER = 'NOT_TEAM_MEMBER',
  MEMBER_CHANGE_PENDING = 'MEMBER_CHANGE_PENDING',
  MEMBER_CHANGE_DECIDED = 'MEMBER_CHANGE_DECIDED',
  NOT_CHANGE_APPROVER = 'NOT_CHANGE_APPROVER',
  NO_ELIGIBLE_REPLACEMENT = 'NO_ELIGIBLE_REPLACEMENT',
  SWAP_NOT_POSSIBLE = 'SWAP_NOT_POSSIBLE',
  NO_EXPERT_AVAILABLE = 'NO_EXPERT_AVAILABLE',
  EXPERT_ALREADY_ON_VISIT = 'EXPERT_ALREADY_ON_VISIT',
  INSPECTOR_NOT_LINKED = 'INSPECTOR_NOT_LINKED',
}

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const messages: Record<ErrorCode, { zh: Template; en: Template }> = {
  BAD_REQUEST: { zh: (p) => `请求有误：${p.reason ?? ''}`, en: (p) => `Bad request: ${p.reason ?? ''}` },
  VALIDATION_FAILED: { zh: (p) => `填写的内容有误：${p.reason ?? ''}`, en: (p) => `Invalid input: ${p.reason ?? ''}` },
  UNAUTHENTICATED: { zh: () => '请先登录。', en: () => 'Please log in first.' },
  INVALID_CREDENTIALS: { zh: () => '用户名或密码不正确。', en: () => 'Wrong username or password.' },
  TOO_MANY_LOGIN_ATTEMPTS: { zh: (p) => `登录失败次数过多，请 ${p.minutes} 分钟后再试。`, en: (p) => `Too many failed logins; try again in ${p.minutes} minutes.` },
  SESSION_EXPIRED: { zh: () => '登录已过期，请重新登录。', en: () => 'Your session has expired; please log in again.' },
  FORBIDDEN: { zh: () => '您没有权限进行此操作。', en: () => 'You are not allowed to do this.' },
  NOT_FOUND: { zh: (p) => `未找到${p.what ?? '该记录'}（${p.id ?? ''}），或您无权查看。`, en: (p) => `${p.what ?? 'Record'} ${p.id ?? ''} not found, or not visible to you.` },
  QUERY_TOO_DEEP: { zh: (p) => `查询嵌套层数 ${p.depth} 超过上限 ${p.max}。`, en: (p) => `Query depth ${p.depth} exceeds the limit of ${p.max}.` },
  QUERY_TOO_COSTLY: { zh: (p) => `查询开销 ${p.cost} 超过上限 ${p.max}，请缩小分页或减少字段。`, en: (p) => `Query cost ${p.cost} exceeds the limit of ${p.max}; request smaller pages or fewer fields.` },
  CONFLICT: { zh: (p) => `操作冲突：${p.reason ?? '请刷新后重试'}`, en: (p) => `Conflict: ${p.reason ?? 'reload and try again'}` },
  STALE_VERSION: { zh: () => '该记录已被他人修改，请刷新后再改。', en: () => 'Someone else changed this record; reload it and try again.' },
  INTERNAL: { zh: () => '服务器内部错误，请稍后重试；如仍失败请联系管理员。', en: () => 'Internal server error; try again later or contact the administrator.' },
  UNKNOWN_REGION: { zh: (p) => `行政区划代码“${p.code}”不存在。`, en: (p) => `Unknown region code "${p.code}".` },
  INVALID_REGION_CODE: { zh: (p) => `行政区划代码“${p.code}”格式不正确，应为6位或9位数字。`, en: (p) => `Region code "${p.code}" must be 6 or 9 digits.` },
  DUPLICATE_USERNAME: { zh: (p) => `用户名“${p.username}”已被使用。`, en: (p) => `Username "${p.username}" is taken.` },
  WEAK_PASSWORD: { zh: () => '密码至少 10 位，且需同时包含字母和数字。', en: () => 'A password needs at least 10 characters with letters and digits.' },
  INVALID_CREDIT_CODE: { zh: (p) => `统一社会信用代码“${p.code}”无效：${p.reasonZh}`, en: (p) => `Invalid unified social credit code "${p.code}": ${p.reasonEn}` },
  CREDIT_CODE_REQUIRED: { zh: (p) => `对象类型“${p.type}”必须填写统一社会信用代码。`, en: (p) => `Targets of type ${p.type} need a unified social credit code.` },
  DUPLICATE_TARGET: { zh: (p) => `检查对象“${p.key}”已在名录库中。`, en: (p) => `Target "${p.key}" is already in the directory.` },
  DUPLICATE_CERTIFICATE: { zh: (p) => `执法证号“${p.number}”已被其他人员使用。`, en: (p) => `Certificate number "${p.number}" belongs to another inspector.` },
  CERTIFICATE_DATES_REVERSED: { zh: (p) => `执法证有效期起始日 ${p.from} 晚于截止日 ${p.to}。`, en: (p) => `Certificate valid-from ${p.from} is after valid-to ${p.to}.` },
  INVALID_DATE: { zh: (p) => `日期“${p.value}”无效，请按 YYYY-MM-DD 填写。`, en: (p) => `Invalid date "${p.value}"; use YYYY-MM-DD.` },
  DUPLICATE_ITEM_CODE: { zh: (p) => `抽查事项编码“${p.code}”已存在。`, en: (p) => `Inspection item code "${p.code}" already exists.` },
  UNKNOWN_CATEGORY: { zh: (p) => `事项类别“${p.category}”不存在。`, en: (p) => `Unknown item category "${p.category}".` },
  RATIO_BOUNDS_INVALID: { zh: (p) => `抽查比例设置有误：${p.reasonZh}`, en: (p) => `Invalid ratio bounds: ${p.reasonEn}` },
  FILE_TOO_LARGE: { zh: (p) => `文件超过 ${p.maxMB} MB 上限。`, en: (p) => `The file exceeds the ${p.maxMB} MB limit.` },
  UNSUPPORTED_FILE_TYPE: { zh: () => '文件类型不支持，请上传 .xlsx 或 .csv 文件（可下载模板）。', en: () => 'Unsupported file type; upload an .xlsx or .csv file (a template is available).' },
  MISSING_COLUMNS: { zh: (p) => `表格缺少必填列：${p.columns}。`, en: (p) => `The sheet lacks required columns: ${p.columns}.` },
  EMPTY_FILE: { zh: () => '文件中没有数据行。', en: () => 'The file has no data rows.' },
  IMPORT_HAS_ERRORS: { zh: (p) => `有 ${p.count} 行数据有误，全部未导入，请下载错误报告修改后重新导入。`, en: (p) => `${p.count} rows have errors; nothing was imported. Download the error report, fix them and import again.` },
  UNKNOWN_ITEM: { zh: (p) => `抽查事项 ${p.id} 不在本部门的事项清单中或已停用。`, en: (p) => `Inspection item ${p.id} is not an active item of this department's catalog.` },
  UNKNOWN_PLAN_BATCH: { zh: (p) => `计划批次 ${p.id} 不存在、不属于本部门当年已通过的年度计划。`, en: (p) => `Plan batch ${p.id} is not a batch of this department's adopted plan for the year.` },
  ITEM_NOT_IN_PLAN: { zh: (p) => `抽查事项“${p.item}”不在所选计划批次中，不能检查（第三条）。`, en: (p) => `Item "${p.item}" is not in the chosen plan batch and cannot be checked (Art. 3).` },
  INVALID_SEGMENT: { zh: (p) => `抽取分段“${p.label}”设置有误：${p.reasonZh}`, en: (p) => `Segment "${p.label}" is invalid: ${p.reasonEn}` },
  EMPTY_POOL: { zh: (p) => `分段“${p.label}”没有符合条件的检查对象，无法摇号。`, en: (p) => `Segment "${p.label}" has no eligible targets to draw from.` },
  COUNT_ABOVE_POOL: { zh: (p) => `分段“${p.label}”要抽取 ${p.count} 户，但符合条件的只有 ${p.poolSize} 户。`, en: (p) => `Segment "${p.label}" asks for ${p.count} targets but only ${p.poolSize} are eligible.` },
  RATIO_OVER_CAP: { zh: (p) => `分段“${p.label}”抽取 ${p.count} 户（共 ${p.poolSize} 户），超过一般检查事项“${p.item}”的比例上限 ${p.cap}%。`, en: (p) => `Segment "${p.label}" draws ${p.count} of ${p.poolSize}, above the ${p.cap}% cap of GENERAL item "${p.item}".` },
  INVALID_STATE_TRANSITION: { zh: (p) => `摇号当前状态为“${p.from}”，不能执行“${p.action}”。`, en: (p) => `The draw is ${p.from}; "${p.action}" is not possible now.` },
  ENTROPY_WINDOW_CLOSED: { zh: (p) => `见证随机数的提交已于 ${p.closedAt} 截止。`, en: (p) => `Entropy contributions closed at ${p.closedAt}.` },
  ENTROPY_WINDOW_NOT_CLOSED: { zh: (p) => `见证随机数提交截止时间 ${p.closesAt} 未到，不能开始摇号。`, en: (p) => `The entropy window closes at ${p.closesAt}; the draw cannot start before.` },
  INVALID_ENTROPY: { zh: (p) => `见证随机数无效：${p.reasonZh}`, en: (p) => `Invalid entropy: ${p.reasonEn}` },
  BEACON_REQUIRED: { zh: (p) => `本次摇号约定使用公开随机源“${p.source}”，请填写其开奖值后再摇号。`, en: (p) => `This draw uses the beacon "${p.source}"; enter its value before drawing.` },
  INVITE_INVALID: { zh: () => '见证邀请链接无效。', en: () => 'The witness invitation link is not valid.' },
  INVITE_EXPIRED: { zh: (p) => `见证邀请链接已于 ${p.expiredAt} 过期，请联系摇号单位重新邀请。`, en: (p) => `The witness invitation expired at ${p.expiredAt}; ask for a new one.` },
  INVITE_FOR_OTHER_DRAW: { zh: () => '该邀请链接属于另一场摇号。', en: () => 'This invitation belongs to another draw.' },
  DRAW_NOT_COMPLETE: { zh: () => '摇号尚未完成，不能确认锁定。', en: () => 'The draw has not completed; it cannot be locked yet.' },
  DRAW_NOT_REVEALED: { zh: () => '摇号尚未揭晓或结果尚未全部公布，暂无可供核验的记录。', en: () => 'The draw has not been revealed in full yet; there is no record to verify.' },
  DUPLICATE_PLAN: { zh: (p) => `本部门已有 ${p.year ?? ''} 年度抽查工作计划，请在原计划上调整（新建版本）。`, en: (p) => `The department already has an annual plan for ${p.year ?? 'that year'}; adjust it (make a new version) instead.` },
  PLAN_VERSION_LOCKED: { zh: (p) => `年度计划第 ${p.version ?? ''} 版已通过印发，不能再修改；调整计划请新建版本并重新备案。`, en: (p) => `Version ${p.version ?? ''} of the plan has been adopted and can no longer be changed; make a new version (an adjustment) and file it again.` },
  PLAN_DRAFT_PENDING: { zh: (p) => `年度计划第 ${p.version ?? ''} 版仍是草稿，请直接修改该草稿，或通过后再调整。`, en: (p) => `Version ${p.version ?? ''} of the plan is still a draft: edit it, or adopt it before adjusting.` },
  PLAN_HAS_NO_BATCHES: { zh: (p) => `年度计划第 ${p.version ?? ''} 版没有抽查批次，不能通过或备案。`, en: (p) => `Version ${p.version ?? ''} of the plan has no batches; it cannot be adopted or filed.` },
  PLAN_VERSION_NOT_ADOPTED: { zh: (p) => `年度计划第 ${p.version ?? ''} 版尚未通过印发，请先登记通过日期再备案。`, en: (p) => `Version ${p.version ?? ''} of the plan has not been adopted; record its adoption before filing it.` },
  BATCH_WINDOW_REVERSED: { zh: (p) => `批次“${p.name ?? ''}”的结束日期 ${p.end ?? ''} 早于开始日期 ${p.start ?? ''}。`, en: (p) => `Batch "${p.name ?? ''}" ends (${p.end ?? ''}) before it starts (${p.start ?? ''}).` },
  BATCH_OUTSIDE_PLAN_YEAR: { zh: (p) => `批次“${p.name ?? ''}”的时间 ${p.start ?? ''} 至 ${p.end ?? ''} 超出计划年度 ${p.year ?? ''} 年。`, en: (p) => `Batch "${p.name ?? ''}" (${p.start ?? ''} to ${p.end ?? ''}) falls outside the plan year ${p.year ?? ''}.` },
  LEVEL_SPLIT_INVALID: { zh: (p) => `省级、市级、县级抽查分配比例应均不小于 0 且合计为 100%，现为 ${p.province ?? ''}% + ${p.city ?? ''}% + ${p.county ?? ''}% = ${p.total ?? ''}%。`, en: (p) => `The province, city and county shares must each be ≥ 0 and add up to 100%; they are ${p.province ?? ''}% + ${p.city ?? ''}% + ${p.county ?? ''}% = ${p.total ?? ''}%.` },
  INVALID_REGIONAL_WEIGHT: { zh: (p) => `不同地区的抽查比重有误：${p.reasonZh ?? ''}`, en: (p) => `Invalid regional weights: ${p.reasonEn ?? ''}` },
  REGION_OUTSIDE_JURISDICTION: { zh: (p) => `行政区划“${p.code ?? ''}”不在本部门辖区（${p.jurisdiction ?? ''}）内。`, en: (p) => `Region ${p.code ?? ''} is outside the department's jurisdiction (${p.jurisdiction ?? ''}).` },
  PLAN_DATE_INVALID: { zh: (p) => `日期有误：${p.reasonZh ?? ''}`, en: (p) => `Invalid date: ${p.reasonEn ?? ''}` },
  DUPLICATE_FILING: { zh: (p) => `年度计划第 ${p.version ?? ''} 版已向${p.recipientZh ?? '该部门'}备案，不能重复备案。`, en: (p) => `Version ${p.version ?? ''} of the plan has already been filed with the ${p.recipientEn ?? 'recipient'}.` },
  FILING_RECIPIENT_MISMATCH: { zh: (p) => `备案接收部门“${p.name ?? ''}”不是本部门的${p.expectedZh ?? ''}。`, en: (p) => `"${p.name ?? ''}" is not the department's ${p.expectedEn ?? ''}.` },
  WINDOWS_DO_NOT_OVERLAP: { zh: (p) => `各检查的期限没有共同的日期（${p.windows ?? ''}），不能合并为一次检查。`, en: (p) => `The visits' windows have no day in common (${p.windows ?? ''}); they cannot be merged into one visit.` },
  VISIT_TARGETS_DIFFER: { zh: (p) => `只能合并同一检查对象的检查，所选检查涉及不同对象（${p.publicIds ?? ''}）。`, en: (p) => `Only visits of the same target can be merged; these are of different targets (${p.publicIds ?? ''}).` },
  VISIT_CLOSED: { zh: (p) => `检查 ${p.id ?? ''} 已${p.statusZh ?? '结束'}，不能再合并或拆分。`, en: (p) => `Visit ${p.id ?? ''} is ${p.statusEn ?? 'closed'}; it can no longer be merged or split.` },
  TASK_NOT_IN_VISIT: { zh: (p) => `任务 ${p.taskId ?? ''} 不在检查 ${p.visitId ?? ''} 中。`, en: (p) => `Task ${p.taskId ?? ''} is not served by visit ${p.visitId ?? ''}.` },
  VISIT_HAS_ONE_TASK: { zh: (p) => `检查 ${p.visitId ?? ''} 只承担一项任务，无需拆分。`, en: (p) => `Visit ${p.visitId ?? ''} serves a single task; there is nothing to split.` },
  PARTICIPANT_NOT_CONFIRMED: { zh: (p) => `联合抽查的参与部门${p.departments ?? ''}尚未确认参加，不能排定摇号：未确认参加的部门不能作为抽取范围。请等待其确认或拒绝，或撤回邀请。`, en: (p) => `Participant ${p.departmentsEn ?? p.departments ?? ''} of the joint task has not confirmed: a participant who has not confirmed cannot be drawn from. Wait for it to confirm or decline, or withdraw the invitation.` },
  PARTICIPANT_LOCKED_IN: { zh: (p) => `联合抽查已排定摇号（摇号 ${p.drawId ?? ''}，状态“${p.drawStatus ?? ''}”），参与部门及其事项不能再变更。如确需变更，须由牵头部门在锁定前作废该次摇号；已锁定的摇号按既定结果执行。`, en: (p) => `A draw of the joint task has been scheduled (draw ${p.drawId ?? ''}, ${p.drawStatus ?? ''}); its participants and their items can no longer change. To change them the lead department must void the draw before it is locked; a locked draw stands.` },
  PARTICIPANT_ALREADY_INVITED: { zh: (p) => `该部门已是本联合抽查的参与部门（${p.statusZh ?? ''}）。`, en: (p) => `The department is already a participant of this joint task (${p.statusEn ?? ''}).` },
  INVALID_PARTICIPANT: { zh: (p) => `不能邀请该部门参加联合抽查：${p.reasonZh ?? ''}`, en: (p) => `The department cannot be invited to the joint task: ${p.reasonEn ?? ''}` },
  PARTICIPATION_STATE_INVALID: { zh: (p) => `本部门在该联合抽查中的状态为“${p.statusZh ?? ''}”，不能${p.actionZh ?? '执行此操作'}。`, en: (p) => `The department is ${p.statusEn ?? 'in another state'} in this joint task; it cannot ${p.actionEn ?? 'do this'}.` },
  ITEM_NOT_YOURS: { zh: (p) => `抽查事项“${p.item ?? ''}”由${p.owner ?? '其他参与部门'}负责，只能由该部门录入检查结果。`, en: (p) => `Item "${p.item ?? ''}" belongs to another participant department${p.ownerEn ? ` (${p.ownerEn})` : ''}; only that department records its results.` },
  DRAW_NOT_LOCKED: { zh: (p) => `摇号 ${p.drawId ?? ''} 尚未锁定，锁定后才能抽取检查组。`, en: (p) => `Draw ${p.drawId ?? ''} has not been locked; teams are drawn only after it is.` },
  INVALID_TEAM_POLICY: { zh: (p) => `检查组规则有误：${p.reasonZh ?? ''}`, en: (p) => `Invalid team policy: ${p.reasonEn ?? ''}` },
  NO_VISITS_TO_STAFF: { zh: (p) => `摇号 ${p.drawId ?? ''} 中没有由本部门牵头、${p.statusZh ?? '待抽取检查组'}的检查。`, en: (p) => `Draw ${p.drawId ?? ''} has no visit led by your department that is ${p.statusEn ?? 'waiting for a team'}.` },
  NOT_A_NEIGHBOUR_DEPARTMENT: { zh: (p) => `部门“${p.name ?? ''}”不是相邻地区的同类部门，不能参加跨区域联合匹配。`, en: (p) => `Department "${p.name ?? ''}" is not a department of the same kind in a neighbouring region; it cannot take part in cross-region matching.` },
  VISIT_NOT_UNSTAFFED: { zh: (p) => `检查 ${p.visitId ?? ''} 当前为“${p.statusZh ?? ''}”，只有抽取后未能组队的检查才能直接指定检查组。`, en: (p) => `Visit ${p.visitId ?? ''} is ${p.statusEn ?? ''}; a team is appointed directly only for a visit the team draw left unstaffed.` },
  VISIT_NOT_STAFFED: { zh: (p) => `检查 ${p.visitId ?? ''} 当前没有检查组（${p.statusZh ?? ''}）。`, en: (p) => `Visit ${p.visitId ?? ''} has no team (${p.statusEn ?? ''}).` },
  TEAM_TOO_SMALL: { zh: (p) => `检查组至少需要 ${p.min ?? 2} 名执法检查人员，现为 ${p.count ?? 0} 名。`, en: (p) => `A team needs at least ${p.min ?? 2} inspectors; ${p.count ?? 0} given.` },
  INSPECTOR_NOT_ELIGIBLE: { zh: (p) => `执法检查人员“${p.name ?? ''}”不能参加该检查：${p.reasonZh ?? ''}`, en: (p) => `Inspector "${p.name ?? ''}" cannot serve on this visit: ${p.reasonEn ?? ''}` },
  REPLACEMENT_NOT_APPROVED: { zh: () => '检查组已经抽取，更换人员须说明理由并经检查组组长批准：请先提出更换申请。', en: () => "The team has been drawn: replacing a member needs a recorded reason and the leader's approval. Request a replacement first." },
  NOT_TEAM_MEMBER: { zh: (p) => `执法检查人员“${p.name ?? ''}”不是检查 ${p.visitId ?? ''} 的检查组成员。`, en: (p) => `Inspector "${p.name ?? ''}" is not on the team of visit ${p.visitId ?? ''}.` },
  MEMBER_CHANGE_PENDING: { zh: (p) => `“${p.name ?? ''}”在检查 ${p.visitId ?? ''} 上已有待批准的人员变更（${p.changeId ?? ''}）。`, en: (p) => `A change for "${p.name ?? ''}" on visit ${p.visitId ?? ''} is already awaiting approval (${p.changeId ?? ''}).` },
  MEMBER_CHANGE_DECIDED: { zh: (p) => `人员变更 ${p.changeId ?? ''} 已${p.statusZh ?? '处理'}，不能再次审批。`, en: (p) => `Member change ${p.changeId ?? ''} has already been ${p.statusEn ?? 'decided'}.` },
  NOT_CHANGE_APPROVER: { zh: () => '人员变更须由检查组组长或本部门分管领导批准，被更换或回避的人员本人不能批准。', en: () => 'A member change is approved by the team leader or a leading official of the department, never by the inspector concerned.' },
  NO_ELIGIBLE_REPLACEMENT: { zh: (p) => `没有符合条件的执法检查人员可以替换（${p.detailZh ?? ''}）。`, en: (p) => `No eligible inspector is left to take the place (${p.detailEn ?? ''}).` },
  SWAP_NOT_POSSIBLE: { zh: (p) => `不能互换检查对象：${p.reasonZh ?? ''}`, en: (p) => `The inspectors cannot swap targets: ${p.reasonEn ?? ''}` },
  NO_EXPERT_AVAILABLE: { zh: (p) => `本部门专家库中没有可抽取的专家${p.fieldZh ?? ''}。`, en: (p) => `The department's expert library has no expert to draw${p.fieldEn ?? ''}.` },
  EXPERT_ALREADY_ON_VISIT: { zh: (p) => `专家“${p.name ?? ''}”已在该检查中。`, en: (p) => `Expert "${p.name ?? ''}" is already on this visit.` },
  INSPECTOR_NOT_LINKED: { zh: () => '您的账号没有关联执法检查人员，没有本人的检查可以查看。', en: () => 'Your account is not linked to an inspector: there are no visits of your own to follow.' },
};

export type Lang = 'zh' | 'en';

export function errorMessage(code: ErrorCode, params: Params = {}, lang: Lang = 'zh'): string {
  return messages[code][lang](params);
}

/** An expected failure: the caller did something the rules do not allow. Thrown before anything is written. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly details?: unknown,
  ) {
    super(errorMessage(code, params, 'en'));
    this.name = 'DomainError';
  }
  localized(lang: Lang): string {
    return errorMessage(this.code, this.params, lang);
  }
}

export function notFound(what: string, id: string | number): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, { what, id: String(id) });
}
