import { ArrayNotEmpty, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { REGION_CODE_PATTERN } from '../../domain/region-code';
import { DepartmentKind, RegionLevel, Role } from '../../domain/vocabulary';

@InputType()
export class CreateRegionInput {
  @Field() @Matches(REGION_CODE_PATTERN, { message: '行政区划代码应为6位或9位数字 (region code must be 6 or 9 digits)' }) code: string;
  @Field() @Length(1, 100) name: string;
  @Field(() => RegionLevel) level: RegionLevel;
  @Field(() => String, { nullable: true }) @IsOptional() parentCode?: string | null;
}

@InputType()
export class CreateDepartmentInput {
  @Field() @Length(1, 100) name: string;
  @Field(() => DepartmentKind) kind: DepartmentKind;
  @Field() regionCode: string;
  @Field(() => ID, { description: 'Parent department; must be the actor’s own department or one below it' }) parentId: string;
}

@InputType()
export class CreateUserInput {
  @Field() @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: '用户名为3至64位字母、数字、点、下划线或连字符 (username: 3–64 letters, digits, . _ -)' }) username: string;
  @Field() @Length(1, 100) displayName: string;
  @Field(() => ID) departmentId: string;
  @Field(() => [Role]) @ArrayNotEmpty() roles: Role[];
  @Field() password: string;
}
