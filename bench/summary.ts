/**
 * The issue's goals (issue 11) from the results the benchmarks just wrote (bench/results/*.json):
 * every figure, its ratio or difference, the goal, and the 1-minute load average of its run. Run
 * last by `pnpm --filter @family/bench bench`; figures come from separate runs, each ratio from
 * within one run (docs/performance.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, round } from './lib/measure.js';

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

function read<T>(name: string): T | null {
  const file = path.join(RESULTS, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

interface Machine {
  loadAverageAtStart: number;
  loadAverageAtEnd?: number;
}
const load = (machine: Machine | undefined): string =>
  machine ? `${machine.loadAverageAtStart}→${machine.loadAverageAtEnd ?? '?'}` : '–';
const verdict = (met: boolean | null): string => (met === null ? 'not run' : met ? 'met' : 'NOT MET');

function main(): void {
  const rows: string[][] = [['goal', 'figure', 'baseline', 'ratio / difference', 'goal', 'verdict', 'load (1 min)']];

  const catalogue = read<{
    machine: Machine;
    results: { target: string; requestsPerSecond: number; latencyMs: { p99: number } }[];
    upstream: { slowestInsurer: { loadMs: number } };
  }>('catalogue.json');
  if (catalogue) {
    const of = (name: string) => catalogue.results.find((result) => result.target === name);
    const cached = of('bff-response-cache');
    const same = of('node-same-bytes');
    const uncached = of('bff-uncached');
    if (cached && same) {
      const ratio = round(cached.requestsPerSecond / same.requestsPerSecond, 3);
      rows.push([
        'cached home page vs same bytes (req/s)',
        `${round(cached.requestsPerSecond, 0)} req/s, p99 ${cached.latencyMs.p99} ms`,
        `${round(same.requestsPerSecond, 0)} req/s, p99 ${same.latencyMs.p99} ms`,
        String(ratio),
        '≥ 0.60',
        verdict(ratio >= 0.6),
        load(catalogue.machine),
      ]);
    }
    if (uncached) {
      const over = round(uncached.latencyMs.p99 - catalogue.upstream.slowestInsurer.loadMs, 1);
      rows.push([
        'uncached p99 vs slowest insurer (12 insurers, 50–200 ms)',
        `p99 ${uncached.latencyMs.p99} ms`,
        `slowest ${catalogue.upstream.slowestInsurer.loadMs} ms`,
        `+${over} ms`,
        '≤ +30 ms',
        verdict(over <= 30),
        load(catalogue.machine),
      ]);
    }
  } else rows.push(['catalogue (bench:catalogue)', '–', '–', '–', '–', verdict(null), '–']);

  const h5 = read<{
    machine: Machine;
    medianMs: number;
    appMedianMs?: number;
    floorMedianMs?: number;
    floorAppMedianMs?: number;
    baselineMedianMs?: number;
    goalMs?: number;
  }>('h5-first-screen.json');
  // The goal (≤ 700 ms) was set when Taro's floor took about 600 ms on these machines: the app's
  // first screen within 700 / 600 of the floor measured in the same run says the same on any machine.
  const FLOOR_GOAL = round(700 / 600, 2);
  rows.push(
    h5
      ? [
          'H5 cold first product visible (median of 5)',
          `${h5.medianMs} ms`,
          h5.floorMedianMs === undefined ? '–' : `Taro floor ${h5.floorMedianMs} ms`,
          h5.floorMedianMs === undefined
            ? `${round(h5.medianMs / 700, 2)} of goal`
            : `${round(h5.medianMs / h5.floorMedianMs, 2)} × floor`,
          `≤ 700 ms and ≤ ${FLOOR_GOAL} × floor`,
          verdict(
            h5.medianMs <= 700 && (h5.floorMedianMs === undefined || h5.medianMs / h5.floorMedianMs <= FLOOR_GOAL),
          ),
          load(h5.machine),
        ]
      : ['H5 first screen (bench:h5)', '–', '–', '–', '–', verdict(null), '–'],
  );
  // Not a goal of its own: when the first product is one the BFF wrote into the document (decision
  // 021), this says when the app itself has rendered its list and answers taps.
  if (h5?.appMedianMs !== undefined)
    rows.push([
      "H5 cold, the app's own first product (median)",
      `${h5.appMedianMs} ms`,
      h5.floorAppMedianMs == null ? '–' : `Taro floor ${h5.floorAppMedianMs} ms`,
      h5.floorAppMedianMs == null ? '–' : `${round(h5.appMedianMs / h5.floorAppMedianMs, 2)} × floor`,
      'reported',
      '–',
      load(h5.machine),
    ]);

  const memory = read<{
    machine: Machine;
    seconds: number;
    connections: number;
    heapBefore: { heapUsed: number };
    heapAfter: { heapUsed: number };
    heapRatio: number;
    statuses: Record<string, number>;
    errors: number;
    timeouts: number;
  }>('memory.json');
  if (memory) {
    const unexpected = Object.keys(memory.statuses).filter((status) => status !== '200' && status !== '429');
    const clean = memory.errors + memory.timeouts === 0 && unexpected.length === 0;
    rows.push([
      `heap after ${memory.seconds} s × ${memory.connections} connections`,
      `${round(memory.heapAfter.heapUsed / 1048576, 1)} MB`,
      `before ${round(memory.heapBefore.heapUsed / 1048576, 1)} MB`,
      String(memory.heapRatio),
      '≤ 1.10, only 200/429',
      verdict(memory.heapRatio <= 1.1 && clean) + (clean ? '' : ' (errors)'),
      load(memory.machine),
    ]);
  } else rows.push(['memory (bench:memory)', '–', '–', '–', '–', verdict(null), '–']);

  const scale = read<{
    machine: Machine;
    points: {
      insurers: number;
      listedProducts: number;
      cachedRatio: number;
      cached: { requestsPerSecond: number };
      sameBytes: { requestsPerSecond: number };
      uncached: { p99: number };
      slowestInsurer: { loadMs: number };
      uncachedP99OverSlowestMs: number | null;
      rss: {
        cached: { rssMb: number; peakRssMb: number } | null;
        uncached: { rssMb: number; peakRssMb: number } | null;
      };
      postgres?: { rss: { traffic: { rssMb: number; peakRssMb: number } | null } } | null;
      loadAverage: { start: number; end: number };
    }[];
  }>('scale.json');
  for (const point of scale?.points ?? []) {
    const at100 = point.insurers >= 100;
    const peak = Math.max(point.rss.cached?.peakRssMb ?? 0, point.rss.uncached?.peakRssMb ?? 0);
    const pointLoad = `${point.loadAverage.start}→${point.loadAverage.end}`;
    const label = `${point.insurers} insurers, ${point.listedProducts} products`;
    rows.push([
      `${label}: cached vs same bytes`,
      `${point.cached.requestsPerSecond} req/s`,
      `${point.sameBytes.requestsPerSecond} req/s`,
      String(point.cachedRatio),
      at100 ? '≥ 0.5' : '(curve)',
      at100 ? verdict(point.cachedRatio >= 0.5) : '–',
      pointLoad,
    ]);
    rows.push([
      `${label}: uncached p99 vs slowest`,
      `${point.uncached.p99} ms`,
      `${point.slowestInsurer.loadMs} ms`,
      point.uncachedP99OverSlowestMs === null ? 'none completed' : `+${point.uncachedP99OverSlowestMs} ms`,
      at100 ? '≤ +50 ms' : '(curve)',
      at100 ? verdict(point.uncachedP99OverSlowestMs !== null && point.uncachedP99OverSlowestMs <= 50) : '–',
      pointLoad,
    ]);
    // The goal is about a production BFF, on PostgreSQL; on PGlite the database is in the process too.
    const onPostgres = point.postgres?.rss.traffic?.peakRssMb;
    rows.push([
      `${label}: BFF peak RSS on PGlite`,
      `${peak} MB`,
      '–',
      `${round(peak / 300, 2)} of limit`,
      at100 ? (onPostgres === undefined ? '< 300 MB' : '(database in process)') : '(curve)',
      at100 && onPostgres === undefined ? verdict(peak < 300) : '–',
      pointLoad,
    ]);
    if (onPostgres !== undefined)
      rows.push([
        `${label}: BFF peak RSS on PostgreSQL`,
        `${onPostgres} MB`,
        '–',
        `${round(onPostgres / 300, 2)} of limit`,
        at100 ? '< 300 MB' : '(curve)',
        at100 ? verdict(onPostgres < 300) : '–',
        pointLoad,
      ]);
  }
  if (!scale) rows.push(['scale (bench:scale)', '–', '–', '–', '–', verdict(null), '–']);

  console.log('\nIssue 11 goals — figures from bench/results/*.json (each ratio measured within one run)\n');
  printTable(rows);
}

main();
