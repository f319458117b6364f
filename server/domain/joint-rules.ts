/**
 * 联合抽查 (joint tasks, Art. 17–19; Pinglu 二.(三).3) — the rules that need no data.
 *
 * A lead department invites other departments (other kinds, other regions). A participant is
 * drawn from, sees the task and staffs its teams only once it has confirmed; one that declined or
 * withdrew is simply not part of the task.
 */

/** Where a participant department stands in a joint task. */
export enum ParticipantStatus {
  /** Invited by the lead; has not answered yet. Scheduling a draw is refused while one is INVITED. */
  INVITED = 'INVITED',
  /** Takes part: its directory is drawn from, its items are checked, its inspectors join the teams. */
  CONFIRMED = 'CONFIRMED',
  /** Said no to the invitation. */
  DECLINED = 'DECLINED',
  /** Left (or was taken off by the lead) before a draw was scheduled. */
  WITHDRAWN = 'WITHDRAWN',
}

export const participantStatusText: Record<ParticipantStatus, { zh: string; en: string }> = {
  INVITED: { zh: '已邀请（待确认）', en: 'invited (not confirmed yet)' },
  CONFIRMED: { zh: '已确认参加', en: 'confirmed' },
  DECLINED: { zh: '已拒绝', en: 'declined' },
  WITHDRAWN: { zh: '已退出', en: 'withdrawn' },
};

/** What a participant department may do in its current status. */
export enum ParticipantAction {
  CONFIRM = 'CONFIRM',
  DECLINE = 'DECLINE',
  ADD_ITEMS = 'ADD_ITEMS',
  WITHDRAW = 'WITHDRAW',
  RECORD_RESULTS = 'RECORD_RESULTS',
}

export const participantActionText: Record<ParticipantAction, { zh: string; en: string }> = {
  CONFIRM: { zh: '确认参加', en: 'confirm' },
  DECLINE: { zh: '拒绝参加', en: 'decline' },
  ADD_ITEMS: { zh: '添加本部门抽查事项', en: 'add its items' },
  WITHDRAW: { zh: '退出联合抽查', en: 'withdraw' },
  RECORD_RESULTS: { zh: '录入检查结果', en: 'record results' },
};

const ALLOWED: Record<ParticipantAction, readonly ParticipantStatus[]> = {
  CONFIRM: [ParticipantStatus.INVITED],
  DECLINE: [ParticipantStatus.INVITED],
  ADD_ITEMS: [ParticipantStatus.CONFIRMED],
  // An invitation not answered yet can be withdrawn too (by the lead, or by the invited department).
  WITHDRAW: [ParticipantStatus.INVITED, ParticipantStatus.CONFIRMED],
  RECORD_RESULTS: [ParticipantStatus.CONFIRMED],
};

export function participantMay(status: ParticipantStatus, action: ParticipantAction): boolean {
  return ALLOWED[action].includes(status);
}

/** Statuses whose department still counts as part of the task (sees it; is drawn from once CONFIRMED). */
export const ACTIVE_PARTICIPANT_STATUSES: readonly ParticipantStatus[] = [ParticipantStatus.INVITED, ParticipantStatus.CONFIRMED];

/** A department of a joint task: the lead (`lead: true`) or an invited participant. */
export interface JointParticipant {
  departmentId: number;
  status: ParticipantStatus;
  lead?: boolean;
}

/** An item of a joint task with the department that contributes it. */
export interface JointItem {
  departmentId: number;
  /** The target types the item applies to (from its pinned version); empty means any. */
  targetTypes?: readonly string[] | null;
}

/** Departments a draw of the joint task draws from: the lead and every CONFIRMED participant, lead first, no repeats. */
export function drawingDepartments(participants: readonly JointParticipant[]): number[] {
  const out: number[] = [];
  for (const p of [...participants].sort((a, b) => Number(Boolean(b.lead)) - Number(Boolean(a.lead)))) {
    if ((p.lead || p.status === ParticipantStatus.CONFIRMED) && !out.includes(p.departmentId)) out.push(p.departmentId);
  }
  return out;
}

/** Participants that block a draw: a participant who has not confirmed cannot be drawn from. */
export function unconfirmedParticipants<P extends JointParticipant>(participants: readonly P[]): P[] {
  return participants.filter((p) => !p.lead && p.status === ParticipantStatus.INVITED);
}

/**
 * Team composition of a joint task (Pinglu 二.(三).3): each team includes inspectors of every
 * participating department that has items for that target. Returns, in ascending order, the ids of
 * the departments that must each have at least one member on the team of a target of type
 * `targetType` (every target when omitted): the lead and the CONFIRMED participants that contribute
 * at least one item applying to that type. Declined, withdrawn and unanswered participants never
 * count, and neither do items of departments that are not participants at all.
 * The team draw turns each id into a `{ kind: 'DEPARTMENT', value: String(id) }` group.
 */
export function requiredDepartments(participants: readonly JointParticipant[], items: readonly JointItem[], targetType?: string | null): number[] {
  const taking = new Set(drawingDepartments(participants));
  const out = new Set<number>();
  for (const item of items) {
    if (!taking.has(item.departmentId)) continue;
    const types = item.targetTypes ?? [];
    if (targetType && types.length && !types.includes(targetType)) continue;
    out.add(item.departmentId);
  }
  return [...out].sort((a, b) => a - b);
}

/** The same, as the groups of the team matching (server/domain/team-matching.ts MatchGroup). */
export function requiredDepartmentGroups(participants: readonly JointParticipant[], items: readonly JointItem[], targetType?: string | null): { kind: 'DEPARTMENT'; value: string }[] {
  return requiredDepartments(participants, items, targetType).map((id) => ({ kind: 'DEPARTMENT' as const, value: String(id) }));
}

/**
 * Who records the result of an item (only its own items, never another participant's): the
 * department that contributed it, and for the lead's items also the department the task is
 * delegated to (Art. 16).
 */
export function resultRecorders(item: { departmentId: number }, task: { departmentId: number; executingDepartmentId: number }): number[] {
  return item.departmentId === task.departmentId && task.executingDepartmentId !== task.departmentId
    ? [item.departmentId, task.executingDepartmentId]
    : [item.departmentId];
}

/** The published rules, shown to users (zh/en). */
export const JOINT_TASK_RULES: readonly { code: string; zh: string; en: string }[] = [
  { code: 'INVITE', zh: '牵头部门创建联合抽查任务并邀请其他部门（其他类别或其他地区）参加；被邀请部门确认或拒绝。', en: 'The lead department creates the joint task and invites other departments (other kinds or other regions); an invited department confirms or declines.' },
  { code: 'CONFIRM_BEFORE_DRAW', zh: '仍有被邀请部门未确认时不能排定摇号：未确认参加的部门不能作为抽取范围。', en: 'A draw cannot be scheduled while an invited department has not answered: a participant who has not confirmed cannot be drawn from.' },
  { code: 'ONE_DRAW', zh: '检查对象只摇号一次，抽取范围为牵头部门及各确认参加部门（含其下级部门）的检查对象名录库；拒绝或退出的部门不在其中。', en: 'Targets are drawn once, from the directories of the lead and of every confirmed participant (with the departments below them); declined or withdrawn departments are not part of it.' },
  { code: 'OWN_ITEMS', zh: '各确认参加部门添加本部门现行清单中的抽查事项（固定为当时的版本），只录入本部门事项的检查结果。', en: 'Each confirmed participant adds items of its own active catalog (pinned to their current versions) and records results only for its own items.' },
  { code: 'TEAMS', zh: '每个检查组须包括对该检查对象有抽查事项的每个参加部门的执法检查人员。', en: 'Each team includes inspectors of every participating department that has items for that target.' },
  { code: 'WITHDRAW', zh: '摇号排定前可以退出；排定后（未作废）不能退出，确需退出的，由牵头部门在锁定前作废摇号，退出后重新摇号；锁定后按既定结果执行。', en: 'A participant may withdraw until a draw is scheduled; after that (unless the draw is voided) it cannot: the lead may void the draw before it is locked, then the participant withdraws and a new draw is scheduled. A locked draw stands.' },
  { code: 'VISIBILITY', zh: '每个确认参加的部门（及其上级部门）可以看到联合抽查任务、摇号直播和检查。', en: 'Every confirmed participant (and the departments above it) sees the joint task, its live draw and its visits.' },
];
