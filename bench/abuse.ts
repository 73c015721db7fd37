/**
 * Abuse benchmark: what normal traffic (the home page's cached `products` page of 20) keeps of its
 * rate and latency while other connections send abusive GraphQL requests, against one real BFF with
 * its request limits (docs/api-limits.md). Backs the "Under attack" section of docs/performance.md.
 *
 * Three processes:
 *   - this one, which generates both kinds of load at the same time and checks answers: autocannon
 *     for the normal traffic, as in bench:catalogue, and a small attacker of its own (below);
 *   - the sandbox insurers (dist/catalogue/sandbox-server.js), with catalogue.ts's latencies;
 *   - one real BFF (`node apps/bff/dist/main.js`, NODE_ENV=production, PGlite in memory,
 *     SEED_DEMO_DATA=true, INSURER_SECRETS from the sandbox, fresh secrets, default cache settings,
 *     REQUEST_LIMIT_PER_IP_PER_MINUTE at its maximum: every request comes from 127.0.0.1, and the
 *     per-address limit would otherwise hide what the query limits do; lib/stack.ts).
 *
 * The normal connections send catalogue.ts's products page. Each attack connection sends four abusive
 * bodies in turn, each checked once before measuring to be refused with its status and code (and the
 * same operation within the limits to be answered, so the refusal is the limit's):
 *   - tokens:  2,000 aliases of `products(first: $n) { totalCount }` (~73 KB, under the body limit)
 *              → 400 MAX_TOKENS_EXCEEDED
 *   - aliases: 16 aliases of a full `products(first: 20)` page with every product field
 *              → 400 MAX_ALIASES_EXCEEDED
 *   - cost:    three aliases of `products(first: $n)` with many fields, n = 50 → 400 MAX_COST_EXCEEDED
 *   - body:    3 MB of JSON → 413 PAYLOAD_TOO_LARGE, and the BFF closes the connection
 * The attacker is not autocannon: after a 413 autocannon writes its next request into the closing
 * connection, where it is lost (so one body in four never arrived), and its latencies drift from then
 * on. lib/raw-http.ts sends one request at a time per connection and opens a new connection when the
 * BFF closes one; it records status codes and latencies per body.
 *
 * Phases, interleaved over rounds (their order alternates from round to round): "calm", the normal
 * connections alone; "under attack", normal and attack connections together for the same duration.
 * The sandbox's request counters show whether anything reached the insurers while measuring, and the
 * CPU time of the BFF and of this process (from /proc) shows which of them was busy.
 *
 *   pnpm --filter @family/bench bench:abuse        (bench:abuse:quick for a short check)
 *
 * Environment (all optional):
 *   BENCH_DURATION, BENCH_WARMUP, BENCH_ROUNDS, BENCH_PIPELINING   as bench:drivers (10 s, 2 s, 3, 1)
 *   BENCH_NORMAL_CONNECTIONS   connections sending the products page (default 4)
 *   BENCH_ATTACK_CONNECTIONS   connections sending abusive bodies (default 6)
 *   BENCH_ATTACKS              comma-separated subset of tokens,aliases,cost,body (default all four)
 *   BENCH_LATENCY_MIN_MS, BENCH_LATENCY_MAX_MS, BENCH_BFF_LOG_LEVEL, BENCH_BFF_NODE_ARGS,
 *   BENCH_NODE_ENV             as bench:catalogue
 *   BENCH_OUTPUT               where to write the JSON results (default bench/results/abuse.json)
 *
 * The benchmark fails (exit code 1) when an abusive body is not refused as expected, when the attacker
 * gets any 2xx answer, when a normal request fails or answers non-2xx, or when an insurer is asked
 * anything while measuring. Whether normal traffic keeps half its rate is reported, not enforced:
 * the figure depends on the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LoadSettings,
  type Sample,
  type Summary,
  cannon,
  intFromEnv,
  loadAverage,
  loadSettingsFromEnv,
  machineInfo,
  median,
  printLoadAverage,
  printTable,
  round,
  sampleOf,
  summarise,
  writeResults,
} from './lib/measure.js';
import { stopAll, runBenchmark } from './lib/processes.js';
import {
  GRAPHQL_HEADERS,
  PAGE_SIZE,
  PRODUCTS_QUERY,
  PRODUCTS_REQUEST_BODY,
  type ProductsAnswer,
  checkProductsAnswer,
  productsRequest,
} from './lib/products-page.js';
import { HttpConnection, type RawAnswer, rawPost, requestOnce } from './lib/raw-http.js';
import {
  type RunningBff,
  type Sandbox,
  NO_REQUEST_LIMIT_PER_IP,
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

const settings = loadSettingsFromEnv();
const normalConnections = intFromEnv('BENCH_NORMAL_CONNECTIONS', 4);
const attackConnections = intFromEnv('BENCH_ATTACK_CONNECTIONS', 6);
if (normalConnections < 1 || attackConnections < 1)
  throw new Error('BENCH_NORMAL_CONNECTIONS and BENCH_ATTACK_CONNECTIONS must be at least 1');
const latencyMinMs = intFromEnv('BENCH_LATENCY_MIN_MS', 50);
const latencyMaxMs = intFromEnv('BENCH_LATENCY_MAX_MS', 200);
if (latencyMaxMs < latencyMinMs) throw new Error('BENCH_LATENCY_MAX_MS must not be below BENCH_LATENCY_MIN_MS');
const bffLogLevel = process.env.BENCH_BFF_LOG_LEVEL ?? 'warn';
const bffNodeArgs = (process.env.BENCH_BFF_NODE_ARGS ?? '').split(' ').filter(Boolean);
const serverNodeEnv = process.env.BENCH_NODE_ENV ?? 'production';
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'abuse.json'));
const selectedAttacks = (process.env.BENCH_ATTACKS ?? 'tokens,aliases,cost,body')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

/** The goal of the issue: under the attack, normal traffic keeps at least half its calm rate. */
const GOAL_RATE_RATIO = 0.5;
/** The BFF's body limit on /graphql (QUERY_LIMITS.bodyBytes in apps/bff). */
const BODY_LIMIT_BYTES = 100 * 1024;

// ---------------------------------------------------------------------------------------------
// Abusive bodies

/** Every field of a product, nested as deep as the schema goes (depth 7 under `products`, limit 8). */
const FULL_PRODUCT = `fragment P on Product { id name category categoryLabel priceFrom deductible waitingPeriodDays
  guaranteedRenewalYears minAge maxAge healthQuestions maxOccupationClass monthlyPayment exclusions
  insurer { id name facts { registeredCapitalYuan complaintRate solvencyRatio riskRating averageClaimDays onlineClaimRate } }
  coverage { key name sumInsured note } plans { key name }
  premiums { plan socialInsurance minAge maxAge annual monthly }
  score { composite goldPick dimensions { dimension label score weight explanation inputs { key label value contribution } } } }`;
const FULL_PAGE = `products(first: ${PAGE_SIZE}) { totalCount edges { cursor node { ...P } } pageInfo { hasNextPage endCursor } }`;
/** The fields of the BFF's own cost test (apps/bff/test/graphql-over-http.int-spec.ts). */
const COSTLY_PAGE =
  'edges { node { id name categoryLabel priceFrom deductible minAge maxAge exclusions healthQuestions ' +
  'insurer { id name facts { riskRating solvencyRatio } } coverage { key name } premiums { plan annual } score { composite } } }';

type AttackName = 'tokens' | 'aliases' | 'cost' | 'body';

interface AttackBody {
  readonly name: AttackName;
  readonly label: string;
  readonly body: string;
  readonly expectedStatus: number;
  readonly expectedCode: string;
  /**
   * The same operation within the limits (one alias, a small page, a small body): it must answer 200
   * without errors, so the refusal comes from the limit and not from a broken document.
   */
  readonly withinLimits: string;
}

function aliases(count: number, field: string): string {
  return Array.from({ length: count }, (_, i) => `a${i}:${field}`).join(' ');
}

function attackBodies(): AttackBody[] {
  const tokens = (count: number): string =>
    JSON.stringify({
      query: `query($n:Int){${aliases(count, 'products(first:$n){totalCount}')}}`,
      variables: { n: 20 },
    });
  const pages = (count: number): string =>
    JSON.stringify({ query: `{ ${aliases(count, FULL_PAGE)} } ${FULL_PRODUCT}` });
  const costly = (n: number): string =>
    JSON.stringify({
      query: `query($n: Int!) { ${aliases(3, `products(first: $n) { ${COSTLY_PAGE} }`)} }`,
      variables: { n },
    });
  const large = (paddingBytes: number): string =>
    JSON.stringify({
      query: `{ products(first: ${PAGE_SIZE}) { totalCount } }`,
      variables: { padding: 'x'.repeat(paddingBytes) },
    });
  const bodies: AttackBody[] = [
    {
      name: 'tokens',
      label: '2,000 aliases of products(first: $n) { totalCount }',
      body: tokens(2000),
      expectedStatus: 400,
      expectedCode: 'MAX_TOKENS_EXCEEDED',
      withinLimits: tokens(1),
    },
    {
      name: 'aliases',
      label: `16 aliases of a full products(first: ${PAGE_SIZE}) page, every product field`,
      body: pages(16),
      expectedStatus: 400,
      expectedCode: 'MAX_ALIASES_EXCEEDED',
      withinLimits: pages(1),
    },
    {
      name: 'cost',
      label: 'three aliases of products(first: $n) with many fields, n = 50',
      body: costly(50),
      expectedStatus: 400,
      expectedCode: 'MAX_COST_EXCEEDED',
      withinLimits: costly(5),
    },
    {
      name: 'body',
      label: '3 MB body (a small query, 3 MB of padding in its variables)',
      body: large(3 * 1024 * 1024),
      expectedStatus: 413,
      expectedCode: 'PAYLOAD_TOO_LARGE',
      withinLimits: large(1000),
    },
  ];
  const unknown = selectedAttacks.filter((name) => !bodies.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`BENCH_ATTACKS: unknown attack(s) ${unknown.join(', ')}`);
  if (selectedAttacks.length === 0) throw new Error('BENCH_ATTACKS: name at least one attack');
  // The GraphQL limits must answer these, not the body limit.
  for (const attack of bodies.filter((b) => b.name !== 'body')) {
    const bytes = Buffer.byteLength(attack.body);
    if (bytes >= BODY_LIMIT_BYTES) throw new Error(`attack body ${attack.name} is ${bytes} bytes: over the body limit`);
  }
  return bodies.filter((b) => selectedAttacks.includes(b.name));
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}

/** One POST to /graphql on a connection of its own; over the body limit the body waits for an early answer. */
function post(graphqlUrl: string, body: string): Promise<RawAnswer> {
  const holdBodyMs = Buffer.byteLength(body) > BODY_LIMIT_BYTES ? 200 : 0;
  return requestOnce(graphqlUrl, rawPost(graphqlUrl, GRAPHQL_HEADERS, body), { holdBodyMs, attempts: 3 });
}

function parseAnswer(answer: RawAnswer, what: string): GraphQLAnswer {
  try {
    return JSON.parse(answer.text) as GraphQLAnswer;
  } catch {
    throw new Error(`${what}: answer is not JSON (status ${answer.status}): ${answer.text.slice(0, 500)}`);
  }
}

interface AttackCheck {
  name: AttackName;
  label: string;
  bytes: number;
  expectedStatus: number;
  expectedCode: string;
  status: number;
  codes: string[];
  /** Extensions of the first error (the cost and its limit for MAX_COST_EXCEEDED). */
  extensions: Record<string, unknown>;
  elapsedMs: number;
}

/** Sends each abusive body once, and its version within the limits: refused as expected, and answered. */
async function checkAttackBodies(graphqlUrl: string, bodies: readonly AttackBody[]): Promise<AttackCheck[]> {
  const checks: AttackCheck[] = [];
  for (const attack of bodies) {
    const fine = await post(graphqlUrl, attack.withinLimits);
    const fineBody = parseAnswer(fine, `${attack.name} within the limits`);
    if (fine.status !== 200 || (fineBody.errors?.length ?? 0) > 0 || fineBody.data == null)
      throw new Error(
        `${attack.name}: the same operation within the limits did not answer 200 with data: ` +
          `status ${fine.status}, ${fine.text.slice(0, 1000)}`,
      );
    const started = performance.now();
    const refused = await post(graphqlUrl, attack.body);
    const elapsedMs = performance.now() - started;
    const body = parseAnswer(refused, attack.name);
    const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
    if (refused.status !== attack.expectedStatus || codes[0] !== attack.expectedCode || body.data !== undefined)
      throw new Error(
        `${attack.name}: expected HTTP ${attack.expectedStatus} ${attack.expectedCode} and no data, got ` +
          `${refused.status}: ${refused.text.slice(0, 1000)}`,
      );
    checks.push({
      name: attack.name,
      label: attack.label,
      bytes: Buffer.byteLength(attack.body),
      expectedStatus: attack.expectedStatus,
      expectedCode: attack.expectedCode,
      status: refused.status,
      codes,
      extensions: body.errors?.[0]?.extensions ?? {},
      elapsedMs: round(elapsedMs, 1),
    });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// The attacker

interface StatusCounts {
  [status: string]: number;
}

/** What one abusive body got during one run of the attacker. */
interface AttackKindSample {
  /** Requests answered. */
  answered: number;
  statusCodes: StatusCounts;
  /** Answers carrying the body's expected error code (e.g. MAX_TOKENS_EXCEEDED). */
  withExpectedCode: number;
  /** Connections that broke before the answer was read (the BFF closing on an unfinished upload). */
  connectionErrors: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number };
}

interface AttackSample {
  round: number;
  requestsPerSecond: number;
  answered: number;
  responses2xx: number;
  responses4xx: number;
  statusCodes: StatusCounts;
  connectionErrors: number;
  connectionsOpened: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number };
  byAttack: Partial<Record<AttackName, AttackKindSample>>;
  durationSeconds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function latencyOf(values: number[]): AttackKindSample['latencyMs'] {
  const sorted = values.sort((a, b) => a - b);
  const average = sorted.length === 0 ? Number.NaN : sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    p50: round(percentile(sorted, 50), 1),
    p90: round(percentile(sorted, 90), 1),
    p99: round(percentile(sorted, 99), 1),
    average: round(average, 1),
  };
}

/**
 * The attacker: `attackConnections` connections, each sending the abusive bodies in turn, one at a
 * time, the next as soon as the previous one is answered, for `durationSeconds`. A connection the BFF
 * closes (after a 413) is replaced by a new one for the next body; one that breaks before its answer
 * is read counts as a connection error. Status codes and latencies are kept per body.
 */
async function attack(
  graphqlUrl: string,
  bodies: readonly AttackBody[],
  durationSeconds: number,
): Promise<AttackSample> {
  const requests = bodies.map((b) => ({
    name: b.name,
    request: rawPost(graphqlUrl, GRAPHQL_HEADERS, b.body),
    // The BFF's refusals are compact JSON: a substring test is enough, and costs no parsing.
    code: `"code":"${b.expectedCode}"`,
  }));
  const withCode = new Map<AttackName, number>(bodies.map((b) => [b.name, 0]));
  const latencies = new Map<AttackName, number[]>(bodies.map((b) => [b.name, []]));
  const statusCodes = new Map<AttackName, StatusCounts>(bodies.map((b) => [b.name, {}]));
  const errors = new Map<AttackName, number>(bodies.map((b) => [b.name, 0]));
  let connectionsOpened = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;

  const loop = async (offset: number): Promise<void> => {
    let connection: HttpConnection | null = null;
    // Connections start at different bodies, so all four are in flight at any time.
    for (let i = offset; performance.now() < deadline; i++) {
      const { name, request, code } = requests[i % requests.length];
      if (!connection?.open) {
        connection?.close();
        connection = new HttpConnection(graphqlUrl);
        connectionsOpened++;
      }
      const sent = performance.now();
      try {
        const answer = await connection.request(request);
        latencies.get(name)?.push(performance.now() - sent);
        const counts = statusCodes.get(name) ?? {};
        counts[answer.status] = (counts[answer.status] ?? 0) + 1;
        if (answer.text.includes(code)) withCode.set(name, (withCode.get(name) ?? 0) + 1);
        if (answer.closes) connection.close();
      } catch {
        errors.set(name, (errors.get(name) ?? 0) + 1);
        connection.close();
      }
    }
    connection?.close();
  };
  await Promise.all(Array.from({ length: attackConnections }, (_, c) => loop(c)));
  const elapsedSeconds = (performance.now() - started) / 1000;

  const byAttack: Partial<Record<AttackName, AttackKindSample>> = {};
  const allStatusCodes: StatusCounts = {};
  for (const { name } of bodies) {
    const counts = statusCodes.get(name) ?? {};
    for (const [status, count] of Object.entries(counts))
      allStatusCodes[status] = (allStatusCodes[status] ?? 0) + count;
    byAttack[name] = {
      answered: Object.values(counts).reduce((sum, n) => sum + n, 0),
      statusCodes: counts,
      withExpectedCode: withCode.get(name) ?? 0,
      connectionErrors: errors.get(name) ?? 0,
      latencyMs: latencyOf(latencies.get(name) ?? []),
    };
  }
  const countOf = (prefix: string): number =>
    Object.entries(allStatusCodes)
      .filter(([status]) => status.startsWith(prefix))
      .reduce((sum, [, count]) => sum + count, 0);
  const answered = Object.values(allStatusCodes).reduce((sum, n) => sum + n, 0);
  return {
    round: 0,
    requestsPerSecond: round(answered / elapsedSeconds, 1),
    answered,
    responses2xx: countOf('2'),
    responses4xx: countOf('4'),
    statusCodes: allStatusCodes,
    connectionErrors: [...errors.values()].reduce((sum, n) => sum + n, 0),
    connectionsOpened,
    latencyMs: latencyOf([...latencies.values()].flat()),
    byAttack,
    durationSeconds: round(elapsedSeconds, 2),
  };
}

// ---------------------------------------------------------------------------------------------
// Phases

const normalSettings: LoadSettings = { ...settings, connections: normalConnections };

const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds a process has used (user + system), from /proc; null where there is no /proc. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // After the command name (in parentheses, and it may hold spaces) come the fields from the 3rd on:
    // utime is the 14th field of the line and stime the 15th, in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Share of one core a process used over a phase: CPU seconds / wall seconds. */
interface CpuShare {
  bff: number | null;
  /** This process: autocannon for the normal traffic and, under attack, the attacker. */
  loadGenerator: number;
}

async function withCpu<T>(bff: RunningBff, run: () => Promise<T>): Promise<{ value: T; cpu: CpuShare }> {
  const wallStart = performance.now();
  const bffStart = cpuSecondsOf(bff.child.pid);
  const ownStart = process.cpuUsage();
  const value = await run();
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const own = process.cpuUsage(ownStart);
  const bffEnd = cpuSecondsOf(bff.child.pid);
  return {
    value,
    cpu: {
      bff: bffStart === null || bffEnd === null ? null : round((bffEnd - bffStart) / wallSeconds),
      loadGenerator: round((own.user + own.system) / 1e6 / wallSeconds),
    },
  };
}

type Phase = 'calm' | 'under-attack';

interface PhaseSample {
  round: number;
  phase: Phase;
  normal: Sample;
  attack?: AttackSample;
  upstreamRequests: number;
  cpu: CpuShare;
}

const formatCounts = (counts: StatusCounts): string =>
  Object.entries(counts)
    .map(([status, count]) => `${count.toLocaleString('en')} × ${status}`)
    .join(', ');

async function runPhase(
  phase: Phase,
  r: number,
  bff: RunningBff,
  sandbox: Sandbox,
  bodies: readonly AttackBody[],
): Promise<PhaseSample> {
  process.stdout.write(`  ${phase}: measuring ${settings.durationSeconds} s… `);
  const normalRequest = productsRequest(bff.graphqlUrl);
  const before = await sandbox.stats();
  const { value, cpu } = await withCpu(bff, () =>
    Promise.all([
      cannon(normalRequest, normalSettings, settings.durationSeconds),
      phase === 'under-attack' ? attack(bff.graphqlUrl, bodies, settings.durationSeconds) : Promise.resolve(undefined),
    ]),
  );
  const upstreamRequests = total(diff(await sandbox.stats(), before));
  const [normalResult, attackResult] = value;
  const normal = sampleOf(normalResult, r);
  const attacked = attackResult ? { ...attackResult, round: r } : undefined;
  const failures = normal.errors + normal.timeouts + normal.non2xx;
  process.stdout.write(
    `normal ${Math.round(normal.requestsPerSecond)} req/s, p50 ${normal.latencyMs.p50} ms, p99 ${normal.latencyMs.p99} ms` +
      (failures > 0 ? `, ${failures} FAILED REQUESTS` : '') +
      (attacked
        ? `; attack ${Math.round(attacked.requestsPerSecond)} req/s (${formatCounts(attacked.statusCodes)}` +
          `${attacked.connectionErrors > 0 ? `, ${attacked.connectionErrors} connection errors` : ''})`
        : '') +
      `; BFF CPU ${percent(cpu.bff)}, load generator ${percent(cpu.loadGenerator)}` +
      (upstreamRequests > 0 ? `; ${upstreamRequests} UPSTREAM REQUESTS` : '') +
      '\n',
  );
  return { round: r, phase, normal, attack: attacked, upstreamRequests, cpu };
}

async function warmUpBoth(bff: RunningBff, bodies: readonly AttackBody[]): Promise<void> {
  if (settings.warmupSeconds === 0) return;
  const normalRequest = productsRequest(bff.graphqlUrl);
  process.stdout.write(
    `  warming up ${settings.warmupSeconds} s calm, then ${settings.warmupSeconds} s under attack… `,
  );
  const calm = await cannon(normalRequest, normalSettings, settings.warmupSeconds);
  const [attacked] = await Promise.all([
    cannon(normalRequest, normalSettings, settings.warmupSeconds),
    attack(bff.graphqlUrl, bodies, settings.warmupSeconds),
  ]);
  process.stdout.write(
    `${Math.round(calm.requests.average)} and ${Math.round(attacked.requests.average)} req/s (discarded)\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// Results

interface NormalResult extends Summary {
  phase: Phase;
  /** Median share of one core the BFF used in this phase's rounds. */
  bffCpu: number | null;
  loadGeneratorCpu: number;
  upstreamRequests: number;
}

interface AttackResult {
  connections: number;
  requestsPerSecond: number;
  requestsPerSecondMin: number;
  requestsPerSecondMax: number;
  answered: number;
  responses2xx: number;
  responses4xx: number;
  statusCodes: StatusCounts;
  connectionErrors: number;
  connectionsOpened: number;
  /** Median over the rounds. */
  latencyMs: { p50: number; p90: number; p99: number; average: number };
  byAttack: Partial<
    Record<
      AttackName,
      {
        answered: number;
        statusCodes: StatusCounts;
        expectedCode: string;
        withExpectedCode: number;
        connectionErrors: number;
        latencyMsP50: number;
      }
    >
  >;
  upstreamRequests: number;
}

const percent = (share: number | null): string => (share === null ? '?' : `${Math.round(share * 100)} %`);

const medianOrNull = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : round(median(values as number[]));

function addCounts(into: StatusCounts, from: StatusCounts): StatusCounts {
  for (const [status, count] of Object.entries(from)) into[status] = (into[status] ?? 0) + count;
  return into;
}

function normalResult(phase: Phase, samples: readonly PhaseSample[]): NormalResult {
  const mine = samples.filter((s) => s.phase === phase);
  return {
    phase,
    ...summarise(mine.map((s) => s.normal)),
    bffCpu: medianOrNull(mine.map((s) => s.cpu.bff)),
    loadGeneratorCpu: round(median(mine.map((s) => s.cpu.loadGenerator))),
    upstreamRequests: mine.reduce((sum, s) => sum + s.upstreamRequests, 0),
  };
}

function attackResult(samples: readonly PhaseSample[], bodies: readonly AttackBody[]): AttackResult {
  const attacked = samples.flatMap((s) => (s.attack ? [s.attack] : []));
  const sum = (pick: (s: AttackSample) => number): number => attacked.reduce((total, s) => total + pick(s), 0);
  const rps = attacked.map((s) => s.requestsPerSecond);
  const byAttack: AttackResult['byAttack'] = {};
  for (const { name, expectedCode } of bodies) {
    const kinds = attacked.flatMap((s) => (s.byAttack[name] ? [s.byAttack[name]] : []));
    byAttack[name] = {
      answered: kinds.reduce((total, k) => total + k.answered, 0),
      statusCodes: kinds.reduce<StatusCounts>((counts, k) => addCounts(counts, k.statusCodes), {}),
      expectedCode,
      withExpectedCode: kinds.reduce((total, k) => total + k.withExpectedCode, 0),
      connectionErrors: kinds.reduce((total, k) => total + k.connectionErrors, 0),
      latencyMsP50: round(median(kinds.map((k) => k.latencyMs.p50)), 1),
    };
  }
  return {
    connections: attackConnections,
    requestsPerSecond: round(median(rps), 1),
    requestsPerSecondMin: Math.min(...rps),
    requestsPerSecondMax: Math.max(...rps),
    answered: sum((s) => s.answered),
    responses2xx: sum((s) => s.responses2xx),
    responses4xx: sum((s) => s.responses4xx),
    statusCodes: attacked.reduce<StatusCounts>((counts, s) => addCounts(counts, s.statusCodes), {}),
    connectionErrors: sum((s) => s.connectionErrors),
    connectionsOpened: sum((s) => s.connectionsOpened),
    latencyMs: {
      p50: round(median(attacked.map((s) => s.latencyMs.p50)), 1),
      p90: round(median(attacked.map((s) => s.latencyMs.p90)), 1),
      p99: round(median(attacked.map((s) => s.latencyMs.p99)), 1),
      average: round(median(attacked.map((s) => s.latencyMs.average)), 1),
    },
    byAttack,
    upstreamRequests: samples
      .filter((s) => s.phase === 'under-attack')
      .reduce((total, s) => total + s.upstreamRequests, 0),
  };
}

function printResults(calm: NormalResult, underAttack: NormalResult, attacker: AttackResult): void {
  const normalRow = (name: string, r: NormalResult): string[] => [
    name,
    r.requestsPerSecond.toFixed(0),
    `${r.requestsPerSecondMin.toFixed(0)}–${r.requestsPerSecondMax.toFixed(0)}`,
    String(r.latencyMs.p50),
    String(r.latencyMs.p90),
    String(r.latencyMs.p99),
    r.latencyMs.average.toFixed(2),
    String(r.errors + r.timeouts),
    String(r.responses2xx),
    String(r.non2xx),
    percent(r.bffCpu),
    percent(r.loadGeneratorCpu),
    String(r.upstreamRequests),
  ];
  printTable([
    [
      'traffic',
      'req/s',
      'rounds min–max',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'avg ms',
      'errors',
      '2xx',
      'non-2xx',
      'BFF CPU',
      'generator CPU',
      'upstream',
    ],
    normalRow(`normal, calm (${normalConnections} conn.)`, calm),
    normalRow(`normal, under attack (${normalConnections} conn.)`, underAttack),
    [
      `attack (${attackConnections} conn.)`,
      attacker.requestsPerSecond.toFixed(0),
      `${attacker.requestsPerSecondMin.toFixed(0)}–${attacker.requestsPerSecondMax.toFixed(0)}`,
      String(attacker.latencyMs.p50),
      String(attacker.latencyMs.p90),
      String(attacker.latencyMs.p99),
      attacker.latencyMs.average.toFixed(2),
      String(attacker.connectionErrors),
      String(attacker.responses2xx),
      String(attacker.answered - attacker.responses2xx),
      '(same)',
      '(same)',
      String(attacker.upstreamRequests),
    ],
  ]);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const versions = stackVersions([
    '@escape.tech/graphql-armor-max-aliases',
    '@escape.tech/graphql-armor-max-depth',
    'graphql-query-complexity',
  ]);
  const machine = machineInfo();
  const source = gitState();
  console.log(`Abuse benchmark — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(
    `${settings.rounds} round(s) of ${settings.durationSeconds} s per phase after a ${settings.warmupSeconds} s warm-up; ` +
      `${normalConnections} normal connections (pipelining ${settings.pipelining}), ${attackConnections} attack connections; ` +
      `BFF with NODE_ENV=${serverNodeEnv}, LOG_LEVEL=${bffLogLevel}, REQUEST_LIMIT_PER_IP_PER_MINUTE=${NO_REQUEST_LIMIT_PER_IP}`,
  );
  console.log(
    `commit ${source.commit.slice(0, 12)}` +
      (source.uncommittedChanges.length > 0
        ? `, with ${source.uncommittedChanges.length} uncommitted change(s) under apps/bff, apps/sandbox, packages/domain`
        : ''),
  );
  console.log(`1-min load average now ${machine.loadAverageAtStart}\n`);
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'bench-abuse-'));
  let keepLogs = false;

  try {
    const sandbox = await startSandboxProcess(serverNodeEnv);
    const plan = latencyPlan(latencyMinMs, latencyMaxMs);
    await applyLatencyPlan(sandbox, plan);
    console.log(`  sandbox: ready on ${sandbox.url}; latency ${latencyMinMs}–${latencyMaxMs} ms over the insurers`);
    const bff = await startBff(
      'bff',
      bffEnv({ nodeEnv: serverNodeEnv, logLevel: bffLogLevel, sandboxUrl: sandbox.url }),
      logDir,
      bffNodeArgs,
    );

    // The normal request: the first fills the catalogue cache, the second must not reach an insurer.
    const verifyNormal = async (): Promise<{ elapsedMs: number; bytes: number }> => {
      const started = performance.now();
      const answer = await post(bff.graphqlUrl, PRODUCTS_REQUEST_BODY);
      const elapsedMs = performance.now() - started;
      const fail = (why: string): never => {
        throw new Error(`bff: ${why}\n  status ${answer.status}\n  body ${answer.text.slice(0, 2000)}`);
      };
      if (answer.status !== 200) fail('expected HTTP 200');
      let body: ProductsAnswer;
      try {
        body = JSON.parse(answer.text) as ProductsAnswer;
      } catch {
        return fail('response is not JSON');
      }
      const checked = checkProductsAnswer(body);
      if ('problem' in checked) fail(checked.problem);
      return { elapsedMs, bytes: Buffer.byteLength(answer.text) };
    };
    const filling = await verifyNormal();
    const beforeCachedCheck = await sandbox.stats();
    const cachedCheck = await verifyNormal();
    const cachedCheckUpstream = total(diff(await sandbox.stats(), beforeCachedCheck));
    if (cachedCheckUpstream !== 0)
      throw new Error(
        `bff: a second request made ${cachedCheckUpstream} upstream requests; the catalogue is not cached`,
      );
    console.log(
      `  bff: ready on ${bff.graphqlUrl}; products page of ${PAGE_SIZE} verified, first request ${filling.elapsedMs.toFixed(0)} ms ` +
        `(fills the cache), second ${cachedCheck.elapsedMs.toFixed(1)} ms with no upstream request`,
    );

    // Every abusive body, once: refused with its status and code, and nothing reaches an insurer.
    const bodies = attackBodies();
    const beforeChecks = await sandbox.stats();
    const checks = await checkAttackBodies(bff.graphqlUrl, bodies);
    const checksUpstream = total(diff(await sandbox.stats(), beforeChecks));
    if (checksUpstream !== 0) throw new Error(`bff: the attack checks made ${checksUpstream} upstream requests`);
    for (const check of checks) {
      const cost =
        typeof check.extensions.cost === 'number'
          ? ` (cost ${check.extensions.cost}, limit ${String(check.extensions.limit)})`
          : '';
      console.log(
        `  attack ${check.name}: ${check.label}, ${check.bytes.toLocaleString('en')} bytes → ${check.status} ` +
          `${check.codes.join(', ')}${cost} in ${check.elapsedMs} ms`,
      );
    }
    console.log('');

    // Phases interleaved over rounds; the order alternates so neither phase always follows the other.
    await warmUpBoth(bff, bodies);
    const samples: PhaseSample[] = [];
    for (let r = 1; r <= settings.rounds; r++) {
      console.log(`round ${r}/${settings.rounds}`);
      const phases: Phase[] = r % 2 === 1 ? ['calm', 'under-attack'] : ['under-attack', 'calm'];
      for (const phase of phases) samples.push(await runPhase(phase, r, bff, sandbox, bodies));
    }

    // Still answering correctly after the attack, and what did the BFF log?
    const after = await verifyNormal();
    const problems = await problemsLogged(bff.logFile);
    if (problems.count > 0) keepLogs = true;
    await stopAll();
    machine.loadAverageAtEnd = loadAverage();

    const calm = normalResult('calm', samples);
    const underAttack = normalResult('under-attack', samples);
    const attacker = attackResult(samples, bodies);
    const perRound = Array.from({ length: settings.rounds }, (_, i) => {
      const pick = (phase: Phase): PhaseSample | undefined =>
        samples.find((s) => s.round === i + 1 && s.phase === phase);
      const [c, a] = [pick('calm'), pick('under-attack')];
      return {
        round: i + 1,
        requestsPerSecond: c && a ? round(a.normal.requestsPerSecond / c.normal.requestsPerSecond, 3) : Number.NaN,
        p99: c && a ? round(a.normal.latencyMs.p99 / Math.max(1, c.normal.latencyMs.p99), 2) : Number.NaN,
      };
    });
    const ratios = {
      'normal req/s, under attack / calm': round(underAttack.requestsPerSecond / calm.requestsPerSecond, 3),
      'normal p50, under attack / calm': round(underAttack.latencyMs.p50 / Math.max(1, calm.latencyMs.p50), 2),
      'normal p99, under attack / calm': round(underAttack.latencyMs.p99 / Math.max(1, calm.latencyMs.p99), 2),
      'attack req/s / normal req/s under attack': round(attacker.requestsPerSecond / underAttack.requestsPerSecond, 2),
    };
    const goalMet = ratios['normal req/s, under attack / calm'] >= GOAL_RATE_RATIO;

    console.log('');
    printResults(calm, underAttack, attacker);
    console.log(
      `(req/s, latency, CPU: medians of ${settings.rounds} round(s); errors, 2xx, non-2xx, upstream: sums; ` +
        'CPU: share of one core over the phase; upstream: requests the insurers received; attack errors: connections ' +
        'that broke before their answer was read)',
    );
    console.log('\nattack bodies (all rounds):');
    printTable([
      ['body', 'answered', 'status codes', 'with code', 'connection errors', 'p50 ms (median)'],
      ...bodies.map((b) => {
        const kind = attacker.byAttack[b.name];
        return [
          b.name,
          String(kind?.answered ?? 0),
          formatCounts(kind?.statusCodes ?? {}),
          `${kind?.withExpectedCode ?? 0} × ${b.expectedCode}`,
          String(kind?.connectionErrors ?? 0),
          String(kind?.latencyMsP50 ?? '–'),
        ];
      }),
    ]);
    console.log(
      `attacker: ${attacker.responses2xx} × 2xx, ${attacker.responses4xx.toLocaleString('en')} × 4xx of ` +
        `${attacker.answered.toLocaleString('en')} answers; ${attacker.connectionsOpened.toLocaleString('en')} connections opened`,
    );
    console.log('\nratios (medians; autocannon rounds latencies to whole ms, a 0 ms p50 or p99 counts as 1):');
    for (const [name, value] of Object.entries(ratios)) console.log(`  ${name.padEnd(44)} ${value}`);
    console.log(
      `  per round, req/s: ${perRound.map((p) => p.requestsPerSecond).join(', ')}; p99: ${perRound.map((p) => p.p99).join(', ')}`,
    );
    console.log(
      `\ngoal (normal traffic keeps at least ${GOAL_RATE_RATIO} of its calm rate under attack): ` +
        (goalMet ? 'met' : 'NOT met'),
    );
    console.log(
      `BFF log: ${
        problems.count === 0
          ? 'no warning or error lines'
          : `${problems.count} warning or error line(s), e.g.\n    ${problems.first.join('\n    ')}`
      }`,
    );

    printLoadAverage(machine);
    writeResults(outputFile, {
      machine,
      versions,
      source,
      settings: {
        durationSeconds: settings.durationSeconds,
        warmupSeconds: settings.warmupSeconds,
        rounds: settings.rounds,
        pipelining: settings.pipelining,
        normalConnections,
        attackConnections,
        attacks: bodies.map((b) => b.name),
        serverNodeEnv,
        bffLogLevel,
        bffNodeArgs,
        requestLimitPerIpPerMinute: Number(NO_REQUEST_LIMIT_PER_IP),
        latencySpreadMs: [latencyMinMs, latencyMaxMs],
      },
      normalQuery: PRODUCTS_QUERY,
      normalAnswerBytes: after.bytes,
      attackBodies: checks,
      results: { calm, underAttack, attack: attacker },
      ratios,
      perRoundRatios: perRound,
      goal: { normalRequestsPerSecondRatioAtLeast: GOAL_RATE_RATIO, met: goalMet },
      upstreamRequests: {
        attackChecks: checksUpstream,
        calm: calm.upstreamRequests,
        underAttack: underAttack.upstreamRequests,
      },
      bffLog: { warnOrErrorLines: problems.count, first: problems.first },
      samples,
    });

    const failures: string[] = [];
    for (const r of [calm, underAttack])
      if (r.errors + r.timeouts + r.non2xx > 0)
        failures.push(`normal traffic (${r.phase}) had failed or non-2xx requests`);
    if (attacker.responses2xx > 0) failures.push(`the attacker got ${attacker.responses2xx} 2xx answers`);
    if (attacker.answered !== attacker.responses4xx)
      failures.push(`the attacker got ${attacker.answered - attacker.responses4xx} answers that were not 4xx`);
    for (const [name, kind] of Object.entries(attacker.byAttack))
      if (kind.withExpectedCode !== kind.answered)
        failures.push(
          `${kind.answered - kind.withExpectedCode} answers to the ${name} body without ${kind.expectedCode}`,
        );
    if (calm.upstreamRequests + underAttack.upstreamRequests > 0)
      failures.push('the insurers were asked while measuring (the cached catalogue should answer everything)');
    if (failures.length > 0) throw new Error(failures.join('; '));
  } catch (error) {
    if (error instanceof Error && /bff/.test(error.message)) keepLogs = true;
    throw error;
  } finally {
    await stopAll().catch(() => undefined);
    if (keepLogs) console.error(`BFF log kept in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
