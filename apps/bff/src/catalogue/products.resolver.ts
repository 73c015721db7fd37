import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { MAX_COMPARED_PRODUCTS, MAX_PAGE_SIZE, type ProductSort } from '@family/domain';
import { Public } from '../common/auth/public-operations.js';
import { mapComparison, mapInsurerListing, mapProduct, mapProductListing, mapQuote } from './catalogue.mapper.js';
import { ProductFilterInput } from './inputs/product-filter.input.js';
import { QuoteInputModel } from './inputs/quote.input.js';
import { ProductComparisonModel } from './models/comparison.model.js';
import { InsurerListingModel } from './models/insurer.model.js';
import { ProductConnectionModel } from './models/product-connection.model.js';
import { ProductModel, ProductSortEnum } from './models/product.model.js';
import { QuoteModel } from './models/quote.model.js';
import { SearchSuggestionModel } from './models/search.model.js';
import { MAX_SUGGESTIONS } from './search/catalogue-search.index.js';
import { type ProductListing, ProductListingService } from './product-listing.service.js';
import { QuoteService } from './quote.service.js';

/** The catalogue is public: a friend opening a shared product card is often not signed in. */
@Resolver(() => ProductModel)
@Public()
export class ProductsResolver {
  /** Mapped pages of listings shared by requests that joined one snapshot (ProductListingService). */
  private readonly mapped = new WeakMap<ProductListing, ProductConnectionModel>();

  constructor(
    private readonly listing: ProductListingService,
    private readonly quotes: QuoteService,
  ) {}

  @Query(() => ProductConnectionModel, {
    // A page costs its size times what each product asks for (query cost limit, docs/api-limits.md). A size
    // over the maximum is refused by the resolver, naming `first`, before any work: count it as the maximum.
    complexity: ({ args, childComplexity }) => 1 + Math.min(Number(args.first), MAX_PAGE_SIZE) * childComplexity,
  })
  async products(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => ProductFilterInput, nullable: true }) filter: ProductFilterInput | null,
    @Args('sort', { type: () => ProductSortEnum, defaultValue: 'SCORE' }) sort: ProductSort,
  ): Promise<ProductConnectionModel> {
    const listing = await this.listing.listProducts(filter ?? {}, sort, first, after ?? null);
    let model = this.mapped.get(listing);
    if (!model) this.mapped.set(listing, (model = mapProductListing(listing)));
    return model;
  }

  @Query(() => [SearchSuggestionModel], {
    description:
      'Completions of the search text as it is typed (C2): kinds of cover, audiences, product names; pinyin too',
    complexity: ({ childComplexity }) => 1 + MAX_SUGGESTIONS * childComplexity,
  })
  async searchSuggestions(@Args('prefix', { type: () => String }) prefix: string): Promise<SearchSuggestionModel[]> {
    return this.listing.suggest(prefix);
  }

  @Query(() => ProductModel)
  async product(@Args('id', { type: () => ID }) id: string): Promise<ProductModel> {
    const { product, snapshot } = await this.listing.getProduct(id);
    return mapProduct(product, snapshot);
  }

  @Query(() => InsurerListingModel)
  async insurers(): Promise<InsurerListingModel> {
    return mapInsurerListing(await this.listing.listInsurers());
  }

  @Query(() => ProductComparisonModel, {
    description: '2–4 products side by side (C5)',
    complexity: ({ args, childComplexity }) =>
      1 + Math.min(Array.isArray(args.ids) ? args.ids.length : 1, MAX_COMPARED_PRODUCTS) * childComplexity,
  })
  async compareProducts(@Args('ids', { type: () => [ID] }) ids: string[]): Promise<ProductComparisonModel> {
    const { products, comparison, snapshot } = await this.listing.compare(ids);
    return mapComparison(products, comparison, snapshot);
  }

  @Query(() => QuoteModel, {
    description: 'Premium for a concrete person; BAD_USER_INPUT with reasons when not eligible',
  })
  async quote(@Args('input', { type: () => QuoteInputModel }) input: QuoteInputModel): Promise<QuoteModel> {
    return mapQuote(await this.quotes.quote(input));
  }
}
