import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { type RunningSandbox, SANDBOX_INSURERS, sandboxInsurerSecretsSetting, startSandbox } from '@family/sandbox';
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
      INSURER_SECRETS: sandboxInsurerSecretsSetting(),
      H5_DIST_DIR: H5_DIST,
      // No catalogue cache: the failure below must reach the page instead of being covered by stale data.
      CATALOGUE_FRESH_SECONDS: '0',
      CATALOGUE_MAX_STALE_SECONDS: '0',
      LOG_LEVEL: 'silent',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bff?.stop();
    await sandbox?.close();
  });

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
