import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { buildRecordSync, DrawRecord } from '../../domain/draw-v1';
import { nodeSha256 } from '../../domain/draw-v1-node';
import { Draw, DrawEntropy, DrawSegment, DrawStatus } from './draw.entity';
import { effectiveStatus } from './draw-state';
import { loadExclusions, loadPools } from './pool-snapshot';

/**
 * The published record of a revealed draw (spec: "The published record"): everything anyone needs to
 * recompute every pick — the secret, the entropy in order, the beacon, each segment's full pool and
 * its exclusions with their reasons. It exists only once the draw has been revealed and every pick shown.
 */
export async function buildDrawRecord(ds: DataSource, draw: Draw): Promise<DrawRecord & { status: string; voided?: { at: string; reason: string } }> {
  if (!draw.revealedAt || !draw.completedAt || effectiveStatus(draw) === DrawStatus.DRAWING) {
    throw new DomainError(ErrorCode.DRAW_NOT_REVEALED);
  }
  const em = ds.manager;
  const segments = await em.getRepository(DrawSegment).find({ where: { drawId: draw.id }, order: { position: 'ASC' } });
  const pools = await loadPools(em, draw.id);
  const exclusions = await loadExclusions(em, draw.id);
  const entropy = await em.getRepository(DrawEntropy).find({ where: { drawId: draw.id }, order: { ordinal: 'ASC' } });
  const record = buildRecordSync(
    {
      secretHex: draw.secretHex, entropy: entropy.map((e) => e.text), beacon: draw.beacon ?? '',
      segments: segments.map((s) => ({ label: s.label, ids: (pools.get(s.position) ?? []).map((p) => p.publicId), count: s.count })),
    },
    {
      drawId: String(draw.id), beaconSource: draw.beaconSource, entropyClosesAt: draw.entropyClosesAt.toISOString(), scheduledAt: draw.scheduledAt.toISOString(),
      revealedAt: draw.revealedAt.toISOString(), completedAt: draw.completedAt.toISOString(), acceptedAt: entropy.map((e) => e.acceptedAt.toISOString()),
      excluded: segments.map((s) => (exclusions.get(s.position) ?? []).map((e) => ({ id: e.publicId, reason: e.reason }))),
    },
    nodeSha256,
  );
  return {
    ...record, status: effectiveStatus(draw),
    ...(draw.voidedAt ? { voided: { at: draw.voidedAt.toISOString(), reason: draw.voidReason ?? '' } } : {}),
  };
}
