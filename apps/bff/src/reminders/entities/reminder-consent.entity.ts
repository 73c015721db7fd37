import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MessagePlatform } from '../reminder-templates.js';

/**
 * The one-time subscriptions a person granted to a template (each allows one message; they add up).
 * A send takes one with a conditional decrement, so two sends never spend the same subscription.
 */
@Entity({ name: 'reminder_consent' })
export class ReminderConsentEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 8 })
  platform: MessagePlatform;

  @Column({ type: 'integer' })
  remaining: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
