import { FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { Link } from '../../../router';
import { ErrorNotice } from '../../../ui/common';
import { RecordSelect } from '../shared/Choices';
import { Outcome } from '../shared/Notices';
import { toggleValue } from '../shared/list-edit';
import { useLabel } from '../shared/useLabel';
import { SegmentEditor } from './SegmentEditor';
import { applyBatch, createTaskInput, emptySegment, emptyTaskDraft, TaskDraft } from './task-form';
import { CreateTaskMutation, TaskFormOptionsQuery } from './task-queries';

const messages = defineMessages(
  {
    heading: '新建抽查任务',
    kind: '任务来源',
    planned: '年度计划批次',
    directed: '定向检查',
    batch: '计划批次（现行计划）',
    chooseBatch: '请选择批次',
    noBatches: '{year} 年没有现行的年度计划批次，请先在“年度计划”中制定并通过计划，或新建定向检查。',
    reason: '定向检查理由',
    name: '任务名称',
    windowStart: '执行开始日',
    windowEnd: '执行结束日',
    items: '检查事项',
    executing: '执行部门（可委托下级部门）',
    ownDepartment: '本部门执行',
    joint: '联合抽查（创建后邀请其他部门参加）',
    segments: '抽取分段（依次抽取）',
    addSegment: '增加分段',
    submit: '创建任务',
    created: '已创建任务“{name}”。',
    open: '打开任务',
  },
  {
    heading: 'New inspection task',
    kind: 'Source',
    planned: 'Annual plan batch',
    directed: 'Directed check',
    batch: 'Plan batch (plan in force)',
    chooseBatch: 'Choose a batch',
    noBatches: 'No plan in force for {year}: adopt the annual plan under “Annual plans” first, or create a directed check.',
    reason: 'Reason for the directed check',
    name: 'Task name',
    windowStart: 'Window start',
    windowEnd: 'Window end',
    items: 'Inspection items',
    executing: 'Executed by (may be delegated below)',
    ownDepartment: 'Our department',
    joint: 'Joint task (invite other departments after creating it)',
    segments: 'Segments (drawn one after another)',
    addSegment: 'Add a segment',
    submit: 'Create the task',
    created: 'Task “{name}” created.',
    open: 'Open the task',
  },
);

/** Creates a task from a batch of the plan in force, or a directed check with its reason. */
export function CreateTaskForm({ year, onCreated }: { year: number; onCreated: () => void }) {
  const t = useT(messages);
  const label = useLabel();
  const [draft, setDraft] = useState<TaskDraft>(() => emptyTaskDraft(year));
  const [options] = useQuery({ query: TaskFormOptionsQuery, variables: { year } });
  const [result, create] = useMutation(CreateTaskMutation);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const batches = useMemo(
    () => (options.data?.annualPlans.items ?? []).flatMap((plan) => (plan.inForce?.batches ?? []).map((batch) => ({ ...batch, planTitle: plan.inForce!.title, department: plan.department.name }))),
    [options.data],
  );
  const batch = batches.find((b) => b.id === draft.planBatchId);
  const itemChoices =
    draft.kind === 'PLANNED'
      ? (batch?.items ?? []).map((item) => ({ id: item.id, text: `${item.code} ${item.current.name}` }))
      : (options.data?.inspectionItems.items ?? []).map((item) => ({ id: item.id, text: `${item.code} ${item.current.name}（${label('ItemKind', item.current.kind)}）` }));

  const set = (patch: Partial<TaskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const outcome = await create({ input: createTaskInput(draft) });
    if (outcome.data) {
      setCreated(outcome.data.createTask);
      setDraft(emptyTaskDraft(year));
      onCreated();
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-label={t('heading')}>
      <h2>{t('heading')}</h2>
      <ErrorNotice error={options.error} />
      <fieldset className="checks">
        <legend>{t('kind')}</legend>
        <label>
          <input type="radio" name="kind" checked={draft.kind === 'PLANNED'} onChange={() => set({ kind: 'PLANNED', itemIds: [] })} />
          {t('planned')}
        </label>
        <label>
          <input type="radio" name="kind" value="DIRECTED" checked={draft.kind === 'DIRECTED'} onChange={() => set({ kind: 'DIRECTED', itemIds: [], planBatchId: '' })} />
          {t('directed')}
        </label>
      </fieldset>
      {draft.kind === 'PLANNED' ? (
        options.data && batches.length === 0 ? (
          <p className="warn">{t('noBatches', { year })}</p>
        ) : (
          <label>
            {t('batch')}
            <select name="planBatchId" value={draft.planBatchId} onChange={(e) => setDraft((d) => applyBatch(d, batches.find((b) => b.id === e.target.value)))}>
              <option value="">{t('chooseBatch')}</option>
              {batches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.planTitle} · {b.name}（{b.startDate} — {b.endDate}）
                </option>
              ))}
            </select>
          </label>
        )
      ) : (
        <label>
          {t('reason')}
          <textarea name="directedReason" value={draft.directedReason} onChange={(e) => set({ directedReason: e.target.value })} rows={2} />
        </label>
      )}
      <label>
        {t('name')}
        <input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required />
      </label>
      <div className="row">
        <label>
          {t('windowStart')}
          <input type="date" name="windowStart" value={draft.windowStart} onChange={(e) => set({ windowStart: e.target.value })} required />
        </label>
        <label>
          {t('windowEnd')}
          <input type="date" name="windowEnd" value={draft.windowEnd} onChange={(e) => set({ windowEnd: e.target.value })} required />
        </label>
        <RecordSelect
          name="executingDepartmentId"
          label={t('executing')}
          value={draft.executingDepartmentId}
          emptyLabel={t('ownDepartment')}
          options={(options.data?.departments ?? []).map((d) => ({ value: d.id, text: d.name }))}
          onChange={(executingDepartmentId) => set({ executingDepartmentId })}
        />
      </div>
      <fieldset className="checks">
        <legend>{t('items')}</legend>
        {itemChoices.map((item) => (
          <label key={item.id}>
            <input type="checkbox" name="itemIds" value={item.id} checked={draft.itemIds.includes(item.id)} onChange={() => set({ itemIds: toggleValue(draft.itemIds, item.id) })} />
            {item.text}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input type="checkbox" name="joint" checked={draft.joint} onChange={(e) => set({ joint: e.target.checked })} />
        {t('joint')}
      </label>
      <h3>{t('segments')}</h3>
      {draft.segments.map((segment, index) => (
        <SegmentEditor
          key={index}
          segment={segment}
          onChange={(next) => set({ segments: draft.segments.map((s, i) => (i === index ? next : s)) })}
          onRemove={draft.segments.length > 1 ? () => set({ segments: draft.segments.filter((_, i) => i !== index) }) : undefined}
        />
      ))}
      <div className="actions">
        <button type="button" onClick={() => set({ segments: [...draft.segments, emptySegment(draft.segments.length)] })}>
          {t('addSegment')}
        </button>
        <button type="submit" className="primary" disabled={result.fetching}>
          {t('submit')}
        </button>
      </div>
      <Outcome error={result.error} success={created ? t('created', { name: created.name }) : null} />
      {created && <Link to={`/console/tasks?task=${created.id}`}>{t('open')}</Link>}
    </form>
  );
}
