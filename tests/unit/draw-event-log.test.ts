import { hasGap, initialRoom, isComplete, LiveEvent, receiveEvents, RoomState } from '../../client/src/draw/event-log';
import { pickAt, picksBySegment, perSegmentUpTo } from '../../client/src/draw/pick-batches';

/** The draw room's event log: every event applied once, in seq order, whatever the connection delivers. */
const at = '2026-03-01T02:00:00.000Z';
const ev = (seq: number, type: string, payload: Record<string, unknown> = {}): LiveEvent => ({ seq, type, at, payload });

const scheduled = ev(1, 'SCHEDULED', {
  taskName: '2026年农资经营专项检查', commitment: 'c'.repeat(64), entropyClosesAt: at, beaconSource: '',
  segments: [{ label: 'objects/a', poolSize: 10, poolDigest: 'd'.repeat(64), count: 3, excludedCount: 1 }, { label: 'objects/b', poolSize: 5, poolDigest: 'e'.repeat(64), count: 2, excludedCount: 0 }],
});
const log: LiveEvent[] = [
  scheduled,
  ev(2, 'WITNESS_INVITED', { witnessId: 7, displayName: '王监督', organisation: '派驻纪检组' }),
  ev(3, 'OPENED', { openedAt: at }),
  ev(4, 'WITNESS_JOINED', { witnessId: 7, displayName: '王监督', organisation: '派驻纪检组' }),
  ev(5, 'ENTROPY_ACCEPTED', { ordinal: 0, text: '20260301', digest: 'f'.repeat(64), witness: '王监督', acceptedAt: at }),
  ev(6, 'REVEALED', { secretHex: '1'.repeat(64), beacon: '', seed: '2'.repeat(64) }),
  ev(7, 'PICKS', { segment: 0, label: 'objects/a', fromOrdinal: 0, picks: [{ id: 'A1', name: '甲' }, { id: 'A2', name: '乙' }] }),
  ev(8, 'PICKS', { segment: 0, label: 'objects/a', fromOrdinal: 2, picks: [{ id: 'A3', name: '丙' }] }),
  ev(9, 'PICKS', { segment: 1, label: 'objects/b', fromOrdinal: 0, picks: [{ id: 'B1', name: '丁' }, { id: 'B2', name: '戊' }] }),
  ev(10, 'COMPLETED', { completedAt: at, picks: 5 }),
  ev(11, 'LOCKED', { lockedAt: at, by: 'operator' }),
  ev(12, 'VISITS_FORMED', { visits: 5 }),
  ev(13, 'ANNOUNCED', { announcedAt: at }),
];
const feed = (events: LiveEvent[], state: RoomState = initialRoom) => receiveEvents(state, events);

describe('draw room event log', () => {
  test('builds the room from the whole log: commitment, witnesses, entropy, reveal, picks and the end', () => {
    const room = feed(log);
    expect(room.lastSeq).toBe(13);
    expect(room.phase).toBe('ANNOUNCED');
    expect(room.schedule).toMatchObject({ taskName: '2026年农资经营专项检查', commitment: 'c'.repeat(64), segments: [{ label: 'objects/a', count: 3, excludedCount: 1 }, { label: 'objects/b', count: 2 }] });
    expect(room.witnesses).toEqual([{ id: '7', displayName: '王监督', organisation: '派驻纪检组', joined: true, acknowledged: false }]);
    expect(room.entropy).toEqual([{ ordinal: 0, text: '20260301', digest: 'f'.repeat(64), witness: '王监督', acceptedAt: at }]);
    expect(room.reveal).toMatchObject({ seq: 6, seed: '2'.repeat(64) });
    expect(room.picks.total).toBe(5);
    expect(picksBySegment(room.picks, 2)).toEqual([['A1', 'A2', 'A3'], ['B1', 'B2']]);
    expect(pickAt(room.picks, 3)).toEqual({ index: 3, segment: 1, ordinal: 0, id: 'B1', name: '丁' });
    expect(room.visitsFormed).toBe(5);
    expect(isComplete(room)).toBe(true);
    expect(hasGap(room)).toBe(false);
  });

  test('drops repeats: a resumed stream that sends events again changes nothing', () => {
    const first = feed(log.slice(0, 8));
    const again = receiveEvents(first, log.slice(3, 8));
    expect(again).toBe(first);
    const resumed = receiveEvents(first, log.slice(5));
    expect(resumed).toEqual(feed(log));
    expect(picksBySegment(resumed.picks, 2)).toEqual([['A1', 'A2', 'A3'], ['B1', 'B2']]);
  });

  test('applies events in seq order even when they arrive out of order, one at a time or together', () => {
    const shuffled = [log[4], log[0], log[2], log[1], log[3], ...log.slice(5).reverse()];
    expect(feed(shuffled)).toEqual(feed(log));
    let state = initialRoom;
    for (const event of shuffled) state = receiveEvents(state, [event]);
    expect(state).toEqual(feed(log));
  });

  test('holds events behind a gap until the missing one arrives, and says so', () => {
    const before = feed(log.slice(0, 6));
    const gapped = receiveEvents(before, [log[7], log[8]]); // seq 8 and 9 without 7
    expect(gapped.lastSeq).toBe(6);
    expect(gapped.picks.total).toBe(0);
    expect(hasGap(gapped)).toBe(true);
    expect(gapped.held.map((e) => e.seq)).toEqual([8, 9]);
    // The resumed stream sends 7, 8, 9 again: the held copies are not applied twice.
    const filled = receiveEvents(gapped, log.slice(6, 9));
    expect(hasGap(filled)).toBe(false);
    expect(filled.lastSeq).toBe(9);
    expect(picksBySegment(filled.picks, 2)).toEqual([['A1', 'A2', 'A3'], ['B1', 'B2']]);
  });

  test('a voided draw keeps its reason; unknown and later events only advance the seq', () => {
    const voided = feed([...log.slice(0, 5), ev(6, 'VOIDED', { voidedAt: at, by: 'operator', reason: '对象池数据有误', secretHex: '1'.repeat(64) }), ev(7, 'VISIT_SPLIT', {})]);
    expect(voided.phase).toBe('VOIDED');
    expect(voided.voided).toEqual({ at, by: 'operator', reason: '对象池数据有误' });
    expect(voided.lastSeq).toBe(7);
    expect(isComplete(voided)).toBe(false);
  });

  test('team draws after the draw are summarised', () => {
    const room = feed([...log, ev(14, 'TEAMS_DRAWN', { teamDrawId: 3, kind: 'TEAMS', label: 'inspectors/teams', visits: 5, staffed: 4, unstaffed: 1, unstaffedByReason: { TOO_FEW_ELIGIBLE: 1 } }), ev(15, 'TEAM_APPOINTED', { visitId: 9 })]);
    expect(room.teamDraws).toEqual([{ teamDrawId: '3', kind: 'TEAMS', label: 'inspectors/teams', visits: 5, staffed: 4, unstaffed: 1, unstaffedByReason: { TOO_FEW_ELIGIBLE: 1 }, at }]);
    expect(room.appointments).toBe(1);
  });

  test('finds any of 50,000 picks received in batches of 400, and counts a paced prefix per segment', () => {
    const events: LiveEvent[] = [scheduled];
    for (let from = 0, seq = 2; from < 50_000; from += 400, seq++) {
      const segment = from < 30_000 ? 0 : 1;
      const base = segment === 0 ? 0 : 30_000;
      events.push(ev(seq, 'PICKS', { segment, fromOrdinal: from - base, picks: Array.from({ length: 400 }, (_, i) => ({ id: `T${from + i}` })) }));
    }
    const room = feed(events);
    expect(room.picks.total).toBe(50_000);
    expect(pickAt(room.picks, 0).id).toBe('T0');
    expect(pickAt(room.picks, 29_999)).toMatchObject({ segment: 0, ordinal: 29_999, id: 'T29999' });
    expect(pickAt(room.picks, 30_000)).toMatchObject({ segment: 1, ordinal: 0, id: 'T30000' });
    expect(pickAt(room.picks, 49_999).id).toBe('T49999');
    expect(perSegmentUpTo(room.picks, 30_100)).toEqual([30_000, 100]);
    expect(perSegmentUpTo(room.picks, 50_000)).toEqual([30_000, 20_000]);
  });
});
