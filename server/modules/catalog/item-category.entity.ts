import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bool } from '../../db/columns';

/** A category of inspection items: the six Pinglu ones are built in, departments may add more. */
@ObjectType({ description: '事项类别 — an inspection item category' })
@Entity('item_category')
export class ItemCategory {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  nameZh: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  nameEn: string;

  @Field()
  @Column({ type: 'boolean', transformer: bool })
  builtIn: boolean;
}
