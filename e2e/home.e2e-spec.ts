import type { Browser } from 'playwright-core';
import { type RunningSandbox, SANDBOX_INSURERS } from '@family/sandbox';
import type { BffProcess } from '../apps/bff/test/harness.js';
import { type H5Stack, startH5Stack } from './stack.js';

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
    expect(await page.locator('body').innerText()).toContain(failing.name);
    const after = (await page.locator('.product-card__insurer').allInnerTexts()).map((text) => text.trim());
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toContain(failing.name);
    await page.close();
  });
});
