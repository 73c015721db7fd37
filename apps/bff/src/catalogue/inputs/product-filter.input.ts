import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { ProductCategory } from '@family/domain';
import { Money } from '../../common/graphql/money.scalar.js';
import { ProductCategoryEnum } from '../models/product.model.js';

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

  @Field(() => Money, { nullable: true, description: 'Highest annual premium' })
  budget?: number | null;
}
