import { escapeHtml, firstProducts, withFirstProducts } from './h5-first-screen.js';

const PRODUCT_URL = '#/features/catalogue/pages/product/index?id=';
const PLACEHOLDERS = '<div class="first-screen-card"></div>\n  <div class="first-screen-card"></div>';
const skeleton = (attributes: string): string =>
  `<body><div id="app"></div><div id="first-screen-skeleton"${attributes} aria-hidden="true">\n  ${PLACEHOLDERS}\n</div></body>`;
const SKELETON = skeleton(` data-products="2" data-product-url="${PRODUCT_URL}"`);

const product = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `产品${id}`,
  category: 'MEDICAL',
  categoryLabel: '百万医疗',
  priceFrom: 12850,
  insurer: { id: `insurer-${id}`, name: `保险公司${id}` },
  score: { composite: 88.94, goldPick: true },
  ...overrides,
});
const answerOf = (...nodes: unknown[]): string =>
  JSON.stringify({
    data: { products: { edges: nodes.map((node, i) => ({ cursor: String(i), highlights: [], node })) } },
  });

/** The cards' visible texts, in order, as a reader of the page would see them. */
const texts = (html: string): string[] =>
  [...html.matchAll(/<a class="first-screen-product"[^>]*>([\s\S]*?)<\/a>/g)].map((match) =>
    match[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

describe('the H5 first screen’s products in the document (decision 021)', () => {
  it('writes the first products as the app’s card shows them, in place of the placeholders', () => {
    const html = withFirstProducts(
      SKELETON,
      answerOf(product('a'), product('b', { score: { composite: 90, goldPick: false } }), product('c')),
    );
    // As many as the skeleton asks for, in the answer's order; the placeholders are gone.
    expect(texts(html)).toEqual([
      '产品a 百万医疗 保险公司a 金选 88.9 分 ¥128.5起',
      '产品b 百万医疗 保险公司b 90 分 ¥128.5起',
    ]);
    expect(html).not.toContain('first-screen-card');
    // Each is a link to its product, out of the tab order (the skeleton is hidden from readers).
    expect(html).toContain(`<a class="first-screen-product" tabindex="-1" href="${PRODUCT_URL}a">`);
    // Around the skeleton, the page is as it was.
    expect(html.startsWith('<body><div id="app"></div><div id="first-screen-skeleton" data-products="2"')).toBe(true);
    expect(html.endsWith('</a>\n</div></body>')).toBe(true);
  });

  it('shows no score for an unscored product, and a gold badge only for a gold pick', () => {
    const html = withFirstProducts(SKELETON, answerOf(product('a', { score: null })));
    expect(texts(html)).toEqual(['产品a 百万医疗 保险公司a ¥128.5起']);
    expect(html).not.toContain('gold-badge');
  });

  it('writes insurers’ text as text: no tag, attribute or entity of theirs reaches the page', () => {
    const name = '<img src=x onerror=alert(1)>"&\'</div>';
    const html = withFirstProducts(
      SKELETON,
      answerOf(product('a" onclick="x', { name, insurer: { id: 'i', name: '</a><script>alert(1)</script>' } })),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('" onclick="');
    expect(html).toContain(escapeHtml(name));
    // The id is a URL's parameter: encoded there, then escaped as the attribute's text.
    expect(html).toContain(`href="${PRODUCT_URL}a%22%20onclick%3D%22x"`);
  });

  it('leaves the placeholders when the answer has no list, or a card it could not show as the app does', () => {
    for (const answer of [
      'not json',
      JSON.stringify({ data: null, errors: [{ message: 'x' }] }),
      JSON.stringify({ data: { products: null } }),
      answerOf(),
      answerOf(product('a'), { ...product('b'), priceFrom: '12850' }),
      answerOf(product('a', { insurer: null })),
    ]) {
      expect(withFirstProducts(SKELETON, answer)).toBe(SKELETON);
    }
  });

  it('leaves a skeleton that asks for no products as it is (an H5 build from before)', () => {
    for (const page of [
      skeleton(''),
      skeleton(` data-products="2"`),
      skeleton(` data-product-url="${PRODUCT_URL}"`),
      skeleton(` data-products="0" data-product-url="${PRODUCT_URL}"`),
      '<body><div id="app"></div></body>',
    ]) {
      expect(withFirstProducts(page, answerOf(product('a')))).toBe(page);
    }
  });

  it('reads the answer’s first products, all or none', () => {
    expect(firstProducts(answerOf(product('a'), product('b'), product('c')), 2).map((p) => p.id)).toEqual(['a', 'b']);
    expect(firstProducts(answerOf(product('a'), { id: 'b' }), 2)).toEqual([]);
    expect(firstProducts(answerOf(product('a'), { id: 'b' }), 1).map((p) => p.id)).toEqual(['a']);
  });
});
