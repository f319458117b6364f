import { useState } from 'react';
import { useQuery } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';
import { Link } from '../../router';
import { Empty, ErrorNotice, Loading } from '../../ui/common';
import { AnnouncementsQuery } from './public-queries';
import '../../draw/draw.css';
import './public.css';

/** 抽查任务公告: every announced draw, newest first, open to businesses and the public without login. */
const PAGE_SIZE = 20;

const messages = defineMessages(
  {
    heading: '抽查任务公告',
    intro: '以下为依法公开的“双随机”抽查任务及其摇号结果。每次摇号均可凭公开记录独立复核：打开公告即可在浏览器中重新计算全部抽取结果。',
    department: '组织部门',
    executing: '实施部门',
    window: '检查时间',
    announcedAt: '公告时间',
    targets: '抽取对象 {n} 户',
    open: '查看公告与验证',
    previous: '上一页',
    next: '下一页',
    page: '第 {page} / {pages} 页，共 {total} 条',
  },
  {
    heading: 'Task announcements',
    intro: 'Random inspection tasks and their draws, published as the law requires. Every draw can be checked independently from its public record: open an announcement and your browser recomputes every pick.',
    department: 'Organised by',
    executing: 'Carried out by',
    window: 'Inspection period',
    announcedAt: 'Announced',
    targets: '{n} targets drawn',
    open: 'Announcement and verification',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {page} of {pages}, {total} in all',
  },
);

export default function PublicHome() {
  const t = useT(messages);
  const { lang } = useLang();
  const [page, setPage] = useState(0);
  const [result, reexecute] = useQuery({ query: AnnouncementsQuery, variables: { page: { skip: page * PAGE_SIZE, take: PAGE_SIZE, order: 'ASC' } } });
  const list = result.data?.taskAnnouncements;
  const pages = list ? Math.max(1, Math.ceil(list.totalItems / PAGE_SIZE)) : 1;
  return (
    <div className="public">
      <h1>{t('heading')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!list && result.fetching && <Loading />}
      {list && list.items.length === 0 && <Empty />}
      {list && list.items.length > 0 && (
        <>
          <ul className="announcements">
            {list.items.map((a) => (
              <li key={a.drawId} className="card" data-testid="announcement" data-draw-id={a.drawId}>
                <h2>
                  <Link to={`/public/draws/${encodeURIComponent(a.drawId)}`}>{a.taskName}</Link>
                </h2>
                <dl className="facts">
                  <dt>{t('department')}</dt>
                  <dd>{a.departmentName}</dd>
                  {a.executingDepartmentName !== a.departmentName && (
                    <>
                      <dt>{t('executing')}</dt>
                      <dd>{a.executingDepartmentName}</dd>
                    </>
                  )}
                  <dt>{t('window')}</dt>
                  <dd>
                    {a.windowStart} – {a.windowEnd}
                  </dd>
                  <dt>{t('announcedAt')}</dt>
                  <dd>{formatDateTime(a.announcedAt, lang)}</dd>
                </dl>
                <div className="row">
                  <span className="badge">{t('targets', { n: a.targetCount })}</span>
                  <Link to={`/public/draws/${encodeURIComponent(a.drawId)}`}>{t('open')} →</Link>
                </div>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <div className="row pager">
              <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
                {t('previous')}
              </button>
              <span className="muted">{t('page', { page: page + 1, pages, total: list.totalItems })}</span>
              <button type="button" onClick={() => setPage(page + 1)} disabled={page + 1 >= pages}>
                {t('next')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
