import { MigrationInterface, QueryRunner } from 'typeorm';
import regions from './data/regions-gbt2260.json';

/**
 * Reference data every install needs: GB/T 2260 regions (provinces, cities and counties) and the six
 * built-in item categories of the Pinglu plan. Later changes to regions are made in the hub itself.
 */
const CATEGORIES = [
  ['FARM_PRODUCT_SAFETY', '农产品质量安全', 'Farm-product quality and safety'],
  ['PESTICIDES', '农药', 'Pesticides'],
  ['FERTILIZERS', '肥料', 'Fertilizers'],
  ['SEEDS', '种子', 'Seeds'],
  ['VETERINARY_DRUGS', '兽药', 'Veterinary drugs'],
  ['FEED', '饲料', 'Feed'],
];

export class ReferenceData1763800000001 implements MigrationInterface {
  name = 'ReferenceData1763800000001';

  async up(q: QueryRunner): Promise<void> {
    const rows = (regions.rows as [string, string, string, string | null][]).map(([code, name, level, parentCode]) => ({ code, name, level, parentCode }));
    for (let i = 0; i < rows.length; i += 500) {
      await q.manager.createQueryBuilder().insert().into('region', ['code', 'name', 'level', 'parentCode']).values(rows.slice(i, i + 500)).orIgnore().execute();
    }
    await q.manager.createQueryBuilder().insert().into('item_category', ['code', 'nameZh', 'nameEn', 'builtIn'])
      .values(CATEGORIES.map(([code, nameZh, nameEn]) => ({ code, nameZh, nameEn, builtIn: true }))).orIgnore().execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM item_category WHERE builtIn = ?', [true]);
    await q.query('DELETE FROM region');
  }
}
