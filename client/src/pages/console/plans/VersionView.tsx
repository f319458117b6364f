import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { ConsolePlanVersionFieldsFragment, PlanVersionInput } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';

import { planStatusLabels, planWarningKindLabels, specialDirectoryLabels, targetTypeLabels } from '../shared/labels';
import { SuccessNotice } from '../shared/Notices';
import { SaveError } from '../shared/SaveError';
import { FilingStatus } from './FilingStatus';
import { FilingsTable } from './FilingsTable';
import { planFormFromVersion, todayInChina } from './plan-form';
import { PlanContentEditor } from './PlanContentEditor';

const messages = defineMessages(
  {
    status: '状态', superseded: '已被后续版本取代', adoptedOn: '印发日期', document: '文号', adjustment: '调整原因', createdBy: '创建', revision: '草稿修改次数',
    levelSplit: '分级抽查比例', split: '省级 {p}% · 市级 {c}% · 县级 {k}%', weights: '地区抽查比重', noWeights: '未设定', batches: '抽查批次',
    position: '序号', name: '批次', window: '时间', scope: '范围', items: '检查事项', estimated: '预估户数', inScope: '范围内对象', ratio: '比例',
    wholeArea: '全辖区', typesOfItems: '按事项的对象类型', coverage: '覆盖情况', covered: '本版批次已覆盖全部在用检查事项。',
    uncovered: '以下在用检查事项未被任何批次覆盖（第十二条要求计划涵盖清单全部事项）：', warnings: '提示（不影响印发和备案）', edit: '修改草稿',
    cancelEdit: '取消修改', saveDraft: '保存草稿', savedDraft: '草稿已保存（第 {r} 次修改）。', adopt: '印发', adoptHeading: '登记印发（印发后内容冻结，开始计算 15 日备案期）',
    adoptedOnLabel: '印发日期', documentLabel: '文号（如：平农发〔2026〕5号）', confirmAdopt: '确认印发', adopted: '已印发，请在 {date} 前完成备案。',
    range: '{min}%–{max}%', min: '≥{min}%', noCap: '≥{min}%（不设上限）',
  },
  {
    status: 'Status', superseded: 'superseded by a later version', adoptedOn: 'Adopted on', document: 'Document no.', adjustment: 'Reason for the adjustment',
    createdBy: 'Created', revision: 'Draft edits', levelSplit: 'Level split', split: 'Province {p}% · City {c}% · County {k}%', weights: 'Regional weights',
    noWeights: 'None set', batches: 'Batches', position: 'No.', name: 'Batch', window: 'Window', scope: 'Scope', items: 'Items', estimated: 'Estimated',
    inScope: 'Targets in scope', ratio: 'Ratio', wholeArea: 'Whole jurisdiction', typesOfItems: 'Target types of the items', coverage: 'Coverage',
    covered: 'The batches cover every active catalog item.', uncovered: 'These active catalog items are in no batch (Art. 12: the plan covers the whole catalog):',
    warnings: 'Warnings (they do not block adoption or filing)', edit: 'Edit the draft', cancelEdit: 'Cancel editing', saveDraft: 'Save the draft',
    savedDraft: 'Draft saved (edit {r}).', adopt: 'Adopt', adoptHeading: 'Record the adoption (the content is frozen and the 15-day filing period starts)',
    adoptedOnLabel: 'Adopted on', documentLabel: 'Document number', confirmAdopt: 'Adopt', adopted: 'Adopted: file it by {date}.',
    range: '{min}%–{max}%', min: '≥{min}%', noCap: '≥{min}% (no cap)',
  },
);

const UpdateDraft = graphql(`
  mutation ConsoleUpdatePlanVersion($id: ID!, $expectedRevision: Int!, $input: PlanVersionInput!) {
    updatePlanVersion(id: $id, expectedRevision: $expectedRevision, input: $input) {
      ...ConsolePlanVersionFields
    }
  }
`);

const AdoptVersion = graphql(`
  mutation ConsoleAdoptPlanVersion($id: ID!, $expectedRevision: Int!, $input: AdoptPlanVersionInput) {
    adoptPlanVersion(id: $id, expectedRevision: $expectedRevision, input: $input) {
      ...ConsolePlanVersionFields
    }
  }
`);

/** One plan version: its state, filing, batches, coverage and warnings; a draft can be edited and adopted. */
export function VersionView({ version: v, year, canEdit, onReload }: { version: ConsolePlanVersionFieldsFragment; year: number; canEdit: boolean; onReload(): void }) {
  const t = useT(messages);
  const status = useT(planStatusLabels);
  const warningKind = useT(planWarningKindLabels);
  const type = useT(targetTypeLabels);
  const special = useT(specialDirectoryLabels);
  const { lang } = useLang();
  const [editing, setEditing] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [adoptForm, setAdoptForm] = useState({ adoptedOn: todayInChina(), documentNumber: '' });
  const [updated, update] = useMutation(UpdateDraft);
  const [adoptedResult, adopt] = useMutation(AdoptVersion);
  const [notice, setNotice] = useState('');
  const saveDraft = async (input: PlanVersionInput) => {
    setNotice('');
    const outcome = await update({ id: v.id, expectedRevision: v.revision, input });
    if (outcome.data) {
      setEditing(false);
      setNotice(t('savedDraft', { r: outcome.data.updatePlanVersion.revision }));
    }
  };
  const submitAdopt = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const outcome = await adopt({ id: v.id, expectedRevision: v.revision, input: { adoptedOn: adoptForm.adoptedOn || null, documentNumber: adoptForm.documentNumber.trim() || null } });
    if (outcome.data) {
      setAdopting(false);
      setNotice(t('adopted', { date: outcome.data.adoptPlanVersion.filingDeadline ?? '' }));
    }
  };
  const ratioOf = (item: ConsolePlanVersionFieldsFragment['batches'][number]['items'][number]) => {
    const min = item.current.ratioMinPercent ?? 0;
    if (item.current.kind === 'KEY') return t('noCap', { min });
    return item.current.ratioMaxPercent !== null && item.current.ratioMaxPercent !== undefined ? t('range', { min, max: item.current.ratioMaxPercent }) : t('min', { min });
  };
  const draft = v.status === 'DRAFT';
  return (
    <div className="console-detail" data-testid="plan-version">
      <dl>
        <dt>{t('status')}</dt>
        <dd>
          <span className="badge" data-testid="plan-status">
            {status(v.status)}
          </span>
          {v.superseded && <span className="muted"> {t('superseded')}</span>}
        </dd>
        <dt>{t('adoptedOn')}</dt>
        <dd>
          {v.adoptedOn ?? '—'} {v.adoptedBy && <span className="muted">（{v.adoptedBy}）</span>}
        </dd>
        <dt>{t('document')}</dt>
        <dd>{v.documentNumber ?? '—'}</dd>
        {v.adjustmentReason && (
          <>
            <dt>{t('adjustment')}</dt>
            <dd>{v.adjustmentReason}</dd>
          </>
        )}
        <dt>{t('createdBy')}</dt>
        <dd>
          {v.createdBy ?? '—'} · {formatDateTime(v.createdAt, lang)}
          {draft && ` · ${t('revision')} ${v.revision}`}
        </dd>
        <dt>{t('levelSplit')}</dt>
        <dd>{t('split', { p: v.levelSplit.provincePercent, c: v.levelSplit.cityPercent, k: v.levelSplit.countyPercent })}</dd>
        <dt>{t('weights')}</dt>
        <dd>{v.regionalWeights.length ? v.regionalWeights.map((w) => `${w.region?.name ?? w.regionCode} ${w.weight}（${w.sharePercent}%）`).join('；') : t('noWeights')}</dd>
      </dl>
      <p>
        <FilingStatus state={v.filingState} deadline={v.filingDeadline} />
      </p>
      <SuccessNotice>{notice}</SuccessNotice>
      {draft && canEdit && (
        <div className="console-actions">
          <button type="button" onClick={() => { setEditing(!editing); setAdopting(false); }}>
            {editing ? t('cancelEdit') : t('edit')}
          </button>
          <button type="button" className="primary" onClick={() => { setAdopting(!adopting); setEditing(false); }}>
            {t('adopt')}
          </button>
        </div>
      )}
      {editing && (
        <PlanContentEditor
          key={v.revision}
          initial={planFormFromVersion(v)}
          year={year}
          submitLabel={t('saveDraft')}
          saving={updated.fetching}
          error={updated.operation?.variables.expectedRevision === v.revision ? updated.error : null}
          onSubmit={saveDraft}
          onReload={onReload}
        />
      )}
      {adopting && (
        <form className="card console-form" onSubmit={submitAdopt}>
          <h4>{t('adoptHeading')}</h4>
          <div className="row">
            <label>
              {t('adoptedOnLabel')}
              <input type="date" name="adoptedOn" value={adoptForm.adoptedOn} onChange={(e) => setAdoptForm({ ...adoptForm, adoptedOn: e.target.value })} />
            </label>
            <label>
              {t('documentLabel')}
              <input name="documentNumber" value={adoptForm.documentNumber} onChange={(e) => setAdoptForm({ ...adoptForm, documentNumber: e.target.value })} />
            </label>
          </div>
          <SaveError error={adoptedResult.error} onReload={onReload} />
          <button type="submit" className="primary" disabled={adoptedResult.fetching}>
            {t('confirmAdopt')}
          </button>
        </form>
      )}
      <FilingsTable key={v.id} version={v} canEdit={canEdit} />
      <h4>{t('batches')}</h4>
      <table data-testid="plan-batches">
        <thead>
          <tr>
            <th>{t('position')}</th>
            <th>{t('name')}</th>
            <th>{t('window')}</th>
            <th>{t('scope')}</th>
            <th>{t('items')}</th>
            <th>{t('estimated')}</th>
            <th>{t('inScope')}</th>
          </tr>
        </thead>
        <tbody>
          {v.batches.map((b) => (
            <tr key={b.id}>
              <td>{b.position}</td>
              <td>{b.name}</td>
              <td>
                {b.startDate} – {b.endDate}
              </td>
              <td>
                <div>{b.regions.length ? b.regions.map((r) => r.name).join('、') : t('wholeArea')}</div>
                <div>{b.targetTypes.length ? b.targetTypes.map((x) => type(x)).join('、') : t('typesOfItems')}</div>
                {b.specialDirectories.length > 0 && <div>{b.specialDirectories.map((x) => special(x)).join('、')}</div>}
              </td>
              <td>
                <ul className="plain">
                  {b.items.map((item) => (
                    <li key={item.id}>
                      {item.code} {item.current.name} <span className="muted">{ratioOf(item)}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{b.estimatedCount}</td>
              <td>{b.scopeTargetCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('coverage')}</h4>
      {v.uncoveredItems.length ? (
        <div className="warn" data-testid="uncovered-items">
          <p>{t('uncovered')}</p>
          <ul>
            {v.uncoveredItems.map((item) => (
              <li key={item.id}>
                {item.code} {item.current.name}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="ok">{t('covered')}</p>
      )}
      {v.warnings.length > 0 && (
        <>
          <h4>{t('warnings')}</h4>
          <ul data-testid="plan-warnings">
            {v.warnings.map((w, i) => (
              <li key={i}>
                <span className="badge warn">{warningKind(w.kind)}</span> {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
