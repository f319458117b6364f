/**
 * The picks a room has received, kept as the batches they arrived in. A draw of 50,000 picks arrives in
 * a few hundred batches: appending one copies the list of batches, never the picks, so following a
 * large draw stays linear; a row is found by binary search over the batches' starting indexes.
 */
export interface PickBatch {
  /** Segment position (declared order). */
  segment: number;
  /** Index of the batch's first pick in the whole draw, in arrival order. */
  start: number;
  /** Ordinal of the first pick within its segment. */
  fromOrdinal: number;
  ids: readonly string[];
  names: readonly string[];
}

export interface PickBatches {
  batches: readonly PickBatch[];
  total: number;
  /** Picks received per segment position. */
  perSegment: readonly number[];
}

export interface PickRow {
  index: number;
  segment: number;
  ordinal: number;
  id: string;
  name: string;
}

export const NO_PICKS: PickBatches = { batches: [], total: 0, perSegment: [] };

export function addBatch(picks: PickBatches, segment: number, fromOrdinal: number, received: readonly { id: string; name?: string }[]): PickBatches {
  if (!received.length) return picks;
  const batch: PickBatch = { segment, start: picks.total, fromOrdinal, ids: received.map((p) => p.id), names: received.map((p) => p.name ?? '') };
  const perSegment = [...picks.perSegment];
  while (perSegment.length <= segment) perSegment.push(0);
  perSegment[segment] += received.length;
  return { batches: [...picks.batches, batch], total: picks.total + received.length, perSegment };
}

export function pickAt(picks: PickBatches, index: number): PickRow {
  if (index < 0 || index >= picks.total) throw new RangeError(`no pick ${index} of ${picks.total}`);
  let low = 0;
  let high = picks.batches.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (picks.batches[mid].start <= index) low = mid;
    else high = mid - 1;
  }
  const batch = picks.batches[low];
  const offset = index - batch.start;
  return { index, segment: batch.segment, ordinal: batch.fromOrdinal + offset, id: batch.ids[offset], name: batch.names[offset] };
}

/** Each segment's picks in ordinal order, as the record lists them (`segments[i].picks`). */
export function picksBySegment(picks: PickBatches, segments: number): string[][] {
  const out: string[][] = Array.from({ length: Math.max(segments, picks.perSegment.length) }, () => []);
  for (const batch of picks.batches) {
    const list = out[batch.segment];
    batch.ids.forEach((id, i) => {
      list[batch.fromOrdinal + i] = id;
    });
  }
  return out;
}

/** Picks per segment position among the first `shown` received (a paced room shows fewer than it holds). */
export function perSegmentUpTo(picks: PickBatches, shown: number): number[] {
  if (shown >= picks.total) return [...picks.perSegment];
  const counts = picks.perSegment.map(() => 0);
  for (const batch of picks.batches) {
    if (batch.start >= shown) break;
    counts[batch.segment] += Math.min(batch.ids.length, shown - batch.start);
  }
  return counts;
}
