import type { Browser, Page } from 'playwright-core';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { type H5Stack, startH5Stack, visible } from './stack.js';

/** The category labels of the first `count` cards on screen. */
async function firstCategories(page: Page, count: number): Promise<string[]> {
  const labels = await visible(page, '.product-card__category').allInnerTexts();
  return labels.slice(0, count).map((label) => label.trim());
}

describe('H5 search journey (C2): pinyin, audiences, suggestions and never an empty page', () => {
  let stack: H5Stack;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({});
    ({ bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('reads pinyin and audience words, suggests while typing, and offers something when nothing matches', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${bff.url}/`);
    await visible(page, '.product-card').first().waitFor({ timeout: 20_000 });
    const input = visible(page, '.home__search-input input');

    // Pinyin: zhongji is 重疾. The understood line says so, the first cards are critical illness cover,
    // and the matched words are highlighted (bold, underlined, accent colour).
    await input.fill('zhongji');
    await visible(page, '.home__search-button').click();
    const understood = visible(page, '[data-testid="search-understood"]');
    await understood.waitFor({ timeout: 20_000 });
    expect(await understood.innerText()).toBe('为您找到：重疾险');
    await page.waitForFunction(
      () => document.querySelector('.product-card__category')?.textContent?.trim() === '重疾险',
    );
    expect(await firstCategories(page, 3)).toEqual(['重疾险', '重疾险', '重疾险']);
    const mark = visible(page, '.product-card__mark').first();
    expect(await mark.innerText()).toBe('重大疾病');
    const style = await mark.evaluate((el) => {
      const computed = getComputedStyle(el);
      return { weight: Number(computed.fontWeight), decoration: computed.textDecorationLine };
    });
    expect(style.weight).toBeGreaterThanOrEqual(700);
    expect(style.decoration).toContain('underline');

    // An audience word, picked from the suggestions shown while typing: 儿童 → 儿童重疾险.
    await input.fill('儿童');
    const suggestions = visible(page, '[data-testid="search-suggestions"]');
    await suggestions.waitFor({ timeout: 10_000 });
    expect(await suggestions.getAttribute('role')).toBe('listbox');
    await visible(page, '[data-testid="search-suggestion"]')
      .filter({ hasText: /^儿童重疾险/ })
      .click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="search-understood"]')?.textContent === '为您找到：适合儿童的重疾险',
    );
    expect(await firstCategories(page, 3)).toEqual(['重疾险', '重疾险', '重疾险']);

    // 父母 alone: products made for older people come first.
    await input.fill('父母');
    await visible(page, '.home__search-button').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="search-understood"]')?.textContent === '为您找到：适合父母的产品',
    );
    const firstName = (await visible(page, '.product-card__name').first().innerText()).trim();
    expect(firstName).toMatch(/老年|银发|孝心/);

    // Nothing matches: say so, and show the closest categories and top-scored products instead.
    await input.fill('qqqzzz');
    await visible(page, '.home__search-button').click();
    const fallback = visible(page, '[data-testid="search-fallback"]');
    await fallback.waitFor({ timeout: 20_000 });
    expect(await fallback.innerText()).toContain('没有找到与“qqqzzz”相符的产品');
    expect(await visible(page, '[data-testid="fallback-category"]').count()).toBeGreaterThan(0);
    expect(await visible(page, '[data-testid="search-fallback"] .product-card').count()).toBeGreaterThan(0);

    // A closest category opens that category's list.
    const category = visible(page, '[data-testid="fallback-category"]').first();
    const label = (await category.innerText()).trim();
    await category.click();
    await page.waitForFunction((wanted) => {
      const labels = [...document.querySelectorAll('.product-card__category')].map((el) => el.textContent?.trim());
      return labels.length > 0 && labels.every((text) => text === wanted);
    }, label);
    await page.close();
  });
});
