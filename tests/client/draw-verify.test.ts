import { buildRecordSync, DrawRecord } from '../../server/domain/draw-v1';
import { nodeSha256 } from '../../server/domain/draw-v1-node';
import { groupBySegment, observedDifference, recordLabels, verifyDraw, webSha256 } from '../../client/src/draw/verify';

/** The browser's check of a draw: draw-v1's verifier with WebCrypto, and the picks seen elsewhere against the record. */
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
const record: DrawRecord = buildRecordSync(
  { secretHex: 'ab'.repeat(32), entropy: ['20260301', '见证人随机数'], beacon: '', segments: [{ label: 'objects/a', ids: ids('A', 40), count: 6 }, { label: 'objects/b', ids: ids('B', 9), count: 3 }] },
  { drawId: '12', beaconSource: '', entropyClosesAt: '2026-03-01T02:00:00.000Z', scheduledAt: '2026-03-01T01:00:00.000Z', revealedAt: '2026-03-01T02:00:01.000Z', completedAt: '2026-03-01T02:00:02.000Z' },
  nodeSha256,
);
const live = () => record.segments.map((s) => [...s.picks]);

describe('in-browser verification', () => {
  test('WebCrypto SHA-256 is SHA-256', async () => {
    expect(Buffer.from(await webSha256(new TextEncoder().encode('abc') as Uint8Array<ArrayBuffer>)).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('a genuine record whose picks were all seen live is verified', async () => {
    expect(await verifyDraw(record, live())).toEqual({ state: 'verified' });
    expect(await verifyDraw(JSON.parse(JSON.stringify(record)), null)).toEqual({ state: 'verified' });
  });

  test('a tampered record is reported with the verifier’s first difference', async () => {
    const tampered = { ...record, segments: [{ ...record.segments[0], picks: [...record.segments[0].picks].reverse() }, record.segments[1]] };
    const result = await verifyDraw(tampered, live());
    expect(result).toMatchObject({ state: 'mismatch', source: 'record', difference: { path: 'segments[0].picks[0]', expected: record.segments[0].picks[0], actual: record.segments[0].picks[5] } });
    expect(await verifyDraw({ ...record, entropy: [record.entropy[1], record.entropy[0]] }, null)).toMatchObject({ state: 'mismatch', source: 'record' });
    expect(await verifyDraw(null, null)).toMatchObject({ state: 'mismatch', source: 'record', difference: { path: '' } });
  });

  test('live picks that differ from the record — missing, repeated, swapped or extra — are reported where they first differ', async () => {
    const missing = live();
    missing[1].pop();
    expect(await verifyDraw(record, missing)).toMatchObject({ state: 'mismatch', source: 'observed', difference: { path: 'segments[1].picks[2]', expected: record.segments[1].picks[2], actual: null } });
    const repeated = live();
    repeated[0].push(repeated[0][5]);
    expect(observedDifference(record, repeated)).toEqual({ path: 'segments[0].picks.length', expected: 6, actual: 7 });
    const swapped = live();
    [swapped[0][1], swapped[0][2]] = [swapped[0][2], swapped[0][1]];
    expect(observedDifference(record, swapped)).toEqual({ path: 'segments[0].picks[1]', expected: record.segments[0].picks[1], actual: record.segments[0].picks[2] });
    expect(observedDifference(record, [...live(), ['X']])).toEqual({ path: 'segments.length', expected: 2, actual: 3 });
    expect(observedDifference(record, [...live(), []])).toBeNull();
  });

  test('an announcement’s targets are grouped by segment label in the record’s order', () => {
    const listed = [...record.segments[0].picks.map((id) => ({ segment: 'objects/a', id })), ...record.segments[1].picks.map((id) => ({ segment: 'objects/b', id }))];
    expect(recordLabels(record)).toEqual(['objects/a', 'objects/b']);
    expect(groupBySegment(recordLabels(record), listed.reverse())).toEqual(live().map((p) => p.reverse()));
    expect(groupBySegment(['objects/a'], [{ segment: 'objects/zz', id: 'Z1' }])).toEqual([[], ['Z1']]);
  });
});
