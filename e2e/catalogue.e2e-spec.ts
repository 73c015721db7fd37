import type { Browser, Page } from 'playwright-core';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { type H5Stack, startH5Stack, visible } from './stack.js';

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await visible(page, selector).allInnerTexts()).map((text) => text.trim());
}

describe('H5 catalogue journey: filter, detail, compare, quote', () => {
  let stack: H5Stack;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({});
    ({ bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('finds medical cover, explains its score, compares two products and quotes a person', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    // The whole journey runs under the BFF's content security policy: nothing it needs may be blocked.
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    const landing = await page.goto(`${bff.url}/`);
    const policy = landing?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(landing?.headers()['x-content-type-options']).toBe('nosniff');
    expect(landing?.headers()['cache-control']).toBe('no-cache');
    await visible(page, '.product-card').first().waitFor({ timeout: 20_000 });

    // Search 医疗: every card is about medical cover (百万医疗, 惠民保, or named 医疗; docs/search.md).
    await visible(page, '.home__search-input input').fill('医疗');
    await visible(page, '.home__search-button').click();
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('.product-card')];
      return cards.length > 0 && cards.every((card) => /医疗|惠民保/.test((card as HTMLElement).innerText));
    });

    // Then the 百万医疗 tab: only that category is left.
    await visible(page, '[data-testid="category-tab"]').filter({ hasText: '百万医疗' }).click();
    await page.waitForFunction(() => {
      const labels = [...document.querySelectorAll('.product-card__category')].map((el) => el.textContent?.trim());
      return labels.length >= 2 && labels.every((label) => label === '百万医疗');
    });
    const names = await texts(page, '.product-card__name');

    // Open the first product: exclusions, radar and score.
    await visible(page, '.product-card').first().click();
    await visible(page, '[data-testid="exclusions"]').waitFor({ timeout: 20_000 });
    // Pages other than the tabs live in the catalogue feature's subpackage (app.config.ts).
    expect(new URL(page.url()).hash).toMatch(/^#\/features\/catalogue\/pages\/product\/index\?id=/);
    expect(await visible(page, '[data-testid="product-name"]').innerText()).toBe(names[0]);
    const exclusions = await visible(page, '[data-testid="exclusions"]').innerText();
    expect(exclusions).toContain('免责条款');
    expect(exclusions.split('\n').length).toBeGreaterThan(1);
    // The exclusions come before any action button.
    const exclusionsFirst = await page.evaluate(() => {
      const pageRoot = [...document.querySelectorAll('.product-detail')].find((el) => (el as HTMLElement).offsetParent);
      const box = pageRoot?.querySelector('[data-testid="exclusions"]');
      const buttons = [
        ...(pageRoot?.querySelectorAll('[data-testid="add-to-compare"], [data-testid="open-quote"]') ?? []),
      ];
      return (
        box !== null &&
        box !== undefined &&
        buttons.length === 2 &&
        buttons.every((button) => Boolean(box.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING))
      );
    });
    expect(exclusionsFirst).toBe(true);
    expect(await visible(page, '[data-testid="radar-image"] img').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    expect(await visible(page, '[data-testid="radar-dimension"]').count()).toBe(5);
    expect(await visible(page, '[data-testid="composite-score"]').innerText()).toMatch(/^\d+(\.\d)?$/);

    // One tap on a dimension explains it from its inputs.
    await visible(page, '[data-testid="radar-dimension"]').nth(2).click();
    await visible(page, '[data-testid="score-explanation"]').waitFor();
    expect(await visible(page, '[data-testid="explanation-score"]').innerText()).toMatch(/^保障范围 \d+ 分$/);
    const inputs = await texts(page, '[data-testid="explanation-input"]');
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.every((input) => /[+-]?\d+$/.test(input))).toBe(true);
    await visible(page, '.score-explanation__close').click();
    await visible(page, '[data-testid="score-explanation"]').waitFor({ state: 'detached' });

    // Add this product and the second one to the compare list.
    await visible(page, '[data-testid="add-to-compare"]').click();
    await page.waitForFunction(() => document.body.innerText.includes('已加入对比'));
    await page.goBack();
    await visible(page, '.product-card').nth(1).click();
    // Wait until the first product's page has slid out and left the DOM: during the transition both
    // detail pages are on the page.
    await page.waitForFunction(
      (name) =>
        document.querySelectorAll('.product-detail').length === 1 &&
        [...document.querySelectorAll('[data-testid="product-name"]')].some(
          (el) => (el as HTMLElement).offsetParent !== null && el.textContent === name,
        ),
      names[1],
    );
    await visible(page, '[data-testid="add-to-compare"]').click();
    await visible(page, '[data-testid="open-compare"]').filter({ hasText: '查看对比(2)' }).click();

    // The compare table: both products, differing rows highlighted, best values marked.
    await visible(page, '[data-testid="compare-table"]').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).hash).toBe('#/features/catalogue/pages/compare/index');
    const compared = await texts(page, '[data-testid="compare-product"] .compare__product-name');
    expect(compared).toEqual([names[0], names[1]]);
    const allRows = await visible(page, '[data-testid="compare-row"]').count();
    const differing = await visible(page, '.compare__row--differs').count();
    expect(differing).toBeGreaterThan(0);
    expect(await visible(page, '[data-testid="compare-best"]').count()).toBeGreaterThan(0);
    await visible(page, '[data-testid="only-differences"]').click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="compare-row"]').length === count,
      differing,
    );
    expect(await visible(page, '[data-testid="compare-row"]').count()).toBeLessThanOrEqual(allRows);

    // Back to the second product, and quote it.
    await page.goBack();
    await visible(page, '[data-testid="open-quote"]').click();
    await visible(page, '[data-testid="quote-submit"]').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).hash).toMatch(/^#\/features\/catalogue\/pages\/quote\/index\?id=/);
    await visible(page, '[data-testid="quote-submit"]').click();
    // Client-side checks first, in Chinese, next to their fields.
    expect(await visible(page, '[data-testid="quote-error-age"]').innerText()).toContain('请填写被保人年龄');
    expect(await visible(page, '[data-testid="quote-error-socialInsurance"]').innerText()).toContain('有无社保');

    await visible(page, '.quote-form__age-input input').fill('30');
    await visible(page, '[data-testid="social-yes"]').click();
    await visible(page, '[data-testid="quote-submit"]').click();
    const result = await visible(page, '[data-testid="quote-result"]').innerText();
    expect(result).toMatch(/每年保费\s*¥[\d.]+/);
    expect(result).toMatch(/每年缴费次数\s*1 次/);
    expect(result).toMatch(/全年合计\s*¥[\d.]+/);

    // An age the product does not accept: the BFF's reason appears at the age field.
    await visible(page, '.quote-form__age-input input').fill('100');
    await visible(page, '[data-testid="quote-submit"]').click();
    const ageError = visible(page, '.quote-form__field--age [data-testid="quote-error-age"]');
    await ageError.waitFor({ timeout: 20_000 });
    expect(await ageError.innerText()).toMatch(/仅承保 \d+–\d+ 周岁，被保人 100 周岁/);
    expect(await visible(page, '[data-testid="quote-result"]').count()).toBe(0);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
