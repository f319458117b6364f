import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { CreditClass, RiskLevel } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { EnumSelect, RecordSelect } from '../shared/Choices';
import { creditClassLabels, ratioSourceLabels, riskLevelLabels } from '../shared/labels';
import { useItemChoices } from '../shared/useItemChoices';

const messages = defineMessages(
  {
    heading: '实际抽查比例试算', item: '检查事项', risk: '风险等级', credit: '信用等级', choose: '请选择', ratio: '应抽比例', base: '基础比例',
    source: '基础比例来源', factor: '系数（风险 {risk} × 信用 {credit}）', cap: '比例上限', noCap: '不设上限', capped: '已按上限封顶', rounds: '每年最少抽查次数',
    focus: '重点对象：不受比例上限限制', exempt: '可一年抽查两次以上', percent: '{n}%', yes: '是', no: '否',
  },
  {
    heading: 'Effective ratio', item: 'Item', risk: 'Risk level', credit: 'Credit class', choose: 'Choose…', ratio: 'Ratio to draw', base: 'Base ratio',
    source: 'Base ratio from', factor: 'Factor (risk {risk} × credit {credit})', cap: 'Cap', noCap: 'No cap', capped: 'Capped', rounds: 'Minimum rounds a year',
    focus: 'Focus target: no cap applies', exempt: 'May be drawn more than twice a year', percent: '{n}%', yes: 'yes', no: 'no',
  },
);

const EffectiveRatioQuery = graphql(`
  query ConsoleEffectiveRatio($itemId: ID!, $riskLevel: RiskLevel!, $creditClass: CreditClass!) {
    effectiveRatio(itemId: $itemId, riskLevel: $riskLevel, creditClass: $creditClass) {
      ratioPercent
      basePercent
      baseSource
      riskFactor
      creditFactor
      factor
      capPercent
      capped
      focusTarget
      exemptFromYearlyLimit
      minRoundsPerYear
    }
  }
`);

/** What the policy means for one item and one kind of target (`effectiveRatio`). */
export function EffectiveRatioPanel() {
  const t = useT(messages);
  const source = useT(ratioSourceLabels);
  const { options: itemOptions } = useItemChoices();
  const [itemId, setItemId] = useState('');
  const [riskLevel, setRiskLevel] = useState<RiskLevel>('MEDIUM');
  const [creditClass, setCreditClass] = useState<CreditClass>('B');
  const [result] = useQuery({ query: EffectiveRatioQuery, variables: { itemId, riskLevel, creditClass }, pause: !itemId, requestPolicy: 'network-only' });
  const ratio = result.data?.effectiveRatio;
  return (
    <section className="card console-detail" aria-label={t('heading')}>
      <h3>{t('heading')}</h3>
      <div className="row">
        <RecordSelect name="ratioItem" label={t('item')} value={itemId} emptyLabel={t('choose')} options={itemOptions} onChange={setItemId} />
        <EnumSelect name="ratioRisk" label={t('risk')} labels={riskLevelLabels} value={riskLevel} onChange={(v) => v && setRiskLevel(v)} />
        <EnumSelect name="ratioCredit" label={t('credit')} labels={creditClassLabels} value={creditClass} onChange={(v) => v && setCreditClass(v)} />
      </div>
      <ErrorNotice error={result.error} />
      {itemId && ratio && (
        <dl data-testid="effective-ratio">
          <dt>{t('ratio')}</dt>
          <dd>
            <strong>{t('percent', { n: ratio.ratioPercent })}</strong>
          </dd>
          <dt>{t('base')}</dt>
          <dd>{t('percent', { n: ratio.basePercent })}</dd>
          <dt>{t('source')}</dt>
          <dd>{source(ratio.baseSource)}</dd>
          <dt>{t('factor', { risk: ratio.riskFactor, credit: ratio.creditFactor })}</dt>
          <dd>{ratio.factor}</dd>
          <dt>{t('cap')}</dt>
          <dd>
            {ratio.capPercent === null || ratio.capPercent === undefined ? t('noCap') : t('percent', { n: ratio.capPercent })}
            {ratio.capped && <span className="badge warn"> {t('capped')}</span>}
          </dd>
          <dt>{t('rounds')}</dt>
          <dd>{ratio.minRoundsPerYear}</dd>
          <dt>{t('focus')}</dt>
          <dd>{ratio.focusTarget ? t('yes') : t('no')}</dd>
          <dt>{t('exempt')}</dt>
          <dd>{ratio.exemptFromYearlyLimit ? t('yes') : t('no')}</dd>
        </dl>
      )}
    </section>
  );
}
