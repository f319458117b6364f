import { Foundation1763800000000 } from './1763800000000-Foundation';
import { ReferenceData1763800000001 } from './1763800000001-ReferenceData';
import { Plans1763800000002 } from './1763800000002-Plans';
import { TasksAndDraws1763800000003 } from './1763800000003-TasksAndDraws';
import { VisitsAndTeams1763800000004 } from './1763800000004-VisitsAndTeams';
import { JointTasks1763800000005 } from './1763800000005-JointTasks';
import { TeamDraws1763800000006 } from './1763800000006-TeamDraws';
import { LongerChangeActions1763800000007 } from './1763800000007-LongerChangeActions';
import { VisitPublicIdIndex1763800000008 } from './1763800000008-VisitPublicIdIndex';

/** Every migration, oldest first. A new migration is added here and never edited once released. */
export const migrations = [Foundation1763800000000, ReferenceData1763800000001, Plans1763800000002, TasksAndDraws1763800000003, VisitsAndTeams1763800000004, JointTasks1763800000005, TeamDraws1763800000006, LongerChangeActions1763800000007, VisitPublicIdIndex1763800000008];
