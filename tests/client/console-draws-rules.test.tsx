import { allowedActions, defaultEntropyClose, entropyCloseInstant, formatCountdown, inviteLink, isFinal, localInputValue } from '../../client/src/pages/console/draws/draw-rules';
import { applyBatch, createTaskInput, emptyTaskDraft } from '../../client/src/pages/console/tasks/task-form';

describe('console draws: the rules the buttons follow', () => {
  const closes = '2026-03-01T02:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('offers each action only in the states draw-v1 allows it', () => {
    expect(allowedActions({ status: 'SCHEDULED', entropyClosesAt: closes }, at(closes))).toMatchObject({ open: true, invite: true, reveal: false, lock: false, void: true });
    expect(allowedActions({ status: 'COMPLETED', entropyClosesAt: closes }, at(closes))).toMatchObject({ open: false, invite: false, reveal: false, lock: true, void: true });
    for (const status of ['LOCKED', 'ANNOUNCED', 'VOIDED']) {
      expect(allowedActions({ status, entropyClosesAt: closes }, at(closes))).toMatchObject({ open: false, invite: false, reveal: false, lock: false, void: false });
      expect(isFinal(status)).toBe(true);
    }
  });

  it('holds the reveal until the entropy window has closed, counting down', () => {
    const before = allowedActions({ status: 'OPEN', entropyClosesAt: closes }, at(closes) - 65_000);
    expect(before).toMatchObject({ reveal: false, revealWaitMs: 65_000 });
    expect(formatCountdown(before.revealWaitMs)).toBe('1:05');
    expect(allowedActions({ status: 'OPEN', entropyClosesAt: closes }, at(closes))).toMatchObject({ reveal: true, revealWaitMs: 0 });
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('reads the closing time as the browser shows it and refuses what is not a date', () => {
    const now = new Date(2026, 2, 1, 9, 58, 7);
    expect(defaultEntropyClose(now)).toBe('2026-03-01T10:08:07');
    expect(localInputValue(now)).toBe('2026-03-01T09:58:07');
    expect(entropyCloseInstant('2026-03-01T10:08:07')).toBe(new Date(2026, 2, 1, 10, 8, 7).toISOString());
    expect(entropyCloseInstant('')).toBeNull();
  });

  it('makes the absolute invitation link from the hub’s path', () => {
    expect(inviteLink('http://127.0.0.1:4000', '/draws/7/room?invite=abc')).toBe('http://127.0.0.1:4000/draws/7/room?invite=abc');
  });
});

describe('console tasks: the form becomes createTask’s input', () => {
  it('sends a directed check with its reason and no batch, leaving empty choices out of the filter', () => {
    const draft = { ...emptyTaskDraft(2026), kind: 'DIRECTED' as const, name: ' 定向检查 ', directedReason: ' 举报 ', planBatchId: '9', itemIds: ['3'] };
    draft.segments = [{ ...draft.segments[0], mode: 'count', amount: '4', types: ['ENTERPRISE'], regionCode: ' 140603 ' }];
    expect(createTaskInput(draft)).toEqual({
      kind: 'DIRECTED', name: '定向检查', directedReason: '举报', planBatchId: null, itemIds: ['3'], windowStart: '2026-01-01', windowEnd: '2026-12-31',
      executingDepartmentId: null, joint: false,
      segments: [{ label: 'objects/all', filter: { types: ['ENTERPRISE'], regionCode: '140603' }, fixedCount: 4 }],
    });
  });

  it('takes a plan batch’s window and items, and sends the ratio of a planned task', () => {
    const draft = applyBatch(emptyTaskDraft(2026), { id: '5', startDate: '2026-04-01', endDate: '2026-06-30', items: [{ id: '1' }, { id: '2' }] });
    const input = createTaskInput({ ...draft, name: '第二批次', directedReason: 'ignored' });
    expect(input).toMatchObject({ kind: 'PLANNED', planBatchId: '5', directedReason: null, windowStart: '2026-04-01', windowEnd: '2026-06-30', itemIds: ['1', '2'] });
    expect(input.segments[0]).toEqual({ label: 'objects/all', filter: {}, ratioPercent: 5 });
  });
});
