export * from './product.js';
export * from './money.js';
export * from './pagination.js';
export * from './catalogue.js';
