import DataLoader from 'dataloader';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { CheckForm, InspectionItemVersion } from '../modules/catalog/inspection-item.entity';
import { ItemCategory } from '../modules/catalog/item-category.entity';
import { ConflictOfInterest } from '../modules/directory/conflict.entity';
import { Inspector } from '../modules/directory/inspector.entity';
import { Target } from '../modules/directory/target.entity';
import { Department } from '../modules/org/department.entity';
import { Region } from '../modules/org/region.entity';
import { User } from '../modules/org/user.entity';
import { InspectionItem } from '../modules/catalog/inspection-item.entity';
import { AnnualPlan, PlanVersion } from '../modules/plan/annual-plan.entity';
import { PlanBatch, PlanBatchItem } from '../modules/plan/plan-batch.entity';
import { PlanFilingRecord } from '../modules/plan/plan-filing.entity';
import { RatioPolicy } from '../modules/plan/ratio-policy.entity';
import { Expert } from '../modules/directory/expert.entity';
import { Task, TaskItem } from '../modules/task/task.entity';
import { VisitExpert, VisitMember, VisitTask } from '../modules/visit/visit.entity';
import { openVisitsByPublicIdLoader } from '../modules/visit/visit.loaders';

/**
 * One record per key, fetched in one statement per entity type per tick. Built fresh for every
 * request (and every subscription event), so nothing cached outlives what the caller may see.
 */
function oneBy<E extends ObjectLiteral, K extends string | number>(ds: DataSource, entity: EntityTarget<E>, column: keyof E & string) {
  return new DataLoader<K, E | undefined>(async (keys) => {
    const rows = await ds.getRepository(entity).find({ where: { [column]: In([...keys]) } as never });
    const byKey = new Map(rows.map((row) => [String(row[column]), row]));
    return keys.map((key) => byKey.get(String(key)));
  });
}

function manyBy<E extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<E>, column: keyof E & string, order?: Record<string, 'ASC' | 'DESC'>) {
  return new DataLoader<number, E[]>(async (keys) => {
    const rows = await ds.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const groups = new Map<number, E[]>();
    for (const row of rows) {
      const key = Number(row[column]);
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(row);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Versions by "itemId:version" (the current one, or one a task refers to). */
function itemVersionLoader(ds: DataSource) {
  return new DataLoader<string, InspectionItemVersion | undefined>(async (keys) => {
    const pairs = keys.map((k) => k.split(':').map(Number));
    const rows = await ds.getRepository(InspectionItemVersion).find({ where: pairs.map(([itemId, version]) => ({ itemId, version })) });
    const byKey = new Map(rows.map((r) => [`${r.itemId}:${r.version}`, r]));
    return keys.map((k) => byKey.get(k));
  });
}

export function createLoaders(ds: DataSource) {
  return {
    department: oneBy<Department, number>(ds, Department, 'id'),
    region: oneBy<Region, string>(ds, Region, 'code'),
    user: oneBy<User, number>(ds, User, 'id'),
    target: oneBy<Target, number>(ds, Target, 'id'),
    inspector: oneBy<Inspector, number>(ds, Inspector, 'id'),
    category: oneBy<ItemCategory, string>(ds, ItemCategory, 'code'),
    itemVersion: itemVersionLoader(ds),
    itemVersionsByItem: manyBy(ds, InspectionItemVersion, 'itemId', { version: 'DESC' }),
    checkFormsByVersion: manyBy(ds, CheckForm, 'itemVersionId', { position: 'ASC' }),
    conflictsByInspector: manyBy(ds, ConflictOfInterest, 'inspectorId', { id: 'ASC' }),
    conflictsByTarget: manyBy(ds, ConflictOfInterest, 'targetId', { id: 'ASC' }),
    inspectionItem: oneBy<InspectionItem, number>(ds, InspectionItem, 'id'),
    annualPlan: oneBy<AnnualPlan, number>(ds, AnnualPlan, 'id'),
    planVersion: oneBy<PlanVersion, number>(ds, PlanVersion, 'id'),
    planVersionsByPlan: manyBy(ds, PlanVersion, 'planId', { version: 'DESC' }),
    planBatchesByVersion: manyBy(ds, PlanBatch, 'planVersionId', { position: 'ASC' }),
    planBatchItemsByBatch: manyBy(ds, PlanBatchItem, 'batchId', { id: 'ASC' }),
    planFilingsByVersion: manyBy(ds, PlanFilingRecord, 'planVersionId', { id: 'ASC' }),
    ratioPolicyByDepartment: oneBy<RatioPolicy, number>(ds, RatioPolicy, 'departmentId'),
    task: oneBy<Task, number>(ds, Task, 'id'),
    expert: oneBy<Expert, number>(ds, Expert, 'id'),
    taskItemsByTask: manyBy(ds, TaskItem, 'taskId', { id: 'ASC' }),
    visitTasksByVisit: manyBy(ds, VisitTask, 'visitId', { taskId: 'ASC' }),
    visitMembersByVisit: manyBy(ds, VisitMember, 'visitId', { ordinal: 'ASC', id: 'ASC' }),
    visitExpertsByVisit: manyBy(ds, VisitExpert, 'visitId', { id: 'ASC' }),
    openVisitsByPublicId: openVisitsByPublicIdLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
