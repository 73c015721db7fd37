import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  POLICY_PAYMENT_FREQUENCIES,
  POLICY_STATUSES,
  TERMINATION_REASONS,
  type InstallmentState,
  type PolicyPaymentFrequency,
  type PolicyStatus,
  type ProductCategory,
  type TerminationReason,
} from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';
import { Money } from '../../common/graphql/money.scalar.js';
import { ProductCategoryEnum } from '../../catalogue/index.js';
import { FamilyMemberModel } from './household.model.js';

export const PolicyPaymentFrequencyEnum = graphqlEnum(POLICY_PAYMENT_FREQUENCIES, 'PolicyPaymentFrequency');
export const PolicyStatusEnum = graphqlEnum(
  POLICY_STATUSES,
  'PolicyStatus',
  'Derived from dates and payments, or a recorded ending: ACTIVE, LAPSED, SURRENDERED, CLAIMED, EXPIRED',
);
export const TerminationReasonEnum = graphqlEnum(TERMINATION_REASONS, 'TerminationReason');
export const InstallmentStateEnum = graphqlEnum<InstallmentState>(
  ['PAID', 'UPCOMING', 'DUE', 'IN_GRACE', 'MISSED'],
  'InstallmentState',
  'DUE: within 30 days; IN_GRACE: past its date, within the grace period; MISSED: past the grace period',
);

@ObjectType('Installment', { description: 'One premium payment of a policy’s schedule' })
export class InstallmentModel {
  @Field(() => Int)
  number: number;

  @Field({ description: 'YYYY-MM-DD' })
  dueDate: string;

  @Field({ description: 'Last day to pay before the policy lapses (宽限期)' })
  graceEndDate: string;

  @Field(() => Money)
  amount: number;

  @Field(() => InstallmentStateEnum)
  state: InstallmentState;
}

@ObjectType('Beneficiary', { description: 'Who receives the benefit; the name is masked for viewers' })
export class BeneficiaryModel {
  @Field(() => ID, { nullable: true, description: 'The household member, when the beneficiary is one' })
  memberId: string | null;

  @Field()
  name: string;

  @Field(() => Int, { description: '1 for the first in line (第一顺位)' })
  order: number;

  @Field(() => Float, { description: 'Percent, two decimals at most; each order adds up to 100' })
  sharePercent: number;
}

@ObjectType('PolicyCoverageItem')
export class PolicyCoverageItemModel {
  @Field()
  name: string;

  @Field(() => Money, { nullable: true })
  limit: number | null;

  @Field(() => Money, { nullable: true })
  deductible: number | null;

  @Field(() => Int, { nullable: true, description: 'Payout ratio in percent' })
  payoutRatioPercent: number | null;
}

@ObjectType('Policy', { description: 'A policy of the household (F2)' })
export class PolicyModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  householdId: string;

  @Field(() => ID)
  insuredMemberId: string;

  @Field(() => FamilyMemberModel)
  insuredMember: FamilyMemberModel;

  @Field(() => ID, { nullable: true })
  applicantMemberId: string | null;

  @Field()
  insurerName: string;

  @Field()
  productName: string;

  @Field(() => ID, { nullable: true, description: 'The catalogue product, when the policy is one of ours' })
  productId: string | null;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field()
  categoryLabel: string;

  @Field(() => String, { nullable: true, description: 'Always masked' })
  policyNumber: string | null;

  @Field(() => Money)
  sumInsured: number;

  @Field(() => Money, { description: 'Each payment' })
  premium: number;

  @Field(() => PolicyPaymentFrequencyEnum)
  frequency: PolicyPaymentFrequency;

  @Field()
  frequencyLabel: string;

  @Field(() => Money, { description: 'What a year of payments costs (0 for a single premium)' })
  annualPremium: number;

  @Field(() => Int, { nullable: true, description: 'Years of payments (交费期); null: as long as it runs' })
  paymentTermYears: number | null;

  @Field()
  effectiveDate: string;

  @Field(() => String, { nullable: true, description: 'Null for whole-life cover' })
  expiryDate: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the cooling-off period (犹豫期)' })
  coolingOffEndDate: string | null;

  @Field()
  inCoolingOff: boolean;

  @Field(() => Int, { nullable: true })
  waitingPeriodDays: number | null;

  @Field(() => String, { nullable: true })
  waitingPeriodEndDate: string | null;

  @Field(() => Int, { nullable: true })
  guaranteedRenewalYears: number | null;

  @Field(() => Int)
  gracePeriodDays: number;

  @Field(() => PolicyStatusEnum)
  status: PolicyStatus;

  @Field()
  statusLabel: string;

  @Field(() => TerminationReasonEnum, { nullable: true })
  terminationReason: TerminationReason | null;

  @Field(() => String, { nullable: true })
  terminationDate: string | null;

  @Field({ description: 'The statutory heirs receive the benefit (法定受益人)' })
  statutoryBeneficiaries: boolean;

  @Field(() => [BeneficiaryModel])
  beneficiaries: BeneficiaryModel[];

  @Field(() => [PolicyCoverageItemModel])
  coverageItems: PolicyCoverageItemModel[];

  @Field(() => [InstallmentModel], { description: 'Every premium payment, with its state today' })
  schedule: InstallmentModel[];

  @Field(() => InstallmentModel, { nullable: true, description: 'The first payment not made yet (null once ended)' })
  nextPayment: InstallmentModel | null;

  @Field(() => InstallmentModel, {
    nullable: true,
    description: 'A payment past its date, in its grace period: the policy lapses if it stays unpaid',
  })
  paymentInGrace: InstallmentModel | null;

  @Field(() => Int, { description: 'Payments made so far' })
  paidInstallmentCount: number;

  @Field(() => Int, { description: 'Payments of the whole schedule: lists can show 已缴 n / m without it' })
  installmentCount: number;

  @Field(() => String, { nullable: true, description: 'Null for viewers' })
  notes: string | null;

  @Field()
  canEdit: boolean;

  @Field()
  canRemove: boolean;

  @Field()
  createdAt: Date;
}
