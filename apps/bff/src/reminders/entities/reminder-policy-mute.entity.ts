import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person does not want reminders about one policy (the policy page's switch); no row: they do. */
@Entity({ name: 'reminder_policy_mute' })
export class ReminderPolicyMuteEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
