/**
 * Family overview benchmark: what a household's page (members, policies, the overview) costs as the
 * household grows, on PGlite and on PostgreSQL. Backs docs/performance.md ("Family overview").
 *
 * For each engine, one real BFF process (NODE_ENV=test, so it answers `x-db-statements`, the SQL
 * statements a request ran) on the sandbox. For each size (2, 8 and 32 members, each insured by 5
 * policies), a new account fills its own household through the API, then autocannon asks for the
 * household's page; the benchmark records the statements of one request, and req/s, p50 and p99.
 *
 *   pnpm --filter @family/bench bench:family        (bench:family:quick for a short check)
 *
 * Environment (all optional):
 *   BENCH_DURATION, BENCH_WARMUP, BENCH_ROUNDS, BENCH_CONNECTIONS   as bench:catalogue (defaults 10, 2, 3, 10)
 *   BENCH_FAMILY_SIZES        comma-separated member counts (2,8,32)
 *   BENCH_POLICIES_PER_MEMBER policies insuring each member (5)
 *   BENCH_DATABASE_URL        a PostgreSQL server to create a throwaway database on
 *                             (postgres://postgres@127.0.0.1:5432/postgres; "none" to run on PGlite only)
 *   BENCH_BFF_NODE_ARGS       extra Node options for the BFF (e.g. "--cpu-prof", as bench:catalogue)
 *   BENCH_OUTPUT              where to write the JSON results (bench/results/family.json)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SANDBOX_WECHAT_APP_ID, SANDBOX_WECHAT_APP_SECRET } from '@family/sandbox';
import {
  type HttpRequestSpec,
  type Summary,
  loadAverage,
  loadSettingsFromEnv,
  machineInfo,
  printLoadAverage,
  printTable,
  sample,
  summarise,
  warmUp,
  writeResults,
} from './lib/measure.js';
import { runBenchmark, stopAll } from './lib/processes.js';
import {
  BENCH_DIR,
  bffEnv,
  gitState,
  problemsLogged,
  type RunningBff,
  type Sandbox,
  startBff,
  startSandboxProcess,
  stackVersions,
} from './lib/stack.js';
import { POSTGRES_SERVER_URL, freshPostgresDatabase, postgresAvailable } from './lib/postgres.js';

const settings = loadSettingsFromEnv();
const sizes = (process.env.BENCH_FAMILY_SIZES ?? '2,8,32').split(',').map(Number);
const policiesPerMember = Number(process.env.BENCH_POLICIES_PER_MEMBER ?? 5);
const bffNodeArgs = (process.env.BENCH_BFF_NODE_ARGS ?? '').split(' ').filter(Boolean);
const outputFile = path.resolve(process.env.BENCH_OUTPUT ?? path.join(BENCH_DIR, 'results', 'family.json'));

const PAGE = `query($id: ID!) { household(id: $id) {
  members { id name relationship age idNumber }
  policies { id productName status sumInsured nextPayment { dueDate amount } beneficiaries { name } schedule { dueDate state } }
  overview {
    rows { member { id } cells { category sumInsured policyCount gap } }
    totalAnnualPremium activePolicyCount
    paymentsDue { policyId dueDate amount state }
    endingSoon { policyId kind daysLeft }
  }
} }`;

const CATEGORIES = ['MEDICAL', 'CRITICAL_ILLNESS', 'ACCIDENT', 'TERM_LIFE', 'CANCER'] as const;
const NAME_CHARACTERS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北金木水火土';

interface SizeResult extends Summary {
  members: number;
  policies: number;
  statementsPerRequest: number;
  bytesPerResponse: number;
}

interface EngineResult {
  engine: 'pglite' | 'postgres';
  sizes: SizeResult[];
}

async function graphql<T>(
  bff: RunningBff,
  query: string,
  variables: object,
  token?: string,
): Promise<{ data: T; headers: Headers; bytes: number }> {
  const response = await fetch(bff.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: T; errors?: unknown[] };
  if (response.status !== 200 || body.errors)
    throw new Error(`${query.slice(0, 60)}…: ${response.status} ${text.slice(0, 500)}`);
  return { data: body.data as T, headers: response.headers, bytes: Buffer.byteLength(text) };
}

async function signIn(bff: RunningBff, sandbox: Sandbox, user: string): Promise<string> {
  const codeResponse = await fetch(`${sandbox.url}/__platform/wechat/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const { code } = (await codeResponse.json()) as { code: string };
  const { data } = await graphql<{ login: { accessToken: string } }>(
    bff,
    'mutation($code: String!) { login(platform: WECHAT, code: $code) { accessToken } }',
    { code },
  );
  return data.login.accessToken;
}

/** A household of `size` members, each insured by `policiesPerMember` policies, made through the API. */
async function fillHousehold(bff: RunningBff, token: string, size: number): Promise<string> {
  const { data } = await graphql<{ households: { id: string }[] }>(bff, '{ households { id } }', {}, token);
  const householdId = data.households[0].id;
  const year = new Date().getUTCFullYear();
  for (let index = 0; index < size; index += 1) {
    const member = await graphql<{ addFamilyMember: { id: string } }>(
      bff,
      'mutation($householdId: ID!, $input: FamilyMemberInput!) { addFamilyMember(householdId: $householdId, input: $input) { id } }',
      {
        householdId,
        input: {
          relationship: index === 0 ? 'SELF' : 'OTHER',
          name: `成员${NAME_CHARACTERS[index % NAME_CHARACTERS.length]}${NAME_CHARACTERS[Math.floor(index / NAME_CHARACTERS.length)] ?? ''}`,
          gender: index % 2 === 0 ? 'MALE' : 'FEMALE',
          birthDate: `${year - 5 - index}-06-15`,
        },
      },
      token,
    );
    for (let policy = 0; policy < policiesPerMember; policy += 1) {
      await graphql(
        bff,
        'mutation($householdId: ID!, $input: PolicyInput!) { addPolicy(householdId: $householdId, input: $input) { id } }',
        {
          householdId,
          input: {
            insuredMemberId: member.data.addFamilyMember.id,
            insurerName: '康宁人寿',
            productName: `保单${policy + 1}`,
            category: CATEGORIES[policy % CATEGORIES.length],
            sumInsured: 10_000_000 * (policy + 1),
            premium: 50_000,
            frequency: policy % 2 === 0 ? 'ANNUAL' : 'MONTHLY',
            paymentTermYears: 10,
            effectiveDate: `${year - 2}-03-01`,
            policyNumber: `BENCH${index}-${policy}`,
            statutoryBeneficiaries: false,
            beneficiaries: [{ name: '受益人', order: 1, sharePercent: 100 }],
          },
        },
        token,
      );
    }
  }
  return householdId;
}

async function measureEngine(engine: EngineResult['engine'], sandbox: Sandbox, logDir: string): Promise<EngineResult> {
  let drop = async (): Promise<void> => undefined;
  const env: Record<string, string> = {
    ...bffEnv({ nodeEnv: 'test', logLevel: 'warn', sandboxUrl: sandbox.url }),
    // Accounts sign in through the sandbox's WeChat.
    WECHAT_APP_ID: SANDBOX_WECHAT_APP_ID,
    WECHAT_APP_SECRET: SANDBOX_WECHAT_APP_SECRET,
    WECHAT_API_URL: sandbox.url,
    LOGIN_LIMIT_PER_IP_PER_MINUTE: '10000',
  };
  if (engine === 'postgres') {
    const database = await freshPostgresDatabase('bench_family');
    env.DATABASE_URL = database.url;
    drop = database.drop;
  }
  const bff = await startBff(`family-${engine}`, env, logDir, bffNodeArgs);
  try {
    const results: SizeResult[] = [];
    for (const size of sizes) {
      const token = await signIn(bff, sandbox, `bench-${engine}-${size}`);
      const householdId = await fillHousehold(bff, token, size);
      const once = await graphql<{ household: { members: unknown[]; policies: unknown[] } }>(
        bff,
        PAGE,
        { id: householdId },
        token,
      );
      if (
        once.data.household.members.length !== size ||
        once.data.household.policies.length !== size * policiesPerMember
      )
        throw new Error(`${engine} ${size}: the household does not hold what was added`);
      const statements = Number(once.headers.get('x-db-statements'));
      const request: HttpRequestSpec = {
        url: bff.graphqlUrl,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query: PAGE, variables: { id: householdId } }),
      };
      const label = `${engine}, ${size} members`;
      await warmUp(label, request, settings);
      const samples = [];
      for (let round = 1; round <= settings.rounds; round += 1)
        samples.push(await sample(label, request, settings, round));
      const summary = summarise(samples);
      if (summary.errors + summary.timeouts + summary.non2xx > 0)
        throw new Error(`${label}: failed requests while measuring`);
      results.push({
        ...summary,
        members: size,
        policies: size * policiesPerMember,
        statementsPerRequest: statements,
        bytesPerResponse: once.bytes,
      });
    }
    const problems = await problemsLogged(bff.logFile);
    if (problems.count > 0)
      throw new Error(`${engine}: the BFF logged warnings or errors:\n${problems.first.join('\n')}`);
    return { engine, sizes: results };
  } finally {
    await stopAll();
    await drop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const source = gitState();
  console.log(`Family overview benchmark — ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`);
  console.log(
    `sizes ${sizes.join(', ')} members × ${policiesPerMember} policies; ${settings.rounds} round(s) of ${settings.durationSeconds} s, ` +
      `${settings.connections} connections; commit ${source.commit.slice(0, 12)}; 1-min load average ${machine.loadAverageAtStart}\n`,
  );
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'bench-family-'));
  const engines: EngineResult['engine'][] = ['pglite'];
  if (await postgresAvailable()) engines.push('postgres');
  else console.log(`PostgreSQL at ${POSTGRES_SERVER_URL} not reachable: PGlite only\n`);
  const results: EngineResult[] = [];
  try {
    for (const engine of engines) {
      const sandbox = await startSandboxProcess('production');
      results.push(await measureEngine(engine, sandbox, logDir));
    }
  } finally {
    await stopAll();
  }
  machine.loadAverageAtEnd = loadAverage();
  console.log('');
  printTable([
    ['engine', 'members', 'policies', 'SQL statements', 'req/s', 'p50 ms', 'p99 ms', 'bytes'],
    ...results.flatMap((engine) =>
      engine.sizes.map((size) => [
        engine.engine,
        String(size.members),
        String(size.policies),
        String(size.statementsPerRequest),
        size.requestsPerSecond.toFixed(0),
        String(size.latencyMs.p50),
        String(size.latencyMs.p99),
        String(size.bytesPerResponse),
      ]),
    ),
  ]);
  const constant = results.every((engine) => new Set(engine.sizes.map((size) => size.statementsPerRequest)).size === 1);
  console.log(`\nstatements per request the same at every size: ${constant ? 'yes' : 'NO'}`);
  printLoadAverage(machine);
  writeResults(outputFile, {
    machine,
    versions: stackVersions(['pg']),
    source,
    settings,
    sizes,
    policiesPerMember,
    results,
    constantStatements: constant,
  });
  rmSync(logDir, { recursive: true, force: true });
  if (!constant) process.exitCode = 1;
}

runBenchmark(main);
