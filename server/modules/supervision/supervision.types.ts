import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PaginatedList } from '../../common/pagination';
import { FilingState, PlanStatus } from '../../domain/plan-rules';
import { Draw, DrawStatus } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { Region } from '../org/region.entity';
import { VisitStatus } from '../visit/visit.entity';
import { TaskStage } from './figures';

registerEnumType(TaskStage, {
  name: 'TaskStage',
  description: 'Where a task stands, derived from its draws and visits: PREPARING (no draw standing), DRAWING (a draw not yet locked), IN_PROGRESS (locked, visits open), DONE (locked, every visit done or cancelled)',
});

@ObjectType({ description: 'Draws a user may watch, newest first' })
export class DrawList extends PaginatedList(Draw) {
  @Field(() => Int, { description: 'The last hub-wide event number before the list was read: pass it to jurisdictionDrawEvents(afterGlobalSeq) to miss nothing' })
  globalSeq: number;
}

@ObjectType({ description: 'The headline figures of a region, or of the whole jurisdiction, for one year' })
export class RegionFigures {
  @Field(() => Int) departments: number;
  @Field(() => Int, { description: 'Targets in business in the departments’ own directories' }) targets: number;
  @Field(() => Int, { description: 'Distinct targets of those directories drawn this year by draws that stand (completed, locked, announced)' }) drawnTargets: number;
  @Field(() => Float, { nullable: true, description: 'drawnTargets ÷ targets, in percent (null without targets)' }) coveragePercent: number | null;
  @Field(() => Int, { description: 'Departments whose plan in force is filed with all three recipients' }) plansFiled: number;
  @Field(() => Int, { description: 'Departments without a plan for the year' }) plansMissing: number;
  @Field(() => Int, { description: 'Departments whose filing deadline passed without every filing' }) plansOverdue: number;
  @Field(() => Int, { description: 'Draws that stand (completed, locked, announced)' }) standingDraws: number;
  @Field(() => Int) tasks: number;
  @Field(() => Int, { description: 'Tasks past their window and not DONE' }) overdueTasks: number;
  @Field(() => Int, { description: 'Open visits past their window' }) overdueVisits: number;
  @Field(() => Int, { description: 'Visits serving two or more tasks' }) mergedVisits: number;
  @Field(() => Int) jointTasksLed: number;
  @Field(() => Int, { description: 'Draw segments whose count is above the cap of a GENERAL item (should be 0)' }) segmentsAboveCap: number;
  @Field(() => Int, { description: 'Targets drawn more than twice this year without an exemption (should be 0)' }) capBreaches: number;
}

@ObjectType({ description: 'A child region of the one looked at, with its headline figures (for drill-down)' })
export class ChildRegionFigures {
  @Field(() => Region) region: Region;
  @Field(() => RegionFigures) figures: RegionFigures;
}

@ObjectType({ description: 'Plan coverage of one department: its directory against what was drawn, and its plan' })
export class DepartmentCoverage {
  @Field(() => Department) department: Department;
  @Field(() => Int) targets: number;
  @Field(() => Int) drawnTargets: number;
  @Field(() => Float, { nullable: true }) coveragePercent: number | null;
  @Field(() => Float, { description: 'The department’s minimum ratio (its ratio policy; 5 % by default)' }) minRatioPercent: number;
  @Field({ description: 'Coverage below the minimum ratio so far this year' }) belowMinimum: boolean;
  @Field(() => PlanStatus, { nullable: true, description: 'The plan version in force (null: no plan for the year)' }) planStatus: PlanStatus | null;
  @Field(() => FilingState, { nullable: true }) filingState: FilingState | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) filingDeadline: string | null;
  @Field(() => Int) tasks: number;
  @Field(() => Int) standingDraws: number;
  @Field(() => Int) overdueTasks: number;
  @Field(() => Int) overdueVisits: number;
}

@ObjectType({ description: 'Art. 8: draw segments against the cap of the task’s strictest GENERAL item' })
export class RatioCompliance {
  @Field(() => Int, { description: 'Segments of draws not voided' }) segments: number;
  @Field(() => Int) withinCap: number;
  @Field(() => Int, { description: 'Breaches' }) aboveCap: number;
  @Field(() => Int, { description: 'Segments of tasks with KEY items only (no cap)' }) withoutCap: number;
}

@ObjectType({ description: 'A target drawn more than twice this year without an exemption' })
export class CapBreachView {
  @Field() publicId: string;
  @Field(() => ID, { description: 'The draw whose pick broke the cap' }) drawId: number;
  @Field(() => Int) timesDrawn: number;
  departmentId: number;
}

@ObjectType({ description: 'Art. 14: at most twice a year. Targets drawn this year by the scope’s standing draws, by how often they were drawn in all' })
export class YearlyCapFigures {
  @Field(() => Int) targetsDrawn: number;
  @Field(() => Int) drawnOnce: number;
  @Field(() => Int) drawnTwice: number;
  @Field(() => Int) drawnMoreThanTwice: number;
  @Field(() => Int, { description: 'Drawn more than twice, every extra draw exempt (KEY item, directed check, complaints, abnormal list, dishonest, serious violation)' }) exempt: number;
  @Field(() => Int, { description: 'Targets with a non-exempt draw beyond the second (should be 0)' }) breaches: number;
  @Field(() => [CapBreachView], { description: 'The breaches, at most 100' }) breachList: CapBreachView[];
}

@ObjectType() export class TaskStageCount { @Field(() => TaskStage) stage: TaskStage; @Field(() => Int) count: number }
@ObjectType() export class DrawStatusCount { @Field(() => DrawStatus) status: DrawStatus; @Field(() => Int) count: number }
@ObjectType() export class VisitStatusCount { @Field(() => VisitStatus) status: VisitStatus; @Field(() => Int) count: number }

@ObjectType({ description: '进一次门、查多项事: visits led by the scope’s departments, whose window starts in the year' })
export class VisitFigures {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'Visits serving two or more tasks' }) merged: number;
  @Field(() => Int, { description: 'Tasks served by merged visits' }) tasksInMerged: number;
  @Field(() => Int, { description: 'Visits spared by merging: tasks in merged visits − merged visits' }) visitsSaved: number;
  @Field(() => [VisitStatusCount]) byStatus: VisitStatusCount[];
}

@ObjectType({ description: '联合抽查 of the year' })
export class JointTaskFigures {
  @Field(() => Int, { description: 'Joint tasks led by the scope’s departments' }) led: number;
  @Field(() => Int, { description: 'Joint tasks of others in which a department of the scope is a confirmed participant' }) participating: number;
  @Field(() => Int, { description: 'Invitations to the scope’s departments not answered yet' }) invitationsPending: number;
}

@ObjectType({ description: 'Work past its deadline (today in China)' })
export class OverdueFigures {
  @Field(() => Int, { description: 'Tasks whose window ended and that are not DONE' }) tasks: number;
  @Field(() => Int, { description: 'Visits not done or cancelled whose window ended' }) visits: number;
  @Field(() => Int, { description: 'Plans whose 15-day filing deadline passed without every filing (Art. 12)' }) planFilings: number;
}

@ObjectType({ description: '监督 — the figures of a jurisdiction (or of a region inside it) for one year (Art. 36–39); docs/supervision.md' })
export class SupervisionOverview {
  @Field(() => Int) year: number;
  @Field({ description: 'The day the figures are computed for (YYYY-MM-DD, China)' }) asOf: string;
  @Field(() => Region) region: Region;
  @Field(() => [Region], { description: 'From the actor’s own region down to this one' }) path: Region[];
  @Field(() => RegionFigures) totals: RegionFigures;
  @Field(() => [DepartmentCoverage]) departments: DepartmentCoverage[];
  @Field(() => RatioCompliance) ratioCompliance: RatioCompliance;
  @Field(() => YearlyCapFigures) yearlyCap: YearlyCapFigures;
  @Field(() => [TaskStageCount]) tasksByStage: TaskStageCount[];
  @Field(() => [DrawStatusCount]) drawsByStatus: DrawStatusCount[];
  @Field(() => VisitFigures) visits: VisitFigures;
  @Field(() => JointTaskFigures) jointTasks: JointTaskFigures;
  @Field(() => OverdueFigures) overdue: OverdueFigures;
  @Field(() => [ChildRegionFigures], { description: 'Child regions holding departments of the scope' }) children: ChildRegionFigures[];
}
