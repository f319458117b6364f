/**
 * 检查结果类别 — the result categories seen on existing platforms (several can apply to one item
 * at once). Results publication comes later; for now a result is recorded per visit, task and item.
 */
export enum ResultOutcome {
  NO_PROBLEM_FOUND = 'NO_PROBLEM_FOUND',
  INFO_NOT_PUBLISHED = 'INFO_NOT_PUBLISHED',
  PUBLISHED_INFO_FALSE = 'PUBLISHED_INFO_FALSE',
  UNREACHABLE_AT_ADDRESS = 'UNREACHABLE_AT_ADDRESS',
  PROBLEM_CORRECTED_ON_ORDER = 'PROBLEM_CORRECTED_ON_ORDER',
  PROBLEM_FOLLOW_UP_PENDING = 'PROBLEM_FOLLOW_UP_PENDING',
  ACTIVITY_NOT_FOUND = 'ACTIVITY_NOT_FOUND',
  CLOSED_OR_LIQUIDATING = 'CLOSED_OR_LIQUIDATING',
  SEVERE_NON_COOPERATION = 'SEVERE_NON_COOPERATION',
  DEREGISTERED = 'DEREGISTERED',
  LICENCE_REVOKED = 'LICENCE_REVOKED',
  REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED',
  MOVED_OUT = 'MOVED_OUT',
}

export const resultOutcomeText: Record<ResultOutcome, { zh: string; en: string }> = {
  NO_PROBLEM_FOUND: { zh: '未发现问题', en: 'No problem found' },
  INFO_NOT_PUBLISHED: { zh: '未按规定公示应当公示的信息', en: 'Information that must be made public was not' },
  PUBLISHED_INFO_FALSE: { zh: '公示信息隐瞒真实情况弄虚作假', en: 'Published information conceals the truth or is falsified' },
  UNREACHABLE_AT_ADDRESS: { zh: '通过登记的住所（经营场所）无法联系', en: 'Cannot be reached at the registered address (business premises)' },
  PROBLEM_CORRECTED_ON_ORDER: { zh: '发现问题已责令改正', en: 'Problem found, corrected on order' },
  PROBLEM_FOLLOW_UP_PENDING: { zh: '发现问题待后续处理', en: 'Problem found, follow-up pending' },
  ACTIVITY_NOT_FOUND: { zh: '未发现开展本次抽查涉及的经营活动', en: 'The business activity under check was not found' },
  CLOSED_OR_LIQUIDATING: { zh: '已关闭停业或正在组织清算', en: 'Closed, out of business or in liquidation' },
  SEVERE_NON_COOPERATION: { zh: '不配合检查情节严重', en: 'Severe refusal to cooperate with the check' },
  DEREGISTERED: { zh: '已注销', en: 'Deregistered' },
  LICENCE_REVOKED: { zh: '被吊销', en: 'Licence revoked' },
  REGISTRATION_CANCELLED: { zh: '被撤销', en: 'Registration cancelled' },
  MOVED_OUT: { zh: '迁出', en: 'Moved out' },
};
