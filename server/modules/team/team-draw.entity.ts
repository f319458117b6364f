import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a team draw drew. */
export enum TeamDrawKind {
  /** The teams of a locked draw's visits, from the executing department's inspectors. */
  TEAMS = 'TEAMS',
  /** Joint random matching with a neighbouring region's inspectors, for visits left unstaffed (Art. 20). */
  CROSS_REGION = 'CROSS_REGION',
  /** The replacement of one inspector after an approved change (Art. 22–23). */
  REPLACEMENT = 'REPLACEMENT',
  /** An expert from the department's expert library. */
  EXPERT = 'EXPERT',
}
registerEnumType(TeamDrawKind, { name: 'TeamDrawKind' });

/**
 * 检查组抽取 — one seeded draw of inspectors (or of an expert) from a draw's seed. Its snapshot — the
 * candidates with their capacities, who was ineligible for which target and why, the groups, the
 * result — is stored with it (team_draw_chunk), so the published team record reproduces it later,
 * whatever has changed in the directories since.
 */
@ObjectType({ description: '检查组抽取 — one seeded draw of inspectors (or of an expert) from a draw’s seed' })
@Entity('team_draw')
@Index('IDX_team_draw_draw', ['drawId'])
export class TeamDraw {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  /** The draw whose seed drives it (and on whose record and stream it is announced). */
  @Column({ type: 'integer' }) drawId: number;
  /** The department that drew (the executing department). */
  @Column({ type: 'integer' }) departmentId: number;
  @Field(() => TeamDrawKind) @Column({ type: 'varchar', length: 16 }) kind: TeamDrawKind;
  @Field({ description: 'draw-v1 label; each target’s segment is `<label>/<target id>`' }) @Column({ type: 'varchar', length: 128 }) label: string;
  @Field(() => Int) @Column({ type: 'integer' }) teamSize: number;
  @Field(() => Int, { description: 'Visits the draw tried to staff' }) @Column({ type: 'integer' }) targets: number;
  @Field(() => Int) @Column({ type: 'integer' }) staffed: number;
  @Field(() => Int) @Column({ type: 'integer' }) unstaffed: number;
  @Field() @Column({ type: 'datetime', precision: 3 }) drawnAt: Date;
  @Column({ type: 'integer' }) drawnById: number;
}

/** The stored snapshot of a team draw: JSON, deflated and base64'd, in pieces that fit a TEXT column everywhere. */
@Entity('team_draw_chunk')
@Index('IDX_team_draw_chunk_draw_no', ['teamDrawId', 'chunkNo'], { unique: true })
export class TeamDrawChunk {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer' }) teamDrawId: number;
  @Column({ type: 'integer' }) chunkNo: number;
  @Column({ type: 'text' }) data: string;
}
