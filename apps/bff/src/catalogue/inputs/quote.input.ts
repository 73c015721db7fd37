import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { PaymentFrequency } from '@family/domain';
import { PaymentFrequencyEnum } from '../models/product.model.js';

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
