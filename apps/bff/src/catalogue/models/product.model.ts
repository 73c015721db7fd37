import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PRODUCT_CATEGORIES, type ProductCategory } from '@family/domain';
import type { UpstreamErrorCode } from '../insurers/insurer.port.js';

export const ProductCategoryEnum = Object.fromEntries(PRODUCT_CATEGORIES.map((category) => [category, category])) as {
  [K in ProductCategory]: K;
};
registerEnumType(ProductCategoryEnum, { name: 'ProductCategory' });

const UPSTREAM_ERROR_CODES: Record<UpstreamErrorCode, UpstreamErrorCode> = {
  TIMEOUT: 'TIMEOUT',
  UNAVAILABLE: 'UNAVAILABLE',
  BAD_RESPONSE: 'BAD_RESPONSE',
  CIRCUIT_OPEN: 'CIRCUIT_OPEN',
};
registerEnumType(UPSTREAM_ERROR_CODES, { name: 'UpstreamErrorCode' });

@ObjectType('Insurer')
export class InsurerModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
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

  @Field(() => UPSTREAM_ERROR_CODES)
  code: UpstreamErrorCode;

  @Field({ description: 'User-facing message in Simplified Chinese' })
  message: string;
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
}
