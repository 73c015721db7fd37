import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { PaymentFrequency } from '@family/domain';
import { Money } from '../../common/graphql/money.scalar.js';
import { PaymentFrequencyEnum, ProductModel } from './product.model.js';

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

  @Field(() => Money, { description: 'Each payment' })
  perPayment: number;

  @Field(() => Int)
  paymentsPerYear: number;

  @Field(() => Money, { description: 'What a year costs (monthly × 12 when paying monthly)' })
  yearlyTotal: number;
}
