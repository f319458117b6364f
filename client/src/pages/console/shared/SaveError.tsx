import type { CombinedError } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';

const messages = defineMessages(
  {
    stale: '保存失败：这条记录在您编辑期间已被他人修改。您填写的内容仍保留在表单中；请记下您的修改，载入最新版本后再改。',
    reload: '载入最新版本（放弃我的修改）',
  },
  {
    stale: 'Not saved: someone else changed this record while you were editing. Your entries are still in the form; note your changes, load the latest version and edit again.',
    reload: 'Load the latest version (discard my changes)',
  },
);

export const isStale = (error: CombinedError | undefined | null): boolean => !!error?.graphQLErrors.some((e) => e.extensions?.code === 'STALE_VERSION');

/**
 * The error of a save. An edit made from an old version (STALE_VERSION) is explained as such, with a
 * way to load the latest version; every other error is shown with its message and code.
 */
export function SaveError({ error, onReload }: { error: CombinedError | undefined | null; onReload?(): void }) {
  const t = useT(messages);
  if (!error) return null;
  return (
    <>
      {isStale(error) && (
        <div className="warn" role="alert" data-testid="stale-version">
          <p>{t('stale')}</p>
          {onReload && (
            <button type="button" onClick={onReload}>
              {t('reload')}
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={error} />
    </>
  );
}
