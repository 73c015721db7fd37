import type { AuditAction, AuditSubjectType } from '@family/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the personal-data audit trail: who did what to which household's data, when, from
 * which request and platform. Ids and words only: never a name, ID number, phone or policy number.
 */
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ type: 'varchar', length: 32 })
  action: AuditAction;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: AuditSubjectType;

  /** The member, policy, invite or account acted on; null when a whole list was read. */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  platform: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;
}
