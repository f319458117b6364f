import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { Outcome } from '../shared/Notices';
import { toggleValue } from '../shared/list-edit';
import { useLabel } from '../shared/useLabel';
import { AppointTeamForm } from './AppointTeamForm';
import { DrawCrossRegionTeamsMutation, DrawTeamsMutation, TeamsOfDrawQuery } from './team-queries';
import { crossRegionDepartments } from './team-rules';
import { VisitTeam } from './VisitTeam';

const messages = defineMessages(
  {
    heading: '检查组 · 摇号 #{id}',
    task: '抽查任务',
    drawTeams: '随机抽取检查组',
    drawn: '已为 {visits} 次检查抽取：{staffed} 组配齐，{unstaffed} 组未配齐。',
    crossRegion: '跨区域联合匹配',
    crossRegionNote: '与相邻地区同类部门的执法检查人员联合随机匹配，仅用于未配齐的检查。',
    crossRegionSubmit: '联合匹配',
    rounds: '抽取记录',
    kind: '类别',
    drawnAt: '时间',
    drawnBy: '操作人',
    result: '结果',
    roundResult: '{targets} 次检查，{staffed} 组配齐，{unstaffed} 组未配齐',
    unstaffed: '未配齐的检查（{n}）',
    remedies: '处理办法',
    visits: '检查与检查组（{n}）',
    record: '检查组记录（可复核）',
  },
  {
    heading: 'Teams · draw #{id}',
    task: 'Task',
    drawTeams: 'Draw the teams',
    drawn: 'Drawn for {visits} visits: {staffed} staffed, {unstaffed} not staffed.',
    crossRegion: 'Cross-region matching',
    crossRegionNote: 'A joint random matching with the inspectors of departments of the same kind in neighbouring regions, for the visits left unstaffed.',
    crossRegionSubmit: 'Match across regions',
    rounds: 'Team draws',
    kind: 'Kind',
    drawnAt: 'When',
    drawnBy: 'By',
    result: 'Result',
    roundResult: '{targets} visits, {staffed} staffed, {unstaffed} not staffed',
    unstaffed: 'Visits not staffed ({n})',
    remedies: 'Remedies',
    visits: 'Visits and teams ({n})',
    record: 'Team record (verifiable)',
  },
);

/** A locked draw's teams: draw them, match across regions, appoint, and follow every team's changes. */
export function DrawTeams({ drawId }: { drawId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [result, refetch] = useQuery({ query: TeamsOfDrawQuery, variables: { drawId } });
  const [drawing, drawTeams] = useMutation(DrawTeamsMutation);
  const [matching, matchCrossRegion] = useMutation(DrawCrossRegionTeamsMutation);
  const [neighbours, setNeighbours] = useState<string[]>([]);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const data = result.data;
  if (result.error && !data) return <ErrorNotice error={result.error} onRetry={reload} />;
  if (!data) return <Loading />;
  const outcome = matching.data?.drawCrossRegionTeams ?? drawing.data?.drawTeams;
  const candidates = crossRegionDepartments(data.unstaffedVisits.remedies);
  const windowStart = data.draw.task.windowStart;

  return (
    <article>
      <h1>{t('heading', { id: data.draw.id })}</h1>
      <p>
        {t('task')}: <Link to={`/console/tasks?task=${data.draw.task.id}`}>{data.draw.task.name}</Link> · <a href={`/files/draws/${data.draw.id}/teams.json`}>{t('record')}</a>
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={drawing.fetching} onClick={async () => (await drawTeams({ drawId })).data && reload()}>
          {t('drawTeams')}
        </button>
      </div>
      <Outcome
        error={drawing.error ?? matching.error}
        success={outcome ? t('drawn', { visits: outcome.visits, staffed: outcome.staffed, unstaffed: outcome.unstaffedCount }) : null}
      />

      {data.teamDraws.length > 0 && (
        <>
          <h2>{t('rounds')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('kind')}</th>
                <th>{t('drawnAt')}</th>
                <th>{t('drawnBy')}</th>
                <th>{t('result')}</th>
              </tr>
            </thead>
            <tbody>
              {data.teamDraws.map((round) => (
                <tr key={round.id}>
                  <td>
                    {label('TeamDrawKind', round.kind)} <code className="muted">{round.label}</code>
                  </td>
                  <td>{formatDateTime(round.drawnAt, lang)}</td>
                  <td>{round.drawnBy ?? '—'}</td>
                  <td>{t('roundResult', { targets: round.targets, staffed: round.staffed, unstaffed: round.unstaffed })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {data.unstaffedVisits.totalItems > 0 && (
        <>
          <h2>{t('unstaffed', { n: data.unstaffedVisits.totalItems })}</h2>
          <ul>
            {data.unstaffedVisits.remedies.map((remedy) => (
              <li key={remedy.kind} className="muted">
                {remedy.text}
              </li>
            ))}
          </ul>
          {candidates.length > 0 && (
            <section className="card">
              <h3>{t('crossRegion')}</h3>
              <p className="muted">{t('crossRegionNote')}</p>
              <fieldset className="checks">
                {candidates.map((d) => (
                  <label key={d.id}>
                    <input type="checkbox" checked={neighbours.includes(d.id)} onChange={() => setNeighbours(toggleValue(neighbours, d.id))} />
                    {d.name}
                  </label>
                ))}
              </fieldset>
              <button
                type="button"
                disabled={matching.fetching || neighbours.length === 0}
                onClick={async () => (await matchCrossRegion({ drawId, departmentIds: neighbours })).data && reload()}
              >
                {t('crossRegionSubmit')}
              </button>
            </section>
          )}
          {data.unstaffedVisits.items.map((u) => (
            <div key={u.visit.id} className="card">
              <strong>{u.visit.target?.name ?? u.publicId}</strong> <code className="muted">{u.publicId}</code>{' '}
              <span className="badge">{label('UnstaffedReason', u.reason)}</span>
              <p>{u.explanation}</p>
              {u.visit.status === 'UNSTAFFED' && <AppointTeamForm visitId={u.visit.id} windowStart={windowStart} onAppointed={reload} />}
            </div>
          ))}
        </>
      )}

      <h2>{t('visits', { n: data.visits.totalItems })}</h2>
      {data.visits.items.length === 0 ? <Empty /> : data.visits.items.map((visit) => <VisitTeam key={visit.id} visit={visit} sameDrawVisits={data.visits.items} onChanged={reload} />)}
    </article>
  );
}
