import { graphql } from '../../../gql';
import type { ConsoleItemVersionFieldsFragment } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { checkMethodLabels, itemKindLabels, regionLevelLabels, targetTypeLabels } from '../shared/labels';
import { itemFieldMessages } from './ItemForm';

export const ItemVersionFields = graphql(`
  fragment ConsoleItemVersionFields on InspectionItemVersion {
    id
    version
    createdAt
    name
    categoryCode
    category {
      code
      nameZh
      nameEn
    }
    kind
    targetTypes
    checkContent
    methods
    ratioMinPercent
    ratioMaxPercent
    frequencyPerYear
    responsibleUnit
    level
    legalBasis
    checkForms {
      id
      name
      checkPoints {
        point
        method
        criterion
        followUp
      }
    }
  }
`);

const messages = defineMessages(
  { savedAt: '本版保存于', none: '—', noCap: '不设上限', perYear: '{n} 次/年', percent: '{n}%' },
  { savedAt: 'Saved', none: '—', noCap: 'No cap', perYear: '{n} a year', percent: '{n}%' },
);

/** One immutable version of an item, as tasks that pinned it saw it. */
export function ItemVersionView({ version: v }: { version: ConsoleItemVersionFieldsFragment }) {
  const t = useT(messages);
  const f = useT(itemFieldMessages);
  const kind = useT(itemKindLabels);
  const type = useT(targetTypeLabels);
  const method = useT(checkMethodLabels);
  const level = useT(regionLevelLabels);
  const { lang } = useLang();
  const percent = (n: number | null | undefined) => (n === null || n === undefined ? t('none') : t('percent', { n }));
  return (
    <div data-testid="item-version">
      <dl>
        <dt>{f('name')}</dt>
        <dd data-testid="item-version-name">{v.name}</dd>
        <dt>{f('categoryCode')}</dt>
        <dd>{v.category ? (lang === 'zh' ? v.category.nameZh : v.category.nameEn) : v.categoryCode}</dd>
        <dt>{f('kind')}</dt>
        <dd>{kind(v.kind)}</dd>
        <dt>{f('targetTypes')}</dt>
        <dd>{v.targetTypes.map((x) => type(x)).join('、') || t('none')}</dd>
        <dt>{f('methods')}</dt>
        <dd>{v.methods.map((x) => method(x)).join('、') || t('none')}</dd>
        <dt>{f('ratioMinPercent')}</dt>
        <dd>{percent(v.ratioMinPercent)}</dd>
        <dt>{f('ratioMaxPercent')}</dt>
        <dd>{v.kind === 'KEY' ? t('noCap') : percent(v.ratioMaxPercent)}</dd>
        <dt>{f('frequencyPerYear')}</dt>
        <dd>{t('perYear', { n: v.frequencyPerYear })}</dd>
        <dt>{f('level')}</dt>
        <dd>{level(v.level)}</dd>
        <dt>{f('responsibleUnit')}</dt>
        <dd>{v.responsibleUnit || t('none')}</dd>
        <dt>{f('legalBasis')}</dt>
        <dd>{v.legalBasis || t('none')}</dd>
        <dt>{f('checkContent')}</dt>
        <dd>{v.checkContent || t('none')}</dd>
        <dt>{t('savedAt')}</dt>
        <dd>{formatDateTime(v.createdAt, lang)}</dd>
      </dl>
      {v.checkForms.map((form) => (
        <div key={form.id}>
          <h4>
            {f('checkForms')}：{form.name}
          </h4>
          <table>
            <thead>
              <tr>
                <th>{f('point')}</th>
                <th>{f('method')}</th>
                <th>{f('criterion')}</th>
                <th>{f('followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {form.checkPoints.map((p, i) => (
                <tr key={i}>
                  <td>{p.point}</td>
                  <td>{p.method}</td>
                  <td>{p.criterion}</td>
                  <td>{p.followUp}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
