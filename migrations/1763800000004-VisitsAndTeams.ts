import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { bool, id, int, str, time } from './helpers';

/** Visits (one visit serving every overlapping task of a target), their teams and experts; team policies and member changes. */
export class VisitsAndTeams1763800000004 implements MigrationInterface {
  name = 'VisitsAndTeams1763800000004';

  async up(q: QueryRunner): Promise<void> {
    const table = (name: string, columns: unknown[], indices: TableIndex[] = []) => q.createTable(new Table({ name, columns: columns as never, indices }), true);
    const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await table('visit', [
      id(), int('targetId'), str('publicId', 64), int('leadDepartmentId'), str('departmentPath', 255), str('windowStart', 10), str('windowEnd', 10),
      str('status', 16), time('createdAt'), time('updatedAt'), int('version'),
    ], [idx('IDX_visit_public_status', ['publicId', 'status']), idx('IDX_visit_lead_department', ['leadDepartmentId'])]);
    await table('visit_task', [
      id(), int('visitId'), int('taskId'), int('drawId'), int('departmentId'), str('windowStart', 10), str('windowEnd', 10), time('addedAt'), int('addedById', true),
    ], [idx('IDX_visit_task_visit_task', ['visitId', 'taskId'], true), idx('IDX_visit_task_task', ['taskId']), idx('IDX_visit_task_department', ['departmentId'])]);
    await table('visit_member', [
      id(), int('visitId'), int('inspectorId'), int('departmentId'), str('role', 16), int('ordinal'), str('source', 16), time('addedAt'), int('addedById', true),
      time('removedAt', true), str('removedReason', 500, true), int('removedById', true),
    ], [idx('IDX_visit_member_visit', ['visitId']), idx('IDX_visit_member_inspector', ['inspectorId', 'removedAt'])]);
    await table('visit_expert', [id(), int('visitId'), int('expertId'), str('source', 16), str('reason', 500), time('addedAt'), int('addedById')],
      [idx('IDX_visit_expert_visit', ['visitId'])]);

    await table('team_policy', [
      { name: 'departmentId', type: 'integer', isPrimary: true }, int('teamSize'), bool('requireSpecialtyCoverage'), bool('recuseSameTownship'),
      int('workloadLimit'), time('updatedAt'), int('updatedById'),
    ]);
    await table('member_change', [
      id(), int('visitId'), str('kind', 16), int('inspectorId'), int('replacementInspectorId', true), int('otherVisitId', true), str('reason', 500),
      int('requestedById'), time('requestedAt'), str('status', 16), int('decidedById', true), time('decidedAt', true),
    ], [idx('IDX_member_change_visit', ['visitId'])]);

    await q.addColumn('inspector', new TableColumn(int('userId', true)));
    await q.createIndex('inspector', idx('IDX_inspector_user', ['userId']));

    // Locking a draw takes this row first, so visits are formed one draw at a time hub-wide.
    await q.manager.createQueryBuilder().insert().into('sequence_counter', ['name', 'value']).values([{ name: 'visit_merge', value: 0 }]).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.manager.createQueryBuilder().delete().from('sequence_counter').where('name = :name', { name: 'visit_merge' }).execute();
    await q.dropIndex('inspector', 'IDX_inspector_user');
    await q.dropColumn('inspector', 'userId');
    for (const name of ['member_change', 'team_policy', 'visit_expert', 'visit_member', 'visit_task', 'visit']) await q.dropTable(name, true);
  }
}
