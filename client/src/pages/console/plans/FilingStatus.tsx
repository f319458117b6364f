import type { FilingState } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { filingStateLabels } from '../shared/labels';
import { daysUntil, todayInChina } from './plan-form';

const messages = defineMessages(
  {
    deadline: '备案截止：{date}', daysLeft: '（还有 {n} 天）', dueToday: '（今天截止）', daysOver: '（已逾期 {n} 天）', noDeadline: '印发后 15 日内备案',
  },
  {
    deadline: 'File by {date}', daysLeft: ' ({n} days left)', dueToday: ' (due today)', daysOver: ' ({n} days overdue)', noDeadline: 'To be filed within 15 days of adoption',
  },
);

const TONE: Record<FilingState, string> = { NOT_ADOPTED: 'badge', PENDING: 'badge warn', OVERDUE: 'badge error', FILED_ON_TIME: 'badge ok', FILED_LATE: 'badge warn' };

/** The filing state as a badge, and the deadline with the days left or overdue while filing is open. */
export function FilingStatus({ state, deadline }: { state: FilingState; deadline?: string | null }) {
  const t = useT(messages);
  const label = useT(filingStateLabels);
  const open = state === 'PENDING' || state === 'OVERDUE';
  const days = deadline ? daysUntil(deadline, todayInChina()) : null;
  return (
    <span data-testid="filing-status">
      <span className={TONE[state]} data-testid="filing-state">
        {label(state)}
      </span>{' '}
      {deadline ? (
        <span data-testid="filing-deadline">
          {t('deadline', { date: deadline })}
          {open && days !== null && (days > 0 ? t('daysLeft', { n: days }) : days === 0 ? t('dueToday') : t('daysOver', { n: -days }))}
        </span>
      ) : (
        <span className="muted">{t('noDeadline')}</span>
      )}
    </span>
  );
}
