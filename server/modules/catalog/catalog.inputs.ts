import { ArrayMaxSize, Length, Matches, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CheckMethod, ItemKind, RegionLevel, TargetType } from '../../domain/vocabulary';

@InputType()
export class CheckPointInput {
  @Field({ description: '检查要点' }) @Length(1, 500) point: string;
  @Field({ description: '检查方法' }) @Length(0, 500) method: string;
  @Field({ description: '判定标准' }) @Length(0, 500) criterion: string;
  @Field({ description: '后续处理' }) @Length(0, 500) followUp: string;
}

@InputType()
export class CheckFormInput {
  @Field() @Length(1, 200) name: string;
  @Field(() => [CheckPointInput]) @ArrayMaxSize(200) @ValidateNested({ each: true }) checkPoints: CheckPointInput[];
}

@InputType({ description: 'The content of an inspection item; saving it again makes a new version' })
export class InspectionItemInput {
  @Field() code: string;
  @Field() name: string;
  @Field() categoryCode: string;
  @Field(() => ItemKind) kind: ItemKind;
  @Field(() => [TargetType]) targetTypes: TargetType[];
  @Field({ defaultValue: '' }) checkContent: string;
  @Field(() => [CheckMethod], { defaultValue: [] }) methods: CheckMethod[];
  @Field(() => Float, { nullable: true }) ratioMinPercent?: number | null;
  @Field(() => Float, { nullable: true, description: 'Required for GENERAL items, absent for KEY items' }) ratioMaxPercent?: number | null;
  @Field(() => Int, { defaultValue: 1 }) frequencyPerYear: number;
  @Field({ defaultValue: '' }) responsibleUnit: string;
  @Field(() => RegionLevel, { defaultValue: RegionLevel.COUNTY }) level: RegionLevel;
  @Field({ defaultValue: '' }) legalBasis: string;
  @Field(() => [CheckFormInput], { defaultValue: [] }) @ArrayMaxSize(50) @ValidateNested({ each: true }) checkForms: CheckFormInput[];
}

@InputType()
export class InspectionItemFilter {
  @Field(() => String, { nullable: true, description: 'Part of the code or name' }) search?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required when not logged in: the public catalog of one department' }) departmentId?: string | null;
  @Field(() => String, { nullable: true }) categoryCode?: string | null;
  @Field(() => ItemKind, { nullable: true }) kind?: ItemKind | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType()
export class ItemCategoryInput {
  @Field() @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: '类别编码为2至32位大写字母、数字或下划线 (category code: 2–32 upper-case letters, digits, _)' }) code: string;
  @Field() @Length(1, 100) nameZh: string;
  @Field() @Length(1, 100) nameEn: string;
}
