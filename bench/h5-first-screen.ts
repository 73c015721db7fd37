/**
 * H5 first screen: how long the H5 app takes, cold, to show its first product, as a phone-sized
 * headless Chromium opens it on localhost, beside Taro's floor measured the same way in the same
 * run. Backs docs/performance.md.
 *
 * The sandbox insurers (no added latency) and one real BFF (`NODE_ENV=production`,
 * `TRUSTED_DOCUMENTS=enforce`: the app's requests are its trusted documents by hash) serving the
 * built H5 app (apps/miniapp/dist/h5: `pnpm --filter @family/miniapp build:h5` first). A second BFF
 * serves the floor: a Taro hello-world with one `.product-card` (bench/h5-floor, built here with the
 * app's Taro toolchain). One visit warms each (the BFF's catalogue cache); then each of
 * BENCH_H5_VISITS (5) rounds opens each build once, in alternating order, in a fresh browser context
 * of 375 × 812. The time from navigation start to the first visible product is read in the page
 * (`performance.now()`): the app's `.product-card`, or a `.first-screen-product` the BFF wrote into
 * the document (decision 021). The first visible product's median is the figure judged; the app's own
 * first card (`#app .product-card`, rendered by the app and answering taps) is reported beside it.
 *
 * How a visit is measured, and why (docs/decisions/016-h5-first-screen-measurement.md):
 * - The page reports the moment itself, from a small script added before navigation that checks
 *   once a frame and logs to the console. The moment is the end of the frame that first lays a card
 *   out (a task posted from that frame's check runs once the frame's rendering is done), not the
 *   check itself: work the frame still does after the check (Taro's components rendering themselves,
 *   about 100 ms for the app's home page) delays the pixels, so it counts. The task is posted at
 *   `user-blocking` priority (`scheduler.postTask`): an ordinary task (a MessageChannel message, as
 *   before) waits while Chromium runs the loading tasks it favours during a page load, such as a
 *   script that has just arrived, and then reports that script's evaluation as the frame's (decision
 *   016's second addendum: traced 35 ms late). Playwright's own
 *   `waitForFunction` injects its utility script into the page as it loads, about 60 ms of
 *   compiling on the page's main thread.
 * - The new window is left BENCH_H5_SETTLE_MS (2,000) before navigating. Debian's Chromium loads a
 *   WebUI omnibox popup in a second renderer with every new window, about 1.3 s of CPU on a
 *   two-core machine; a phone's WebView opening a link has no such thing.
 *
 *   pnpm --filter @family/bench bench:h5
 *
 * With BENCH_H5_BASELINE_DIR (another H5 build, e.g. one made before a change), a third BFF serves
 * it in the same alternation, so its ratio comes from one run on one machine state too.
 *
 * With BENCH_H5_LATENCY_MS, Chromium adds that latency to every request of the page (DevTools'
 * network emulation), as a phone network would; the default, 0, is localhost as it is.
 *
 * Environment: BENCH_H5_VISITS (5), BENCH_H5_SETTLE_MS (2000), BENCH_H5_LATENCY_MS (0),
 * BENCH_H5_FLOOR (1; 0 skips the floor), BENCH_H5_BASELINE_DIR (none), CHROMIUM_PATH
 * (/usr/bin/chromium), BENCH_OUTPUT (bench/results/h5-first-screen.json).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { intFromEnv, loadAverage, machineInfo, median, printLoadAverage, round, writeResults } from './lib/measure.js';
import { runBenchmark, stopAll } from './lib/processes.js';
import { bffEnv, startBff, startSandboxProcess } from './lib/stack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const MINIAPP_DIR = path.resolve(BENCH_DIR, '../apps/miniapp');
const H5_DIST = path.join(MINIAPP_DIR, 'dist/h5');
const FLOOR_SOURCE = path.join(BENCH_DIR, 'h5-floor');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const visits = intFromEnv('BENCH_H5_VISITS', 5);
const settleMs = intFromEnv('BENCH_H5_SETTLE_MS', 2000);
const latencyMs = intFromEnv('BENCH_H5_LATENCY_MS', 0);
const withFloor = process.env.BENCH_H5_FLOOR !== '0';
const baselineDir = process.env.BENCH_H5_BASELINE_DIR ? path.resolve(process.env.BENCH_H5_BASELINE_DIR) : null;
const GOAL_MS = 700;
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'h5-first-screen.json'));
const SIGNAL = 'first-product-visible';
const APP_SIGNAL = 'app-product-rendered';

/** Builds the floor app into `workDir` with the mini-program's Taro, precompressed as the app's. */
function buildFloor(workDir: string): string {
  const project = path.join(workDir, 'h5-floor');
  cpSync(FLOOR_SOURCE, project, { recursive: true });
  // The app's toolchain (Taro CLI, its React preset and runner) resolves from the project.
  symlinkSync(path.join(MINIAPP_DIR, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'h5-floor', private: true }));
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(path.join(project, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: project,
    env,
    stdio: 'pipe',
  });
  const dist = path.join(project, 'dist/h5');
  execFileSync(process.execPath, [path.join(MINIAPP_DIR, 'scripts/precompress-h5.mjs'), dist], { stdio: 'pipe' });
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`the floor app did not build into ${dist}`);
  return dist;
}

/** What a visit measured, in milliseconds from navigation start. */
interface Visit {
  /** The first product visible: the app's card, or one the BFF wrote into the document (decision 021). */
  readonly visibleMs: number;
  /** The app's own first card (`#app .product-card`): rendered by the app, and answering its taps. */
  readonly appMs: number;
}

/** The first products seen in a fresh context (see `Visit`). */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    if (latencyMs > 0) {
      const devtools = await context.newCDPSession(page);
      await devtools.send('Network.enable');
      await devtools.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: latencyMs,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    // Runs in the page (this package is compiled without the DOM's types, hence the casts).
    await page.addInitScript(
      ({ visible, app }: { visible: string; app: string }) => {
        type Element = { offsetParent: unknown };
        type Port = { onmessage: (() => void) | null; postMessage(message: unknown): void };
        const scope = globalThis as unknown as {
          document: { querySelectorAll(selector: string): ArrayLike<Element> };
          requestAnimationFrame(callback: () => void): void;
          MessageChannel: new () => { port1: Port; port2: Port };
          scheduler?: { postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void> };
        };
        const laidOut = (selector: string): boolean =>
          Array.from(scope.document.querySelectorAll(selector)).some((card) => card.offsetParent !== null);
        // Runs after this frame's remaining callbacks and its rendering: when the card is painted. First
        // among the tasks waiting then (user-blocking), so a script that arrived meanwhile is not counted.
        const afterFrame = (signal: string): void => {
          const report = (): void => console.log(signal, performance.now());
          if (scope.scheduler) {
            void scope.scheduler.postTask(report, { priority: 'user-blocking' });
            return;
          }
          const channel = new scope.MessageChannel();
          channel.port1.onmessage = report;
          channel.port2.postMessage(null);
        };
        const pending = [
          { signal: visible, selector: '.product-card, .first-screen-product' },
          { signal: app, selector: '#app .product-card' },
        ];
        const check = (): void => {
          for (const wanted of pending.slice()) {
            if (!laidOut(wanted.selector)) continue;
            pending.splice(pending.indexOf(wanted), 1);
            afterFrame(wanted.signal);
          }
          if (pending.length > 0) scope.requestAnimationFrame(check);
        };
        scope.requestAnimationFrame(check);
      },
      { visible: SIGNAL, app: APP_SIGNAL },
    );
    const heard = (signal: string): Promise<number> => {
      const seen = page.waitForEvent('console', {
        predicate: (message) => message.text().startsWith(`${signal} `),
        timeout: 30_000,
      });
      const moment = seen.then((message) => Number(message.text().slice(signal.length + 1)));
      // Awaited below; if navigating fails first, closing the context rejects it too, unheard.
      moment.catch(() => undefined);
      return moment;
    };
    const visible = heard(SIGNAL);
    const app = heard(APP_SIGNAL);
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    return { visibleMs: await visible, appMs: await app };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(H5_DIST, 'index.html')))
    throw new Error(`${H5_DIST} is missing: pnpm --filter @family/miniapp build:h5 first`);
  const machine = machineInfo();
  console.log(`H5 first screen — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(`1-min load average now ${machine.loadAverageAtStart}`);
  if (latencyMs > 0) console.log(`every request of the page delayed by ${latencyMs} ms (network emulation)`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'bench-h5-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const floorDir = withFloor ? buildFloor(workDir) : null;
    const sandbox = await startSandboxProcess('production');
    const targets: { name: string; label: string; url: string; samples: number[]; appSamples: number[] }[] = [];
    /** A BFF of its own serving the H5 build in `dir`, visited as `name`. */
    const add = async (name: string, label: string, dir: string): Promise<void> => {
      const bff = await startBff(
        `bff-h5-${name}`,
        {
          ...bffEnv({ nodeEnv: 'production', logLevel: 'warn', sandboxUrl: sandbox.url }),
          TRUSTED_DOCUMENTS: 'enforce',
          H5_DIST_DIR: dir,
        },
        workDir,
      );
      targets.push({ name, label, url: bff.url, samples: [], appSamples: [] });
    };
    await add('app', '', H5_DIST);
    if (floorDir) await add('floor', ' (Taro floor)', floorDir);
    if (baselineDir) await add('baseline', ' (baseline)', baselineDir);
    for (const target of targets)
      console.log(
        `  warm-up visit${target.label || ' (app)'}: ${(await visit(browser, target.url)).visibleMs.toFixed(0)} ms, discarded`,
      );
    for (let i = 1; i <= visits; i++) {
      // Alternating: each build goes first in turn, so all see the same machine state.
      const order = targets.map((_, k) => targets[(k + i - 1) % targets.length]);
      for (const target of order) {
        const { visibleMs, appMs } = await visit(browser, target.url);
        target.samples.push(round(visibleMs, 1));
        target.appSamples.push(round(appMs, 1));
        console.log(
          `  visit ${i}/${visits}${target.label}: first product visible after ${visibleMs.toFixed(0)} ms, ` +
            `the app's own after ${appMs.toFixed(0)} ms  (load ${loadAverage()})`,
        );
      }
    }
    const samplesOf = (name: string, of: 'samples' | 'appSamples' = 'samples'): number[] | null =>
      targets.find((target) => target.name === name)?.[of] ?? null;
    const medianOf = (name: string, of: 'samples' | 'appSamples' = 'samples'): number | null => {
      const samples = samplesOf(name, of);
      return samples ? round(median(samples), 1) : null;
    };
    const result = medianOf('app') as number;
    const floor = medianOf('floor');
    const baselineResult = medianOf('baseline');
    const appResult = medianOf('app', 'appSamples') as number;
    const floorApp = medianOf('floor', 'appSamples');
    const baselineApp = medianOf('baseline', 'appSamples');
    machine.loadAverageAtEnd = loadAverage();
    console.log(
      `\nfirst product visible, median of ${visits} fresh contexts: ${result} ms (goal ≤ ${GOAL_MS} ms; ratio to goal ${round(result / GOAL_MS, 2)})`,
    );
    if (floor !== null)
      console.log(`Taro's floor (bench/h5-floor), same run: ${floor} ms; app / floor: ${round(result / floor, 2)}`);
    if (baselineResult !== null)
      console.log(
        `baseline build, same run: ${baselineResult} ms; this build / baseline: ${round(result / baselineResult, 3)}`,
      );
    // Written into the document, a product shows before the app has run; this is when the app has.
    console.log(
      `the app's own first product (rendered by the app, answering taps): ${appResult} ms` +
        (floorApp !== null ? `; / floor ${round(appResult / floorApp, 2)}` : '') +
        (baselineApp !== null ? `; / baseline ${round(appResult / baselineApp, 3)}` : ''),
    );
    printLoadAverage(machine);
    writeResults(outputFile, {
      machine,
      visits,
      settleMs,
      latencyMs,
      samplesMs: samplesOf('app'),
      medianMs: result,
      appSamplesMs: samplesOf('app', 'appSamples'),
      appMedianMs: appResult,
      goalMs: GOAL_MS,
      ...(floor !== null
        ? { floorSamplesMs: samplesOf('floor'), floorMedianMs: floor, floorAppMedianMs: floorApp }
        : {}),
      ...(baselineResult !== null
        ? {
            baselineDir,
            baselineSamplesMs: samplesOf('baseline'),
            baselineMedianMs: baselineResult,
            baselineAppMedianMs: baselineApp,
          }
        : {}),
    });
  } finally {
    await browser.close();
    await stopAll().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
