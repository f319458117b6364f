import {
  drawingDepartments, JOINT_TASK_RULES, ParticipantAction, participantMay, ParticipantStatus, requiredDepartmentGroups, requiredDepartments,
  resultRecorders, unconfirmedParticipants,
} from '../../server/domain/joint-rules';

const { INVITED, CONFIRMED, DECLINED, WITHDRAWN } = ParticipantStatus;
const LEAD = 10, SCJG = 20, NEIGHBOUR = 30, DECLINER = 40, LEAVER = 50, PENDING = 60;

/** The agriculture bureau leads; market supervision and a neighbouring county confirmed; others did not. */
const participants = [
  { departmentId: LEAD, status: CONFIRMED, lead: true },
  { departmentId: SCJG, status: CONFIRMED },
  { departmentId: NEIGHBOUR, status: CONFIRMED },
  { departmentId: DECLINER, status: DECLINED },
  { departmentId: LEAVER, status: WITHDRAWN },
  { departmentId: PENDING, status: INVITED },
];

describe('which departments a joint task draws from', () => {
  test('the lead first, then every confirmed participant; never a declined, withdrawn or unanswered one', () => {
    expect(drawingDepartments([...participants].reverse())).toEqual([LEAD, NEIGHBOUR, SCJG]);
    expect(drawingDepartments([{ departmentId: LEAD, status: CONFIRMED, lead: true }])).toEqual([LEAD]);
  });

  test('a participant who has not confirmed blocks the draw', () => {
    expect(unconfirmedParticipants(participants).map((p) => p.departmentId)).toEqual([PENDING]);
    expect(unconfirmedParticipants(participants.filter((p) => p.status !== INVITED))).toEqual([]);
  });
});

describe('team composition: every participating department with items for the target', () => {
  const items = [
    { departmentId: LEAD, targetTypes: ['INDIVIDUAL_BUSINESS', 'ENTERPRISE'] },
    { departmentId: SCJG, targetTypes: ['ENTERPRISE'] },
    { departmentId: SCJG, targetTypes: ['ENTERPRISE', 'FARMERS_COOPERATIVE'] },
    { departmentId: NEIGHBOUR, targetTypes: [] }, // any target type
    { departmentId: DECLINER, targetTypes: ['INDIVIDUAL_BUSINESS'] },
    { departmentId: LEAVER, targetTypes: null },
    { departmentId: PENDING, targetTypes: ['ENTERPRISE'] },
    { departmentId: 99, targetTypes: ['ENTERPRISE'] }, // not a participant at all
  ];

  test('by target type: only departments whose items apply to it, each once, ascending', () => {
    expect(requiredDepartments(participants, items, 'ENTERPRISE')).toEqual([LEAD, SCJG, NEIGHBOUR]);
    expect(requiredDepartments(participants, items, 'INDIVIDUAL_BUSINESS')).toEqual([LEAD, NEIGHBOUR]);
    expect(requiredDepartments(participants, items, 'FARMERS_COOPERATIVE')).toEqual([SCJG, NEIGHBOUR]);
    expect(requiredDepartments(participants, items, 'PRODUCT')).toEqual([NEIGHBOUR]);
  });

  test('without a target type, every participating department that has items', () => {
    expect(requiredDepartments(participants, items)).toEqual([LEAD, SCJG, NEIGHBOUR]);
  });

  test('a confirmed participant without items needs no member; a task with no participants needs only the lead', () => {
    expect(requiredDepartments(participants, [{ departmentId: LEAD, targetTypes: [] }], 'ENTERPRISE')).toEqual([LEAD]);
    expect(requiredDepartments([{ departmentId: LEAD, status: CONFIRMED, lead: true }], items, 'ENTERPRISE')).toEqual([LEAD]);
    expect(requiredDepartments(participants, [], 'ENTERPRISE')).toEqual([]);
  });

  test('as DEPARTMENT groups for the team matching', () => {
    expect(requiredDepartmentGroups(participants, items, 'FARMERS_COOPERATIVE')).toEqual([{ kind: 'DEPARTMENT', value: String(SCJG) }, { kind: 'DEPARTMENT', value: String(NEIGHBOUR) }]);
  });
});

describe('participant actions and result recorders', () => {
  test('each action in the statuses that allow it', () => {
    expect(participantMay(INVITED, ParticipantAction.CONFIRM)).toBe(true);
    expect(participantMay(CONFIRMED, ParticipantAction.CONFIRM)).toBe(false);
    expect(participantMay(DECLINED, ParticipantAction.CONFIRM)).toBe(false);
    expect(participantMay(INVITED, ParticipantAction.ADD_ITEMS)).toBe(false);
    expect(participantMay(CONFIRMED, ParticipantAction.ADD_ITEMS)).toBe(true);
    expect(participantMay(INVITED, ParticipantAction.WITHDRAW)).toBe(true);
    expect(participantMay(CONFIRMED, ParticipantAction.WITHDRAW)).toBe(true);
    expect(participantMay(DECLINED, ParticipantAction.WITHDRAW)).toBe(false);
    expect(participantMay(WITHDRAWN, ParticipantAction.WITHDRAW)).toBe(false);
  });

  test('an item’s results are recorded by the department contributing it (the lead’s also by the department it delegated to)', () => {
    expect(resultRecorders({ departmentId: SCJG }, { departmentId: LEAD, executingDepartmentId: LEAD })).toEqual([SCJG]);
    expect(resultRecorders({ departmentId: LEAD }, { departmentId: LEAD, executingDepartmentId: LEAD })).toEqual([LEAD]);
    expect(resultRecorders({ departmentId: LEAD }, { departmentId: LEAD, executingDepartmentId: 11 })).toEqual([LEAD, 11]);
    expect(resultRecorders({ departmentId: SCJG }, { departmentId: LEAD, executingDepartmentId: 11 })).toEqual([SCJG]);
  });

  test('the published rules come in Chinese and English', () => {
    for (const rule of JOINT_TASK_RULES) {
      expect(rule.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.en).toMatch(/[A-Za-z]/);
    }
  });
});
