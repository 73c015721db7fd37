import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EndingKind, GapKind, InstallmentState, ProductCategory } from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';
import { Money } from '../../common/graphql/money.scalar.js';
import { ProductCategoryEnum, ProductModel } from '../../catalogue/index.js';
import { FamilyMemberModel } from './household.model.js';
import { InstallmentStateEnum } from './policy.model.js';

export const PolicyEndingKindEnum = graphqlEnum<EndingKind>(
  ['EXPIRING', 'LAPSING', 'COOLING_OFF_ENDING', 'WAITING_PERIOD_ENDING'],
  'PolicyEndingKind',
);
export const GapKindEnum = graphqlEnum<GapKind>(['MISSING', 'TOO_LOW'], 'GapKind');

@ObjectType('CoverageCell')
export class CoverageCellModel {
  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field()
  covered: boolean;

  @Field(() => Money, { description: 'Sum insured over the member’s policies in force in this category' })
  sumInsured: number;

  @Field(() => Int)
  policyCount: number;

  @Field({ description: 'The gap rules want cover here that the member lacks or holds too little of' })
  gap: boolean;
}

@ObjectType('CoverageRow')
export class CoverageRowModel {
  @Field(() => FamilyMemberModel)
  member: FamilyMemberModel;

  @Field(() => [CoverageCellModel])
  cells: CoverageCellModel[];
}

@ObjectType('CoverageColumn')
export class CoverageColumnModel {
  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field()
  label: string;
}

@ObjectType('DuePayment')
export class DuePaymentModel {
  @Field(() => ID)
  policyId: string;

  @Field(() => ID)
  memberId: string;

  @Field()
  memberName: string;

  @Field()
  productName: string;

  @Field()
  dueDate: string;

  @Field(() => Money)
  amount: number;

  @Field(() => InstallmentStateEnum)
  state: InstallmentState;
}

@ObjectType('PolicyEnding')
export class PolicyEndingModel {
  @Field(() => ID)
  policyId: string;

  @Field(() => ID)
  memberId: string;

  @Field()
  memberName: string;

  @Field()
  productName: string;

  @Field(() => PolicyEndingKindEnum)
  kind: EndingKind;

  @Field()
  label: string;

  @Field()
  date: string;

  @Field(() => Int)
  daysLeft: number;
}

@ObjectType('FamilyOverview', {
  description: 'Who is covered for what, the yearly cost, and what is due or ends soon (F3)',
})
export class FamilyOverviewModel {
  @Field(() => [CoverageColumnModel])
  columns: CoverageColumnModel[];

  @Field(() => [CoverageRowModel])
  rows: CoverageRowModel[];

  @Field(() => Int)
  activePolicyCount: number;

  @Field(() => Money)
  totalAnnualPremium: number;

  @Field(() => [DuePaymentModel], { description: 'Payments in the next 90 days, and any in their grace period' })
  paymentsDue: DuePaymentModel[];

  @Field(() => [PolicyEndingModel], { description: 'Expiry, lapse, cooling-off and waiting-period ends in 90 days' })
  endingSoon: PolicyEndingModel[];
}

@ObjectType('CoverageGap', { description: 'Cover a member lacks or holds too little of (F4), with products that fit' })
export class CoverageGapModel {
  @Field(() => FamilyMemberModel)
  member: FamilyMemberModel;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field()
  categoryLabel: string;

  @Field(() => GapKindEnum)
  kind: GapKind;

  @Field(() => Int, { description: '3 essential, 2 important, 1 worth having' })
  priority: number;

  @Field(() => Money, { nullable: true })
  held: number | null;

  @Field(() => Money, { nullable: true })
  recommended: number | null;

  @Field()
  reason: string;

  @Field(() => [ProductModel], {
    description: 'Top-scored catalogue products of the category that accept the member’s age',
  })
  recommendations: ProductModel[];
}
