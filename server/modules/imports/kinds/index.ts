import { ImportKind } from '../import-job.entity';
import { catalogItemsKind } from './catalog-items.kind';
import { expertsKind } from './experts.kind';
import { inspectorsKind } from './inspectors.kind';
import type { ImportKindSpec } from './kind-spec';
import { targetsKind } from './targets.kind';

export const importKinds: Record<ImportKind, ImportKindSpec<any, any>> = {
  TARGETS: targetsKind,
  INSPECTORS: inspectorsKind,
  EXPERTS: expertsKind,
  CATALOG_ITEMS: catalogItemsKind,
};
