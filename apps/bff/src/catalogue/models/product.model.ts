import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  PAYMENT_FREQUENCIES,
  PRODUCT_CATEGORIES,
  PRODUCT_SORTS,
  type ProductCategory,
  type ProductSort,
} from '@family/domain';
import { graphqlEnum } from '../../common/graphql/enum.js';
import { Money } from '../../common/graphql/money.scalar.js';
import { InsurerModel } from './insurer.model.js';
import { ProductScoreModel } from './score.model.js';

export const ProductCategoryEnum = graphqlEnum(PRODUCT_CATEGORIES, 'ProductCategory');
export const ProductSortEnum = graphqlEnum(
  PRODUCT_SORTS,
  'ProductSort',
  'SCORE: composite score, highest first; PRICE: lowest price first; NAME: pinyin order',
);
export const PaymentFrequencyEnum = graphqlEnum(PAYMENT_FREQUENCIES, 'PaymentFrequency');

@ObjectType('CoverageItem')
export class CoverageItemModel {
  @Field({ description: 'Shared across insurers for the same kind of cover' })
  key: string;

  @Field()
  name: string;

  @Field(() => Money, { description: 'Sum insured; 0 when the item has no separate cap' })
  sumInsured: number;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('ProductPlan')
export class ProductPlanModel {
  @Field()
  key: string;

  @Field()
  name: string;
}

@ObjectType('PremiumRate')
export class PremiumRateModel {
  @Field()
  plan: string;

  @Field()
  socialInsurance: boolean;

  @Field(() => Int)
  minAge: number;

  @Field(() => Int)
  maxAge: number;

  @Field(() => Money, { description: 'Annual premium' })
  annual: number;

  @Field(() => Money, { nullable: true, description: 'Monthly premium; null when not offered' })
  monthly: number | null;
}

@ObjectType('Product')
export class ProductModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => InsurerModel)
  insurer: InsurerModel;

  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field({ description: 'Category name in Simplified Chinese' })
  categoryLabel: string;

  @Field(() => Money, { description: 'Lowest annual premium' })
  priceFrom: number;

  @Field(() => ProductScoreModel, { nullable: true })
  score: ProductScoreModel | null;

  @Field(() => [CoverageItemModel])
  coverage: CoverageItemModel[];

  @Field(() => Money, { description: 'Deductible (免赔额) per year' })
  deductible: number;

  @Field(() => Int, { description: 'Waiting period (等待期) in days' })
  waitingPeriodDays: number;

  @Field(() => Int, { description: 'Guaranteed renewal (保证续保) in years; 0 when not guaranteed' })
  guaranteedRenewalYears: number;

  @Field(() => Int)
  minAge: number;

  @Field(() => Int)
  maxAge: number;

  @Field(() => [String], { description: 'Health-disclosure questions (健康告知)' })
  healthQuestions: string[];

  @Field(() => Int, { description: 'Highest occupational class insured, 1–6' })
  maxOccupationClass: number;

  @Field(() => [ProductPlanModel])
  plans: ProductPlanModel[];

  @Field(() => [PremiumRateModel])
  premiums: PremiumRateModel[];

  @Field({ description: 'Whether monthly payment is offered' })
  monthlyPayment: boolean;

  @Field(() => [String], { description: 'Exclusions (免责条款), shown before any buy action' })
  exclusions: string[];
}

export type { ProductSort };
