/**
 * GraphQL driver benchmark: the BFF's real ProductsResolver served by NestJS on Fastify through
 * @nestjs/mercurius (graphql-jit) and through @nestjs/apollo, plus a bare Fastify route for
 * reference. Backs docs/decisions/001-graphql-driver.md.
 *
 * Each server runs in its own child process (dist/drivers/server.js); this process only generates
 * load with autocannon, one target at a time (never in parallel: the machine has 2 cores, one for
 * the server under test and one for the load generator).
 *
 *   pnpm --filter @family/bench bench:drivers
 *
 * Environment (all optional):
 *   BENCH_DURATION     seconds measured per target and round (default 10)
 *   BENCH_WARMUP       seconds of warm-up per target, discarded (default 2)
 *   BENCH_ROUNDS       rounds; each measures every target once, figures are medians (default 3)
 *   BENCH_CONNECTIONS  concurrent connections (default 10)
 *   BENCH_PIPELINING   requests in flight per connection (default 1)
 *   BENCH_TARGETS      comma-separated subset of fastify-bare,mercurius-jit,mercurius-nojit,apollo
 *   BENCH_NODE_ENV     NODE_ENV of the server processes (default production)
 *   BENCH_OUTPUT       where to write the JSON results (default bench/results/graphql-drivers.json)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { QUERY, REQUEST_BODY, expectedData } from './drivers/fixture.js';
import { TARGETS, TARGET_LABELS, type TargetName } from './drivers/targets.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const SERVER_SCRIPT = path.join(HERE, 'drivers', 'server.js');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const settings = {
  durationSeconds: intFromEnv('BENCH_DURATION', 10),
  warmupSeconds: intFromEnv('BENCH_WARMUP', 2),
  connections: intFromEnv('BENCH_CONNECTIONS', 10),
  pipelining: intFromEnv('BENCH_PIPELINING', 1),
  rounds: Math.max(1, intFromEnv('BENCH_ROUNDS', 3)),
};
const selected: TargetName[] = (process.env.BENCH_TARGETS ?? TARGETS.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean)
  .map((name) => {
    if (!(TARGETS as readonly string[]).includes(name)) throw new Error(`BENCH_TARGETS: unknown target "${name}"`);
    return name as TargetName;
  });
const serverNodeEnv = process.env.BENCH_NODE_ENV ?? 'production';
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'graphql-drivers.json'));

interface RunningTarget {
  readonly name: TargetName;
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  readonly request: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string };
}

/** One autocannon run against one target. */
interface Sample {
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
interface TargetResult {
  target: TargetName;
  label: string;
  url: string;
  requestsPerSecond: number;
  requestsPerSecondMin: number;
  requestsPerSecondMax: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number };
  totalRequests: number;
  responses2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  samples: Sample[];
}

const children = new Set<ChildProcess>();

function startTarget(name: TargetName): Promise<RunningTarget> {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER_SCRIPT, [name], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
      // Servers run as in production (Apollo, for one, switches off its dev-only behaviour).
      env: { ...process.env, NODE_ENV: serverNodeEnv },
    });
    children.add(child);
    const timer = setTimeout(() => reject(new Error(`${name}: not ready within 60 s`)), 60_000);
    child.once('exit', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`${name}: server exited before it was ready (code ${code}, signal ${signal})`));
    });
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type !== 'ready' || typeof message.port !== 'number') return;
      clearTimeout(timer);
      const port = message.port;
      const graphql = name !== 'fastify-bare';
      resolve({
        name,
        child,
        port,
        url: graphql ? `http://127.0.0.1:${port}/graphql` : `http://127.0.0.1:${port}/`,
        request: graphql
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: REQUEST_BODY }
          : { method: 'GET', headers: {} },
      });
    });
  });
}

async function stopTarget(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'close' });
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    console.warn(`server ${child.pid} did not close within 5 s; killing it`);
    child.kill('SIGKILL');
    await exited;
  }
  children.delete(child);
}

async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopTarget));
}

/** One real request, checked in full: status 200 and exactly the expected data. Throws otherwise. */
async function verify(target: RunningTarget): Promise<number> {
  const response = await fetch(target.url, {
    method: target.request.method,
    headers: target.request.headers,
    body: target.request.body,
  });
  const text = await response.text();
  const fail = (why: string): never => {
    throw new Error(`${target.name}: ${why}\n  status ${response.status}\n  body ${text.slice(0, 2000)}`);
  };
  if (response.status !== 200) fail('expected HTTP 200');
  let body: { data?: unknown; errors?: unknown[]; hello?: string };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return fail('response is not JSON');
  }
  if (target.name === 'fastify-bare') {
    if (body.hello !== 'world') fail('expected {"hello":"world"}');
  } else {
    if (Array.isArray(body.errors) && body.errors.length > 0) fail('response carries GraphQL errors');
    if (!isDeepStrictEqual(body.data, expectedData())) fail('data differs from the fixed listing');
  }
  return Buffer.byteLength(text);
}

function cannon(target: RunningTarget, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: target.request.method,
    headers: target.request.headers,
    body: target.request.body,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: durationSeconds,
  });
}

async function warmUp(target: RunningTarget): Promise<void> {
  if (settings.warmupSeconds === 0) return;
  process.stdout.write(`  ${target.name}: warming up ${settings.warmupSeconds} s… `);
  const warm = await cannon(target, settings.warmupSeconds);
  process.stdout.write(`${Math.round(warm.requests.average)} req/s (discarded)\n`);
}

async function sample(target: RunningTarget, round: number): Promise<Sample> {
  process.stdout.write(`  ${target.name}: measuring ${settings.durationSeconds} s… `);
  const result = await cannon(target, settings.durationSeconds);
  const latency = result.latency as autocannon.Result['latency'] & { p50: number; p90: number; p99: number };
  const failures = result.errors + result.timeouts + result.non2xx;
  process.stdout.write(
    `${Math.round(result.requests.average)} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms` +
      (failures > 0 ? `, ${failures} FAILED REQUESTS` : '') +
      '\n',
  );
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(target: RunningTarget, bytesPerResponse: number, samples: Sample[]): TargetResult {
  const sum = (pick: (s: Sample) => number): number => samples.reduce((total, s) => total + pick(s), 0);
  const rps = samples.map((s) => s.requestsPerSecond);
  return {
    target: target.name,
    label: TARGET_LABELS[target.name],
    url: target.url,
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
    bytesPerResponse,
    samples,
  };
}

/** Version of an installed package, read from its package.json (some packages do not export it). */
function versionOf(name: string): string {
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

const PACKAGES = [
  '@nestjs/core',
  '@nestjs/platform-fastify',
  '@nestjs/graphql',
  '@nestjs/mercurius',
  'mercurius',
  'graphql-jit',
  '@nestjs/apollo',
  '@apollo/server',
  '@as-integrations/fastify',
  'fastify',
  'graphql',
  'autocannon',
];

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
const ratio = (a: TargetResult | undefined, b: TargetResult | undefined): number | null =>
  a && b && b.requestsPerSecond > 0 ? round(a.requestsPerSecond / b.requestsPerSecond, 3) : null;

function printTable(results: TargetResult[]): void {
  const rows = [
    ['target', 'req/s', 'rounds min–max', 'p50 ms', 'p99 ms', 'avg ms', 'errors', 'non-2xx', 'requests', 'bytes/resp'],
    ...results.map((r) => [
      r.target,
      r.requestsPerSecond.toFixed(0),
      `${r.requestsPerSecondMin.toFixed(0)}–${r.requestsPerSecondMax.toFixed(0)}`,
      String(r.latencyMs.p50),
      String(r.latencyMs.p99),
      r.latencyMs.average.toFixed(2),
      String(r.errors + r.timeouts),
      String(r.non2xx),
      String(r.totalRequests),
      String(r.bytesPerResponse),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main(): Promise<void> {
  const versions = Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)]));
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // Other work on the machine skews the figures: the 1-minute load average before and after.
    loadAverageAtStart: round(os.loadavg()[0]),
    loadAverageAtEnd: 0,
  };
  console.log(`GraphQL driver benchmark — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(
    `${settings.rounds} round(s) of ${settings.durationSeconds} s per target after a ${settings.warmupSeconds} s warm-up; ` +
      `${settings.connections} connections, pipelining ${settings.pipelining}; servers with NODE_ENV=${serverNodeEnv}`,
  );
  console.log(`targets: ${selected.join(', ')}; 1-min load average now ${machine.loadAverageAtStart}\n`);

  // Boot every target first (each in its own process, on its own free port) and check that each one
  // answers correctly, so a broken target fails the run before any time is spent measuring.
  const running: RunningTarget[] = [];
  for (const name of selected) {
    const target = await startTarget(name);
    await verify(target);
    console.log(`  ${name}: ready on ${target.url}, answer verified`);
    running.push(target);
  }
  console.log('');

  // Rounds interleave the targets, so a burst of other work on the machine hits one round of every
  // target rather than all of one target's figures; each target reports the median of its rounds.
  const samples = new Map<TargetName, Sample[]>(running.map((target) => [target.name, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    console.log(`round ${round}/${settings.rounds}`);
    for (const target of running) {
      if (round === 1) await warmUp(target);
      samples.get(target.name)?.push(await sample(target, round));
    }
  }
  // Still answering correctly after all that load?
  const results: TargetResult[] = [];
  for (const target of running) {
    const bytesPerResponse = await verify(target);
    results.push(summarise(target, bytesPerResponse, samples.get(target.name) ?? []));
  }
  await stopAll();
  machine.loadAverageAtEnd = round(os.loadavg()[0]);

  const byName = (name: TargetName): TargetResult | undefined => results.find((r) => r.target === name);
  const ratios = {
    'mercurius-jit / apollo': ratio(byName('mercurius-jit'), byName('apollo')),
    'mercurius-jit / fastify-bare': ratio(byName('mercurius-jit'), byName('fastify-bare')),
    'mercurius-jit / mercurius-nojit': ratio(byName('mercurius-jit'), byName('mercurius-nojit')),
    'mercurius-nojit / apollo': ratio(byName('mercurius-nojit'), byName('apollo')),
    'apollo / fastify-bare': ratio(byName('apollo'), byName('fastify-bare')),
  };

  console.log('');
  printTable(results);
  console.log(`(req/s, p50, p99, avg: median of ${settings.rounds} round(s); errors, non-2xx, requests: sums)`);
  console.log('\nreq/s ratios (medians):');
  for (const [name, value] of Object.entries(ratios)) console.log(`  ${name.padEnd(34)} ${value ?? 'n/a'}`);

  mkdirSync(path.dirname(outputFile), { recursive: true });
  writeFileSync(
    outputFile,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, versions, settings: { ...settings, serverNodeEnv }, query: QUERY, results, ratios }, null, 2)}\n`,
  );
  console.log(`\n1-min load average: ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end`);
  console.log(`results written to ${path.relative(process.cwd(), outputFile) || outputFile}`);

  const failed = results.filter((r) => r.errors + r.timeouts + r.non2xx > 0);
  if (failed.length > 0) {
    throw new Error(`errors or non-2xx answers under load: ${failed.map((r) => r.target).join(', ')}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error('\nBENCHMARK FAILED:', error instanceof Error ? error.message : error);
    await stopAll().catch(() => undefined);
    process.exit(1);
  },
);
