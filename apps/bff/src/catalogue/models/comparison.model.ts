import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ProductModel } from './product.model.js';

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
