import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { OPEN_VISIT_STATUSES, Visit } from './visit.entity';

/** Open visits of each target (by public id), oldest first: one statement per batch of visits shown. */
export function openVisitsByPublicIdLoader(ds: DataSource) {
  return new DataLoader<string, Visit[]>(async (publicIds) => {
    const rows = await ds.getRepository(Visit).find({ where: { publicId: In([...publicIds]), status: In([...OPEN_VISIT_STATUSES]) }, order: { id: 'ASC' } });
    const groups = new Map<string, Visit[]>();
    for (const row of rows) (groups.get(row.publicId) ?? groups.set(row.publicId, []).get(row.publicId)!).push(row);
    return publicIds.map((id) => groups.get(id) ?? []);
  });
}
