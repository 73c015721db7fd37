import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person using the product, whichever platforms they sign in from (P1). */
@Entity({ name: 'account' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The privacy policy version the person last agreed to; null until they do. */
  @Column({ name: 'privacy_policy_version', type: 'varchar', length: 32, nullable: true })
  privacyPolicyVersion: string | null;

  @Column({ name: 'privacy_consented_at', type: 'timestamptz', nullable: true })
  privacyConsentedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
