import { defineMessages, useT } from '../i18n';
import type { ConnectionState } from './live-feed';
import './draw.css';

const messages = defineMessages(
  { connected: '● 实时连接中', reconnecting: '○ 正在连接…', hint: '断线后会自动重连，并从最后收到的事件继续，不遗漏、不重复。' },
  { connected: '● Live', reconnecting: '○ Connecting…', hint: 'A dropped connection reconnects by itself and resumes after the last event received: nothing missed, nothing repeated.' },
);

export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useT(messages);
  return (
    <span className="badge connection" data-testid="connection" data-state={state} title={t('hint')} role="status">
      {t(state)}
    </span>
  );
}
