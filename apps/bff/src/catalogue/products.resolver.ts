import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { ProductSort } from '@family/domain';
import { mapComparison, mapInsurerListing, mapProduct, mapProductListing, mapQuote } from './catalogue.mapper.js';
import { CatalogueService } from './catalogue.service.js';
import { ProductFilterInput, QuoteInputModel } from './inputs/product-filter.input.js';
import {
  InsurerListingModel,
  ProductComparisonModel,
  ProductConnectionModel,
  ProductModel,
  ProductSortEnum,
  QuoteModel,
} from './models/product.model.js';

@Resolver(() => ProductModel)
export class ProductsResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Query(() => ProductConnectionModel)
  async products(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => ProductFilterInput, nullable: true }) filter: ProductFilterInput | null,
    @Args('sort', { type: () => ProductSortEnum, defaultValue: 'SCORE' }) sort: ProductSort,
  ): Promise<ProductConnectionModel> {
    return mapProductListing(await this.catalogue.listProducts(filter ?? {}, sort, first, after ?? null));
  }

  @Query(() => ProductModel)
  async product(@Args('id', { type: () => ID }) id: string): Promise<ProductModel> {
    const { product, snapshot } = await this.catalogue.getProduct(id);
    return mapProduct(product, snapshot);
  }

  @Query(() => InsurerListingModel)
  async insurers(): Promise<InsurerListingModel> {
    return mapInsurerListing(await this.catalogue.listInsurers());
  }

  @Query(() => ProductComparisonModel, { description: '2–4 products side by side (C5)' })
  async compareProducts(@Args('ids', { type: () => [ID] }) ids: string[]): Promise<ProductComparisonModel> {
    const { products, comparison, snapshot } = await this.catalogue.compare(ids);
    return mapComparison(products, comparison, snapshot);
  }

  @Query(() => QuoteModel, {
    description: 'Premium for a concrete person; BAD_USER_INPUT with reasons when not eligible',
  })
  async quote(@Args('input', { type: () => QuoteInputModel }) input: QuoteInputModel): Promise<QuoteModel> {
    return mapQuote(await this.catalogue.quote(input));
  }
}
