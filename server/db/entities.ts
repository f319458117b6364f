import { Draw, DrawEntropy, DrawEvent, DrawPick, DrawPoolChunk, DrawSegment, DrawWitness, SequenceCounter } from '../modules/draw/draw.entity';
import { Task, TaskItem, TaskSegment } from '../modules/task/task.entity';
import { TaskParticipant, VisitItemResult } from '../modules/task/task-participant.entity';
import { ChangeRecord } from '../modules/audit/change-record.entity';
import { CheckForm, InspectionItem, InspectionItemVersion } from '../modules/catalog/inspection-item.entity';
import { ItemCategory } from '../modules/catalog/item-category.entity';
import { ConflictOfInterest } from '../modules/directory/conflict.entity';
import { Expert } from '../modules/directory/expert.entity';
import { Inspector } from '../modules/directory/inspector.entity';
import { Target } from '../modules/directory/target.entity';
import { ImportJob, ImportRowError } from '../modules/imports/import-job.entity';
import { Department } from '../modules/org/department.entity';
import { Region, RegionNeighbour } from '../modules/org/region.entity';
import { Session, User } from '../modules/org/user.entity';
import { AnnualPlan, PlanVersion } from '../modules/plan/annual-plan.entity';
import { PlanBatch, PlanBatchItem } from '../modules/plan/plan-batch.entity';
import { PlanFilingRecord } from '../modules/plan/plan-filing.entity';
import { RatioPolicy } from '../modules/plan/ratio-policy.entity';
import { MemberChange, TeamPolicy } from '../modules/team/team.entity';
import { TeamDraw, TeamDrawChunk } from '../modules/team/team-draw.entity';
import { Visit, VisitExpert, VisitMember, VisitTask } from '../modules/visit/visit.entity';

export const entities = [
  Region, RegionNeighbour, Department, User, Session,
  ItemCategory, InspectionItem, InspectionItemVersion, CheckForm,
  Target, Inspector, Expert, ConflictOfInterest, ChangeRecord,
  ImportJob, ImportRowError,
  Task, TaskItem, TaskSegment,
  Draw, DrawSegment, DrawPoolChunk, DrawPick, DrawWitness, DrawEntropy, DrawEvent, SequenceCounter,
  AnnualPlan, PlanVersion, PlanBatch, PlanBatchItem, PlanFilingRecord, RatioPolicy,
  Visit, VisitTask, VisitMember, VisitExpert, TeamPolicy, MemberChange,
  TeamDraw, TeamDrawChunk,
  TaskParticipant, VisitItemResult,
];
