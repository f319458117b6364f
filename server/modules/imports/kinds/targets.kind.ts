import { ErrorCode } from '../../../common/errors';
import { checkTarget, TargetFields } from '../../../domain/directory-rules';
import {
  creditClassLabels, CreditClass, RiskLevel, riskLevelLabels, specialDirectoryLabels, TargetStatus, targetStatusLabels, TargetType, targetTypeLabels,
} from '../../../domain/vocabulary';
import { Target } from '../../directory/target.entity';
import { TARGET_FIELDS } from '../../directory/target.service';
import { enumList, enumOf, formatLicences, formatList, licences, optionalText, text, wholeNumber, yesNo } from '../cells';
import { ImportKind } from '../import-job.entity';
import { directoryWriter } from './directory-writer';
import type { ImportKindSpec } from './kind-spec';

const yesNoText = (value: boolean) => (value ? '是' : '否');

/** 检查对象名录: columns as county offices keep them; the credit code (or type|region|name) is the key. */
export const targetsKind: ImportKindSpec<TargetFields, TargetFields & { naturalKey: string }> = {
  kind: ImportKind.TARGETS,
  sheetName: '检查对象名录',
  columns: [
    { field: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', aliases: ['信用代码', '社会信用代码', '统一代码'], required: true, example: '91140603MA0K2XYZ1L', parse: optionalText, format: (t) => t.creditCode ?? '' },
    { field: 'name', header: '名称', headerEn: 'Name', aliases: ['企业名称', '单位名称', '对象名称', '主体名称', '市场主体名称'], required: true, example: '平鲁区丰收农资经营部', parse: text, format: (t) => t.name },
    { field: 'type', header: '对象类型', headerEn: 'Type', aliases: ['类型', '主体类型', '市场主体类型'], required: true, example: '企业', parse: enumOf(targetTypeLabels, '对象类型'), format: (t) => targetTypeLabels[t.type].zh },
    { field: 'regionCode', header: '行政区划代码', headerEn: 'Region code', aliases: ['区划代码', '所属区域代码', '所在地区划代码'], required: true, example: '140603', parse: text, format: (t) => t.regionCode },
    { field: 'address', header: '地址', headerEn: 'Address', aliases: ['住所', '经营场所', '住所（经营场所）', '经营地址'], required: false, example: '平鲁区井坪镇南大街12号', parse: text, format: (t) => t.address },
    { field: 'status', header: '登记状态', headerEn: 'Status', aliases: ['状态', '经营状态'], required: false, example: '存续', parse: enumOf(targetStatusLabels, '登记状态', TargetStatus.ACTIVE), format: (t) => targetStatusLabels[t.status].zh },
    { field: 'riskLevel', header: '风险等级', headerEn: 'Risk level', aliases: ['风险分类'], required: false, example: '一般风险', parse: enumOf(riskLevelLabels, '风险等级', RiskLevel.MEDIUM), format: (t) => riskLevelLabels[t.riskLevel].zh },
    { field: 'creditClass', header: '信用等级', headerEn: 'Credit class', aliases: ['信用分类', '信用类别'], required: false, example: 'A', parse: enumOf(creditClassLabels, '信用等级', CreditClass.B), format: (t) => t.creditClass },
    { field: 'complaintCount', header: '投诉次数', headerEn: 'Complaints', aliases: ['投诉举报次数'], required: false, example: '0', parse: wholeNumber(0), format: (t) => t.complaintCount },
    { field: 'dishonest', header: '失信', headerEn: 'Dishonest', aliases: ['是否失信', '失信被执行人'], required: false, example: '否', parse: yesNo, format: (t) => yesNoText(t.dishonest) },
    { field: 'seriousViolation', header: '严重违法失信', headerEn: 'Serious violation', aliases: ['严重违法', '是否严重违法失信'], required: false, example: '否', parse: yesNo, format: (t) => yesNoText(t.seriousViolation) },
    { field: 'specialDirectories', header: '专项名录', headerEn: 'Special directories', aliases: ['所属专项名录', '分类专项名录'], required: false, example: '农药经营者、种子经营者', parse: enumList(specialDirectoryLabels, '专项名录'), format: (t) => formatList(t.specialDirectories, specialDirectoryLabels) },
    { field: 'licences', header: '许可证', headerEn: 'Licences', aliases: ['许可证信息', '许可证件'], required: false, example: '农药经营许可证：农药经许（晋）14060320210001：2027-05-31', parse: licences, format: (t) => formatLicences(t.licences) },
    { field: 'legalRepresentative', header: '法定代表人', headerEn: 'Legal representative', aliases: ['法定代表人（负责人）', '负责人', '经营者'], required: false, example: '王建华', parse: text, format: (t) => t.legalRepresentative },
    { field: 'phone', header: '联系电话', headerEn: 'Phone', aliases: ['电话', '联系方式'], required: false, example: '0349-6022123', parse: text, format: (t) => t.phone },
  ],
  defaults: () => ({
    creditCode: null, name: '', type: TargetType.ENTERPRISE, regionCode: '', address: '', status: TargetStatus.ACTIVE, riskLevel: RiskLevel.MEDIUM,
    creditClass: CreditClass.B, complaintCount: 0, dishonest: false, seriousViolation: false, specialDirectories: [], licences: [], legalRepresentative: '', phone: '',
  }),
  check: (fields, lookups) => checkTarget(fields, lookups),
  key: (value) => value.naturalKey,
  write: directoryWriter<Target, TargetFields & { naturalKey: string }>({
    entity: Target, entityType: 'TARGET', keyProperty: 'naturalKey', keyPerDepartment: true, fields: [...TARGET_FIELDS, 'naturalKey'], duplicateElsewhere: ErrorCode.DUPLICATE_TARGET,
  }),
};
