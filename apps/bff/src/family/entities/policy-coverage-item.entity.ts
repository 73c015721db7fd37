import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FEN } from '../../database/columns.js';

/** One cover (责任) of a policy, with its limit, deductible and payout ratio when known. */
@Entity({ name: 'policy_coverage_item' })
export class PolicyCoverageItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'limit_amount', type: 'bigint', nullable: true, transformer: FEN })
  limitAmount: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: FEN })
  deductible: number | null;

  @Column({ name: 'payout_ratio_percent', type: 'smallint', nullable: true })
  payoutRatioPercent: number | null;
}
