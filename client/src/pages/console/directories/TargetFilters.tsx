import { defineMessages, useT } from '../../../i18n';
import type { TargetSort } from '../../../gql/graphql';
import { EnumSelect } from '../shared/Choices';
import { SortControls } from '../shared/DirectoryList';
import { DepartmentSelect } from '../shared/DirectoryPickers';
import { creditClassLabels, riskLevelLabels, specialDirectoryLabels, targetStatusLabels, targetTypeLabels } from '../shared/labels';
import { SearchBox } from '../shared/SearchBox';
import { TargetListState } from './target-form';

const messages = defineMessages(
  {
    search: '名称或信用代码', any: '不限', type: '对象类型', status: '登记状态', risk: '风险等级', credit: '信用等级', special: '专项名录',
    region: '行政区划（含下辖）', dishonest: '失信', serious: '严重违法失信', yes: '是', no: '否', minComplaints: '投诉至少（次）', NAME: '名称', CREDIT_CODE: '信用代码', REGION: '行政区划', RISK_LEVEL: '风险等级', COMPLAINTS: '投诉次数', UPDATED_AT: '更新时间',
  },
  {
    search: 'Name or credit code', any: 'Any', type: 'Type', status: 'Status', risk: 'Risk level', credit: 'Credit class', special: 'Special directory',
    region: 'Region (and below)', dishonest: 'Dishonest', serious: 'Serious violation', yes: 'Yes', no: 'No', minComplaints: 'At least complaints',
    NAME: 'Name', CREDIT_CODE: 'Credit code', REGION: 'Region', RISK_LEVEL: 'Risk level', COMPLAINTS: 'Complaints',
    UPDATED_AT: 'Last change',
  },
);
const SORTS: TargetSort[] = ['NAME', 'CREDIT_CODE', 'REGION', 'RISK_LEVEL', 'COMPLAINTS', 'UPDATED_AT'];

/** Every filter TargetFilter offers, and the sort. */
export function TargetFilters({ state, onChange }: { state: TargetListState; onChange(next: TargetListState): void }) {
  const t = useT(messages);
  const set = <K extends keyof TargetListState>(key: K, value: TargetListState[K]) => onChange({ ...state, [key]: value });
  const yesNo = (key: 'dishonest' | 'seriousViolation', label: string) => (
    <label>
      {label}
      <select name={key} value={state[key]} onChange={(e) => set(key, e.target.value as '' | 'yes' | 'no')}>
        <option value="">{t('any')}</option>
        <option value="yes">{t('yes')}</option>
        <option value="no">{t('no')}</option>
      </select>
    </label>
  );
  return (
    <>
      <SearchBox label={t('search')} value={state.search} onSearch={(search) => set('search', search)} />
      <div className="console-filters">
        <EnumSelect name="filterType" label={t('type')} labels={targetTypeLabels} value={state.type} anyLabel={t('any')} onChange={(v) => set('type', v)} />
        <EnumSelect name="filterStatus" label={t('status')} labels={targetStatusLabels} value={state.status} anyLabel={t('any')} onChange={(v) => set('status', v)} />
        <EnumSelect name="filterRisk" label={t('risk')} labels={riskLevelLabels} value={state.riskLevel} anyLabel={t('any')} onChange={(v) => set('riskLevel', v)} />
        <EnumSelect name="filterCredit" label={t('credit')} labels={creditClassLabels} value={state.creditClass} anyLabel={t('any')} onChange={(v) => set('creditClass', v)} />
        <EnumSelect name="filterSpecial" label={t('special')} labels={specialDirectoryLabels} value={state.specialDirectory} anyLabel={t('any')} onChange={(v) => set('specialDirectory', v)} />
        <label>
          {t('region')}
          {/* Applied on leaving the field or Enter: a half-typed code would only be refused. */}
          <input
            name="filterRegion"
            size={10}
            key={state.regionCode}
            defaultValue={state.regionCode}
            onBlur={(e) => e.target.value.trim() !== state.regionCode && set('regionCode', e.target.value.trim())}
            onKeyDown={(e) => e.key === 'Enter' && set('regionCode', e.currentTarget.value.trim())}
          />
        </label>
        {yesNo('dishonest', t('dishonest'))}
        {yesNo('seriousViolation', t('serious'))}
        <label>
          {t('minComplaints')}
          <input name="minComplaints" type="number" min={0} style={{ width: '6em' }} value={state.minComplaints} onChange={(e) => set('minComplaints', e.target.value)} />
        </label>
        <DepartmentSelect value={state.departmentId} onChange={(id) => set('departmentId', id)} />
        <SortControls<TargetSort> sorts={SORTS} labelOf={t} value={state.sort} onChange={(v) => set('sort', v)} descending={state.descending} onDescendingChange={(v) => set('descending', v)} />
      </div>
    </>
  );
}
