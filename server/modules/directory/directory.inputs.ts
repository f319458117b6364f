import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CreditClass, RiskLevel, SpecialDirectory, TargetStatus, TargetType } from '../../domain/vocabulary';

@InputType()
export class LicenceInput {
  @Field() kind: string;
  @Field() number: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validTo?: string | null;
}

@InputType({ description: 'A target as typed into the form; the same rules as a spreadsheet row apply' })
export class TargetInput {
  @Field(() => String, { nullable: true, description: 'Required for enterprises, cooperatives, organisations and institutions' }) creditCode?: string | null;
  @Field() name: string;
  @Field(() => TargetType) type: TargetType;
  @Field() regionCode: string;
  @Field({ defaultValue: '' }) address: string;
  @Field(() => TargetStatus, { defaultValue: TargetStatus.ACTIVE }) status: TargetStatus;
  @Field(() => RiskLevel, { defaultValue: RiskLevel.MEDIUM }) riskLevel: RiskLevel;
  @Field(() => CreditClass, { defaultValue: CreditClass.B }) creditClass: CreditClass;
  @Field(() => Int, { defaultValue: 0 }) complaintCount: number;
  @Field({ defaultValue: false }) dishonest: boolean;
  @Field({ defaultValue: false }) seriousViolation: boolean;
  @Field(() => [SpecialDirectory], { defaultValue: [] }) specialDirectories: SpecialDirectory[];
  @Field(() => [LicenceInput], { defaultValue: [] }) licences: LicenceInput[];
  @Field({ defaultValue: '' }) legalRepresentative: string;
  @Field({ defaultValue: '' }) phone: string;
}

@InputType()
export class TargetFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or credit code' }) search?: string | null;
  @Field(() => ID, { nullable: true, description: 'One department’s directory (default: every directory in scope)' }) departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'A region and everything in it' }) regionCode?: string | null;
  @Field(() => [TargetType], { nullable: true }) types?: TargetType[] | null;
  @Field(() => [TargetStatus], { nullable: true }) statuses?: TargetStatus[] | null;
  @Field(() => [RiskLevel], { nullable: true }) riskLevels?: RiskLevel[] | null;
  @Field(() => [CreditClass], { nullable: true }) creditClasses?: CreditClass[] | null;
  @Field(() => SpecialDirectory, { nullable: true }) specialDirectory?: SpecialDirectory | null;
  @Field(() => Boolean, { nullable: true }) dishonest?: boolean | null;
  @Field(() => Boolean, { nullable: true }) seriousViolation?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'At least this many complaints' }) minComplaints?: number | null;
}

export enum TargetSort { NAME = 'name', CREDIT_CODE = 'creditCode', REGION = 'regionCode', RISK_LEVEL = 'riskLevel', COMPLAINTS = 'complaintCount', UPDATED_AT = 'updatedAt' }
registerEnumType(TargetSort, { name: 'TargetSort' });

@InputType()
export class InspectorInput {
  @Field() name: string;
  @Field({ description: '执法证号' }) certificateNumber: string;
  @Field({ description: 'YYYY-MM-DD' }) certificateValidFrom: string;
  @Field({ description: 'YYYY-MM-DD' }) certificateValidTo: string;
  @Field(() => [String], { defaultValue: [], description: 'Item category codes' }) specialties: string[];
  @Field() regionCode: string;
  @Field({ defaultValue: '' }) phone: string;
}

@InputType()
export class InspectorFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or certificate number' }) search?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Only inspectors whose certificate is valid on this day (YYYY-MM-DD)' }) certificateValidOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Only inspectors with this specialty (category code)' }) specialty?: string | null;
}

export enum InspectorSort { NAME = 'name', CERTIFICATE_NUMBER = 'certificateNumber', CERTIFICATE_VALID_TO = 'certificateValidTo', UPDATED_AT = 'updatedAt' }
registerEnumType(InspectorSort, { name: 'InspectorSort' });

@InputType()
export class ExpertInput {
  @Field() name: string;
  @Field() organisation: string;
  @Field({ defaultValue: '' }) specialty: string;
  @Field({ defaultValue: '' }) phone: string;
}

@InputType()
export class ExpertFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, organisation or specialty' }) search?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
