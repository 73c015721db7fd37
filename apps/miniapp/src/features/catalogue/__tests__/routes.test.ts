import { productPageUrl, quotePageUrl } from '../routes';

describe('catalogue page URLs', () => {
  it('links a product and its quote form', () => {
    expect(productPageUrl('kangning:KN 1')).toBe('/features/catalogue/pages/product/index?id=kangning%3AKN%201');
    expect(quotePageUrl('kangning:KN-1')).toBe('/features/catalogue/pages/quote/index?id=kangning%3AKN-1');
  });

  it('passes a known age to the quote form', () => {
    expect(quotePageUrl('p1', { age: 36 })).toBe('/features/catalogue/pages/quote/index?id=p1&age=36');
    expect(quotePageUrl('p1', { age: 0 })).toBe('/features/catalogue/pages/quote/index?id=p1&age=0');
    expect(quotePageUrl('p1', { age: null })).toBe('/features/catalogue/pages/quote/index?id=p1');
    expect(quotePageUrl('p1', { age: 3.5 })).toBe('/features/catalogue/pages/quote/index?id=p1');
  });
});
