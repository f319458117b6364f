import { HistoryResolver } from '../modules/audit/history.resolver';
import { InspectionItemResolver, InspectionItemVersionResolver } from '../modules/catalog/catalog.resolver';
import { ConflictResolver, ExpertResolver, InspectorResolver, TargetResolver } from '../modules/directory/directory.resolver';
import { ImportResolver } from '../modules/imports/import.resolver';
import { DrawResolver } from '../modules/draw/draw.resolver';
import { AnnouncementResolver } from '../modules/draw/announcement.resolver';
import { TaskResolver } from '../modules/task/task.resolver';
import { JointTaskFieldsResolver, TaskParticipantResolver, VisitItemResultResolver } from '../modules/task/joint-task.resolver';
import { DepartmentResolver, RegionResolver, UserResolver } from '../modules/org/org.resolver';
import { AnnualPlanResolver, PlanBatchResolver, PlanFilingResolver, PlanVersionResolver, PlanWarningResolver, RegionalWeightEntryResolver } from '../modules/plan/plan.resolver';
import { RatioOverrideEntryResolver, RatioPolicyResolver } from '../modules/plan/ratio-policy.resolver';
import { TaskVisitsResolver, VisitExpertResolver, VisitMemberResolver, VisitResolver, VisitTaskResolver } from '../modules/visit/visit.resolver';
import { CapBreachResolver, DrawListFieldsResolver, SupervisionResolver } from '../modules/supervision/supervision.resolver';
import { MemberChangeResolver, TeamDrawResolver, TeamPolicyResolver, TeamResolver, TeamVisitExpertResolver, TeamVisitMemberResolver, TeamVisitResolver } from '../modules/team/team.resolver';

/** Every resolver class of the hub. */
export const resolvers = [
  RegionResolver, DepartmentResolver, UserResolver,
  TargetResolver, InspectorResolver, ConflictResolver, ExpertResolver,
  InspectionItemResolver, InspectionItemVersionResolver,
  HistoryResolver, ImportResolver,
  TaskResolver, DrawResolver, AnnouncementResolver,
  AnnualPlanResolver, PlanVersionResolver, PlanBatchResolver, PlanFilingResolver, PlanWarningResolver, RegionalWeightEntryResolver,
  RatioPolicyResolver, RatioOverrideEntryResolver,
  VisitResolver, VisitTaskResolver, VisitMemberResolver, VisitExpertResolver, TaskVisitsResolver,
  TeamResolver, TeamDrawResolver, TeamPolicyResolver, MemberChangeResolver, TeamVisitResolver, TeamVisitMemberResolver, TeamVisitExpertResolver,
  TaskParticipantResolver, JointTaskFieldsResolver, VisitItemResultResolver,
  SupervisionResolver, DrawListFieldsResolver, CapBreachResolver,
];
