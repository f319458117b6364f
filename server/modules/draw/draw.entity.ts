import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The states of a draw (draw-v1). VOIDED is reachable from every state before LOCKED and is final;
 * a voided draw is kept and shown forever, with who voided it and why.
 */
export enum DrawStatus {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  DRAWING = 'DRAWING',
  COMPLETED = 'COMPLETED',
  LOCKED = 'LOCKED',
  ANNOUNCED = 'ANNOUNCED',
  VOIDED = 'VOIDED',
}
registerEnumType(DrawStatus, { name: 'DrawStatus' });

/** 摇号: one verifiable draw of a task's targets. The secret never leaves the server before the reveal. */
@ObjectType({ description: '摇号 — one draw of a task' })
@Entity('draw')
@Index('IDX_draw_task', ['taskId'])
@Index('IDX_draw_department_path', ['departmentPath'])
export class Draw {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) taskId: number;
  /** The task department's path, so a supervisor's jurisdiction is one prefix match. */
  @Column({ type: 'varchar', length: 255 }) departmentPath: string;
  /** As stored; see `effectiveStatus` (a paced reveal is DRAWING until its last batch is shown). */
  @Column({ type: 'varchar', length: 16 }) status: DrawStatus;
  /** 64 hex characters from a CSPRNG. Never in a query result, a log or an event before the reveal. */
  @Column({ type: 'varchar', length: 64 }) secretHex: string;
  @Field() @Column({ type: 'varchar', length: 64 }) commitment: string;
  @Field({ description: 'Who or what provides the beacon, fixed at scheduling (empty: no beacon)' }) @Column({ type: 'varchar', length: 200 }) beaconSource: string;
  @Column({ type: 'varchar', length: 256, nullable: true }) beacon: string | null;
  @Field({ description: 'Entropy is refused after this moment, and the reveal cannot come before it' }) @Column({ type: 'datetime', precision: 3 }) entropyClosesAt: Date;
  @Column({ type: 'varchar', length: 64, nullable: true }) seed: string | null;
  @Field(() => Int, { description: 'Milliseconds between revealed batches of picks (0: all at once)' }) @Column({ type: 'integer' }) paceMs: number;
  @Field(() => Int, { description: 'Picks per revealed batch' }) @Column({ type: 'integer' }) batchSize: number;
  /** Last per-draw event sequence number handed out. */
  @Field(() => Int) @Column({ type: 'integer' }) lastSeq: number;
  @Field() @Column({ type: 'datetime', precision: 3 }) scheduledAt: Date;
  @Column({ type: 'integer' }) scheduledById: number;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) openedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) revealedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the last pick is (or will be) shown' }) @Column({ type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) lockedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) lockedById: number | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) voidedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) voidedById: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) voidReason: string | null;
}

/** A segment as published at scheduling: label, pool digest, size and count are fixed from then on. */
@ObjectType({ description: 'A segment of a draw, as committed at scheduling' })
@Entity('draw_segment')
@Index('IDX_draw_segment_draw_position', ['drawId', 'position'], { unique: true })
export class DrawSegment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) drawId: number;
  @Field(() => Int) @Column({ type: 'integer' }) position: number;
  @Field() @Column({ type: 'varchar', length: 128 }) label: string;
  @Field(() => Int) @Column({ type: 'integer' }) poolSize: number;
  @Field() @Column({ type: 'varchar', length: 64 }) poolDigest: string;
  @Field(() => Int) @Column({ type: 'integer' }) count: number;
  @Field(() => Int) @Column({ type: 'integer' }) excludedCount: number;
  @Field(() => String, { nullable: true, description: 'Known after the reveal' }) @Column({ type: 'varchar', length: 64, nullable: true }) segmentSeed: string | null;
}

export enum PoolChunkKind { POOL = 'POOL', EXCLUDED = 'EXCLUDED' }

/**
 * The stored snapshot of a segment's pool (lines "publicId<TAB>targetId", canonical order) and of its
 * exclusions (lines "publicId<TAB>reason"), cut into pieces that fit a TEXT column everywhere.
 */
@Entity('draw_pool_chunk')
@Index('IDX_draw_pool_chunk_draw', ['drawId', 'segmentPosition', 'kind', 'chunkNo'], { unique: true })
export class DrawPoolChunk {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) drawId: number;
  @Column({ type: 'integer' }) segmentPosition: number;
  @Column({ type: 'varchar', length: 16 }) kind: PoolChunkKind;
  @Column({ type: 'integer' }) chunkNo: number;
  @Column({ type: 'text' }) data: string;
}

/** One drawn target, in draw order. `year` feeds the twice-a-year rule. */
@ObjectType({ description: 'One pick of a draw, in the order it was drawn' })
@Entity('draw_pick')
@Index('IDX_draw_pick_draw_segment_ordinal', ['drawId', 'segmentPosition', 'ordinal'], { unique: true })
@Index('IDX_draw_pick_year_public', ['year', 'publicId'])
export class DrawPick {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) drawId: number;
  @Field(() => Int) @Column({ type: 'integer' }) segmentPosition: number;
  @Field(() => Int, { description: '0-based position within the segment' }) @Column({ type: 'integer' }) ordinal: number;
  @Field() @Column({ type: 'varchar', length: 64 }) publicId: string;
  @Column({ type: 'integer' }) targetId: number;
  @Column({ type: 'integer' }) year: number;
}

/** A witness of one draw: a user, or someone invited by a time-limited link with no account. */
@ObjectType({ description: '见证人 — a witness of a draw' })
@Entity('draw_witness')
@Index('IDX_draw_witness_draw', ['drawId'])
@Index('IDX_draw_witness_invite', ['inviteTokenHash'], { unique: true })
export class DrawWitness {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) drawId: number;
  @Column({ type: 'integer', nullable: true }) userId: number | null;
  @Field() @Column({ type: 'varchar', length: 100 }) displayName: string;
  @Field({ description: 'e.g. 纪检组, 市场监管局' }) @Column({ type: 'varchar', length: 100 }) organisation: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) inviteTokenHash: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) inviteExpiresAt: Date | null;
  @Field() @Column({ type: 'datetime', precision: 3 }) invitedAt: Date;
  @Column({ type: 'integer' }) invitedById: number;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true }) joinedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the witness acknowledged the locked result' }) @Column({ type: 'datetime', precision: 3, nullable: true }) acknowledgedAt: Date | null;
}

/** A witness's entropy contribution, in the order the server accepted it. */
@ObjectType({ description: 'An entropy contribution, as accepted' })
@Entity('draw_entropy')
@Index('IDX_draw_entropy_draw_ordinal', ['drawId', 'ordinal'], { unique: true })
export class DrawEntropy {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) drawId: number;
  @Field(() => Int) @Column({ type: 'integer' }) ordinal: number;
  @Field() @Column({ type: 'varchar', length: 1100 }) text: string;
  @Field({ description: 'SHA-256 of the text, as it enters the seed' }) @Column({ type: 'varchar', length: 64 }) digest: string;
  @Column({ type: 'integer', nullable: true }) witnessId: number | null;
  @Field() @Column({ type: 'datetime', precision: 3 }) acceptedAt: Date;
}

/**
 * Every draw event, stored with a per-draw sequence number (and a hub-wide one, for jurisdiction
 * streams) in the same transaction as the state change it reports. Subscribers read these rows;
 * pub/sub only tells them there is something new. `visibleAt` paces a reveal.
 */
@Entity('draw_event')
@Index('IDX_draw_event_draw_seq', ['drawId', 'seq'], { unique: true })
@Index('IDX_draw_event_global_seq', ['globalSeq'], { unique: true })
export class DrawEvent {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) drawId: number;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'integer' }) globalSeq: number;
  @Column({ type: 'varchar', length: 255 }) departmentPath: string;
  @Column({ type: 'varchar', length: 32 }) type: string;
  @Column({ type: 'text' }) payload: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) visibleAt: Date;
}

/** Hub-wide counters. Taking the next value locks the row until commit, so numbers follow commit order. */
@Entity('sequence_counter')
export class SequenceCounter {
  @Column({ type: 'varchar', length: 32, primary: true }) name: string;
  @Column({ type: 'integer' }) value: number;
}
