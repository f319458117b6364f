import { ErrorCode } from '../../../common/errors';
import { checkInspector, InspectorFields } from '../../../domain/directory-rules';
import { BUILT_IN_CATEGORIES } from '../../../domain/vocabulary';
import { Inspector } from '../../directory/inspector.entity';
import { date, text, textList } from '../cells';
import { ImportKind } from '../import-job.entity';
import { directoryWriter } from './directory-writer';
import type { ImportKindSpec } from './kind-spec';

const categoryName = new Map<string, string>(BUILT_IN_CATEGORIES.map((c) => [c.code, c.zh]));

/** 执法检查人员名录: the certificate number is the key (unique nationwide). */
export const inspectorsKind: ImportKindSpec<InspectorFields> = {
  kind: ImportKind.INSPECTORS,
  sheetName: '执法检查人员名录',
  columns: [
    { field: 'name', header: '姓名', headerEn: 'Name', required: true, example: '张建国', parse: text, format: (i) => i.name },
    { field: 'certificateNumber', header: '执法证号', headerEn: 'Certificate number', aliases: ['执法证件号', '执法证编号', '行政执法证号'], required: true, example: '14060321001', parse: text, format: (i) => i.certificateNumber },
    { field: 'certificateValidFrom', header: '有效期起', headerEn: 'Valid from', aliases: ['发证日期', '有效期自', '有效期开始'], required: true, example: '2024-01-01', parse: date, format: (i) => i.certificateValidFrom },
    { field: 'certificateValidTo', header: '有效期止', headerEn: 'Valid to', aliases: ['有效期至', '有效期截止', '有效期结束'], required: true, example: '2028-12-31', parse: date, format: (i) => i.certificateValidTo },
    { field: 'specialties', header: '执法领域', headerEn: 'Specialties', aliases: ['专业领域', '专业特长', '执法类别'], required: false, example: '农药、种子', parse: textList, format: (i) => i.specialties.map((s) => categoryName.get(s) ?? s).join('、') },
    { field: 'regionCode', header: '行政区划代码', headerEn: 'Region code', aliases: ['区划代码', '所在区划代码'], required: true, example: '140603100', parse: text, format: (i) => i.regionCode },
    { field: 'phone', header: '联系电话', headerEn: 'Phone', aliases: ['电话'], required: false, example: '13903490001', parse: text, format: (i) => i.phone },
  ],
  defaults: () => ({ name: '', certificateNumber: '', certificateValidFrom: '', certificateValidTo: '', specialties: [], regionCode: '', phone: '' }),
  // Specialties are written as category names (种子、农药) or codes.
  check: (fields, lookups) => checkInspector({ ...fields, specialties: fields.specialties.map(lookups.resolveCategory) }, lookups),
  key: (value) => value.certificateNumber,
  write: directoryWriter<Inspector, InspectorFields>({
    entity: Inspector, entityType: 'INSPECTOR', keyProperty: 'certificateNumber', keyPerDepartment: false,
    fields: ['name', 'certificateNumber', 'certificateValidFrom', 'certificateValidTo', 'specialties', 'regionCode', 'phone'], duplicateElsewhere: ErrorCode.DUPLICATE_CERTIFICATE, newRecordDefaults: { active: true },
  }),
};
