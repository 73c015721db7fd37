/**
 * The real stack the end-to-end benchmarks (catalogue.ts, abuse.ts) run against, each part in a
 * process of its own: the sandbox insurers (dist/catalogue/sandbox-server.js) and real BFF processes
 * (`node apps/bff/dist/main.js`). Also what those benchmarks record about what they measured: the
 * commit, the BFF's dependency versions, and the warnings and errors the BFF logged.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SANDBOX_INSURERS, generatedSigningSecret, sandboxInsurerSecretsSetting } from '@family/sandbox';
import { versionOf } from './measure.js';
import { forkServer, track } from './processes.js';

const HERE = path.dirname(fileURLToPath(import.meta.url)); // bench/dist/lib
export const BENCH_DIR = path.resolve(HERE, '..', '..');
const REPO_DIR = path.resolve(BENCH_DIR, '..');
const SANDBOX_SERVER = path.join(BENCH_DIR, 'dist', 'catalogue', 'sandbox-server.js');
export const BFF_DIR = path.join(REPO_DIR, 'apps', 'bff');
const BFF_MAIN = path.join(BFF_DIR, 'dist', 'main.js');
const READY = /^BFF ready: app (http:\/\/\S+?)\/ /m;
export const HOST = '127.0.0.1';

// ---------------------------------------------------------------------------------------------
// Sandbox

export interface Sandbox {
  readonly url: string;
  control(path: string, body: unknown): Promise<void>;
  /** Requests received per insurer since the sandbox started (or was reset). */
  stats(): Promise<Record<string, number>>;
}

/** The sandbox insurers in a process of their own, so they share an event loop with no BFF. */
export async function startSandboxProcess(nodeEnv: string, env: Record<string, string> = {}): Promise<Sandbox> {
  const { port } = await forkServer('sandbox', SANDBOX_SERVER, [], { ...process.env, ...env, NODE_ENV: nodeEnv });
  const url = `http://${HOST}:${port}`;
  return {
    url,
    async control(controlPath, body) {
      const response = await fetch(`${url}${controlPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`sandbox refused ${controlPath} ${JSON.stringify(body)}: ${await response.text()}`);
    },
    async stats() {
      const response = await fetch(`${url}/__stats`);
      if (!response.ok) throw new Error(`sandbox /__stats answered ${response.status}`);
      return ((await response.json()) as { requests: Record<string, number> }).requests;
    },
  };
}

export const total = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);
export const diff = (after: Record<string, number>, before: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - (before[key] ?? 0)]));

export interface LatencyPlanEntry {
  readonly insurer: string;
  readonly format: string;
  readonly latencyMs: number;
}

/** The insurers a running sandbox plays (generated ones included), as it lists them. */
export async function sandboxInsurers(sandbox: Sandbox): Promise<{ code: string; name: string; format: string }[]> {
  const response = await fetch(`${sandbox.url}/__insurers`);
  if (!response.ok) throw new Error(`sandbox /__insurers answered ${response.status}`);
  return ((await response.json()) as { insurers: { code: string; name: string; format: string }[] }).insurers;
}

/** INSURER_SECRETS for these insurers: the demo secrets, and the generated signed-json insurers' own. */
export function insurerSecretsFor(insurers: readonly { code: string; format: string }[]): string {
  const known = new Set(SANDBOX_INSURERS.map((insurer) => insurer.code));
  const generated = insurers
    .filter((insurer) => insurer.format === 'signed-json' && !known.has(insurer.code))
    .map((insurer) => `${insurer.code}=${generatedSigningSecret(insurer.code)}`);
  return [sandboxInsurerSecretsSetting(), ...generated].join(',');
}

/** Evenly from min to max over the insurers, in SANDBOX_INSURERS order (or the given one): deterministic. */
export function latencyPlan(
  latencyMinMs: number,
  latencyMaxMs: number,
  insurers: readonly { code: string; format: string }[] = SANDBOX_INSURERS,
): LatencyPlanEntry[] {
  const n = insurers.length;
  return insurers.map((insurer, i) => ({
    insurer: insurer.code,
    format: insurer.format,
    latencyMs: n === 1 ? latencyMaxMs : Math.round(latencyMinMs + ((latencyMaxMs - latencyMinMs) * i) / (n - 1)),
  }));
}

/** Resets the sandbox's faults and counters, then gives every insurer its latency and no faults. */
export async function applyLatencyPlan(sandbox: Sandbox, plan: readonly LatencyPlanEntry[]): Promise<void> {
  await sandbox.control('/__control/reset', {});
  // A few at a time: a hundred insurers are set in a moment.
  for (let start = 0; start < plan.length; start += 10)
    await Promise.all(
      plan
        .slice(start, start + 10)
        .map(({ insurer, latencyMs }) =>
          sandbox.control('/__control', { insurer, latencyMs, errorRate: 0, failureMode: 'none' }),
        ),
    );
}

/** Resident memory of a process now and at its peak (Linux /proc), in MB; null elsewhere. */
export function residentMemoryMb(pid: number | undefined): { rssMb: number; peakRssMb: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// BFF processes

/** The highest REQUEST_LIMIT_PER_IP_PER_MINUTE the BFF accepts (apps/bff/src/config/config.ts). */
export const NO_REQUEST_LIMIT_PER_IP = '1000000';

export interface BffEnvOptions {
  readonly nodeEnv: string;
  readonly logLevel: string;
  readonly sandboxUrl: string;
}

/**
 * A production-like BFF on the sandbox: PGlite in memory, no Redis, the sandbox's insurer secrets,
 * fresh secrets per run. Outside development the BFF seeds the demo insurers only when asked
 * (SEED_DEMO_DATA=true, which needs SANDBOX_URL). Every load request comes from 127.0.0.1, so the
 * per-address request limit is set as high as the BFF accepts: a benchmark measures the server, not
 * the limit's 429s (1,000,000 a minute is about 16,700 a second).
 */
export function bffEnv(options: BffEnvOptions): Record<string, string> {
  return {
    NODE_ENV: options.nodeEnv,
    LOG_LEVEL: options.logLevel,
    HOST,
    PORT: '0',
    SANDBOX_URL: options.sandboxUrl,
    SEED_DEMO_DATA: 'true',
    JOBS_DAILY_AT: 'off',
    PGLITE_DATA_DIR: 'memory',
    DATABASE_URL: '',
    REDIS_URL: '',
    INSURER_SECRETS: sandboxInsurerSecretsSetting(),
    REQUEST_LIMIT_PER_IP_PER_MINUTE: NO_REQUEST_LIMIT_PER_IP,
    // Required in production by BFFs with sign-in; a BFF without it ignores them. Fresh per run.
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Required in production since shared links (invites); the benchmarks share nothing.
    PUBLIC_APP_URL: 'https://bench.example.com',
    // The benchmarks send their own documents, not only the client's (docs/decisions/012): in
    // production the BFF would run the client's alone (enforce).
    TRUSTED_DOCUMENTS: 'allow',
  };
}

export interface RunningBff {
  readonly name: string;
  readonly child: ChildProcess;
  /** Where it listens, without a trailing slash: `http://127.0.0.1:port`. */
  readonly url: string;
  readonly graphqlUrl: string;
  /** Its stdout and stderr. */
  readonly logFile: string;
}

/**
 * `node apps/bff/dist/main.js` (or another build's `main`) with exactly the given environment (and
 * PATH). Its stdout and stderr go to `<logDir>/<name>.log` (not a pipe this process would have to
 * drain while it generates load); it is ready when it prints its URL there. `nodeArgs` are extra Node
 * options (e.g. `--prof`).
 */
export async function startBff(
  name: string,
  env: Record<string, string>,
  logDir: string,
  nodeArgs: readonly string[] = [],
  main: string = BFF_MAIN,
): Promise<RunningBff> {
  if (!existsSync(main)) throw new Error(`${main} is missing: build the BFF first`);
  const logFile = path.join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  track(child);
  const started = Date.now();
  const url = await new Promise<string>((resolve, reject) => {
    const fail = (why: string): void => {
      clearInterval(timer);
      reject(new Error(`${name}: ${why}\n--- ${logFile} ---\n${tail(logFile)}`));
    };
    const onExit = (code: number | null): void => fail(`BFF exited with ${code} before it was ready`);
    child.once('exit', onExit);
    const timer = setInterval(() => {
      const match = READY.exec(readFileSync(logFile, 'utf8'));
      if (match) {
        clearInterval(timer);
        child.off('exit', onExit);
        resolve(match[1]);
      } else if (Date.now() - started > 60_000) {
        fail('BFF not ready within 60 s');
        child.kill('SIGKILL');
      }
    }, 50);
  });
  return { name, child, url, graphqlUrl: `${url}/graphql`, logFile };
}

/** The end of a log file, for error messages. */
export function tail(file: string, chars = 4000): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.length > chars ? `…${text.slice(-chars)}` : text;
  } catch {
    return '(no log)';
  }
}

/** Log lines at warn or above (pino levels 40+): an insurer that failed, a refresh that failed… */
export async function problemsLogged(file: string): Promise<{ count: number; first: string[] }> {
  const first: string[] = [];
  let count = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    let level: unknown;
    try {
      level = (JSON.parse(line) as { level?: unknown }).level;
    } catch {
      continue;
    }
    if (typeof level === 'number' && level >= 40) {
      count++;
      if (first.length < 5) first.push(line.slice(0, 500));
    }
  }
  return { count, first };
}

// ---------------------------------------------------------------------------------------------
// What was measured

/** Version of a package the BFF depends on but the bench does not (read from the BFF's node_modules). */
export function bffDependencyVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(BFF_DIR, 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

/** The commit measured, and whether the BFF's or the sandbox's sources differ from it. */
export function gitState(): { commit: string; uncommittedChanges: string[] } {
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: REPO_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    const changes = git('status', '--porcelain', '--', 'apps/bff', 'apps/sandbox', 'packages/domain');
    return {
      commit: git('rev-parse', 'HEAD').trim(),
      uncommittedChanges: changes.split('\n').filter((line) => line.trim() !== ''),
    };
  } catch {
    return { commit: 'unknown', uncommittedChanges: [] };
  }
}

/** Packages of the BFF's request path the bench also depends on (versions read from the bench). */
export const STACK_PACKAGES = [
  '@nestjs/core',
  '@nestjs/platform-fastify',
  '@nestjs/graphql',
  '@nestjs/mercurius',
  'mercurius',
  'graphql-jit',
  'fastify',
  'graphql',
  'autocannon',
] as const;
/** Packages only the BFF depends on. */
export const BFF_PACKAGES = ['@electric-sql/pglite', 'typeorm', 'pino'] as const;

/** Versions of STACK_PACKAGES, then of BFF_PACKAGES and `moreBffPackages`. */
export function stackVersions(moreBffPackages: readonly string[] = []): Record<string, string> {
  return {
    ...Object.fromEntries(STACK_PACKAGES.map((name) => [name, versionOf(name)])),
    ...Object.fromEntries([...BFF_PACKAGES, ...moreBffPackages].map((name) => [name, bffDependencyVersion(name)])),
  };
}
