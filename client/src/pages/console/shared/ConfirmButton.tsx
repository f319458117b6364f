import './console-shared.css';
import { useState } from 'react';
import { defineMessages, useT } from '../../../i18n';

const messages = defineMessages(
  { confirm: '确认', cancel: '取消', sure: '确定要{action}吗？此操作不能撤销。' },
  { confirm: 'Confirm', cancel: 'Cancel', sure: 'Really {action}? This cannot be undone.' },
);

/** A destructive action asks once more, in place, before it is sent. */
export function ConfirmButton({ label, onConfirm, disabled, className }: { label: string; onConfirm: () => void; disabled?: boolean; className?: string }) {
  const t = useT(messages);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group">
      <span>{t('sure', { action: label })}</span>{' '}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('confirm')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
