import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentKind } from '../../domain/vocabulary';

/**
 * A department (部门). `path` lists the ids from the root down to this department ("/1/4/9/"), so
 * "this department and everything below it" is one indexed prefix match.
 */
@ObjectType({ description: '部门 — a department' })
@Entity('department')
export class Department {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => DepartmentKind)
  @Column({ type: 'varchar', length: 32 })
  kind: DepartmentKind;

  @Field()
  @Column({ type: 'varchar', length: 9 })
  regionCode: string;

  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @Index('IDX_department_path')
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
