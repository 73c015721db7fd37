import type { ReminderKind } from '@family/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ReminderChannel = 'WECHAT' | 'ALIPAY' | 'SMS';
/** SENDING: claimed, the send under way (or the process died in it: never sent twice); SENT; REJECTED: refused for good. */
export type ReminderDeliveryStatus = 'SENDING' | 'SENT' | 'REJECTED';

/**
 * One reminder of one event to one person: UNIQUE (account_id, event_key) makes the claim that lets
 * exactly one instance or retry send it.
 */
@Entity({ name: 'reminder_delivery' })
export class ReminderDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'event_key', type: 'varchar', length: 120 })
  eventKey: string;

  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind: ReminderKind;

  @Column({ type: 'varchar', length: 8 })
  channel: ReminderChannel;

  @Column({ type: 'varchar', length: 12 })
  status: ReminderDeliveryStatus;

  /** The platform's refusal (REJECTED): an errcode or sub_code. */
  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
