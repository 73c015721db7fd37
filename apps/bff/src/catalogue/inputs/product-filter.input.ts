import { Field, ID, InputType } from '@nestjs/graphql';
import type { ProductCategory } from '@family/domain';
import { ProductCategoryEnum } from '../models/product.model.js';

@InputType('ProductFilter')
export class ProductFilterInput {
  @Field(() => ProductCategoryEnum, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => ID, { nullable: true })
  insurerId?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}
