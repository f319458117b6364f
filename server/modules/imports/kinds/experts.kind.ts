import { ErrorCode } from '../../../common/errors';
import { checkExpert, ExpertFields } from '../../../domain/directory-rules';
import { Expert } from '../../directory/expert.entity';
import { text } from '../cells';
import { ImportKind } from '../import-job.entity';
import { directoryWriter } from './directory-writer';
import type { ImportKindSpec } from './kind-spec';

/** 专家库: name and organisation together are the key. */
export const expertsKind: ImportKindSpec<ExpertFields, ExpertFields & { naturalKey: string }> = {
  kind: ImportKind.EXPERTS,
  sheetName: '专家库',
  columns: [
    { field: 'name', header: '姓名', headerEn: 'Name', aliases: ['专家姓名'], required: true, example: '李明', parse: text, format: (e) => e.name },
    { field: 'organisation', header: '工作单位', headerEn: 'Organisation', aliases: ['单位', '所在单位', '机构名称'], required: true, example: '山西省农业科学院', parse: text, format: (e) => e.organisation },
    { field: 'specialty', header: '专业领域', headerEn: 'Specialty', aliases: ['专业', '擅长领域'], required: false, example: '农药残留检测', parse: text, format: (e) => e.specialty },
    { field: 'phone', header: '联系电话', headerEn: 'Phone', aliases: ['电话'], required: false, example: '0351-7123456', parse: text, format: (e) => e.phone },
  ],
  defaults: () => ({ name: '', organisation: '', specialty: '', phone: '' }),
  check: (fields) => checkExpert(fields),
  key: (value) => value.naturalKey,
  write: directoryWriter<Expert, ExpertFields & { naturalKey: string }>({
    entity: Expert, entityType: 'EXPERT', keyProperty: 'naturalKey', keyPerDepartment: true, fields: ['name', 'organisation', 'specialty', 'phone', 'naturalKey'], duplicateElsewhere: ErrorCode.CONFLICT, newRecordDefaults: { active: true },
  }),
};
