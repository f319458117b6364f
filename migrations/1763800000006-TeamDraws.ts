import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, int, str, text, time } from './helpers';

/**
 * Team draws (检查组抽取, Art. 20–23): one row per seeded draw of inspectors (the first draw of a
 * draw's teams, further rounds, cross-region matching, replacements) or of an expert, with the
 * snapshot that reproduces it stored in pieces; and the team draw that staffed each visit.
 */
export class TeamDraws1763800000006 implements MigrationInterface {
  name = 'TeamDraws1763800000006';

  async up(q: QueryRunner): Promise<void> {
    const table = (name: string, columns: unknown[], indices: TableIndex[] = []) => q.createTable(new Table({ name, columns: columns as never, indices }), true);
    const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await table('team_draw', [
      id(), int('drawId'), int('departmentId'), str('kind', 16), str('label', 128), int('teamSize'), int('targets'), int('staffed'), int('unstaffed'),
      time('drawnAt'), int('drawnById'),
    ], [idx('IDX_team_draw_draw', ['drawId'])]);
    await table('team_draw_chunk', [id(), int('teamDrawId'), int('chunkNo'), text('data')], [idx('IDX_team_draw_chunk_draw_no', ['teamDrawId', 'chunkNo'], true)]);

    await q.addColumn('visit', new TableColumn(int('teamDrawId', true)));
    await q.createIndex('visit', idx('IDX_visit_team_draw', ['teamDrawId']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('visit', 'IDX_visit_team_draw');
    await q.dropColumn('visit', 'teamDrawId');
    for (const name of ['team_draw_chunk', 'team_draw']) await q.dropTable(name, true);
  }
}
