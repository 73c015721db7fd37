import type { HouseholdRole } from '@family/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An account's place in a household, with its role (F6). */
@Entity({ name: 'household_membership' })
export class HouseholdMembershipEntity {
  @PrimaryColumn({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'varchar', length: 8 })
  role: HouseholdRole;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
