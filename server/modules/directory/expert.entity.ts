import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool } from '../../db/columns';

/** An expert (专家): a testing body, research institute or industry expert. Re-import key: name + organisation. */
@ObjectType({ description: '专家 — an expert in the expert library' })
@Entity('expert')
@Index('IDX_expert_department_naturalKey', ['departmentId', 'naturalKey'], { unique: true })
export class Expert {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  departmentId: number;

  @Column({ type: 'varchar', length: 250 })
  naturalKey: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 150 })
  organisation: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  specialty: string;

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
}
