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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { QUERY, REQUEST_BODY, expectedData } from './drivers/fixture.js';
import { TARGETS, TARGET_LABELS, type TargetName } from './drivers/targets.js';
import {
  type HttpRequestSpec,
  type Sample,
  type Summary,
  loadAverage,
  loadSettingsFromEnv,
  machineInfo,
  printLoadAverage,
  printTable,
  round,
  sample,
  summarise,
  versionOf,
  warmUp,
  writeResults,
} from './lib/measure.js';
import { forkServer, killChildrenOnSignals, stopAll } from './lib/processes.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const SERVER_SCRIPT = path.join(HERE, 'drivers', 'server.js');

const settings = loadSettingsFromEnv();
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
  readonly port: number;
  readonly url: string;
  readonly request: HttpRequestSpec;
}

/** A target's figures over all rounds: medians of the rounds' figures, sums of their counts. */
interface TargetResult extends Summary {
  target: TargetName;
  label: string;
  url: string;
  bytesPerResponse: number;
  samples: Sample[];
}

async function startTarget(name: TargetName): Promise<RunningTarget> {
  // Servers run as in production (Apollo, for one, switches off its dev-only behaviour).
  const { port } = await forkServer(name, SERVER_SCRIPT, [name], { ...process.env, NODE_ENV: serverNodeEnv });
  const graphql = name !== 'fastify-bare';
  const url = graphql ? `http://127.0.0.1:${port}/graphql` : `http://127.0.0.1:${port}/`;
  return {
    name,
    port,
    url,
    request: graphql
      ? { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: REQUEST_BODY }
      : { url, method: 'GET', headers: {} },
  };
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

function summariseTarget(target: RunningTarget, bytesPerResponse: number, samples: Sample[]): TargetResult {
  return {
    target: target.name,
    label: TARGET_LABELS[target.name],
    url: target.url,
    ...summarise(samples),
    bytesPerResponse,
    samples,
  };
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

const ratio = (a: TargetResult | undefined, b: TargetResult | undefined): number | null =>
  a && b && b.requestsPerSecond > 0 ? round(a.requestsPerSecond / b.requestsPerSecond, 3) : null;

function printResults(results: TargetResult[]): void {
  printTable([
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
  ]);
}

async function main(): Promise<void> {
  const versions = Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)]));
  const machine = machineInfo();
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
      if (round === 1) await warmUp(target.name, target.request, settings);
      samples.get(target.name)?.push(await sample(target.name, target.request, settings, round));
    }
  }
  // Still answering correctly after all that load?
  const results: TargetResult[] = [];
  for (const target of running) {
    const bytesPerResponse = await verify(target);
    results.push(summariseTarget(target, bytesPerResponse, samples.get(target.name) ?? []));
  }
  await stopAll();
  machine.loadAverageAtEnd = loadAverage();

  const byName = (name: TargetName): TargetResult | undefined => results.find((r) => r.target === name);
  const ratios = {
    'mercurius-jit / apollo': ratio(byName('mercurius-jit'), byName('apollo')),
    'mercurius-jit / fastify-bare': ratio(byName('mercurius-jit'), byName('fastify-bare')),
    'mercurius-jit / mercurius-nojit': ratio(byName('mercurius-jit'), byName('mercurius-nojit')),
    'mercurius-nojit / apollo': ratio(byName('mercurius-nojit'), byName('apollo')),
    'apollo / fastify-bare': ratio(byName('apollo'), byName('fastify-bare')),
  };

  console.log('');
  printResults(results);
  console.log(`(req/s, p50, p99, avg: median of ${settings.rounds} round(s); errors, non-2xx, requests: sums)`);
  console.log('\nreq/s ratios (medians):');
  for (const [name, value] of Object.entries(ratios)) console.log(`  ${name.padEnd(34)} ${value ?? 'n/a'}`);

  printLoadAverage(machine);
  writeResults(outputFile, {
    machine,
    versions,
    settings: { ...settings, serverNodeEnv },
    query: QUERY,
    results,
    ratios,
  });

  const failed = results.filter((r) => r.errors + r.timeouts + r.non2xx > 0);
  if (failed.length > 0) {
    throw new Error(`errors or non-2xx answers under load: ${failed.map((r) => r.target).join(', ')}`);
  }
}

killChildrenOnSignals();

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error('\nBENCHMARK FAILED:', error instanceof Error ? error.message : error);
    await stopAll().catch(() => undefined);
    process.exit(1);
  },
);
