import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { dbl, id, int, str, text, time } from './helpers';

/** Tasks with their items and segments; draws with their snapshot, picks, witnesses, entropy and event log. */
export class TasksAndDraws1763800000003 implements MigrationInterface {
  name = 'TasksAndDraws1763800000003';

  async up(q: QueryRunner): Promise<void> {
    const table = (name: string, columns: unknown[], indices: TableIndex[] = []) => q.createTable(new Table({ name, columns: columns as never, indices }), true);
    const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await table('task', [
      id(), int('departmentId'), int('executingDepartmentId'), int('year'), str('name', 200), str('kind', 16), int('planBatchId', true),
      str('directedReason', 500, true), str('windowStart', 10), str('windowEnd', 10), int('createdById'), time('createdAt'),
    ], [idx('IDX_task_department_year', ['departmentId', 'year']), idx('IDX_task_executing_department', ['executingDepartmentId'])]);
    await table('task_item', [id(), int('taskId'), int('itemId'), int('itemVersion')], [idx('IDX_task_item_task', ['taskId'])]);
    await table('task_segment', [id(), int('taskId'), int('position'), str('label', 128), text('filter'), dbl('ratioPercent', true), int('fixedCount', true)],
      [idx('IDX_task_segment_task', ['taskId'])]);

    await table('draw', [
      id(), int('taskId'), str('departmentPath', 255), str('status', 16), str('secretHex', 64), str('commitment', 64), str('beaconSource', 200),
      str('beacon', 256, true), time('entropyClosesAt'), str('seed', 64, true), int('paceMs'), int('batchSize'), int('lastSeq'),
      time('scheduledAt'), int('scheduledById'), time('openedAt', true), time('revealedAt', true), time('completedAt', true),
      time('lockedAt', true), int('lockedById', true), time('voidedAt', true), int('voidedById', true), str('voidReason', 500, true),
    ], [idx('IDX_draw_task', ['taskId']), idx('IDX_draw_department_path', ['departmentPath'])]);
    await table('draw_segment', [id(), int('drawId'), int('position'), str('label', 128), int('poolSize'), str('poolDigest', 64), int('count'), int('excludedCount'), str('segmentSeed', 64, true)],
      [idx('IDX_draw_segment_draw_position', ['drawId', 'position'], true)]);
    await table('draw_pool_chunk', [id(), int('drawId'), int('segmentPosition'), str('kind', 16), int('chunkNo'), text('data')],
      [idx('IDX_draw_pool_chunk_draw', ['drawId', 'segmentPosition', 'kind', 'chunkNo'], true)]);
    await table('draw_pick', [id(), int('drawId'), int('segmentPosition'), int('ordinal'), str('publicId', 64), int('targetId'), int('year')],
      [idx('IDX_draw_pick_draw_segment_ordinal', ['drawId', 'segmentPosition', 'ordinal'], true), idx('IDX_draw_pick_year_public', ['year', 'publicId'])]);
    await table('draw_witness', [
      id(), int('drawId'), int('userId', true), str('displayName', 100), str('organisation', 100), str('inviteTokenHash', 64, true),
      time('inviteExpiresAt', true), time('invitedAt'), int('invitedById'), time('joinedAt', true), time('acknowledgedAt', true),
    ], [idx('IDX_draw_witness_draw', ['drawId']), idx('IDX_draw_witness_invite', ['inviteTokenHash'], true)]);
    await table('draw_entropy', [id(), int('drawId'), int('ordinal'), str('text', 1100), str('digest', 64), int('witnessId', true), time('acceptedAt')],
      [idx('IDX_draw_entropy_draw_ordinal', ['drawId', 'ordinal'], true)]);
    await table('draw_event', [id(), int('drawId'), int('seq'), int('globalSeq'), str('departmentPath', 255), str('type', 32), text('payload'), time('createdAt'), time('visibleAt')],
      [idx('IDX_draw_event_draw_seq', ['drawId', 'seq'], true), idx('IDX_draw_event_global_seq', ['globalSeq'], true)]);
    await table('sequence_counter', [{ name: 'name', type: 'varchar', length: '32', isPrimary: true }, int('value')]);
    await q.manager.createQueryBuilder().insert().into('sequence_counter', ['name', 'value']).values([{ name: 'draw_event', value: 0 }]).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['sequence_counter', 'draw_event', 'draw_entropy', 'draw_witness', 'draw_pick', 'draw_pool_chunk', 'draw_segment', 'draw', 'task_segment', 'task_item', 'task']) {
      await q.dropTable(name, true);
    }
  }
}
