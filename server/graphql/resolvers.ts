import { DepartmentResolver, RegionResolver, UserResolver } from '../modules/org/org.resolver';

/** Every resolver class of the hub. */
export const resolvers = [RegionResolver, DepartmentResolver, UserResolver];
