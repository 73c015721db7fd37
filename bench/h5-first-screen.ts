/**
 * H5 first screen: how long the H5 app takes, cold, to show its first product, as a phone-sized
 * headless Chromium opens it on localhost. Backs docs/performance.md.
 *
 * The sandbox insurers (no added latency) and one real BFF (`NODE_ENV=production`,
 * `TRUSTED_DOCUMENTS=enforce`: the app's requests are its trusted documents by hash) serving the
 * built H5 app (apps/miniapp/dist/h5: `pnpm --filter @family/miniapp build:h5` first). One visit
 * warms the BFF (its catalogue cache); then each of BENCH_H5_VISITS (5) fresh browser contexts,
 * 375 × 812, opens `/` and the time from navigation start to the first visible `.product-card` is
 * read in the page (`performance.now()`). The median is the figure.
 *
 *   pnpm --filter @family/bench bench:h5
 *
 * Environment: BENCH_H5_VISITS (5), CHROMIUM_PATH (/usr/bin/chromium), BENCH_OUTPUT
 * (bench/results/h5-first-screen.json).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { intFromEnv, loadAverage, machineInfo, median, round } from './lib/measure.js';
import { runBenchmark, stopAll } from './lib/processes.js';
import { bffEnv, startBff, startSandboxProcess } from './lib/stack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const H5_DIST = path.resolve(BENCH_DIR, '../apps/miniapp/dist/h5');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const visits = intFromEnv('BENCH_H5_VISITS', 5);
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'h5-first-screen.json'));

async function main(): Promise<void> {
  if (!existsSync(path.join(H5_DIST, 'index.html')))
    throw new Error(`${H5_DIST} is missing: pnpm --filter @family/miniapp build:h5 first`);
  const machine = machineInfo();
  console.log(`H5 first screen — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(`1-min load average now ${machine.loadAverageAtStart}`);
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'bench-h5-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const sandbox = await startSandboxProcess('production');
    const bff = await startBff(
      'bff-h5',
      {
        ...bffEnv({ nodeEnv: 'production', logLevel: 'warn', sandboxUrl: sandbox.url }),
        TRUSTED_DOCUMENTS: 'enforce',
        H5_DIST_DIR: H5_DIST,
      },
      logDir,
    );
    const visit = async (): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
      try {
        const page = await context.newPage();
        await page.goto(`${bff.url}/`, { waitUntil: 'commit' });
        // Runs in the page (this package is compiled without the DOM's types, hence the cast).
        const handle = await page.waitForFunction(
          () => {
            type Element = { offsetParent: unknown };
            const { document } = globalThis as unknown as {
              document: { querySelectorAll(selector: string): ArrayLike<Element> };
            };
            const visible = Array.from(document.querySelectorAll('.product-card')).some(
              (card) => card.offsetParent !== null,
            );
            return visible ? performance.now() : null;
          },
          undefined,
          { polling: 'raf', timeout: 30_000 },
        );
        return (await handle.jsonValue()) as number;
      } finally {
        await context.close();
      }
    };
    const warm = await visit();
    console.log(`  warm-up visit (fills the BFF's catalogue cache): ${warm.toFixed(0)} ms, discarded`);
    const samples: number[] = [];
    for (let i = 1; i <= visits; i++) {
      const ms = await visit();
      samples.push(round(ms, 1));
      console.log(`  visit ${i}/${visits}: first product visible after ${ms.toFixed(0)} ms`);
    }
    const result = round(median(samples), 1);
    machine.loadAverageAtEnd = loadAverage();
    console.log(`\nfirst product visible, median of ${visits} fresh contexts: ${result} ms (goal ≤ 700 ms)`);
    console.log(`1-min load average: ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end`);
    mkdirSync(path.dirname(outputFile), { recursive: true });
    writeFileSync(
      outputFile,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, visits, samplesMs: samples, medianMs: result }, null, 2)}\n`,
    );
    console.log(`results written to ${path.relative(process.cwd(), outputFile) || outputFile}`);
  } finally {
    await browser.close();
    await stopAll().catch(() => undefined);
    rmSync(logDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
