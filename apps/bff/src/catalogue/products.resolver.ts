import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { mapProductListing } from './catalogue.mapper.js';
import { CatalogueService } from './catalogue.service.js';
import { ProductFilterInput } from './inputs/product-filter.input.js';
import { ProductConnectionModel, ProductModel } from './models/product.model.js';

@Resolver(() => ProductModel)
export class ProductsResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Query(() => ProductConnectionModel)
  async products(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => ProductFilterInput, nullable: true }) filter: ProductFilterInput | null,
  ): Promise<ProductConnectionModel> {
    return mapProductListing(await this.catalogue.listProducts(filter ?? {}, first, after ?? null));
  }
}
