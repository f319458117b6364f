import type { InspectorMyVisitsQuery } from '../../gql/graphql';
import { defineMessages, useT } from '../../i18n';
import type { VocabularyGroup } from '../console/shared/useLabel';
import { CodeFact } from '../../ui/common';

const messages = defineMessages(
  {
    code: '统一社会信用代码',
    address: '地址',
    representative: '法定代表人',
    phone: '联系电话',
    window: '检查期限',
    lead: '牵头部门',
    team: '检查组',
    tasks: '抽查任务',
    items: '检查事项（{n}）',
    content: '检查内容',
    methods: '检查方式',
    how: '检查方法',
    criterion: '判定标准',
    followUp: '后续处理',
    noForm: '该事项未配置检查表单。',
  },
  {
    code: 'Credit code',
    address: 'Address',
    representative: 'Legal representative',
    phone: 'Phone',
    window: 'Window',
    lead: 'Led by',
    team: 'Team',
    tasks: 'Tasks',
    items: 'Inspection items ({n})',
    content: 'What is checked',
    methods: 'Methods',
    how: 'Method',
    criterion: 'How to decide',
    followUp: 'Follow-up',
    noForm: 'No check form for this item.',
  },
);

type Visit = InspectorMyVisitsQuery['myVisits'][number];

/** One visit as the inspector carries it: where, when, with whom, and every item's check form. */
export function VisitCard({ visit, label }: { visit: Visit; label: (group: VocabularyGroup, value: string) => string }) {
  const t = useT(messages);
  return (
    <section className="visit" data-testid="my-visit">
      <h2>{visit.target?.name ?? visit.publicId}</h2>
      <span className="badge">{label('VisitStatus', visit.status)}</span>
      <dl className="facts">
        <CodeFact term={t('code')} value={visit.publicId} />
        {visit.target && (
          <>
            <dt>{t('address')}</dt>
            <dd>{visit.target.address}</dd>
            {visit.target.legalRepresentative && (
              <>
                <dt>{t('representative')}</dt>
                <dd>{visit.target.legalRepresentative}</dd>
              </>
            )}
            {visit.target.phone && (
              <>
                <dt>{t('phone')}</dt>
                <dd>
                  <a className="tel" href={`tel:${visit.target.phone}`}>
                    {visit.target.phone}
                  </a>
                </dd>
              </>
            )}
          </>
        )}
        <dt>{t('window')}</dt>
        <dd>
          {visit.windowStart} — {visit.windowEnd}
        </dd>
        <dt>{t('lead')}</dt>
        <dd>{visit.leadDepartment.name}</dd>
        <dt>{t('tasks')}</dt>
        <dd>{visit.tasks.map((task) => task.taskName).join('、')}</dd>
      </dl>
      <h3>{t('team')}</h3>
      <ul className="team">
        {visit.members.map((m) => (
          <li key={m.id}>
            <span className="badge">{label('VisitMemberRole', m.role)}</span> {m.inspector?.name} <span className="muted">{m.department?.name}</span>
            {m.inspector?.phone && (
              <>
                {' '}
                <a href={`tel:${m.inspector.phone}`}>{m.inspector.phone}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('items', { n: visit.items.length })}</h3>
      {visit.items.map(({ item, taskId }) => (
        <details key={`${taskId}-${item.id}`}>
          <summary>{item.name}</summary>
          {item.checkContent && (
            <p>
              <span className="muted">{t('content')}：</span>
              {item.checkContent}
            </p>
          )}
          {item.methods.length > 0 && (
            <p>
              <span className="muted">{t('methods')}：</span>
              {item.methods.map((m) => label('CheckMethod', m)).join('、')}
            </p>
          )}
          {item.checkForms.length === 0 && <p className="muted">{t('noForm')}</p>}
          {item.checkForms.map((form) => (
            <div key={form.id}>
              <h4>{form.name}</h4>
              {form.checkPoints.map((cp, i) => (
                <div key={i} className="checkpoint">
                  <div>
                    <strong>{i + 1}. </strong>
                    {cp.point}
                  </div>
                  {cp.method && (
                    <div>
                      <span className="muted">{t('how')}：</span>
                      {cp.method}
                    </div>
                  )}
                  {cp.criterion && (
                    <div>
                      <span className="muted">{t('criterion')}：</span>
                      {cp.criterion}
                    </div>
                  )}
                  {cp.followUp && (
                    <div>
                      <span className="muted">{t('followUp')}：</span>
                      {cp.followUp}
                    </div>
                  )}
                </div>
              ))}
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
