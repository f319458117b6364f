import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { str } from './helpers';

/** Change-record actions up to 32 characters: `WITHDRAW_CONFLICT` (17) did not fit in 16, and MariaDB refused it. */
export class LongerChangeActions1763800000007 implements MigrationInterface {
  name = 'LongerChangeActions1763800000007';

  async up(q: QueryRunner): Promise<void> {
    await q.changeColumn('change_record', 'action', new TableColumn(str('action', 32)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.changeColumn('change_record', 'action', new TableColumn(str('action', 16)));
  }
}
