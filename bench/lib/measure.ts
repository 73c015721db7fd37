/**
 * What every benchmark in this package shares: settings from the environment, one autocannon run
 * turned into a `Sample`, medians over rounds, the machine and package versions, and a text table.
 * Keeping it in one place keeps the benchmarks' methods identical, so their figures can be compared.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The load every target of one benchmark gets: the same for each, so figures compare. */
export interface LoadSettings {
  /** Seconds measured per target and round. */
  readonly durationSeconds: number;
  /** Seconds of discarded warm-up per target, before its first round. */
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Requests in flight per connection. */
  readonly pipelining: number;
  /** Each round measures every target once; figures are medians of the rounds. */
  readonly rounds: number;
}

/** BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_PIPELINING, BENCH_ROUNDS (defaults 10, 2, 10, 1, 3). */
export function loadSettingsFromEnv(): LoadSettings {
  return {
    durationSeconds: intFromEnv('BENCH_DURATION', 10),
    warmupSeconds: intFromEnv('BENCH_WARMUP', 2),
    connections: intFromEnv('BENCH_CONNECTIONS', 10),
    pipelining: intFromEnv('BENCH_PIPELINING', 1),
    rounds: Math.max(1, intFromEnv('BENCH_ROUNDS', 3)),
  };
}

/** How autocannon asks a target. */
export interface HttpRequestSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** One autocannon run against one target. */
export interface Sample {
  round: number;
  requestsPerSecond: number;
  requestsPerSecondStddev: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number; max: number };
  totalRequests: number;
  responses2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
}

/** A target's figures over all rounds: medians of the rounds' figures, sums of their counts. */
export interface Summary {
  requestsPerSecond: number;
  requestsPerSecondMin: number;
  requestsPerSecondMax: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number };
  totalRequests: number;
  responses2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export function cannon(
  request: HttpRequestSpec,
  settings: LoadSettings,
  durationSeconds: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: durationSeconds,
  });
}

/** Discarded load before a target's first round (JIT, caches, connection pools). */
export async function warmUp(name: string, request: HttpRequestSpec, settings: LoadSettings): Promise<void> {
  if (settings.warmupSeconds === 0) return;
  process.stdout.write(`  ${name}: warming up ${settings.warmupSeconds} s… `);
  const warm = await cannon(request, settings, settings.warmupSeconds);
  process.stdout.write(`${Math.round(warm.requests.average)} req/s (discarded)\n`);
}

/** One measured run; prints a line, with the failed requests if there were any. */
export async function sample(
  name: string,
  request: HttpRequestSpec,
  settings: LoadSettings,
  round: number,
): Promise<Sample> {
  process.stdout.write(`  ${name}: measuring ${settings.durationSeconds} s… `);
  const result = await cannon(request, settings, settings.durationSeconds);
  const measured = sampleOf(result, round);
  const failures = result.errors + result.timeouts + result.non2xx;
  process.stdout.write(
    `${Math.round(result.requests.average)} req/s, p50 ${measured.latencyMs.p50} ms, p99 ${measured.latencyMs.p99} ms` +
      (failures > 0 ? `, ${failures} FAILED REQUESTS` : '') +
      '\n',
  );
  return measured;
}

/** One autocannon result as a `Sample` of the given round. */
export function sampleOf(result: autocannon.Result, round: number): Sample {
  const latency = result.latency as autocannon.Result['latency'] & { p50: number; p90: number; p99: number };
  return {
    round,
    requestsPerSecond: result.requests.average,
    requestsPerSecondStddev: result.requests.stddev,
    latencyMs: { p50: latency.p50, p90: latency.p90, p99: latency.p99, average: latency.average, max: latency.max },
    totalRequests: result.requests.total,
    responses2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function summarise(samples: readonly Sample[]): Summary {
  const sum = (pick: (s: Sample) => number): number => samples.reduce((total, s) => total + pick(s), 0);
  const rps = samples.map((s) => s.requestsPerSecond);
  return {
    requestsPerSecond: median(rps),
    requestsPerSecondMin: Math.min(...rps),
    requestsPerSecondMax: Math.max(...rps),
    latencyMs: {
      p50: median(samples.map((s) => s.latencyMs.p50)),
      p90: median(samples.map((s) => s.latencyMs.p90)),
      p99: median(samples.map((s) => s.latencyMs.p99)),
      average: round(median(samples.map((s) => s.latencyMs.average))),
    },
    totalRequests: sum((s) => s.totalRequests),
    responses2xx: sum((s) => s.responses2xx),
    non2xx: sum((s) => s.non2xx),
    errors: sum((s) => s.errors),
    timeouts: sum((s) => s.timeouts),
  };
}

/** Version of an installed package, read from its package.json (some packages do not export it). */
export function versionOf(name: string): string {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {
        // no package.json here; keep climbing
      }
      const parent = path.dirname(dir);
      if (parent === dir) return 'unknown';
      dir = parent;
    }
  } catch {
    return 'not installed';
  }
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryGiB: number;
  platform: string;
  node: string;
  /** Other work on the machine skews the figures: the 1-minute load average before and after. */
  loadAverageAtStart: number;
  loadAverageAtEnd: number;
}

export function machineInfo(): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: round(os.loadavg()[0]),
    loadAverageAtEnd: 0,
  };
}

/** Prints the 1-minute load average at the run's start and end, as every benchmark reports it. */
export function printLoadAverage(machine: MachineInfo): void {
  console.log(`1-min load average: ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end`);
}

/**
 * Writes a benchmark's results as JSON to `file` (`generatedAt` first, then `results` in order),
 * creating its folder, and says where (bench:summary reads them).
 */
export function writeResults(file: string, results: Record<string, unknown>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...results }, null, 2)}\n`);
  console.log(`results written to ${path.relative(process.cwd(), file) || file}`);
}

export const loadAverage = (): number => round(os.loadavg()[0]);

/** Prints rows as a table: the first row is the header, the first column left-aligned. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}
