/**
 * Memory under load (issue 11): one real BFF (production settings, lib/stack.ts) answers the home
 * page request (the response cache's page) to BENCH_MEMORY_CONNECTIONS (200) connections for
 * BENCH_MEMORY_SECONDS (60 s). Its heap is read after a forced garbage collection before and after the
 * load, through a bench-only preload (memory/heap-probe.ts, `--expose-gc`, a port of its own): the
 * BFF has no route for it. Goal: heap used after within 10 % of before; no error and no answer but 200 or 429.
 *
 *   pnpm --filter @family/bench bench:memory     (bench:memory:quick: 5 s, a smoke check)
 *
 * Environment: BENCH_MEMORY_SECONDS (60), BENCH_MEMORY_CONNECTIONS (200), BENCH_OUTPUT
 * (bench/results/memory.json).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { intFromEnv, loadAverage, machineInfo, printLoadAverage, round, writeResults } from './lib/measure.js';
import { runBenchmark, stopAll } from './lib/processes.js';
import { homePageRequest } from './lib/products-page.js';
import {
  bffEnv,
  gitState,
  problemsLogged,
  residentMemoryMb,
  startBff,
  startSandboxProcess,
  tail,
} from './lib/stack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const PROBE = path.join(HERE, 'memory', 'heap-probe.js');
const seconds = intFromEnv('BENCH_MEMORY_SECONDS', 60);
const connections = intFromEnv('BENCH_MEMORY_CONNECTIONS', 200);
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'memory.json'));
export const MEMORY_GOAL_RATIO = 1.1;

interface HeapReading {
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly rss: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

async function readHeap(file: string): Promise<HeapReading> {
  const started = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - started > 10_000) throw new Error('the heap probe did not start within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const port = readFileSync(file, 'utf8').trim();
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return (await response.json()) as HeapReading;
}

const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);

async function main(): Promise<void> {
  const machine = machineInfo();
  const source = gitState();
  console.log(
    `Memory benchmark — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, commit ${source.commit.slice(0, 12)}`,
  );
  console.log(
    `${connections} connections for ${seconds} s on the home page request; 1-min load average now ${machine.loadAverageAtStart}`,
  );
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
  const heapFile = path.join(logDir, 'heap.json');
  let logFile: string | undefined;
  try {
    const sandbox = await startSandboxProcess('production');
    const bff = await startBff(
      'bff-memory',
      { ...bffEnv({ nodeEnv: 'production', logLevel: 'warn', sandboxUrl: sandbox.url }), BENCH_HEAP_FILE: heapFile },
      logDir,
      ['--expose-gc', '--import', PROBE],
    );
    logFile = bff.logFile;
    const pid = bff.child.pid;
    if (pid === undefined) throw new Error('no BFF pid');
    const request = homePageRequest(bff.graphqlUrl);
    // Warm: the catalogue and the answer cached, the code paths compiled, before the first reading.
    const warm = await autocannon({
      url: request.url,
      method: request.method,
      headers: request.headers,
      connections: 10,
      duration: 3,
    });
    if (warm.non2xx > 0 || warm.errors > 0) throw new Error(`warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
    const before = await readHeap(heapFile);
    console.log(`  heap used before: ${mb(before.heapUsed)} MB (RSS ${mb(before.rss)} MB)`);
    const result = await autocannon({
      url: request.url,
      method: request.method,
      headers: request.headers,
      connections,
      duration: seconds,
    });
    const after = await readHeap(heapFile);
    const rss = residentMemoryMb(pid);
    const statuses = Object.fromEntries(
      Object.entries(
        (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
      ).map(([status, stats]) => [status, stats.count]),
    );
    const unexpected = Object.entries(statuses).filter(([status]) => status !== '200' && status !== '429');
    const problems = await problemsLogged(bff.logFile);
    await stopAll();
    machine.loadAverageAtEnd = loadAverage();
    const ratio = round(after.heapUsed / before.heapUsed, 3);
    console.log(
      `  heap used after:  ${mb(after.heapUsed)} MB (RSS ${mb(after.rss)} MB, peak RSS ${rss?.peakRssMb ?? '?'} MB)`,
    );
    console.log(
      `  ${result.requests.total} requests, ${round(result.requests.average, 0)} req/s, p99 ${result.latency.p99} ms; ` +
        `statuses ${JSON.stringify(statuses)}; errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    console.log(`\nheap used after / before: ${ratio} (goal ≤ ${MEMORY_GOAL_RATIO}; within 10 %)`);
    printLoadAverage(machine);
    writeResults(outputFile, {
      machine,
      source,
      seconds,
      connections,
      heapBefore: before,
      heapAfter: after,
      heapRatio: ratio,
      goalRatio: MEMORY_GOAL_RATIO,
      peakRssMb: rss?.peakRssMb ?? null,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p99: result.latency.p99,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      bffWarnings: problems.count,
    });
    if (result.errors + result.timeouts > 0 || unexpected.length > 0)
      throw new Error(
        `errors (${result.errors + result.timeouts}) or answers other than 200 and 429: ${JSON.stringify(unexpected)}`,
      );
    if (problems.count > 0)
      throw new Error(`the BFF logged ${problems.count} warning(s):\n${problems.first.join('\n')}`);
  } catch (error) {
    if (logFile) console.error(`--- BFF log ---\n${tail(logFile)}`);
    throw error;
  } finally {
    await stopAll().catch(() => undefined);
    rmSync(logDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
