import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import type { PolicyPaymentFrequency, ProductCategory } from '@family/domain';
import { Money } from '../../common/graphql/money.scalar.js';
import { ProductCategoryEnum } from '../../catalogue/index.js';
import { PolicyPaymentFrequencyEnum } from '../models/policy.model.js';

@InputType('BeneficiaryInput', { description: 'A household member (memberId) or someone named' })
export class BeneficiaryInputModel {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { description: '1 for the first in line' })
  order: number;

  @Field(() => Float, { description: 'Percent, up to two decimals; each order adds up to 100' })
  sharePercent: number;
}

@InputType('PolicyCoverageItemInput')
export class PolicyCoverageItemInputModel {
  @Field()
  name: string;

  @Field(() => Money, { nullable: true })
  limit?: number | null;

  @Field(() => Money, { nullable: true })
  deductible?: number | null;

  @Field(() => Int, { nullable: true })
  payoutRatioPercent?: number | null;
}

@InputType('PolicyInput')
export class PolicyInputModel {
  @Field(() => ID)
  insuredMemberId: string;

  @Field(() => ID, { nullable: true })
  applicantMemberId?: string | null;

  @Field()
  insurerName: string;

  @Field()
  productName: string;

  @Field(() => ID, { nullable: true, description: 'A catalogue product: its age limits are checked' })
  productId?: string | null;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field(() => String, { nullable: true, description: 'Stored encrypted, always shown masked' })
  policyNumber?: string | null;

  @Field(() => Money)
  sumInsured: number;

  @Field(() => Money, { description: 'Each payment' })
  premium: number;

  @Field(() => PolicyPaymentFrequencyEnum, { nullable: true, description: 'ANNUAL when not given' })
  frequency?: PolicyPaymentFrequency | null;

  @Field(() => Int, { nullable: true, description: 'Years of payments; null: for as long as it runs' })
  paymentTermYears?: number | null;

  @Field({ description: 'YYYY-MM-DD' })
  effectiveDate: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for whole-life cover' })
  expiryDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: 15 days after the start, for long-term cover' })
  coolingOffEndDate?: string | null;

  @Field(() => Int, { nullable: true })
  waitingPeriodDays?: number | null;

  @Field(() => Int, { nullable: true })
  guaranteedRenewalYears?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 60' })
  gracePeriodDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default: every payment due until today' })
  paidInstallments?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true: the statutory heirs' })
  statutoryBeneficiaries?: boolean | null;

  @Field(() => [BeneficiaryInputModel], { nullable: true })
  beneficiaries?: BeneficiaryInputModel[] | null;

  @Field(() => [PolicyCoverageItemInputModel], { nullable: true })
  coverageItems?: PolicyCoverageItemInputModel[] | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('PolicyUpdateInput', { description: 'Only what changes' })
export class PolicyUpdateInputModel {
  @Field(() => ID, { nullable: true })
  insuredMemberId?: string;

  @Field(() => ID, { nullable: true })
  applicantMemberId?: string | null;

  @Field({ nullable: true })
  insurerName?: string;

  @Field({ nullable: true })
  productName?: string;

  @Field(() => ProductCategoryEnum, { nullable: true })
  category?: ProductCategory;

  @Field(() => String, { nullable: true })
  policyNumber?: string | null;

  @Field(() => Money, { nullable: true })
  sumInsured?: number;

  @Field(() => Money, { nullable: true })
  premium?: number;

  @Field(() => PolicyPaymentFrequencyEnum, { nullable: true })
  frequency?: PolicyPaymentFrequency | null;

  @Field(() => Int, { nullable: true })
  paymentTermYears?: number | null;

  @Field({ nullable: true })
  effectiveDate?: string;

  @Field(() => String, { nullable: true })
  expiryDate?: string | null;

  @Field(() => String, { nullable: true })
  coolingOffEndDate?: string | null;

  @Field(() => Int, { nullable: true })
  waitingPeriodDays?: number | null;

  @Field(() => Int, { nullable: true })
  guaranteedRenewalYears?: number | null;

  @Field(() => Int, { nullable: true })
  gracePeriodDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Payments made so far' })
  paidInstallments?: number | null;

  @Field(() => Boolean, { nullable: true })
  statutoryBeneficiaries?: boolean | null;

  @Field(() => [BeneficiaryInputModel], { nullable: true })
  beneficiaries?: BeneficiaryInputModel[] | null;

  @Field(() => [PolicyCoverageItemInputModel], { nullable: true })
  coverageItems?: PolicyCoverageItemInputModel[] | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
