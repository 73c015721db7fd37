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
 * With BENCH_H5_BASELINE_DIR (another H5 build, e.g. one made before a change), a second BFF serves
 * it and the visits alternate between the two, so the ratio comes from one run on one machine state.
 *
 * Environment: BENCH_H5_VISITS (5), BENCH_H5_BASELINE_DIR (none), CHROMIUM_PATH (/usr/bin/chromium),
 * BENCH_OUTPUT (bench/results/h5-first-screen.json).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { intFromEnv, loadAverage, machineInfo, median, printLoadAverage, round, writeResults } from './lib/measure.js';
import { runBenchmark, stopAll } from './lib/processes.js';
import { bffEnv, startBff, startSandboxProcess } from './lib/stack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const H5_DIST = path.resolve(BENCH_DIR, '../apps/miniapp/dist/h5');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const visits = intFromEnv('BENCH_H5_VISITS', 5);
const baselineDir = process.env.BENCH_H5_BASELINE_DIR ? path.resolve(process.env.BENCH_H5_BASELINE_DIR) : null;
const GOAL_MS = 700;
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
    const baseline = baselineDir
      ? await startBff(
          'bff-h5-baseline',
          {
            ...bffEnv({ nodeEnv: 'production', logLevel: 'warn', sandboxUrl: sandbox.url }),
            TRUSTED_DOCUMENTS: 'enforce',
            H5_DIST_DIR: baselineDir,
          },
          logDir,
        )
      : null;
    const visit = async (url: string = bff.url): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
      try {
        const page = await context.newPage();
        await page.goto(`${url}/`, { waitUntil: 'commit' });
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
    if (baseline)
      console.log(`  baseline warm-up visit (${baselineDir}): ${(await visit(baseline.url)).toFixed(0)} ms, discarded`);
    const samples: number[] = [];
    const baselineSamples: number[] = [];
    for (let i = 1; i <= visits; i++) {
      // Alternating, the baseline first on odd visits: both see the same machine state.
      const order = baseline && i % 2 === 1 ? ['baseline', 'build'] : ['build', 'baseline'];
      for (const which of order) {
        if (which === 'baseline' && !baseline) continue;
        const ms = await visit(which === 'baseline' ? baseline?.url : bff.url);
        (which === 'baseline' ? baselineSamples : samples).push(round(ms, 1));
        console.log(
          `  visit ${i}/${visits}${which === 'baseline' ? ' (baseline)' : ''}: first product visible after ${ms.toFixed(0)} ms  (load ${loadAverage()})`,
        );
      }
    }
    const result = round(median(samples), 1);
    const baselineResult = baseline ? round(median(baselineSamples), 1) : null;
    machine.loadAverageAtEnd = loadAverage();
    console.log(
      `\nfirst product visible, median of ${visits} fresh contexts: ${result} ms (goal ≤ ${GOAL_MS} ms; ratio to goal ${round(result / GOAL_MS, 2)})`,
    );
    if (baselineResult !== null)
      console.log(
        `baseline build, same run: ${baselineResult} ms; this build / baseline: ${round(result / baselineResult, 3)}`,
      );
    printLoadAverage(machine);
    writeResults(outputFile, {
      machine,
      visits,
      samplesMs: samples,
      medianMs: result,
      goalMs: GOAL_MS,
      ...(baseline ? { baselineDir, baselineSamplesMs: baselineSamples, baselineMedianMs: baselineResult } : {}),
    });
  } finally {
    await browser.close();
    await stopAll().catch(() => undefined);
    rmSync(logDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
