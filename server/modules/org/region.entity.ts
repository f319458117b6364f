import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegionLevel } from '../../domain/vocabulary';

/** An administrative region (GB/T 2260 code), with its parent region. */
@ObjectType({ description: '行政区划 — an administrative region' })
@Entity('region')
export class Region {
  @Field(() => ID, { description: 'GB/T 2260 code, 6 digits (9 for a township)' })
  @PrimaryColumn({ type: 'varchar', length: 9 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => RegionLevel)
  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 9, nullable: true })
  parentCode: string | null;
}

/** A declared neighbour (either direction is stored), for cross-region inspector matching. */
@Entity('region_neighbour')
export class RegionNeighbour {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  regionCode: string;

  @PrimaryColumn({ type: 'varchar', length: 9 })
  neighbourCode: string;
}
