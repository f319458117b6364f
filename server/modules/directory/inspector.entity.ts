import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, csvSet } from '../../db/columns';

/** An enforcement inspector (执法检查人员). The certificate number is unique nationally and is the re-import key. */
@ObjectType({ description: '执法检查人员 — an inspector' })
@Entity('inspector')
@Index('IDX_inspector_department_active', ['departmentId', 'active'])
export class Inspector {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  departmentId: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: '执法证号' })
  @Index('IDX_inspector_certificateNumber', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  certificateNumber: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  certificateValidFrom: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  certificateValidTo: string;

  @Field(() => [String], { description: 'Item category codes the inspector is qualified for' })
  @Column({ type: 'varchar', length: 500, transformer: csvSet })
  specialties: string[];

  @Field({ description: 'Region (county or township) the inspector works in, for recusal rules' })
  @Column({ type: 'varchar', length: 9 })
  regionCode: string;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  phone: string;

  @Field()
  @Column({ type: 'boolean', transformer: bool })
  active: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** The import that created this record, if one did (its history then starts with that import). */
  @Column({ type: 'integer', nullable: true })
  createdByImportJobId: number | null;

  /** The hub login of this inspector, for "my visits". */
  @Index('IDX_inspector_user')
  @Column({ type: 'integer', nullable: true })
  userId: number | null;
}
