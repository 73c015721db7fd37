import type { PolicyPaymentFrequency, ProductCategory, TerminationReason } from '@family/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FEN } from '../../database/columns.js';

/** A policy of a household (F2). Status, schedule and dates to come are derived, not stored. */
@Entity({ name: 'policy' })
export class PolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'insured_member_id', type: 'uuid' })
  insuredMemberId: string;

  @Column({ name: 'applicant_member_id', type: 'uuid', nullable: true })
  applicantMemberId: string | null;

  @Column({ name: 'insurer_name', type: 'varchar', length: 50 })
  insurerName: string;

  @Column({ name: 'product_name', type: 'varchar', length: 80 })
  productName: string;

  /** The catalogue product, when the policy is one of ours; null when added from another channel. */
  @Column({ name: 'product_id', type: 'varchar', length: 120, nullable: true })
  productId: string | null;

  @Column({ type: 'varchar', length: 20 })
  category: ProductCategory;

  @Column({ name: 'policy_number_encrypted', type: 'text', nullable: true })
  policyNumberEncrypted: string | null;

  @Column({ name: 'policy_number_masked', type: 'varchar', length: 50, nullable: true })
  policyNumberMasked: string | null;

  @Column({ name: 'sum_insured', type: 'bigint', transformer: FEN })
  sumInsured: number;

  @Column({ type: 'bigint', transformer: FEN })
  premium: number;

  @Column({ type: 'varchar', length: 12 })
  frequency: PolicyPaymentFrequency;

  @Column({ name: 'payment_term_years', type: 'smallint', nullable: true })
  paymentTermYears: number | null;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ name: 'expiry_date', type: 'date', nullable: true })
  expiryDate: string | null;

  @Column({ name: 'cooling_off_end_date', type: 'date', nullable: true })
  coolingOffEndDate: string | null;

  @Column({ name: 'waiting_period_days', type: 'smallint', nullable: true })
  waitingPeriodDays: number | null;

  @Column({ name: 'guaranteed_renewal_years', type: 'smallint', nullable: true })
  guaranteedRenewalYears: number | null;

  @Column({ name: 'grace_period_days', type: 'smallint' })
  gracePeriodDays: number;

  @Column({ name: 'paid_installments', type: 'smallint' })
  paidInstallments: number;

  @Column({ name: 'statutory_beneficiaries', type: 'boolean' })
  statutoryBeneficiaries: boolean;

  @Column({ name: 'termination_reason', type: 'varchar', length: 12, nullable: true })
  terminationReason: TerminationReason | null;

  @Column({ name: 'termination_date', type: 'date', nullable: true })
  terminationDate: string | null;

  @Column({ name: 'notes_encrypted', type: 'text', nullable: true })
  notesEncrypted: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
