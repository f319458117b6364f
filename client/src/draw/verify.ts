import { verifyRecord } from '../../../server/domain/draw-v1';
import type { Difference, DrawRecord, Sha256 } from '../../../server/domain/draw-v1';

/**
 * The in-browser check of a published draw: the very module the hub draws with recomputes the whole
 * draw from the record (WebCrypto's SHA-256), and the picks the reader saw elsewhere — live in the
 * room, or on the announcement — must be the record's picks, in the same order.
 */
export type Verification =
  | { state: 'verified' }
  | { state: 'mismatch'; source: 'record' | 'observed'; difference: Difference };

export const webSha256: Sha256 = async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data));

/** Picks seen outside the record, per segment in declared order. */
export type ObservedPicks = readonly (readonly (string | undefined)[])[];

const recordSegments = (record: unknown): { label?: unknown; picks?: unknown }[] => {
  const segments = record && typeof record === 'object' ? (record as { segments?: unknown }).segments : undefined;
  return Array.isArray(segments) ? segments : [];
};
const recordPicks = (record: unknown): string[][] => recordSegments(record).map((s) => (Array.isArray(s?.picks) ? s.picks : []));

/** Where the observed picks first differ from the record's, path and values as the verifier reports them. */
export function observedDifference(record: unknown, observed: ObservedPicks): Difference | null {
  const expected = recordPicks(record);
  if (observed.length > expected.length && observed.slice(expected.length).some((picks) => picks.length > 0)) {
    return { path: 'segments.length', expected: expected.length, actual: observed.length };
  }
  for (let i = 0; i < expected.length; i++) {
    const have = observed[i] ?? [];
    const want = expected[i];
    const k = want.findIndex((id, at) => have[at] !== id);
    if (k >= 0) return { path: `segments[${i}].picks[${k}]`, expected: want[k], actual: have[k] ?? null };
    if (have.length !== want.length) return { path: `segments[${i}].picks.length`, expected: want.length, actual: have.length };
  }
  return null;
}

/** Recomputes the record, then compares what was observed; the first difference found is reported. */
export async function verifyDraw(record: unknown, observed: ObservedPicks | null, hash: Sha256 = webSha256): Promise<Verification> {
  const result = await verifyRecord(record as DrawRecord, hash);
  if (!result.ok) return { state: 'mismatch', source: 'record', difference: result.firstDifference };
  const difference = observed ? observedDifference(record, observed) : null;
  return difference ? { state: 'mismatch', source: 'observed', difference } : { state: 'verified' };
}

/**
 * Picks listed elsewhere with their segment's label (an announcement), grouped in the record's segment
 * order; picks under a label the record does not have form one more segment, which then shows as a difference.
 */
export function groupBySegment(labels: readonly string[], picks: readonly { segment: string; id: string }[]): string[][] {
  const position = new Map(labels.map((label, i) => [label, i]));
  const grouped: string[][] = labels.map(() => []);
  const unknown: string[] = [];
  for (const pick of picks) {
    const i = position.get(pick.segment);
    if (i === undefined) unknown.push(pick.id);
    else grouped[i].push(pick.id);
  }
  return unknown.length ? [...grouped, unknown] : grouped;
}

/** The segment labels of a record, in declared order (empty for something that is not a record). */
export const recordLabels = (record: unknown): string[] => recordSegments(record).map((s) => String(s?.label ?? ''));
