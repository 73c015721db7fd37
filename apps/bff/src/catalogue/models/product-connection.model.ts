import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, type EdgeShape } from '../../common/graphql/connection.js';
import { FALLBACK_PRODUCTS } from '../search/catalogue-search.index.js';
import { InsurerErrorModel, InsurerFreshnessModel } from './insurer.model.js';
import { ProductModel } from './product.model.js';
import { ProductEdgeSearchFields, SearchFallbackModel, type TextRangeModel } from './search.model.js';

@ObjectType('ProductConnection')
export class ProductConnectionModel extends Connection(ProductModel, 'Product', ProductEdgeSearchFields) {
  declare edges: (EdgeShape<ProductModel> & { highlights: TextRangeModel[] })[];

  @Field(() => [InsurerErrorModel], {
    description: 'Insurers that could not be reached; the products of the others are still returned',
  })
  errors: InsurerErrorModel[];

  @Field(() => [InsurerFreshnessModel])
  freshness: InsurerFreshnessModel[];

  @Field(() => Int, { description: 'Age in seconds of the oldest data in this answer' })
  dataAgeSeconds: number;

  @Field(() => String, {
    nullable: true,
    description:
      'How the search text was read, e.g. 为您找到：适合 5 岁的重疾险; null without text or when read as plain text',
  })
  understood: string | null;

  @Field(() => SearchFallbackModel, {
    nullable: true,
    description: 'When the search text matched nothing: the closest categories and best-scored products',
    // The fallback lists up to FALLBACK_PRODUCTS products: count them like a page of that size.
    complexity: ({ childComplexity }) => 1 + FALLBACK_PRODUCTS * childComplexity,
  })
  fallback: SearchFallbackModel | null;
}
