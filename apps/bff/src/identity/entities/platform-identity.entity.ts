import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Platform } from '../identity.errors.js';

/**
 * One way an account signs in: a WeChat openid, an Alipay user id, or an H5 phone number. Phone
 * numbers are personal data: `subject` holds their blind index and `subjectEncrypted` the number.
 */
@Entity({ name: 'platform_identity' })
export class PlatformIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'varchar', length: 16 })
  platform: Platform;

  /** openid, Alipay user id, or the blind index of a phone number; unique per platform. */
  @Column({ type: 'varchar', length: 128 })
  subject: string;

  @Column({ name: 'union_id', type: 'varchar', length: 128, nullable: true })
  unionId: string | null;

  @Column({ name: 'subject_encrypted', type: 'text', nullable: true })
  subjectEncrypted: string | null;

  @Column({ name: 'subject_masked', type: 'varchar', length: 64 })
  subjectMasked: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
