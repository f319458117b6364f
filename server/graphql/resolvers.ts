import { HistoryResolver } from '../modules/audit/history.resolver';
import { InspectionItemResolver, InspectionItemVersionResolver } from '../modules/catalog/catalog.resolver';
import { ConflictResolver, ExpertResolver, InspectorResolver, TargetResolver } from '../modules/directory/directory.resolver';
import { ImportResolver } from '../modules/imports/import.resolver';
import { DepartmentResolver, RegionResolver, UserResolver } from '../modules/org/org.resolver';

/** Every resolver class of the hub. */
export const resolvers = [
  RegionResolver, DepartmentResolver, UserResolver,
  TargetResolver, InspectorResolver, ConflictResolver, ExpertResolver,
  InspectionItemResolver, InspectionItemVersionResolver,
  HistoryResolver, ImportResolver,
];
