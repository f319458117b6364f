import { useMemo } from 'react';
import { useQuery } from 'urql';
import { PickList } from '../../draw/PickList';
import { groupBySegment, recordLabels } from '../../draw/verify';
import { VerifyPanel } from '../../draw/VerifyPanel';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';
import { Link } from '../../router';
import { CodeFact, ErrorNotice, Loading } from '../../ui/common';
import { AnnouncementQuery, PublicRecordQuery } from './public-queries';
import { RecordSummary } from './RecordSummary';
import '../../draw/draw.css';
import './public.css';

/** One task announcement with its drawn targets, and the draw checked in the reader's own browser. */
const messages = defineMessages(
  {
    back: '← 全部公告',
    heading: '抽查任务公告',
    department: '组织部门',
    executing: '实施部门',
    window: '检查时间',
    items: '抽查事项',
    announcedAt: '公告时间',
    commitment: '摇号承诺值',
    targets: '抽取对象（{n} 户，按抽取顺序）',
  },
  {
    back: '← All announcements',
    heading: 'Task announcement',
    department: 'Organised by',
    executing: 'Carried out by',
    window: 'Inspection period',
    items: 'Inspection items',
    announcedAt: 'Announced',
    commitment: 'Draw commitment',
    targets: 'Drawn targets ({n}, in draw order)',
  },
);

export default function PublicDraw({ drawId }: { drawId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const [announcement, reloadAnnouncement] = useQuery({ query: AnnouncementQuery, variables: { drawId } });
  const [record, reloadRecord] = useQuery({ query: PublicRecordQuery, variables: { id: drawId } });
  const a = announcement.data?.taskAnnouncement;
  const drawRecord = record.data?.drawRecord ?? null;
  const observed = useMemo(
    () => (a && drawRecord ? groupBySegment(recordLabels(drawRecord), a.targets.map((target) => ({ segment: target.segment, id: target.publicId }))) : null),
    [a, drawRecord],
  );
  // Each target's position within its segment (the announcement lists segments one after another).
  const ordinals = useMemo(() => {
    const seen = new Map<string, number>();
    return (a?.targets ?? []).map((target) => {
      const n = seen.get(target.segment) ?? 0;
      seen.set(target.segment, n + 1);
      return n;
    });
  }, [a]);

  return (
    <div className="public">
      <p>
        <Link to="/public">{t('back')}</Link>
      </p>
      <ErrorNotice error={announcement.error} onRetry={() => reloadAnnouncement({ requestPolicy: 'network-only' })} />
      {!a && announcement.fetching && <Loading />}
      {a && (
        <>
          <section className="card" data-testid="announcement-detail">
            <span className="muted">{t('heading')}</span>
            <h1>{a.taskName}</h1>
            <dl className="facts">
              <dt>{t('department')}</dt>
              <dd>{a.departmentName}</dd>
              <dt>{t('executing')}</dt>
              <dd>{a.executingDepartmentName}</dd>
              <dt>{t('window')}</dt>
              <dd>
                {a.windowStart} – {a.windowEnd}
              </dd>
              <dt>{t('items')}</dt>
              <dd>{a.items.join('；')}</dd>
              <dt>{t('announcedAt')}</dt>
              <dd>{formatDateTime(a.announcedAt, lang)}</dd>
              <CodeFact term={t('commitment')} value={a.commitment} />
            </dl>
          </section>
          <VerifyPanel record={drawRecord} observed={observed} observedSource="announcement" />
          <ErrorNotice error={record.error} onRetry={() => reloadRecord({ requestPolicy: 'network-only' })} />
          <section className="card">
            <h2>{t('targets', { n: a.targetCount })}</h2>
            <PickList
              count={a.targets.length}
              rowAt={(index) => {
                const target = a.targets[index];
                return { segment: target.segment, ordinal: ordinals[index], id: target.publicId, name: target.name };
              }}
            />
          </section>
          {drawRecord && <RecordSummary record={drawRecord} recordUrl={a.recordUrl} />}
        </>
      )}
    </div>
  );
}
