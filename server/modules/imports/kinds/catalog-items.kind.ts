import { checkItem, ItemFields } from '../../../domain/catalog-rules';
import { checkMethodLabels, ItemKind, itemKindLabels, RegionLevel, regionLevelLabels, targetTypeLabels } from '../../../domain/vocabulary';
import { diffFields, recordChange } from '../../audit/audit.service';
import { ITEM_FIELDS } from '../../catalog/catalog.service';
import { CheckForm, InspectionItem, InspectionItemVersion } from '../../catalog/inspection-item.entity';
import { enumList, enumOf, formatList, percent, text, wholeNumber } from '../cells';
import { ImportKind } from '../import-job.entity';
import type { ImportKindSpec, ValidRow, WriteContext, WriteOutcome } from './kind-spec';

const percentText = (value: number | null) => (value === null ? '' : value);

/**
 * A changed row becomes a new version of the item (its check forms carried over, since the sheet
 * does not hold them); an unchanged row writes nothing. Catalogs have tens of items, not millions,
 * so this goes row by row.
 */
async function writeItems(ctx: WriteContext, rows: ValidRow<ItemFields>[]): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const items = ctx.em.getRepository(InspectionItem), versions = ctx.em.getRepository(InspectionItemVersion), forms = ctx.em.getRepository(CheckForm);
  for (const { value } of rows) {
    const { code, ...content } = value;
    const now = new Date();
    const item = await items.findOneBy({ departmentId: ctx.departmentId, code });
    if (!item) {
      const created = items.create({ departmentId: ctx.departmentId, code, currentVersion: 1, active: true, updatedAt: now });
      await items.insert(created);
      await versions.insert({ ...content, itemId: created.id, version: 1, createdAt: now, createdById: ctx.userId });
      await recordChange(ctx.em, { entityType: 'INSPECTION_ITEM', entityId: created.id, action: 'CREATE', changes: diffFields(null, { ...value }, ['code', ...ITEM_FIELDS]), userId: ctx.userId, importJobId: ctx.jobId });
      outcome.created++;
      continue;
    }
    const current = await versions.findOneByOrFail({ itemId: item.id, version: item.currentVersion });
    const changes = diffFields({ ...current }, { ...content }, ITEM_FIELDS);
    if (!Object.keys(changes).length) { outcome.unchanged++; continue; }
    const next = item.currentVersion + 1;
    await items.update({ id: item.id }, { currentVersion: next, updatedAt: now });
    const version = versions.create({ ...content, itemId: item.id, version: next, createdAt: now, createdById: ctx.userId });
    await versions.insert(version);
    const previousForms = await forms.findBy({ itemVersionId: current.id });
    if (previousForms.length) await forms.insert(previousForms.map(({ id: _id, ...form }) => ({ ...form, itemVersionId: version.id })));
    await recordChange(ctx.em, { entityType: 'INSPECTION_ITEM', entityId: item.id, action: 'NEW_VERSION', changes: { ...changes, version: [item.currentVersion, next] }, userId: ctx.userId, importJobId: ctx.jobId });
    outcome.updated++;
  }
  return outcome;
}

/** 抽查事项清单, as published: code is the key. */
export const catalogItemsKind: ImportKindSpec<ItemFields> = {
  kind: ImportKind.CATALOG_ITEMS,
  sheetName: '抽查事项清单',
  columns: [
    { field: 'code', header: '事项编码', headerEn: 'Code', aliases: ['编码', '事项编号', '序号编码'], required: true, example: 'PL-NY-001', parse: text, format: (i) => i.code },
    { field: 'name', header: '事项名称', headerEn: 'Name', aliases: ['抽查事项', '抽查事项名称'], required: true, example: '农药经营者经营行为的检查', parse: text, format: (i) => i.name },
    { field: 'categoryCode', header: '事项类别', headerEn: 'Category', aliases: ['类别', '抽查类别'], required: true, example: '农药', parse: text, format: (i) => i.categoryCode },
    { field: 'kind', header: '事项类型', headerEn: 'Kind', aliases: ['检查类型', '事项性质'], required: true, example: '一般检查事项', parse: enumOf(itemKindLabels, '事项类型'), format: (i) => itemKindLabels[i.kind].zh },
    { field: 'targetTypes', header: '检查对象类型', headerEn: 'Target types', aliases: ['检查对象', '对象类型'], required: false, example: '企业、个体工商户', parse: enumList(targetTypeLabels, '检查对象类型'), format: (i) => formatList(i.targetTypes, targetTypeLabels) },
    { field: 'checkContent', header: '检查内容', headerEn: 'Check content', required: false, example: '经营许可、进货查验、购销台账', parse: text, format: (i) => i.checkContent },
    { field: 'methods', header: '检查方式', headerEn: 'Methods', aliases: ['检查方法'], required: false, example: '实地核查、抽样检测', parse: enumList(checkMethodLabels, '检查方式'), format: (i) => formatList(i.methods, checkMethodLabels) },
    { field: 'ratioMinPercent', header: '抽查比例下限（%）', headerEn: 'Min ratio (%)', aliases: ['抽查比例下限', '抽查比例', '比例下限'], required: false, example: '5', parse: percent, format: (i) => percentText(i.ratioMinPercent) },
    { field: 'ratioMaxPercent', header: '抽查比例上限（%）', headerEn: 'Ratio cap (%)', aliases: ['抽查比例上限', '比例上限'], required: false, example: '20', parse: percent, format: (i) => percentText(i.ratioMaxPercent) },
    { field: 'frequencyPerYear', header: '抽查频次（次/年）', headerEn: 'Rounds a year', aliases: ['抽查频次', '频次'], required: false, example: '2', parse: wholeNumber(1), format: (i) => i.frequencyPerYear },
    { field: 'responsibleUnit', header: '实施主体', headerEn: 'Responsible unit', aliases: ['责任单位', '实施单位', '责任股室'], required: false, example: '农业综合行政执法队', parse: text, format: (i) => i.responsibleUnit },
    { field: 'level', header: '实施层级', headerEn: 'Level', aliases: ['层级'], required: false, example: '县级', parse: enumOf(regionLevelLabels, '实施层级', RegionLevel.COUNTY), format: (i) => regionLevelLabels[i.level].zh },
    { field: 'legalBasis', header: '检查依据', headerEn: 'Legal basis', aliases: ['法律依据', '依据'], required: false, example: '《农药管理条例》第二十四条', parse: text, format: (i) => i.legalBasis },
  ],
  defaults: () => ({
    code: '', name: '', categoryCode: '', kind: ItemKind.GENERAL, targetTypes: [], checkContent: '', methods: [], ratioMinPercent: null, ratioMaxPercent: null,
    frequencyPerYear: 1, responsibleUnit: '', level: RegionLevel.COUNTY, legalBasis: '',
  }),
  check: (fields, lookups) => checkItem({ ...fields, categoryCode: lookups.resolveCategory(fields.categoryCode) }, lookups),
  key: (value) => value.code,
  write: writeItems,
};
