/**
 * Catalogue benchmark: what the real BFF serves a `products` page of 20 at, with the catalogue
 * cached and uncached, next to a bare Fastify hello-world. Backs docs/performance.md.
 *
 * Four processes, so no two of them share an event loop:
 *   - this one, which only generates load (autocannon) and checks answers;
 *   - the sandbox insurers (dist/catalogue/sandbox-server.js), with 50–200 ms of latency per insurer
 *     set through `POST /__control`, spread evenly over the 12 insurers in their listed order;
 *   - a bare Fastify `GET /` (the driver benchmark's `fastify-bare`, dist/drivers/server.js);
 *   - a plain Node `http` server that reads the same request as the BFF's response-cached page and
 *     answers the very bytes the BFF answered (dist/catalogue/same-bytes-server.js): the floor for a
 *     cached answer, measured next to it in the same run;
 *   - two real BFF processes (`node apps/bff/dist/main.js`, NODE_ENV=production, PGlite in memory,
 *     INSURER_SECRETS from the sandbox, SEED_DEMO_DATA=true, REQUEST_LIMIT_PER_IP_PER_MINUTE at its
 *     maximum since all load comes from 127.0.0.1; lib/stack.ts): "cached" with the default cache
 *     settings, whose catalogue is cached by its first request, and "uncached" with
 *     CATALOGUE_FRESH_SECONDS=0 and CATALOGUE_MAX_STALE_SECONDS=0, so every request asks every
 *     insurer (concurrent requests still share one upstream call per insurer: single-flight).
 *     The cached BFF is also asked for the home page's own operation, the client's trusted `Products`
 *     document by its hash (packages/schema/trusted-documents.json), anonymously: that answer comes
 *     from the response cache (docs/decisions/012-trusted-documents.md, docs/performance.md).
 * Targets are measured one at a time (the machine has 2 cores: one for the server under test, one for
 * autocannon), each with the same duration and connections, rounds interleaving the targets.
 *
 *   pnpm --filter @family/bench bench:catalogue        (bench:catalogue:quick for a short check)
 *
 * Environment (all optional):
 *   BENCH_DURATION, BENCH_WARMUP, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_PIPELINING   as bench:drivers
 *                        (10 s, 2 s, 3 rounds, 10 connections, pipelining 1)
 *   BENCH_LATENCY_MIN_MS, BENCH_LATENCY_MAX_MS   sandbox latency spread over the insurers (50, 200)
 *   BENCH_BFF_LOG_LEVEL  LOG_LEVEL of the BFF processes (default warn: the happy path logs nothing;
 *                        "info" adds two request-log lines and one gate line per request)
 *   BENCH_BFF_NODE_ARGS  extra Node options for the BFF processes, space-separated (e.g. "--prof" to
 *                        see where the BFF spends its time; the tick logs land in the working directory)
 *   BENCH_NODE_ENV       NODE_ENV of the server processes (default production)
 *   BENCH_BFF_BASELINE_DIR  another build of the BFF: its dist folder, relative to the repository's root,
 *                        kept inside apps/bff so it finds the same node_modules (e.g. `cp -r
 *                        apps/bff/dist apps/bff/dist-baseline` before a change); its home page request
 *                        is measured as a target of its own, `bff-response-cache-baseline`, in the
 *                        same rounds, for a before/after in one run
 *   BENCH_OUTPUT         where to write the JSON results (default bench/results/catalogue.json)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type HttpRequestSpec,
  type Sample,
  type Summary,
  intFromEnv,
  loadAverage,
  loadSettingsFromEnv,
  machineInfo,
  median,
  printLoadAverage,
  printTable,
  round,
  sample,
  summarise,
  warmUp,
  writeResults,
} from './lib/measure.js';
import { forkServer, stopAll, runBenchmark } from './lib/processes.js';
import {
  PRODUCTS_QUERY,
  type ProductsAnswer,
  type ProductsPage,
  checkProductsAnswer,
  pageIds,
  productsRequest,
  GRAPHQL_HEADERS,
  homePageRequest,
} from './lib/products-page.js';
import {
  HOST,
  applyLatencyPlan,
  bffEnv,
  diff,
  gitState,
  latencyPlan,
  problemsLogged,
  stackVersions,
  startBff,
  startSandboxProcess,
  total,
} from './lib/stack.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist
const BENCH_DIR = path.resolve(HERE, '..');
const DRIVER_SERVER = path.join(HERE, 'drivers', 'server.js');
const SAME_BYTES_SERVER = path.join(HERE, 'catalogue', 'same-bytes-server.js');

const settings = loadSettingsFromEnv();
const latencyMinMs = intFromEnv('BENCH_LATENCY_MIN_MS', 50);
const latencyMaxMs = intFromEnv('BENCH_LATENCY_MAX_MS', 200);
if (latencyMaxMs < latencyMinMs) throw new Error('BENCH_LATENCY_MAX_MS must not be below BENCH_LATENCY_MIN_MS');
const bffLogLevel = process.env.BENCH_BFF_LOG_LEVEL ?? 'warn';
const bffNodeArgs = (process.env.BENCH_BFF_NODE_ARGS ?? '').split(' ').filter(Boolean);
const serverNodeEnv = process.env.BENCH_NODE_ENV ?? 'production';
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'catalogue.json'));
// (Relative to the repository's root, where the command is typed: pnpm runs this from bench/.)
const baselineDir = process.env.BENCH_BFF_BASELINE_DIR
  ? path.resolve(BENCH_DIR, '..', process.env.BENCH_BFF_BASELINE_DIR)
  : null;

/**
 * The search the benchmark sends: an audience, a kind of cover in pinyin and a typo-free word, so the
 * request goes through every stage of the reader (docs/search.md) and ranks a few dozen hits.
 */
const SEARCH_TEXT = '儿童 zhongji';
const SEARCH_QUERY = `query($text: String) { products(first: 20, filter: { text: $text }) { totalCount understood edges { cursor highlights { start length } node { id name category priceFrom insurer { id name } score { composite goldPick } } } pageInfo { hasNextPage endCursor } fallback { message } errors { code } dataAgeSeconds } }`;
const SUGGEST_PREFIX = 'zh';
const SUGGEST_QUERY = `query($prefix: String!) { searchSuggestions(prefix: $prefix) { text kind productId } }`;

function graphqlRequest(graphqlUrl: string, query: string, variables: Record<string, unknown>): HttpRequestSpec {
  return {
    url: graphqlUrl,
    method: 'POST',
    headers: { ...GRAPHQL_HEADERS },
    body: JSON.stringify({ query, variables }),
  };
}

type TargetName =
  | 'fastify-bare'
  | 'node-same-bytes'
  | 'bff-response-cache'
  | 'bff-response-cache-baseline'
  | 'bff-cached'
  | 'bff-search'
  | 'bff-suggest'
  | 'bff-uncached';
const TARGET_LABELS: Readonly<Record<TargetName, string>> = {
  'fastify-bare': 'bare Fastify (GET /, hello world)',
  'node-same-bytes':
    'plain Node http server: reads the home page request, answers the bytes bff-response-cache answers',
  'bff-response-cache':
    'BFF, the home page request (trusted Products document by hash, products of 20, anonymous): response cache; same process as bff-cached',
  'bff-response-cache-baseline':
    'the same request to another build of the BFF (BENCH_BFF_BASELINE_DIR), same settings: a before/after in one run',
  'bff-cached': 'BFF, products(first: 20), catalogue cached (default cache settings)',
  'bff-search': `BFF, products(first: 20, filter: { text: "${SEARCH_TEXT}" }) with highlights, understood, fallback; same process as bff-cached`,
  'bff-suggest': `BFF, searchSuggestions(prefix: "${SUGGEST_PREFIX}"); same process as bff-cached`,
  'bff-uncached': 'BFF, products(first: 20), uncached (every request asks all 12 insurers, 50–200 ms each)',
};

interface RunningTarget {
  readonly name: TargetName;
  readonly request: HttpRequestSpec;
  /** The BFF's log file (stdout and stderr), for BFF targets. */
  readonly logFile?: string;
}

interface TargetResult extends Summary {
  target: TargetName;
  label: string;
  url: string;
  bytesPerResponse: number;
  /** Requests the sandbox insurers received while this target was measured (all rounds). */
  upstreamRequests: number;
  /** Of them, per request served (0 when cached; below one catalogue load per request = single-flight). */
  upstreamRequestsPerRequest: number;
  samples: (Sample & { upstreamRequests: number })[];
}

// ---------------------------------------------------------------------------------------------
// BFF processes

/** A real BFF process (lib/stack.ts) asked for the products page. */
async function startBffTarget(
  name: TargetName,
  env: Record<string, string>,
  logDir: string,
  main?: string,
): Promise<RunningTarget> {
  const bff = await startBff(name, env, logDir, bffNodeArgs, main);
  return { name, logFile: bff.logFile, request: productsRequest(bff.graphqlUrl) };
}

// ---------------------------------------------------------------------------------------------
// Answers

interface Verified {
  bytes: number;
  elapsedMs: number;
  page?: ProductsPage;
  /** The answer's body, content type and x-response-cache (response-cache targets). */
  text?: string;
  contentType?: string;
  cache?: string | null;
}

/**
 * One real request, checked: HTTP 200 and, for the BFF, a full page of 20 products with insurers and
 * scores, more to come, no GraphQL errors and no insurer errors. Throws otherwise.
 */
async function verify(target: RunningTarget): Promise<Verified> {
  const started = performance.now();
  const response = await fetch(target.request.url, {
    method: target.request.method,
    headers: target.request.headers,
    body: target.request.body,
  });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  const fail = (why: string): never => {
    throw new Error(`${target.name}: ${why}\n  status ${response.status}\n  body ${text.slice(0, 2000)}`);
  };
  if (response.status !== 200) fail('expected HTTP 200');
  let body: ProductsAnswer & { hello?: string };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return fail('response is not JSON');
  }
  const bytes = Buffer.byteLength(text);
  if (target.name === 'fastify-bare') {
    if (body.hello !== 'world') fail('expected {"hello":"world"}');
    return { bytes, elapsedMs };
  }
  if (
    target.name === 'bff-response-cache' ||
    target.name === 'bff-response-cache-baseline' ||
    target.name === 'node-same-bytes'
  ) {
    const answer = body as { errors?: unknown[]; data?: { products?: { edges: unknown[]; errors: unknown[] } } };
    if (answer.errors?.length) fail('response carries GraphQL errors');
    if (answer.data?.products?.edges.length !== 20 || answer.data.products.errors.length > 0)
      fail('expected a page of 20 products and no insurer errors');
    return {
      bytes,
      elapsedMs,
      text,
      contentType: response.headers.get('content-type') ?? '',
      cache: response.headers.get('x-response-cache'),
    };
  }
  if (target.name === 'bff-search') {
    const answer = body as {
      errors?: unknown[];
      data?: { products?: { edges: unknown[]; understood: string | null } };
    };
    if (answer.errors?.length) fail('response carries GraphQL errors');
    const found = answer.data?.products;
    if (!found || found.edges.length === 0 || !found.understood) fail('expected search hits and an understood line');
    return { bytes, elapsedMs };
  }
  if (target.name === 'bff-suggest') {
    const answer = body as { errors?: unknown[]; data?: { searchSuggestions?: unknown[] } };
    if (answer.errors?.length || !answer.data?.searchSuggestions?.length) fail('expected suggestions');
    return { bytes, elapsedMs };
  }
  const checked = checkProductsAnswer(body);
  if ('problem' in checked) return fail(checked.problem);
  return { bytes, elapsedMs, page: checked.page };
}

/**
 * The home page's request to a cached BFF as a target of its own, asked twice and checked: the
 * second answer must come from the response cache. Returns the target and that answer.
 */
async function responseCacheTargetOf(
  name: 'bff-response-cache' | 'bff-response-cache-baseline',
  bff: RunningTarget,
): Promise<{ target: RunningTarget; answer: Verified }> {
  const target: RunningTarget = { name, logFile: bff.logFile, request: homePageRequest(bff.request.url) };
  await verify(target);
  const answer = await verify(target);
  if (answer.cache !== 'hit') throw new Error(`${name}: a second request was not answered from the response cache`);
  return { target, answer };
}

// ---------------------------------------------------------------------------------------------

/** In how many rounds the first target served more requests a second than the second (same rounds). */
function fasterRounds(samples: readonly Sample[], baseline: readonly Sample[]): number {
  return samples.filter((s, i) => baseline[i] !== undefined && s.requestsPerSecond > baseline[i].requestsPerSecond)
    .length;
}

function printResults(results: TargetResult[]): void {
  printTable([
    [
      'target',
      'req/s',
      'rounds min–max',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'avg ms',
      'errors',
      'non-2xx',
      'requests',
      'upstream/req',
      'bytes/resp',
    ],
    ...results.map((r) => [
      r.target,
      r.requestsPerSecond.toFixed(r.requestsPerSecond < 1000 ? 1 : 0),
      `${r.requestsPerSecondMin.toFixed(0)}–${r.requestsPerSecondMax.toFixed(0)}`,
      String(r.latencyMs.p50),
      String(r.latencyMs.p90),
      String(r.latencyMs.p99),
      r.latencyMs.average.toFixed(2),
      String(r.errors + r.timeouts),
      String(r.non2xx),
      String(r.totalRequests),
      r.target === 'fastify-bare' || r.target === 'node-same-bytes' ? '–' : r.upstreamRequestsPerRequest.toFixed(2),
      String(r.bytesPerResponse),
    ]),
  ]);
}

async function main(): Promise<void> {
  const versions = stackVersions();
  const machine = machineInfo();
  const source = gitState();
  console.log(`Catalogue benchmark — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(
    `${settings.rounds} round(s) of ${settings.durationSeconds} s per target after a ${settings.warmupSeconds} s warm-up; ` +
      `${settings.connections} connections, pipelining ${settings.pipelining}; servers with NODE_ENV=${serverNodeEnv}, ` +
      `BFF LOG_LEVEL=${bffLogLevel}`,
  );
  console.log(
    `commit ${source.commit.slice(0, 12)}` +
      (source.uncommittedChanges.length > 0
        ? `, with ${source.uncommittedChanges.length} uncommitted change(s) under apps/bff, apps/sandbox, packages/domain`
        : ''),
  );
  console.log(`1-min load average now ${machine.loadAverageAtStart}\n`);
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'bench-catalogue-'));
  let keepLogs = false;

  try {
    // The upstream insurers, with their latencies, before any BFF asks them.
    const sandbox = await startSandboxProcess(serverNodeEnv);
    const plan = latencyPlan(latencyMinMs, latencyMaxMs);
    await applyLatencyPlan(sandbox, plan);
    console.log(
      `  sandbox: ready on ${sandbox.url}; latency ${plan.map((p) => `${p.insurer} ${p.latencyMs}`).join(', ')} ms`,
    );

    const bare = await forkServer('fastify-bare', DRIVER_SERVER, ['fastify-bare'], {
      ...process.env,
      NODE_ENV: serverNodeEnv,
    });
    const bareTarget: RunningTarget = {
      name: 'fastify-bare',
      request: { url: `http://${HOST}:${bare.port}/`, method: 'GET', headers: {} },
    };
    // Production settings with the demo insurers seeded and no per-address limit in the way (lib/stack.ts).
    const env = bffEnv({ nodeEnv: serverNodeEnv, logLevel: bffLogLevel, sandboxUrl: sandbox.url });
    // Default cache settings: nothing about the cache is set.
    const cached = await startBffTarget('bff-cached', env, logDir);
    const uncached = await startBffTarget(
      'bff-uncached',
      { ...env, CATALOGUE_FRESH_SECONDS: '0', CATALOGUE_MAX_STALE_SECONDS: '0' },
      logDir,
    );
    // Search and suggestions on the cached BFF: the same process and catalogue as bff-cached.
    const searchTarget: RunningTarget = {
      name: 'bff-search',
      logFile: cached.logFile,
      request: graphqlRequest(cached.request.url, SEARCH_QUERY, { text: SEARCH_TEXT }),
    };
    const suggestTarget: RunningTarget = {
      name: 'bff-suggest',
      logFile: cached.logFile,
      request: graphqlRequest(cached.request.url, SUGGEST_QUERY, { prefix: SUGGEST_PREFIX }),
    };
    // The home page's request on the cached BFF, and the plain server answering its very bytes.
    const { target: responseCacheTarget, answer: cachedAnswer } = await responseCacheTargetOf(
      'bff-response-cache',
      cached,
    );
    const answerFile = path.join(logDir, 'same-bytes.json');
    writeFileSync(answerFile, JSON.stringify({ contentType: cachedAnswer.contentType, body: cachedAnswer.text }));
    const sameBytes = await forkServer('node-same-bytes', SAME_BYTES_SERVER, [answerFile], {
      ...process.env,
      NODE_ENV: serverNodeEnv,
    });
    const sameBytesTarget: RunningTarget = {
      name: 'node-same-bytes',
      request: {
        ...responseCacheTarget.request,
        url: responseCacheTarget.request.url.replace(cached.request.url, `http://${HOST}:${sameBytes.port}/graphql`),
      },
    };
    if ((await verify(sameBytesTarget)).text !== cachedAnswer.text)
      throw new Error('node-same-bytes: does not answer the bytes bff-response-cache answered');
    console.log(
      `  bff-response-cache: verified, answered from the response cache (${cachedAnswer.bytes} bytes); ` +
        `node-same-bytes: ready on ${sameBytesTarget.request.url}, same bytes`,
    );
    const running = [bareTarget, sameBytesTarget, responseCacheTarget, cached, searchTarget, suggestTarget, uncached];
    // Another build, the same request: measured right after this build's in every round.
    if (baselineDir) {
      const baseline = await startBffTarget(
        'bff-response-cache-baseline',
        env,
        logDir,
        path.join(baselineDir, 'main.js'),
      );
      const { target: baselineTarget, answer: baselineAnswer } = await responseCacheTargetOf(
        'bff-response-cache-baseline',
        baseline,
      );
      running.splice(running.indexOf(responseCacheTarget) + 1, 0, baselineTarget);
      console.log(
        `  bff-response-cache-baseline: ${baselineDir}, verified, answered from the response cache ` +
          `(${baselineAnswer.bytes} bytes${baselineAnswer.text === cachedAnswer.text ? ', the same bytes' : ', OTHER bytes'})`,
      );
    }

    // Check every target before measuring. The cached BFF's first request fills its cache (and waits
    // for the slowest insurer); its second must not reach the sandbox at all.
    await verify(bareTarget);
    const firstSearch = await verify(searchTarget);
    await verify(suggestTarget);
    console.log(
      `  bff-search: "${SEARCH_TEXT}" verified, first search ${firstSearch.elapsedMs.toFixed(1)} ms (builds the index); bff-suggest verified`,
    );
    console.log(`  fastify-bare: ready on ${bareTarget.request.url}, answer verified`);
    const filling = await verify(cached);
    const beforeCachedCheck = await sandbox.stats();
    const cachedCheck = await verify(cached);
    const cachedCheckUpstream = total(diff(await sandbox.stats(), beforeCachedCheck));
    if (cachedCheckUpstream !== 0)
      throw new Error(
        `bff-cached: a second request made ${cachedCheckUpstream} upstream requests; the catalogue is not cached`,
      );
    console.log(
      `  bff-cached: ready on ${cached.request.url}, answer verified; first request ${filling.elapsedMs.toFixed(0)} ms ` +
        `(fills the cache), second ${cachedCheck.elapsedMs.toFixed(1)} ms with no upstream request`,
    );

    // The uncached BFF, alone and one request at a time: what one catalogue load asks of each insurer,
    // and how long a request takes without concurrent ones.
    const unloadedMs: number[] = [];
    let callsPerLoad: Record<string, number> = {};
    let uncachedPage: ProductsPage | undefined;
    for (let i = 0; i < 7; i++) {
      const before = await sandbox.stats();
      const answer = await verify(uncached);
      const calls = diff(await sandbox.stats(), before);
      if (i === 0) {
        callsPerLoad = calls;
        uncachedPage = answer.page;
      } else if (JSON.stringify(calls) !== JSON.stringify(callsPerLoad)) {
        throw new Error(
          `bff-uncached: upstream calls differ between requests: ${JSON.stringify(callsPerLoad)} then ${JSON.stringify(calls)}`,
        );
      }
      if (i >= 2) unloadedMs.push(answer.elapsedMs); // the first two warm the code paths
    }
    const missing = plan.filter((p) => !(callsPerLoad[p.insurer] >= 1));
    if (missing.length > 0)
      throw new Error(
        `bff-uncached: a request did not ask ${missing.map((p) => p.insurer).join(', ')}: ${JSON.stringify(callsPerLoad)}`,
      );
    if (pageIds(uncachedPage) !== pageIds(cachedCheck.page))
      throw new Error('bff-cached and bff-uncached list different first pages for the same catalogue');
    // One round trip per insurer, the least any client can wait for it: the BFF asks a JSON insurer's
    // known pages at once. Insurers are asked in parallel, so a load waits for the slowest, not the sum.
    const insurers = plan.map((p) => ({
      ...p,
      requestsPerLoad: callsPerLoad[p.insurer],
      loadMs: p.latencyMs,
    }));
    const slowest = insurers.reduce((a, b) => (b.loadMs > a.loadMs ? b : a));
    const sumMs = insurers.reduce((sum, p) => sum + p.loadMs, 0);
    const upstreamPerLoad = total(callsPerLoad);
    const unloadedMedianMs = round(median(unloadedMs), 1);
    console.log(
      `  bff-uncached: ready on ${uncached.request.url}, answer verified; one load = ${upstreamPerLoad} upstream requests; ` +
        `slowest insurer ${slowest.insurer} ${slowest.loadMs} ms (${slowest.requestsPerLoad} request(s) a load), ` +
        `sum of all ${sumMs} ms; one request alone takes ${unloadedMedianMs} ms (median of ${unloadedMs.length})`,
    );
    console.log('');

    // Rounds interleave the targets, as in bench:drivers; each target reports the median of its rounds.
    const samples = new Map<TargetName, (Sample & { upstreamRequests: number })[]>(running.map((t) => [t.name, []]));
    for (let r = 1; r <= settings.rounds; r++) {
      console.log(`round ${r}/${settings.rounds}`);
      for (const target of running) {
        if (r === 1) await warmUp(target.name, target.request, settings);
        const before = await sandbox.stats();
        const measured = await sample(target.name, target.request, settings, r);
        const upstreamRequests = total(diff(await sandbox.stats(), before));
        if (target.name === 'bff-cached' && upstreamRequests > 0)
          console.warn(`  bff-cached: ${upstreamRequests} upstream requests while measuring (a background refresh?)`);
        samples.get(target.name)?.push({ ...measured, upstreamRequests });
      }
    }

    // Still answering correctly after all that load, and nothing went wrong on the way?
    const results: TargetResult[] = [];
    for (const target of running) {
      const { bytes } = await verify(target);
      if (target.logFile) {
        const problems = await problemsLogged(target.logFile);
        if (problems.count > 0) {
          keepLogs = true;
          throw new Error(
            `${target.name}: ${problems.count} warning or error log line(s) during the run (log kept at ${target.logFile}):\n` +
              problems.first.join('\n'),
          );
        }
      }
      const targetSamples = samples.get(target.name) ?? [];
      const summary = summarise(targetSamples);
      const upstreamRequests = targetSamples.reduce((sum, s) => sum + s.upstreamRequests, 0);
      results.push({
        target: target.name,
        label: TARGET_LABELS[target.name],
        url: target.request.url,
        ...summary,
        bytesPerResponse: bytes,
        upstreamRequests,
        upstreamRequestsPerRequest: summary.totalRequests > 0 ? round(upstreamRequests / summary.totalRequests, 3) : 0,
        samples: targetSamples,
      });
    }
    await stopAll();
    machine.loadAverageAtEnd = loadAverage();

    const byName = (name: TargetName): TargetResult => {
      const result = results.find((r) => r.target === name);
      if (!result) throw new Error(`no result for ${name}`);
      return result;
    };
    const [sameBytesResult, responseCacheResult] = [byName('node-same-bytes'), byName('bff-response-cache')];
    const [bareResult, cachedResult, uncachedResult, searchResult, suggestResult] = [
      byName('fastify-bare'),
      byName('bff-cached'),
      byName('bff-uncached'),
      byName('bff-search'),
      byName('bff-suggest'),
    ];
    const baselineResult = results.find((r) => r.target === 'bff-response-cache-baseline');
    const ratios = {
      'bff-response-cache / node-same-bytes (req/s)': round(
        responseCacheResult.requestsPerSecond / sameBytesResult.requestsPerSecond,
        3,
      ),
      ...(baselineResult
        ? {
            'bff-response-cache-baseline / node-same-bytes (req/s)': round(
              baselineResult.requestsPerSecond / sameBytesResult.requestsPerSecond,
              3,
            ),
            'bff-response-cache / bff-response-cache-baseline (req/s)': round(
              responseCacheResult.requestsPerSecond / baselineResult.requestsPerSecond,
              3,
            ),
            'rounds bff-response-cache above baseline': fasterRounds(
              responseCacheResult.samples,
              baselineResult.samples,
            ),
          }
        : {}),
      'bff-response-cache p99 / node-same-bytes p99': round(
        responseCacheResult.latencyMs.p99 / Math.max(1, sameBytesResult.latencyMs.p99),
        3,
      ),
      'bff-response-cache / bff-cached (req/s)': round(
        responseCacheResult.requestsPerSecond / cachedResult.requestsPerSecond,
        3,
      ),
      'bff-response-cache / fastify-bare (req/s)': round(
        responseCacheResult.requestsPerSecond / bareResult.requestsPerSecond,
        3,
      ),
      'bff-cached / fastify-bare (req/s)': round(cachedResult.requestsPerSecond / bareResult.requestsPerSecond, 3),
      'bff-search / bff-cached (req/s)': round(searchResult.requestsPerSecond / cachedResult.requestsPerSecond, 3),
      'bff-search p99 / bff-cached p99': round(searchResult.latencyMs.p99 / cachedResult.latencyMs.p99, 3),
      'bff-suggest / bff-cached (req/s)': round(suggestResult.requestsPerSecond / cachedResult.requestsPerSecond, 3),
      'bff-suggest p99 / bff-cached p99': round(suggestResult.latencyMs.p99 / cachedResult.latencyMs.p99, 3),
      'bff-uncached / bff-cached (req/s)': round(uncachedResult.requestsPerSecond / cachedResult.requestsPerSecond, 4),
      'bff-uncached p50 / slowest insurer': round(uncachedResult.latencyMs.p50 / slowest.loadMs, 3),
      'bff-uncached p50 / sum of insurers': round(uncachedResult.latencyMs.p50 / sumMs, 3),
      'bff-uncached alone / slowest insurer': round(unloadedMedianMs / slowest.loadMs, 3),
      'upstream requests per uncached request / per catalogue load': round(
        uncachedResult.upstreamRequestsPerRequest / upstreamPerLoad,
        3,
      ),
    };
    const upstream = {
      latencySpreadMs: [latencyMinMs, latencyMaxMs],
      insurers,
      requestsPerCatalogueLoad: upstreamPerLoad,
      slowestInsurer: {
        insurer: slowest.insurer,
        loadMs: slowest.loadMs,
        latencyMs: slowest.latencyMs,
        requestsPerLoad: slowest.requestsPerLoad,
      },
      sumOfInsurersMs: sumMs,
      uncachedAloneMs: { median: unloadedMedianMs, samples: unloadedMs.map((ms) => round(ms, 1)) },
    };

    console.log('');
    printResults(results);
    console.log(
      `(req/s, latency: median of ${settings.rounds} round(s); errors, non-2xx, requests: sums; ` +
        'upstream/req: sandbox requests per request served)',
    );
    console.log(
      `\nslowest insurer: ${slowest.insurer}, ${slowest.loadMs} ms per catalogue load; all ${insurers.length} insurers one after ` +
        `another would take ${sumMs} ms; one uncached request alone: ${unloadedMedianMs} ms`,
    );
    console.log('\nratios (medians):');
    for (const [name, value] of Object.entries(ratios)) console.log(`  ${name.padEnd(62)} ${value}`);

    printLoadAverage(machine);
    writeResults(outputFile, {
      machine,
      versions,
      source,
      settings: { ...settings, serverNodeEnv, bffLogLevel, bffNodeArgs },
      query: PRODUCTS_QUERY,
      upstream,
      results,
      ratios,
    });

    const failed = results.filter((r) => r.errors + r.timeouts + r.non2xx > 0);
    if (failed.length > 0)
      throw new Error(`errors or non-2xx answers under load: ${failed.map((r) => r.target).join(', ')}`);
  } catch (error) {
    if (error instanceof Error && /bff-/.test(error.message)) keepLogs = true;
    throw error;
  } finally {
    await stopAll().catch(() => undefined);
    if (keepLogs) console.error(`BFF logs kept in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
