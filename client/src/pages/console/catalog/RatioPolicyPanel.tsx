import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { CreditClass, RiskLevel } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { RecordSelect } from '../shared/Choices';
import { creditClassLabels, riskLevelLabels, valuesOf } from '../shared/labels';
import { SuccessNotice } from '../shared/Notices';
import { SaveError } from '../shared/SaveError';
import { useItemChoices } from '../shared/useItemChoices';
import { RatioPolicyForm, ratioPolicyForm, ratioPolicyInput } from './ratio-form';

const messages = defineMessages(
  {
    heading: '抽查比例和频次规则', isDefault: '本部门尚未设定，使用默认规则', own: '本部门规则第 {version} 版，{at} 修改', minRatio: '每项事项最低抽查比例（%）',
    minRounds: '每项事项每年最少抽查次数', riskFactors: '风险等级系数（乘以基础比例）', creditFactors: '信用等级系数（乘以基础比例）',
    overrides: '单项例外（法律法规或上级另有规定的）', item: '检查事项', ratio: '比例（%）', rounds: '次/年', remove: '删除', addOverride: '添加例外',
    choose: '请选择', save: '保存规则', saved: '已保存，现为第 {version} 版。',
    explain: '高风险或信用C/D类对象为重点对象，不受一般检查事项比例上限限制，可一年抽查两次以上（第十四条）。',
  },
  {
    heading: 'Ratio and frequency policy', isDefault: 'Not set by the department: the default applies', own: 'Department policy, version {version}, changed {at}',
    minRatio: 'Minimum ratio per item (%)', minRounds: 'Minimum rounds a year per item', riskFactors: 'Risk factors (times the base ratio)',
    creditFactors: 'Credit factors (times the base ratio)', overrides: 'Per-item exceptions (where law or the upper level says otherwise)', item: 'Item',
    ratio: 'Ratio (%)', rounds: 'Rounds a year', remove: 'Remove', addOverride: 'Add an exception', choose: 'Choose…', save: 'Save the policy',
    saved: 'Saved: now version {version}.',
    explain: 'High-risk targets and credit classes C/D are focus targets: no cap of general items applies and they may be drawn more than twice a year (Art. 14).',
  },
);

const PolicyQuery = graphql(`
  query ConsoleRatioPolicy {
    ratioPolicy {
      id
      version
      isDefault
      updatedAt
      minRatioPercent
      minRoundsPerYear
      riskFactors {
        riskLevel
        factor
      }
      creditFactors {
        creditClass
        factor
      }
      itemOverrides {
        itemId
        ratioPercent
        roundsPerYear
      }
      department {
        id
        name
      }
    }
  }
`);

const SetPolicy = graphql(`
  mutation ConsoleSetRatioPolicy($expectedVersion: Int!, $input: RatioPolicyInput!) {
    setRatioPolicy(expectedVersion: $expectedVersion, input: $input) {
      id
      version
      isDefault
    }
  }
`);

/** The department's ratio policy (Art. 14), edited from the version read. */
export function RatioPolicyPanel() {
  const t = useT(messages);
  const { lang } = useLang();
  const [result, refetch] = useQuery({ query: PolicyQuery });
  const [notice, setNotice] = useState('');
  const policy = result.data?.ratioPolicy;
  if (!policy) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  return (
    <section className="card" aria-label={t('heading')}>
      <h3>{t('heading')}</h3>
      <p className="muted">{policy.isDefault ? t('isDefault') : t('own', { version: policy.version, at: formatDateTime(policy.updatedAt, lang) })}</p>
      <p className="muted">{t('explain')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      {/* Saved here or elsewhere, a new version starts the form afresh from it. */}
      <PolicyForm
        key={policy.version}
        version={policy.version}
        initial={ratioPolicyForm(policy)}
        onSaving={() => setNotice('')}
        onSaved={(v) => setNotice(t('saved', { version: v }))}
        onReload={() => refetch({ requestPolicy: 'network-only' })}
      />
    </section>
  );
}

function PolicyForm({ version, initial, onSaving, onSaved, onReload }: { version: number; initial: RatioPolicyForm; onSaving(): void; onSaved(version: number): void; onReload(): void }) {
  const t = useT(messages);
  const risk = useT(riskLevelLabels);
  const credit = useT(creditClassLabels);
  const { options: itemOptions } = useItemChoices();
  const [form, setForm] = useState(initial);
  const [saved, save] = useMutation(SetPolicy);
  const setOverride = (i: number, key: 'itemId' | 'ratioPercent' | 'roundsPerYear', value: string) =>
    setForm({ ...form, itemOverrides: form.itemOverrides.map((o, j) => (j === i ? { ...o, [key]: value } : o)) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onSaving();
    const outcome = await save({ expectedVersion: version, input: ratioPolicyInput(form) });
    if (outcome.data) onSaved(outcome.data.setRatioPolicy.version);
  };
  return (
    <form className="console-form" onSubmit={submit}>
      <div className="row">
        <label>
          {t('minRatio')}
          <input type="number" step="any" min={0} name="minRatioPercent" value={form.minRatioPercent} onChange={(e) => setForm({ ...form, minRatioPercent: e.target.value })} />
        </label>
        <label>
          {t('minRounds')}
          <input type="number" min={0} name="minRoundsPerYear" value={form.minRoundsPerYear} onChange={(e) => setForm({ ...form, minRoundsPerYear: e.target.value })} />
        </label>
      </div>
      <fieldset>
        <legend>{t('riskFactors')}</legend>
        <div className="row">
          {valuesOf(riskLevelLabels).map((level: RiskLevel) => (
            <label key={level}>
              {risk(level)}
              <input type="number" step="any" min={0} value={form.riskFactors[level]} onChange={(e) => setForm({ ...form, riskFactors: { ...form.riskFactors, [level]: e.target.value } })} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('creditFactors')}</legend>
        <div className="row">
          {valuesOf(creditClassLabels).map((cls: CreditClass) => (
            <label key={cls}>
              {credit(cls)}
              <input type="number" step="any" min={0} value={form.creditFactors[cls]} onChange={(e) => setForm({ ...form, creditFactors: { ...form.creditFactors, [cls]: e.target.value } })} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('overrides')}</legend>
        {form.itemOverrides.map((o, i) => (
          <div className="row" key={i}>
            <RecordSelect label={t('item')} value={o.itemId} emptyLabel={t('choose')} options={itemOptions} onChange={(v) => setOverride(i, 'itemId', v)} />
            <label>
              {t('ratio')}
              <input type="number" step="any" min={0} value={o.ratioPercent} onChange={(e) => setOverride(i, 'ratioPercent', e.target.value)} />
            </label>
            <label>
              {t('rounds')}
              <input type="number" min={0} value={o.roundsPerYear} onChange={(e) => setOverride(i, 'roundsPerYear', e.target.value)} />
            </label>
            <button type="button" onClick={() => setForm({ ...form, itemOverrides: form.itemOverrides.filter((_, j) => j !== i) })}>
              {t('remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setForm({ ...form, itemOverrides: [...form.itemOverrides, { itemId: '', ratioPercent: '', roundsPerYear: '' }] })}>
          {t('addOverride')}
        </button>
      </fieldset>
      <SaveError error={saved.operation?.variables.expectedVersion === version ? saved.error : null} onReload={onReload} />
      <button type="submit" className="primary" disabled={saved.fetching}>
        {t('save')}
      </button>
    </form>
  );
}
