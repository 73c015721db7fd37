import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ProductCategory } from '@family/domain';
import { ProductCategoryEnum, ProductModel } from './product.model.js';

@ObjectType('TextRange', {
  description: 'A run of characters: UTF-16 offset and length, as JavaScript indexes strings',
})
export class TextRangeModel {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  length: number;
}

/** Fields the product edge adds to the generic edge. */
@ObjectType({ isAbstract: true })
export class ProductEdgeSearchFields {
  @Field(() => [TextRangeModel], {
    description: 'Ranges of node.name that matched the search text, to show in bold; empty without text',
  })
  highlights: TextRangeModel[];
}

@ObjectType('CategoryOption')
export class CategoryOptionModel {
  @Field(() => ProductCategoryEnum)
  category: ProductCategory;

  @Field({ description: 'Category name in Simplified Chinese' })
  label: string;
}

@ObjectType('SearchFallback', {
  description: 'What to offer when the search text matches nothing (never an empty page)',
})
export class SearchFallbackModel {
  @Field({ description: 'Says nothing matched, in Simplified Chinese' })
  message: string;

  @Field(() => [CategoryOptionModel], { description: 'Categories closest to the text, closest first' })
  categories: CategoryOptionModel[];

  @Field(() => [ProductModel], { description: 'Best-scored products of those categories' })
  products: ProductModel[];
}

export const SEARCH_SUGGESTION_KINDS = ['CATEGORY', 'AUDIENCE', 'QUERY', 'PRODUCT'] as const;
export const SearchSuggestionKindEnum = {
  CATEGORY: 'CATEGORY',
  AUDIENCE: 'AUDIENCE',
  QUERY: 'QUERY',
  PRODUCT: 'PRODUCT',
};
registerEnumType(SearchSuggestionKindEnum, {
  name: 'SearchSuggestionKind',
  description: 'A category label, a word for who is insured, a query people type (儿童重疾险), or a product name',
});

@ObjectType('SearchSuggestion')
export class SearchSuggestionModel {
  @Field({ description: 'What to put in the search box' })
  text: string;

  @Field(() => SearchSuggestionKindEnum)
  kind: (typeof SEARCH_SUGGESTION_KINDS)[number];

  @Field(() => ID, { nullable: true, description: 'The product, for a PRODUCT suggestion' })
  productId: string | null;
}
