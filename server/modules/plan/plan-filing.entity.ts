import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FilingRecipient } from '../../domain/plan-rules';

/**
 * The filing (备案) of one plan version with one recipient (Art. 12 para 3). At most one per
 * recipient and version; the GraphQL type `PlanFiling` shows all three recipients, filed or not.
 */
@Entity('plan_filing')
@Index('IDX_plan_filing_version_recipient', ['planVersionId', 'recipient'], { unique: true })
export class PlanFilingRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planVersionId: number;

  @Column({ type: 'varchar', length: 32 })
  recipient: FilingRecipient;

  /** The recipient when it is a department in the hub. */
  @Column({ type: 'integer', nullable: true })
  recipientDepartmentId: number | null;

  /** The recipient's name as at filing (always set, also for departments in the hub). */
  @Column({ type: 'varchar', length: 100 })
  recipientName: string;

  /** Day the plan was submitted to the recipient, YYYY-MM-DD (counts for the deadline). */
  @Column({ type: 'varchar', length: 10 })
  filedOn: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  /** When the filing was recorded in the hub, and by whom. */
  @Column({ type: 'datetime', precision: 3 })
  filedAt: Date;

  @Column({ type: 'integer' })
  filedById: number;
}
