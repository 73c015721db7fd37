import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { PaymentFrequency, ProductCategory } from '@family/domain';
import { PaymentFrequencyEnum, ProductCategoryEnum } from '../models/product.model.js';

@InputType('ProductFilter')
export class ProductFilterInput {
  @Field(() => ProductCategoryEnum, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => ID, { nullable: true })
  insurerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matched against name and category, e.g. 医疗' })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'Age of the person to insure' })
  age?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest annual premium in fen' })
  budget?: number | null;
}

@InputType('QuoteInput')
export class QuoteInputModel {
  @Field(() => ID)
  productId: string;

  @Field(() => Int, { nullable: true, description: 'Age at entry; or give birthDate' })
  age?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when age is not given' })
  birthDate?: string | null;

  @Field()
  socialInsurance: boolean;

  @Field({ description: 'A plan key of the product' })
  plan: string;

  @Field(() => PaymentFrequencyEnum)
  frequency: PaymentFrequency;

  @Field(() => Int, { nullable: true, description: 'Occupational class 1–6' })
  occupationClass?: number | null;
}
