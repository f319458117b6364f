/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { LangProvider } from '../../client/src/i18n';
import { DrawRow, LiveDraws } from '../../client/src/pages/dashboard/LiveDraws';
import { foldEvent, initialFeed, statusAfter, withLiveStatus } from '../../client/src/pages/dashboard/live-draws';

const row = (id: string, status: DrawRow['status']): DrawRow => ({
  id, status, taskName: `任务${id}`, scheduledAt: '2026-03-02T01:00:00.000Z', entropyClosesAt: '2026-03-02T02:00:00.000Z', department: { id: '9', name: '朔州市平鲁区农业农村局' },
});

describe('the live list of draws', () => {
  it('maps the events that change a draw’s status, and ignores the others', () => {
    expect(['SCHEDULED', 'OPENED', 'REVEALED', 'PICKS', 'COMPLETED', 'LOCKED', 'ANNOUNCED', 'VOIDED'].map(statusAfter))
      .toEqual(['SCHEDULED', 'OPEN', 'DRAWING', 'DRAWING', 'COMPLETED', 'LOCKED', 'ANNOUNCED', 'VOIDED']);
    expect(['WITNESS_JOINED', 'ENTROPY_ACCEPTED', 'VISITS_FORMED', 'ACKNOWLEDGED', 'TEAMS_DRAWN'].map(statusAfter)).toEqual([null, null, null, null, null]);
  });

  it('applies events in order, once: a replay after a reconnect changes nothing', () => {
    let feed = initialFeed(10);
    feed = foldEvent(feed, { drawId: '1', globalSeq: 9, type: 'VOIDED' });
    expect(feed.statuses).toEqual({});
    feed = foldEvent(feed, { drawId: '1', globalSeq: 11, type: 'OPENED' });
    feed = foldEvent(feed, { drawId: '1', globalSeq: 12, type: 'WITNESS_JOINED' });
    feed = foldEvent(feed, { drawId: '2', globalSeq: 13, type: 'SCHEDULED' });
    expect(feed).toEqual({ lastSeq: 13, statuses: { '1': 'OPEN', '2': 'SCHEDULED' } });
    expect(foldEvent(feed, { drawId: '1', globalSeq: 11, type: 'OPENED' })).toBe(feed);
  });

  it('shows the rows with the statuses the stream reported since they were read', () => {
    const rows = [row('1', 'SCHEDULED'), row('2', 'OPEN')];
    const shown = withLiveStatus(rows, { '1': 'DRAWING' });
    expect(shown.map((r) => r.status)).toEqual(['DRAWING', 'OPEN']);
    expect(shown[1]).toBe(rows[1]);
  });

  it('renders each draw with its status and a link to its witness room, in Chinese', () => {
    render(
      <LangProvider lang="zh">
        <LiveDraws rows={[row('7', 'OPEN'), row('6', 'ANNOUNCED')]} total={12} />
      </LangProvider>,
    );
    const items = screen.getAllByTestId('live-draw');
    expect(items.map((li) => [li.getAttribute('data-draw-id'), li.getAttribute('data-status')])).toEqual([['7', 'OPEN'], ['6', 'ANNOUNCED']]);
    expect(items[0].className).toBe('live');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/draws/7/room');
    expect(screen.getByText('征集随机数')).toBeTruthy();
    expect(screen.getByText('共 12 场')).toBeTruthy();
  });

  it('says so when there is no draw', () => {
    render(
      <LangProvider lang="en">
        <LiveDraws rows={[]} total={0} />
      </LangProvider>,
    );
    expect(screen.getByText('No draws in this region yet.')).toBeTruthy();
    expect(screen.queryByTestId('live-draws')).toBeNull();
  });
});
