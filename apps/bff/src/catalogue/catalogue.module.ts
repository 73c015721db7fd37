import { Module } from '@nestjs/common';
import { CatalogueSnapshotService } from './catalogue-snapshot.service.js';
import { InsurerCatalogueLoader } from './insurer-catalogue.loader.js';
import { INSURER_ADAPTERS, type InsurerAdapter } from './insurers/insurer.port.js';
import { JsonPagedInsurerAdapter } from './insurers/json-paged.adapter.js';
import { SignedJsonInsurerAdapter } from './insurers/signed-json.adapter.js';
import { UpstreamHttpClient } from './insurers/upstream-http.client.js';
import { XmlInsurerAdapter } from './insurers/xml.adapter.js';
import { InsurerRepository } from './insurer.repository.js';
import { ProductListingService } from './product-listing.service.js';
import { ProductsResolver } from './products.resolver.js';
import { QuoteService } from './quote.service.js';
import { CatalogueSearchService } from './search/catalogue-search.service.js';

@Module({
  providers: [
    UpstreamHttpClient,
    JsonPagedInsurerAdapter,
    XmlInsurerAdapter,
    SignedJsonInsurerAdapter,
    {
      provide: INSURER_ADAPTERS,
      useFactory: (...adapters: InsurerAdapter[]): InsurerAdapter[] => adapters,
      inject: [JsonPagedInsurerAdapter, XmlInsurerAdapter, SignedJsonInsurerAdapter],
    },
    InsurerRepository,
    InsurerCatalogueLoader,
    CatalogueSnapshotService,
    CatalogueSearchService,
    ProductListingService,
    QuoteService,
    ProductsResolver,
  ],
  // The family's coverage gaps recommend products, and policies may link one.
  exports: [ProductListingService],
})
export class CatalogueModule {}
