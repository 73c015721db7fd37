import { formatPriceFrom, formatScore } from '@family/domain';

/**
 * The H5 home page's first products, written as HTML into the skeleton index.html shows until the
 * app renders its list (docs/decisions/021-first-products-in-the-document.md). A phone then shows
 * the products in its first paint, before the app's scripts have run; the app's own list replaces
 * them as it takes the skeleton away.
 *
 * The H5 build's skeleton says what it wants (apps/miniapp/src/index.html):
 *
 *     <div id="first-screen-skeleton" data-products="6" data-product-url="#/…/product/index?id=" …>
 *       <div class="first-screen-card"></div> …
 *     </div>
 *
 * `data-products` cards, each a link to `data-product-url` followed by the product's id, in place
 * of the grey placeholders. A skeleton without those attributes is left as it is. The cards carry
 * the app's card classes under another block name (`first-screen-product`, styled by the product
 * card's own style sheet), so that nothing looking for the app's cards finds these.
 */

/** The skeleton's opening tag and the run of placeholder cards right after it. */
const SKELETON = /(<div\s+id="first-screen-skeleton"([^>]*)>)((?:\s*<div\s+class="first-screen-card"\s*><\/div>)+)/;

/** What a card shows: the `ProductSummary` fields (apps/miniapp/src/features/catalogue/fragments.graphql). */
interface ProductSummary {
  readonly id: string;
  readonly name: string;
  readonly categoryLabel: string;
  readonly priceFrom: number;
  readonly insurer: { readonly name: string };
  readonly score: { readonly composite: number; readonly goldPick: boolean } | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as HTML text or a quoted attribute's value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** A quoted attribute's value as text. */
export const unescapeAttribute = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (attributes: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];

const isSummary = (node: unknown): node is ProductSummary => {
  const product = node as Partial<ProductSummary> | null;
  return (
    typeof product?.id === 'string' &&
    typeof product.name === 'string' &&
    typeof product.categoryLabel === 'string' &&
    typeof product.priceFrom === 'number' &&
    typeof product.insurer?.name === 'string' &&
    (product.score === null ||
      (typeof product.score?.composite === 'number' && typeof product.score.goldPick === 'boolean'))
  );
};

/** The first `count` products of a `Products` answer (JSON), or none when it holds no list. */
export function firstProducts(answer: string, count: number): ProductSummary[] {
  let parsed: { data?: { products?: { edges?: { node?: unknown }[] } | null } | null };
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    return [];
  }
  const edges = parsed?.data?.products?.edges;
  if (!Array.isArray(edges)) return [];
  const nodes = edges.slice(0, count).map((edge) => edge?.node);
  // All or nothing: a card the app would show differently is worse than the grey placeholders.
  return nodes.every(isSummary) ? nodes : [];
}

/**
 * One card, as the app's ProductCard lays it out (apps/miniapp/src/features/catalogue/components/
 * product-card): the name and category, the insurer and score (with 金选), the price. A link, so a
 * tap before the app has started opens the product once it has.
 */
export function productCardHtml(product: ProductSummary, productUrl: string): string {
  const score = product.score
    ? '<div class="first-screen-product__score">' +
      (product.score.goldPick ? '<span class="gold-badge">金选</span>' : '') +
      `<span class="first-screen-product__score-value">${escapeHtml(formatScore(product.score.composite))}</span>` +
      '<span class="first-screen-product__score-unit">分</span></div>'
    : '';
  return (
    `<a class="first-screen-product" tabindex="-1" href="${escapeHtml(productUrl + encodeURIComponent(product.id))}">` +
    '<div class="first-screen-product__main">' +
    `<span class="first-screen-product__name">${escapeHtml(product.name)}</span>` +
    `<span class="first-screen-product__category">${escapeHtml(product.categoryLabel)}</span></div>` +
    '<div class="first-screen-product__meta">' +
    `<span class="first-screen-product__insurer">${escapeHtml(product.insurer.name)}</span>${score}</div>` +
    '<div class="first-screen-product__footer">' +
    `<span class="first-screen-product__price">${escapeHtml(formatPriceFrom(product.priceFrom))}</span></div></a>`
  );
}

/**
 * `html` with the first products of `answer` (the home page's `Products` answer, JSON) in place of
 * its skeleton's placeholders; `html` itself when its skeleton asks for none or the answer has none.
 */
export function withFirstProducts(html: string, answer: string): string {
  const match = SKELETON.exec(html);
  if (!match) return html;
  const [whole, opening, attributes] = match as unknown as [string, string, string];
  const count = Number(attribute(attributes, 'data-products'));
  const productUrl = attribute(attributes, 'data-product-url');
  if (!Number.isInteger(count) || count <= 0 || productUrl === undefined) return html;
  const products = firstProducts(answer, count);
  if (products.length === 0) return html;
  const url = unescapeAttribute(productUrl);
  const cards = products.map((product) => productCardHtml(product, url)).join('');
  return `${html.slice(0, match.index)}${opening}${cards}${html.slice(match.index + whole.length)}`;
}
