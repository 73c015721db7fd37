import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { type RunningSandbox, startSandbox } from '@family/sandbox';
import { type BffProcess, startBff } from '../apps/bff/test/harness.js';
import { launchChromium } from './browser.js';

const H5_DIST = join(dirname(fileURLToPath(import.meta.url)), '../apps/miniapp/dist/h5');

describe('H5 home page, served by the BFF', () => {
  let sandbox: RunningSandbox;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(H5_DIST, 'index.html'))) throw new Error(`${H5_DIST} is missing: pnpm build first`);
    sandbox = await startSandbox(0);
    bff = await startBff({
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      SANDBOX_URL: sandbox.url,
      H5_DIST_DIR: H5_DIST,
      LOG_LEVEL: 'silent',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bff?.stop();
    await sandbox?.close();
  });

  it('lists products from both insurers, and says which insurer is missing when one fails', async () => {
    const page = await browser.newPage();
    await page.goto(`${bff.url}/`);
    await page.locator('.product-card').first().waitFor({ timeout: 20_000 });
    const insurers = await page.locator('.product-card__insurer').allInnerTexts();
    expect(new Set(insurers.map((text) => text.trim()))).toEqual(new Set(['康宁人寿', '安信财险']));
    await expect(page.locator('.product-card').first().innerText()).resolves.toMatch(/¥[\d.]+起/);

    await fetch(`${sandbox.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ insurer: 'anxin', failureMode: 'http500' }),
    });
    await page.reload();
    await page.getByText('安信财险', { exact: false }).first().waitFor({ timeout: 20_000 });
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/部分保险公司暂时无法连接|暂时无法连接/);
    const after = await page.locator('.product-card__insurer').allInnerTexts();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((text) => text.trim() === '康宁人寿')).toBe(true);
    await page.close();
  });
});
