import { Foundation1763800000000 } from './1763800000000-Foundation';
import { ReferenceData1763800000001 } from './1763800000001-ReferenceData';
import { Plans1763800000002 } from './1763800000002-Plans';
import { TasksAndDraws1763800000003 } from './1763800000003-TasksAndDraws';

/** Every migration, oldest first. A new migration is added here and never edited once released. */
export const migrations = [Foundation1763800000000, ReferenceData1763800000001, Plans1763800000002, TasksAndDraws1763800000003];
