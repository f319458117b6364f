import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A declared conflict of interest between an inspector and a target (Art. 23): the inspector is recused from it. */
@ObjectType({ description: '利害关系申报 — a declared conflict of interest' })
@Entity('conflict_of_interest')
@Index('IDX_conflict_inspector_target', ['inspectorId', 'targetId'], { unique: true })
@Index('IDX_conflict_target', ['targetId'])
export class ConflictOfInterest {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  inspectorId: number;

  @Column({ type: 'integer' })
  targetId: number;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  reason: string;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  declaredAt: Date;

  @Column({ type: 'integer', nullable: true })
  declaredById: number | null;
}
