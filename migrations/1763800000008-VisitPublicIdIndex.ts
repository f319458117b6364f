import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Visits are found by their target's publicId alone: a target has a handful of visits, whose rows are
 * read anyway. With the status in the index, every status change (a whole draw's visits staffed in
 * one statement) rewrote an index entry per visit besides the row.
 */
export class VisitPublicIdIndex1763800000008 implements MigrationInterface {
  name = 'VisitPublicIdIndex1763800000008';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('visit', new TableIndex({ name: 'IDX_visit_public', columnNames: ['publicId'] }));
    await q.dropIndex('visit', 'IDX_visit_public_status');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('visit', new TableIndex({ name: 'IDX_visit_public_status', columnNames: ['publicId', 'status'] }));
    await q.dropIndex('visit', 'IDX_visit_public');
  }
}
