import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * All settings, parsed and validated once at start. A wrong or missing value stops the process with
 * a message naming the setting (see main.ts); nothing else reads process.env.
 */
const port = z.coerce.number().int().min(0).max(65535);
const url = z.string().url();
const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
  .pipe(z.string().url().optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL server; when unset the BFF runs on embedded PGlite. */
  DATABASE_URL: optionalUrl.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
  /** Folder for PGlite's data; "memory" keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  REDIS_URL: optionalUrl.refine((value) => value === undefined || /^rediss?:\/\//.test(value), {
    message: 'must be a redis:// or rediss:// URL',
  }),
  SANDBOX_URL: url.default('http://127.0.0.1:3100'),
  /** Time budget for one upstream insurer call, in milliseconds. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2500),
  /** Folder holding the H5 build to serve at `/`; empty disables static serving. */
  H5_DIST_DIR: z.string().default(''),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export type AppConfig = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  redisUrl: string | null;
  sandboxUrl: string;
  upstreamTimeoutMs: number;
  h5DistDir: string | null;
  seedDemoData: boolean;
}>;

export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const setting = issue.path.join('.') || '(environment)';
        const given = env[setting];
        return `${setting}: ${issue.message}${given === undefined ? ' (not set)' : ` (got "${given}")`}`;
      }),
    );
  }
  const value = result.data;
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(cwd, path));
  return {
    nodeEnv: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    logLevel: value.LOG_LEVEL,
    database: value.DATABASE_URL
      ? { kind: 'postgres', url: value.DATABASE_URL }
      : { kind: 'pglite', dataDir: value.PGLITE_DATA_DIR === 'memory' ? null : absolute(value.PGLITE_DATA_DIR) },
    redisUrl: value.REDIS_URL ?? null,
    sandboxUrl: value.SANDBOX_URL.replace(/\/+$/, ''),
    upstreamTimeoutMs: value.UPSTREAM_TIMEOUT_MS,
    h5DistDir: value.H5_DIST_DIR ? absolute(value.H5_DIST_DIR) : null,
    seedDemoData: value.SEED_DEMO_DATA,
  };
}
