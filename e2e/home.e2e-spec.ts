import type { Browser, Page } from 'playwright-core';
import { type RunningSandbox, SANDBOX_INSURERS } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { type H5Stack, startH5Stack } from './stack.js';

/** Waits for the whole first page of cards (20: the sandbox lists more), not only the first screen's. */
async function fullPage(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.product-card').length === 20, undefined, {
    timeout: 20_000,
  });
}

/** The JSON block where the BFF writes the home page's first answer (decision 020). */
const ANSWER_BLOCK = /(<script\s+type="application\/json"\s+id="first-screen-answer"[^>]*>)([\s\S]*?)(<\/script>)/;

/** A product the BFF draws into the skeleton from its answer (decision 021). */
const DRAWN_PRODUCT = /<a class="first-screen-product"[\s\S]*?<\/a>/g;

/**
 * Serves the document as the BFF does when it has no answer within its wait (a cold catalogue, a
 * refused request): the block empty, so index.html asks for the first page itself, and the
 * skeleton's grey placeholders instead of drawn products.
 */
async function withoutWrittenAnswer(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    for (const name of ['content-encoding', 'content-length', 'etag']) delete headers[name];
    const body = (await response.text())
      .replace(ANSWER_BLOCK, '$1$3')
      .replace(DRAWN_PRODUCT, '<div class="first-screen-card"></div>');
    await route.fulfill({ response, headers, body });
  });
}

/** Records what the home page's first render put in the document: its list, or a loading state. */
async function recordFirstHomeRender(
  page: Page,
): Promise<() => Promise<{ cards: number; loading: boolean } | undefined>> {
  await page.addInitScript(() => {
    const seen = window as unknown as { __firstHome?: { cards: number; loading: boolean } };
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('.home')) return;
      seen.__firstHome = {
        cards: document.querySelectorAll('.product-card').length,
        loading: document.querySelector('.home .state-view') !== null,
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __firstHome?: { cards: number; loading: boolean } }).__firstHome);
}

describe('H5 home page, served by the BFF', () => {
  let stack: H5Stack;
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startH5Stack({
      // No catalogue cache: the failure below must reach the page instead of being covered by stale data.
      CATALOGUE_FRESH_SECONDS: '0',
      CATALOGUE_MAX_STALE_SECONDS: '0',
    });
    ({ sandbox, bff, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('lists products from many insurers, and says which insurer is missing when one fails', async () => {
    const page = await browser.newPage();
    await page.goto(`${bff.url}/`);
    await page.locator('.product-card').first().waitFor({ timeout: 20_000 });
    await fullPage(page);
    const insurers = (await page.locator('.product-card__insurer').allInnerTexts()).map((text) => text.trim());
    const known = new Set(SANDBOX_INSURERS.map((insurer) => insurer.name));
    expect(insurers.every((name) => known.has(name))).toBe(true);
    expect(new Set(insurers).size).toBeGreaterThanOrEqual(3);
    await expect(page.locator('.product-card').first().innerText()).resolves.toMatch(/¥[\d.]+起/);

    // Make the insurer of the first card fail: its products go, and the page says which insurer is missing.
    const failing = SANDBOX_INSURERS.find((insurer) => insurer.name === insurers[0])!;
    await fetch(`${sandbox.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ insurer: failing.code, failureMode: 'http500' }),
    });
    await page.reload();
    await page.getByText('暂时无法连接', { exact: false }).first().waitFor({ timeout: 20_000 });
    await fullPage(page);
    expect(await page.locator('body').innerText()).toContain(failing.name);
    const after = (await page.locator('.product-card__insurer').allInnerTexts()).map((text) => text.trim());
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toContain(failing.name);
    await page.close();
  });

  it('asks for the home page’s code and its first page of products before the app’s own scripts run', async () => {
    const page = await browser.newPage();
    await withoutWrittenAnswer(page, `${bff.url}/`);
    await page.goto(`${bff.url}/`);
    await page.locator('.product-card').first().waitFor({ timeout: 20_000 });
    // The scripts and style sheets index.html names itself, as served.
    const html = await (await fetch(`${bff.url}/`)).text();
    const initial = [...html.matchAll(/<(?:script|link)[^>]* (?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    const { parsed, resources } = await page.evaluate(() => ({
      // The document is parsed; the app's scripts (deferred) run only after this.
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
        path: new URL(entry.name).pathname,
        query: new URL(entry.name).searchParams.get('operationName'),
        initiator: entry.initiatorType,
        start: entry.startTime,
      })),
    }));
    await page.close();
    expect(initial.length).toBeGreaterThan(0);
    expect(parsed).toBeGreaterThan(0);
    // The home page's chunks: preloaded by index.html's inline script while the document is parsed
    // (a <link>), not asked by the router once the app runs; each asked once.
    const lazy = resources.filter((entry) => /^\/(js|css)\//.test(entry.path) && !initial.includes(entry.path));
    expect(lazy.some((entry) => entry.path.endsWith('.js'))).toBe(true);
    for (const entry of lazy) {
      expect(entry).toMatchObject({ initiator: 'link' });
      expect(entry.start).toBeLessThan(parsed);
    }
    expect(new Set(lazy.map((entry) => entry.path)).size).toBe(lazy.length);
    // The first page of products, asked by the same script.
    const products = resources.filter((entry) => entry.query === 'Products');
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ initiator: 'fetch' });
    expect(products[0].start).toBeLessThan(parsed);
  });

  it('shows the first screen of products in the home page’s first render when index.html’s own request has its answer by then, then the rest', async () => {
    const page = await browser.newPage();
    await withoutWrittenAnswer(page, `${bff.url}/`);
    const productsRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).searchParams.get('operationName') === 'Products') productsRequests.push(request.url());
    });
    // The app's code waits until index.html's products request has its answer, as on a fast network.
    await page.route(/\/js\/app\.[0-9a-f]+\.js$/, async (route) => {
      await page.waitForFunction(
        () => !!(window as unknown as { __FIRST_SCREEN__?: { settled?: unknown } }).__FIRST_SCREEN__?.settled,
        undefined,
        { timeout: 20_000 },
      );
      await route.continue();
    });
    const firstHomeRender = await recordFirstHomeRender(page);
    await page.goto(`${bff.url}/`);
    await page.locator('.product-card').first().waitFor({ timeout: 20_000 });
    const first = await firstHomeRender();
    // The cards a phone shows first (FIRST_SCREEN_CARDS), the rest of the page right after.
    await fullPage(page);
    await page.close();
    expect(first?.loading).toBe(false);
    expect(first?.cards).toBeGreaterThan(0);
    expect(first?.cards).toBeLessThanOrEqual(6);
    // The app took index.html's answer and asked for nothing more.
    expect(productsRequests).toHaveLength(1);
  });

  it('draws the home page’s cards and its header’s static parts as plain HTML, Taro’s custom elements only for controls', async () => {
    const page = await browser.newPage();
    await page.goto(`${bff.url}/`);
    await fullPage(page);
    const { cardTags, inCards, custom } = await page.evaluate(() => {
      const isCustom = (element: Element): boolean => element.tagName.includes('-');
      const cards = [...document.querySelectorAll('.product-card')];
      const header = document.querySelector('.home__header');
      return {
        cardTags: [...new Set(cards.map((card) => card.tagName))],
        inCards: cards.flatMap((card) => [...card.querySelectorAll('*')].filter(isCustom)).length,
        custom: [...new Set([...(header?.querySelectorAll('*') ?? [])].filter(isCustom).map((e) => e.tagName))],
      };
    });
    await page.close();
    // docs/decisions/017-h5-static-elements.md: each Taro custom element renders itself before the
    // frame that shows it is painted.
    expect(cardTags).toEqual(['DIV']);
    expect(inCards).toBe(0);
    expect(custom.filter((tag) => tag === 'TARO-VIEW-CORE' || tag === 'TARO-TEXT-CORE')).toEqual([]);
  });
});

/**
 * The H5 document once the BFF writes its first answer into it. A cold BFF loads the catalogue
 * first (longer than the document waits): the page goes without until then.
 */
async function documentWithAnswer(url: string): Promise<string> {
  let html = '';
  for (let i = 0; i < 100 && !ANSWER_BLOCK.exec(html)?.[2]; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    html = await (await fetch(`${url}/`)).text();
  }
  return html;
}

describe('H5 home page with its first answer in the document (decision 020)', () => {
  // Catalogues kept, as in production: once loaded, the BFF answers the home page's first request
  // within the document's wait.
  let stack: H5Stack;

  beforeAll(async () => {
    stack = await startH5Stack();
  });

  afterAll(() => stack?.close());

  it('renders the first screen of products from the document the BFF wrote it into, asking for nothing', async () => {
    const { bff, browser } = stack;
    const html = await documentWithAnswer(bff.url);
    const written = JSON.parse(ANSWER_BLOCK.exec(html)?.[2] ?? 'null') as {
      data: { products: { edges: { node: { name: string } }[] } };
    };
    expect(written.data.products.edges).toHaveLength(20);

    const page = await browser.newPage();
    const productsRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).searchParams.get('operationName') === 'Products') productsRequests.push(request.url());
    });
    const firstHomeRender = await recordFirstHomeRender(page);
    await page.goto(`${bff.url}/`);
    await page.locator('.product-card').first().waitFor({ timeout: 20_000 });
    const first = await firstHomeRender();
    await fullPage(page);
    const names = await page.locator('.product-card__name').allInnerTexts();
    await page.close();
    // The list was in the home page's first render, from the document: no request for it at all.
    expect(first?.loading).toBe(false);
    expect(first?.cards).toBeGreaterThan(0);
    expect(productsRequests).toEqual([]);
    expect(names.map((name) => name.trim())).toEqual(written.data.products.edges.map((edge) => edge.node.name));
  });

  describe('its first products drawn into the document (decision 021)', () => {
    /** Each card's text and box, in order: the BFF's (`.first-screen-product`) or the app's. */
    const cardsOf = (page: Page, selector: string) =>
      page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].map((card) => {
            const box = card.getBoundingClientRect();
            const text = [...card.querySelectorAll('span')]
              .filter((span) => span.children.length === 0)
              .map((span) => span.textContent?.trim());
            return { text: text.join(' '), top: box.top, left: box.left, width: box.width, height: box.height };
          }),
        selector,
      );

    beforeAll(() => documentWithAnswer(stack.bff.url));

    /** Holds the app's main script until `release` is called: the page as it is before the app runs. */
    async function beforeTheApp(page: Page): Promise<() => void> {
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/js\/app\.[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      return release;
    }

    it('shows them before the app has run, where the app’s own cards then stand, and the app’s replace them', async () => {
      const { bff, browser } = stack;
      // The two phone widths the home page is laid out for most: the cards' top is in rem, as the header.
      for (const width of [375, 414]) {
        const context = await browser.newContext({ viewport: { width, height: 812 }, deviceScaleFactor: 2 });
        const page = await context.newPage();
        const release = await beforeTheApp(page);
        await page.goto(`${bff.url}/`, { waitUntil: 'commit' });
        // The cards, and the style sheets they wear (the first paint waits for them: render-blocking).
        await page.waitForFunction(
          () =>
            document.querySelectorAll('.first-screen-product').length === 6 &&
            [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => (link as HTMLLinkElement).sheet),
          undefined,
          { timeout: 20_000 },
        );
        const drawn = await cardsOf(page, '.first-screen-product');
        // Nothing of the app yet: these are the document's own.
        expect(await page.locator('#app .product-card').count()).toBe(0);
        expect(await page.locator('.first-screen-product').first().isVisible()).toBe(true);
        release();
        await fullPage(page);
        await page.waitForFunction(() => !document.getElementById('first-screen-skeleton'), undefined, {
          timeout: 20_000,
        });
        const app = (await cardsOf(page, '#app .product-card')).slice(0, 6);
        await context.close();
        // The same products, showing the same text, in the same places.
        expect(drawn.map((card) => card.text)).toEqual(app.map((card) => card.text));
        expect(drawn[0]?.text).toMatch(/分 ¥[\d.]+起$/);
        drawn.forEach((card, i) => {
          for (const side of ['top', 'left', 'width', 'height'] as const)
            expect(Math.abs(card[side] - app[i]![side])).toBeLessThanOrEqual(1);
        });
      }
    });

    it('opens the product tapped before the app has run, once it has', async () => {
      const { bff, browser } = stack;
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      const release = await beforeTheApp(page);
      await page.goto(`${bff.url}/`, { waitUntil: 'commit' });
      const second = page.locator('.first-screen-product').nth(1);
      const name = (await second.locator('.first-screen-product__name').innerText()).trim();
      await second.click();
      expect(new URL(page.url()).hash).toMatch(/^#\/features\/catalogue\/pages\/product\/index\?id=/);
      // The home page's placeholder goes with the home route (on the hash's change, a task later).
      await page.locator('#first-screen-skeleton').waitFor({ state: 'detached', timeout: 5_000 });
      release();
      const shown = page.locator('[data-testid="product-name"]');
      await shown.waitFor({ timeout: 20_000 });
      expect((await shown.innerText()).trim()).toBe(name);
      await context.close();
    });
  });
});
