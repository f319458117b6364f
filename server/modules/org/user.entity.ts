import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, csvSet } from '../../db/columns';
import { Role } from '../../domain/vocabulary';

@ObjectType({ description: '用户 — a person who logs in' })
@Entity('user_account')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index('IDX_user_account_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'integer' })
  departmentId: number;

  @Field(() => [Role])
  @Column({ type: 'varchar', length: 255, transformer: csvSet })
  roles: Role[];

  /** scrypt$N$r$p$salt$hash — never exposed, never logged. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field()
  @Column({ type: 'boolean', transformer: bool })
  active: boolean;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A login session. Only the SHA-256 of the bearer token is stored, so a database dump yields no usable tokens. */
@Entity('session')
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_session_tokenHash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
