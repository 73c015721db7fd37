import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MAX_PAGE_SIZE } from '@family/domain';
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
    // The fallback lists up to FALLBACK_PRODUCTS products, once per answer, and only when the page is
    // empty. `products(first:)` multiplies its whole connection by `first` (the cost rule cannot tell
    // edges from the rest), so the fallback is charged its share of a page of the largest size: at
    // `first: MAX_PAGE_SIZE` the product of the two is its full cost, and at smaller pages it is
    // undercharged by at most FALLBACK_PRODUCTS products.
    complexity: ({ childComplexity }) => Math.ceil((1 + FALLBACK_PRODUCTS * childComplexity) / MAX_PAGE_SIZE),
  })
  fallback: SearchFallbackModel | null;
}
