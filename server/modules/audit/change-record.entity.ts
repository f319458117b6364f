import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { json } from '../../db/columns';

export type FieldChanges = Record<string, [unknown, unknown]>;

/**
 * One change to a directory or catalog record: who, when, what (field → [before, after]).
 * Written in the same transaction as the change itself.
 */
@ObjectType({ description: '变更记录 — one change of a record' })
@Entity('change_record')
@Index('IDX_change_record_entity', ['entityType', 'entityId'])
export class ChangeRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Field(() => ID)
  @Column({ type: 'integer' })
  entityId: number;

  @Field({ description: 'CREATE, UPDATE, DEACTIVATE, REACTIVATE, NEW_VERSION, DECLARE_CONFLICT, WITHDRAW_CONFLICT; for plans UPDATE_DRAFT, FILE, ADOPT' })
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'text', transformer: json })
  changes: FieldChanges;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Field(() => ID, { nullable: true, description: 'The import that made this change, if any' })
  @Column({ type: 'integer', nullable: true })
  importJobId: number | null;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
