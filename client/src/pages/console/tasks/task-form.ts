import type { CreateTaskInput, TaskSegmentInput } from '../../../gql/graphql';

/**
 * The task form as typed (strings, so nothing the user entered is lost on an error) and how it becomes
 * `createTask`'s input. The rules themselves (labels, ratios, windows, plan batches) are the server's.
 */
export interface SegmentDraft {
  label: string;
  regionCode: string;
  types: string[];
  specialDirectories: string[];
  riskLevels: string[];
  mode: 'ratio' | 'count';
  amount: string;
}

export interface TaskDraft {
  kind: 'PLANNED' | 'DIRECTED';
  name: string;
  windowStart: string;
  windowEnd: string;
  planBatchId: string;
  directedReason: string;
  itemIds: string[];
  executingDepartmentId: string;
  joint: boolean;
  segments: SegmentDraft[];
}

export const emptySegment = (position: number): SegmentDraft => ({
  label: position === 0 ? 'objects/all' : `objects/segment-${position + 1}`,
  regionCode: '',
  types: [],
  specialDirectories: [],
  riskLevels: [],
  mode: 'ratio',
  amount: '5',
});

export const emptyTaskDraft = (year: number): TaskDraft => ({
  kind: 'PLANNED',
  name: '',
  windowStart: `${year}-01-01`,
  windowEnd: `${year}-12-31`,
  planBatchId: '',
  directedReason: '',
  itemIds: [],
  executingDepartmentId: '',
  joint: false,
  segments: [emptySegment(0)],
});

/** Empty choices mean "no restriction" and are left out of the filter. */
function segmentInput(draft: SegmentDraft): TaskSegmentInput {
  const filter: TaskSegmentInput['filter'] = {};
  if (draft.regionCode.trim()) filter.regionCode = draft.regionCode.trim();
  if (draft.types.length) filter.types = draft.types as TaskSegmentInput['filter']['types'];
  if (draft.specialDirectories.length) filter.specialDirectories = draft.specialDirectories as TaskSegmentInput['filter']['specialDirectories'];
  if (draft.riskLevels.length) filter.riskLevels = draft.riskLevels as TaskSegmentInput['filter']['riskLevels'];
  const amount = Number(draft.amount);
  return draft.mode === 'ratio' ? { label: draft.label.trim(), filter, ratioPercent: amount } : { label: draft.label.trim(), filter, fixedCount: amount };
}

export function createTaskInput(draft: TaskDraft): CreateTaskInput {
  const planned = draft.kind === 'PLANNED';
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    windowStart: draft.windowStart,
    windowEnd: draft.windowEnd,
    itemIds: draft.itemIds,
    planBatchId: planned ? draft.planBatchId || null : null,
    directedReason: planned ? null : draft.directedReason.trim(),
    executingDepartmentId: draft.executingDepartmentId || null,
    joint: draft.joint,
    segments: draft.segments.map(segmentInput),
  };
}

/** Choosing a plan batch takes its window and its items (the user may still narrow the items). */
export function applyBatch(draft: TaskDraft, batch: { id: string; startDate: string; endDate: string; items: { id: string }[] } | undefined): TaskDraft {
  if (!batch) return { ...draft, planBatchId: '' };
  return { ...draft, planBatchId: batch.id, windowStart: batch.startDate, windowEnd: batch.endDate, itemIds: batch.items.map((item) => item.id) };
}
