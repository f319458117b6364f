import { registerEnumType } from 'type-graphql';
import {
  CheckMethod, CreditClass, DepartmentKind, ItemKind, RegionLevel, RiskLevel, Role, SpecialDirectory, TargetStatus, TargetType,
} from '../domain/vocabulary';
import { ErrorCode } from '../common/errors';

/** Registers the domain vocabularies as GraphQL enums (once, before the schema is built). */
registerEnumType(RegionLevel, { name: 'RegionLevel' });
registerEnumType(DepartmentKind, { name: 'DepartmentKind' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(TargetType, { name: 'TargetType' });
registerEnumType(TargetStatus, { name: 'TargetStatus' });
registerEnumType(RiskLevel, { name: 'RiskLevel' });
registerEnumType(CreditClass, { name: 'CreditClass' });
registerEnumType(SpecialDirectory, { name: 'SpecialDirectory' });
registerEnumType(ItemKind, { name: 'ItemKind' });
registerEnumType(CheckMethod, { name: 'CheckMethod' });
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Stable error codes; see docs/errors.md.' });

export enum SortOrder { ASC = 'ASC', DESC = 'DESC' }
registerEnumType(SortOrder, { name: 'SortOrder' });
