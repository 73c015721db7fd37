import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  type RunningSandbox,
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_SMS_KEY,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  sandboxInsurerSecretsSetting,
  startSandbox,
} from '@family/sandbox';

/**
 * Integration tests drive the real, built BFF as its own process (`node dist/main.js`), over HTTP,
 * against a real database and the sandbox on a random port. Build first: `pnpm test` does.
 */
const BFF_MAIN = join(dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const READY = /^BFF ready: app (http:\/\/\S+?)\/ /m;
const TRUSTED_DOCUMENTS = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../packages/schema/trusted-documents.json',
);

/** The hash of the client's trusted document of an operation (packages/schema/trusted-documents.json). */
export function trustedDocumentHash(operationName: string): string {
  const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS, 'utf8')) as Record<string, string>;
  const pattern = new RegExp(`^\\s*(query|mutation) ${operationName}\\b`);
  const hash = Object.keys(manifest).find((key) => pattern.test(manifest[key] ?? ''));
  if (!hash) throw new Error(`no trusted document for the operation ${operationName}`);
  return hash;
}

export interface GraphQLResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: T | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

/** The errors of an answer, as `GraphQLResponse` holds them. */
export type GraphQLErrors = GraphQLResponse<unknown>['body']['errors'];
/** The first error's `extensions.code`. */
export const codeOf = (errors: GraphQLErrors): unknown => errors?.[0]?.extensions?.code;
/** The first error's `extensions.reason`. */
export const reasonOf = (errors: GraphQLErrors): unknown => errors?.[0]?.extensions?.reason;

export interface TestStack {
  readonly url: string;
  readonly sandbox: RunningSandbox;
  /** The suite's PostgreSQL database, when the run has one (DATABASE_URL); null on PGlite. */
  readonly databaseUrl: string | null;
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Sets a fault on one sandbox insurer through its real HTTP control endpoint. */
  fault(body: Record<string, unknown>): Promise<void>;
  /** Upstream requests the sandbox received per insurer since the last reset. */
  upstreamRequests(): Promise<Record<string, number>>;
  resetFaults(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh database for one suite: a new PostgreSQL database when DATABASE_URL is set (dropped at the
 * end), otherwise an in-memory PGlite.
 */
export async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { PGLITE_DATA_DIR: 'memory', DATABASE_URL: '' }, drop: async () => undefined };
  const name = `bff_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface BffProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  /** Stops it with SIGTERM; resolves with how it ended. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/main.js` with the given environment and waits until it says it is ready. */
export async function startBff(env: Record<string, string>, timeoutMs = 30_000): Promise<BffProcess> {
  if (!existsSync(BFF_MAIN)) throw new Error(`${BFF_MAIN} is missing: build the BFF first (pnpm build)`);
  const child = spawn(process.execPath, [BFF_MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`BFF not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = (): void => {
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`BFF exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Redis when REDIS_URL is set (CI's second pass), with a key prefix of its own so suites running in
 * parallel never read each other's cache; the in-memory cache otherwise.
 */
export function redisEnv(prefix = `test-${randomBytes(4).toString('hex')}:`): Record<string, string> {
  return process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: prefix } : { REDIS_URL: '' };
}

/** The mini-program's Alipay key pair: the BFF signs with the private key, the sandbox verifies. */
let alipayKeys: { privateKeyPem: string; publicKeyPem: string } | null = null;
export function alipayKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  if (!alipayKeys) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    alipayKeys = {
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  return alipayKeys;
}

/** The settings that point the BFF at the sandbox's platforms, with fresh secrets of its own. */
export function platformEnv(sandboxUrl: string): Record<string, string> {
  return {
    WECHAT_APP_ID: SANDBOX_WECHAT_APP_ID,
    WECHAT_APP_SECRET: SANDBOX_WECHAT_APP_SECRET,
    WECHAT_API_URL: sandboxUrl,
    ALIPAY_APP_ID: SANDBOX_ALIPAY_APP_ID,
    ALIPAY_APP_PRIVATE_KEY: Buffer.from(alipayKeyPair().privateKeyPem).toString('base64'),
    ALIPAY_GATEWAY_URL: `${sandboxUrl}/gateway.do`,
    SMS_API_URL: sandboxUrl,
    SMS_API_KEY: SANDBOX_SMS_KEY,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    INSURER_SECRETS: sandboxInsurerSecretsSetting(),
  };
}

/**
 * What every suite's BFF runs with against a sandbox: test mode, a free port, demo data, the
 * sandbox's insurers and platforms. Add the database (`freshDatabase`), Redis and the suite's own.
 */
export function sandboxedBffEnv(sandboxUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    SANDBOX_URL: sandboxUrl,
    SEED_DEMO_DATA: 'true',
    ...platformEnv(sandboxUrl),
  };
}

export async function startStack(env: Record<string, string> = {}): Promise<TestStack> {
  const sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: alipayKeyPair().publicKeyPem });
  const database = await freshDatabase();
  const bff = await startBff({
    ...sandboxedBffEnv(sandbox.url),
    UPSTREAM_TIMEOUT_MS: '2000',
    // Tests run jobs when they mean to; a daily run starting mid-suite would change what they count.
    JOBS_DAILY_AT: 'off',
    ...database.env,
    ...redisEnv(),
    ...env,
  });

  const control = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox control refused: ${await response.text()}`);
  };

  return {
    url: bff.url,
    sandbox,
    databaseUrl: database.env.DATABASE_URL || null,
    async gql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(`${bff.url}/graphql`, {
        method: 'POST',
        // As our client asks: the GraphQL-over-HTTP media type, with its 4xx for requests that fail.
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse<T>['body'],
      };
    },
    fault: (body) => control('/__control', body),
    resetFaults: () => control('/__control/reset', {}),
    async upstreamRequests() {
      const response = await fetch(`${sandbox.url}/__stats`);
      return ((await response.json()) as { requests: Record<string, number> }).requests;
    },
    async close() {
      await bff.stop();
      await sandbox.close();
      await database.drop();
    },
  };
}
