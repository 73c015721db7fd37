import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person's reminders switch (我的); without a row, reminders are on. */
@Entity({ name: 'reminder_setting' })
export class ReminderSettingEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
