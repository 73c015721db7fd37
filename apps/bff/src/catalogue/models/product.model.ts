import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  PAYMENT_FREQUENCIES,
  PRODUCT_CATEGORIES,
  PRODUCT_SORTS,
  type PaymentFrequency,
  type ProductCategory,
  type ProductSort,
  type ScoreDimension,
} from '@family/domain';
import type { UpstreamErrorCode } from '../insurers/insurer.port.js';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const ProductCategoryEnum = enumOf(PRODUCT_CATEGORIES);
registerEnumType(ProductCategoryEnum, { name: 'ProductCategory' });

export const ProductSortEnum = enumOf(PRODUCT_SORTS);
registerEnumType(ProductSortEnum, {
  name: 'ProductSort',
  description: 'SCORE: composite score, highest first; PRICE: lowest price first; NAME: pinyin order',
});

export const PaymentFrequencyEnum = enumOf(PAYMENT_FREQUENCIES);
registerEnumType(PaymentFrequencyEnum, { name: 'PaymentFrequency' });

const ScoreDimensionEnum = enumOf<ScoreDimension>(['VALUE', 'ELIGIBILITY', 'COVERAGE', 'CLAIMS', 'INSURER']);
registerEnumType(ScoreDimensionEnum, { name: 'ScoreDimension' });

const UpstreamErrorCodeEnum = enumOf<UpstreamErrorCode>(['TIMEOUT', 'UNAVAILABLE', 'BAD_RESPONSE', 'CIRCUIT_OPEN']);
registerEnumType(UpstreamErrorCodeEnum, { name: 'UpstreamErrorCode' });

@ObjectType('InsurerFacts', { description: 'Published facts about an insurer, the inputs of 公司经营 and 服务理赔' })
export class InsurerFactsModel {
  @Field(() => Float, { description: 'Registered capital (注册资本) in yuan' })
  registeredCapitalYuan: number;

  @Field(() => Float, { description: 'Complaints per policy as a fraction: 0.0012 is 0.12%' })
  complaintRate: number;

  @Field(() => Float, { description: 'Comprehensive solvency ratio in percent' })
  solvencyRatio: number;

  @Field({ description: 'Comprehensive risk rating (风险综合评级), AAA … D' })
  riskRating: string;

  @Field(() => Float)
  averageClaimDays: number;

  @Field(() => Float, { description: 'Share of claims settled online, 0..1' })
  onlineClaimRate: number;
}

@ObjectType('Insurer')
export class InsurerModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => InsurerFactsModel, { nullable: true, description: 'Null when the insurer has not answered yet' })
  facts: InsurerFactsModel | null;
}

@ObjectType('CoverageItem')
export class CoverageItemModel {
  @Field({ description: 'Shared across insurers for the same kind of cover' })
  key: string;

  @Field()
  name: string;

  @Field(() => Float, { description: 'Sum insured in fen; 0 when the item has no separate cap' })
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

  @Field(() => Int, { description: 'Annual premium in fen' })
  annual: number;

  @Field(() => Int, { nullable: true, description: 'Monthly premium in fen; null when not offered' })
  monthly: number | null;
}

@ObjectType('ScoreInput', { description: 'One input of a dimension score and the points it added' })
export class ScoreInputModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field()
  value: string;

  @Field(() => Float)
  contribution: number;
}

@ObjectType('DimensionScore')
export class DimensionScoreModel {
  @Field(() => ScoreDimensionEnum)
  dimension: ScoreDimension;

  @Field()
  label: string;

  @Field(() => Int, { description: '0–100' })
  score: number;

  @Field(() => Float)
  weight: number;

  @Field()
  explanation: string;

  @Field(() => [ScoreInputModel])
  inputs: ScoreInputModel[];
}

@ObjectType('ProductScore', { description: 'Five-dimension score (C4); method in docs/scoring.md' })
export class ProductScoreModel {
  @Field(() => Float, { description: '0–100, weighted sum of the dimensions' })
  composite: number;

  @Field({ description: '金选 badge' })
  goldPick: boolean;

  @Field(() => [DimensionScoreModel])
  dimensions: DimensionScoreModel[];
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

  @Field(() => Int, { description: 'Lowest annual premium in fen (1/100 CNY)' })
  priceFrom: number;

  @Field(() => ProductScoreModel, { nullable: true })
  score: ProductScoreModel | null;

  @Field(() => [CoverageItemModel])
  coverage: CoverageItemModel[];

  @Field(() => Int, { description: 'Deductible (免赔额) per year in fen' })
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

@ObjectType('ProductEdge')
export class ProductEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ProductModel)
  node: ProductModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('InsurerError', { description: 'An insurer whose products are missing from this answer, and why' })
export class InsurerErrorModel {
  @Field(() => InsurerModel)
  insurer: InsurerModel;

  @Field(() => UpstreamErrorCodeEnum)
  code: UpstreamErrorCode;

  @Field({ description: 'User-facing message in Simplified Chinese' })
  message: string;
}

@ObjectType('InsurerFreshness', { description: 'How old the data of one insurer is' })
export class InsurerFreshnessModel {
  @Field(() => InsurerModel)
  insurer: InsurerModel;

  @Field({ description: 'When the insurer answered' })
  fetchedAt: Date;

  @Field(() => Int)
  ageSeconds: number;

  @Field({ description: 'Past its freshness, served while being refreshed' })
  stale: boolean;
}

@ObjectType('ProductConnection')
export class ProductConnectionModel {
  @Field(() => [ProductEdgeModel])
  edges: ProductEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;

  @Field(() => [InsurerErrorModel], {
    description: 'Insurers that could not be reached; the products of the others are still returned',
  })
  errors: InsurerErrorModel[];

  @Field(() => [InsurerFreshnessModel])
  freshness: InsurerFreshnessModel[];

  @Field(() => Int, { description: 'Age in seconds of the oldest data in this answer' })
  dataAgeSeconds: number;
}

@ObjectType('InsurerListing')
export class InsurerListingModel {
  @Field(() => [InsurerModel], { description: 'Insurers whose products are listed (they pass the qualification gate)' })
  insurers: InsurerModel[];

  @Field(() => [InsurerErrorModel])
  errors: InsurerErrorModel[];
}

@ObjectType('ComparedRow')
export class ComparedRowModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => [String], { nullable: 'items', description: 'Display value per product; null = not covered' })
  values: (string | null)[];

  @Field()
  differs: boolean;

  @Field(() => [Int], { description: 'Indexes of the best values, when best means something' })
  best: number[];
}

@ObjectType('ProductComparison')
export class ProductComparisonModel {
  @Field(() => [ProductModel])
  products: ProductModel[];

  @Field(() => [ComparedRowModel], { description: 'Coverage items aligned across products' })
  coverage: ComparedRowModel[];

  @Field(() => [ComparedRowModel])
  attributes: ComparedRowModel[];
}

@ObjectType('Quote', { description: 'The premium for one insured person (C6)' })
export class QuoteModel {
  @Field(() => ProductModel)
  product: ProductModel;

  @Field(() => Int, { description: 'Age at entry used for the quote' })
  age: number;

  @Field()
  plan: string;

  @Field(() => PaymentFrequencyEnum)
  frequency: PaymentFrequency;

  @Field(() => Int, { description: 'Each payment in fen' })
  perPayment: number;

  @Field(() => Int)
  paymentsPerYear: number;

  @Field(() => Int, { description: 'What a year costs in fen (monthly × 12 when paying monthly)' })
  yearlyTotal: number;
}

export type { ProductSort };
