/**
 * What other features may use of the catalogue (a lint rule keeps them to this file): the module, the
 * listing service (products for a category and age, as the gap recommendations need) and the product's
 * GraphQL model with its mapper.
 */
export { CatalogueModule } from './catalogue.module.js';
export { ProductListingService, type ProductListing } from './product-listing.service.js';
export { mapProduct } from './catalogue.mapper.js';
export { ProductCategoryEnum, ProductModel } from './models/product.model.js';
export type { CatalogueSnapshot } from './catalogue-snapshot.service.js';
