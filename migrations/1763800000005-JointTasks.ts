import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { bool, id, int, str, time } from './helpers';

/**
 * Joint tasks (联合抽查): `task.joint`, the participant departments of a task, which department
 * contributes each task item (the task's own department for every existing item), and the results
 * recorded per visit, task and item.
 */
export class JointTasks1763800000005 implements MigrationInterface {
  name = 'JointTasks1763800000005';

  async up(q: QueryRunner): Promise<void> {
    const table = (name: string, columns: unknown[], indices: TableIndex[] = []) => q.createTable(new Table({ name, columns: columns as never, indices }), true);
    const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await table('task_participant', [
      id(), int('taskId'), int('departmentId'), str('status', 16), time('invitedAt'), int('invitedById'), time('respondedAt', true), int('respondedById', true),
      str('note', 500, true),
    ], [idx('IDX_task_participant_task_department', ['taskId', 'departmentId'], true), idx('IDX_task_participant_department_status', ['departmentId', 'status'])]);
    await table('visit_item_result', [
      id(), int('visitId'), int('taskId'), int('itemId'), int('departmentId'), str('outcome', 64), str('note', 1000), int('recordedById'), time('recordedAt'),
    ], [idx('IDX_visit_item_result_visit_item_outcome', ['visitId', 'taskId', 'itemId', 'outcome'], true), idx('IDX_visit_item_result_task', ['taskId'])]);

    // New NOT NULL columns on tables that may hold rows: added nullable, filled, then made NOT NULL (no database defaults).
    await q.addColumn('task', new TableColumn({ ...bool('joint'), isNullable: true }));
    await q.manager.createQueryBuilder().update('task').set({ joint: false }).execute();
    await q.changeColumn('task', 'joint', new TableColumn(bool('joint')));

    await q.addColumn('task_item', new TableColumn(int('departmentId', true)));
    await q.query(`UPDATE task_item SET departmentId = (SELECT t.departmentId FROM task t WHERE t.id = task_item.taskId)`);
    await q.changeColumn('task_item', 'departmentId', new TableColumn(int('departmentId')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('task_item', 'departmentId');
    await q.dropColumn('task', 'joint');
    for (const name of ['visit_item_result', 'task_participant']) await q.dropTable(name, true);
  }
}
