import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { navigate } from '../../../router';
import { Outcome } from '../shared/Notices';
import { ScheduleDrawMutation } from './draw-queries';
import { defaultEntropyClose, entropyCloseInstant } from './draw-rules';

const messages = defineMessages(
  {
    heading: '编排摇号',
    note: '编排时按公布的规则形成抽取范围、确定抽取数量，生成密钥并公布承诺值。见证人可在截止时间前加入并提交随机数；截止后方可开始摇号。',
    closes: '见证随机数截止时间',
    pace: '揭晓节奏（毫秒/批，0 为一次揭晓）',
    batch: '每批揭晓户数（1–400）',
    beacon: '公开随机源（可选，如某期福利彩票开奖号码；截止后才公布）',
    beaconHint: '填写后，开始摇号时须录入该随机源的数值。',
    submit: '编排摇号',
    badDate: '请填写有效的截止时间。',
  },
  {
    heading: 'Schedule a draw',
    note: 'Scheduling forms the pools by the published rules, fixes the counts, generates the secret and publishes the commitment. Witnesses may join and add entropy until the window closes; the draw starts only after it.',
    closes: 'Witness entropy closes at',
    pace: 'Pace (ms between batches, 0: all at once)',
    batch: 'Picks per batch (1–400)',
    beacon: 'Public beacon (optional, e.g. a lottery result known only after the window)',
    beaconHint: 'With a beacon, its value must be entered to start the draw.',
    submit: 'Schedule the draw',
    badDate: 'Enter a valid closing time.',
  },
);

/** `scheduleDraw` for a task: the entropy window, the pace and the beacon source. */
export function ScheduleDrawForm({ taskId }: { taskId: string }) {
  const t = useT(messages);
  const [closesAt, setClosesAt] = useState(() => defaultEntropyClose(new Date()));
  const [paceMs, setPaceMs] = useState('1000');
  const [batchSize, setBatchSize] = useState('10');
  const [beaconSource, setBeaconSource] = useState('');
  const [badDate, setBadDate] = useState(false);
  const [result, schedule] = useMutation(ScheduleDrawMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = entropyCloseInstant(closesAt);
    setBadDate(!instant);
    if (!instant) return;
    const outcome = await schedule({ taskId, input: { entropyClosesAt: instant, paceMs: Number(paceMs), batchSize: Number(batchSize), beaconSource: beaconSource.trim() } });
    if (outcome.data) navigate(`/console/draws?draw=${outcome.data.scheduleDraw.id}`);
  };
  return (
    <form className="card" onSubmit={submit} aria-label={t('heading')}>
      <h2>{t('heading')}</h2>
      <p className="muted">{t('note')}</p>
      <div className="row">
        <label>
          {t('closes')}
          <input type="datetime-local" step={1} name="entropyClosesAt" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} required />
        </label>
        <label>
          {t('pace')}
          <input type="number" name="paceMs" min={0} max={60000} value={paceMs} onChange={(e) => setPaceMs(e.target.value)} required />
        </label>
        <label>
          {t('batch')}
          <input type="number" name="batchSize" min={1} max={400} value={batchSize} onChange={(e) => setBatchSize(e.target.value)} required />
        </label>
      </div>
      <label>
        {t('beacon')}
        <input name="beaconSource" value={beaconSource} onChange={(e) => setBeaconSource(e.target.value)} />
      </label>
      {beaconSource.trim() && <p className="muted">{t('beaconHint')}</p>}
      {badDate && <p className="error" role="alert">{t('badDate')}</p>}
      <Outcome error={result.error} />
      <button type="submit" className="primary" disabled={result.fetching}>
        {t('submit')}
      </button>
    </form>
  );
}
