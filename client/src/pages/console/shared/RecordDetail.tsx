import './console-shared.css';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { defineMessages, formatDateTime, Messages, useLang, useT } from '../../../i18n';

export const recordDetailMessages = defineMessages(
  {
    close: '关闭', saveChanges: '保存修改', saved: '已保存，现为第 {version} 版。', version: '第 {version} 版，最后修改于 {at}',
    active: '在用', inactive: '已停用', deactivate: '停用', reactivate: '启用', reactivated: '已重新启用。',
  },
  {
    close: 'Close', saveChanges: 'Save changes', saved: 'Saved: now version {version}.', version: 'Version {version}, last changed {at}',
    active: 'Active', inactive: 'Deactivated', deactivate: 'Deactivate', reactivate: 'Reactivate', reactivated: 'Reactivated.',
  },
);

/** The card of one open record: its heading, the header's own controls, a close button, then the body. */
export function DetailCard({ heading, testId, actions, onClose, children }: { heading: string; testId?: string; actions?: ReactNode; onClose(): void; children: ReactNode }) {
  const t = useT(recordDetailMessages);
  return (
    <section className="card console-detail" aria-label={heading} data-testid={testId}>
      <div className="row">
        <h3>{heading}</h3>
        {actions}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {children}
    </section>
  );
}

/** Whether a record is in use, and the button that deactivates or reactivates it. */
export function ActiveToggle({ active, busy, onToggle }: { active: boolean; busy: boolean; onToggle(): void }) {
  const t = useT(recordDetailMessages);
  return (
    <>
      <span className={active ? 'badge ok' : 'badge'}>{active ? t('active') : t('inactive')}</span>
      <button type="button" onClick={onToggle} disabled={busy}>
        {active ? t('deactivate') : t('reactivate')}
      </button>
    </>
  );
}

/** "Version n, last changed …" of a versioned record. */
export function VersionStamp({ version, updatedAt }: { version: number; updatedAt: string }) {
  const t = useT(recordDetailMessages);
  const { lang } = useLang();
  return <>{t('version', { version, at: formatDateTime(updatedAt, lang) })}</>;
}

/** A form's field names in the current language, so the change history names fields as the form does. */
export function useFieldLabels<K extends string>(fields: Messages<K>): Record<string, string> {
  const t = useT(fields);
  return Object.fromEntries((Object.keys(fields.zh) as K[]).map((key) => [key, t(key)]));
}

/**
 * The error of a mutation sent with `expectedVersion`, only while that is still the version shown:
 * once the record is reloaded, an old refusal no longer applies to the form.
 */
export function errorForVersion(
  state: { error?: CombinedError; operation?: { variables: { expectedVersion: number } } },
  version: number,
): CombinedError | null {
  return state.operation?.variables.expectedVersion === version ? (state.error ?? null) : null;
}
