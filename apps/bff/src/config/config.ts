import { isAbsolute, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { REMINDER_TEMPLATE_KINDS, type ReminderTemplateKind } from '@family/domain';
import { z } from 'zod';

/**
 * All settings, parsed and validated once at start. A wrong or missing value stops the process with
 * a message naming the setting (see main.ts); nothing else reads process.env.
 */
const port = z.coerce.number().int().min(0).max(65535);
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
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'letters, digits and : _ - only')
    .default('bff:'),
  /**
   * The sandbox that plays the insurers and platforms (development and tests): the demo insurers are
   * seeded at this address and /health probes it. Defaults to http://127.0.0.1:3100 in development.
   */
  SANDBOX_URL: optionalUrl,
  /** Time budget for one upstream insurer call, in milliseconds. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2500),
  /** A cached catalogue is fresh this long; after that it is served stale while being refreshed. */
  CATALOGUE_FRESH_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** How long past freshness a cached catalogue may still be served when its insurer fails. */
  CATALOGUE_MAX_STALE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(86_400),
  /** Consecutive failures that open an insurer's circuit breaker. */
  CIRCUIT_FAILURE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(3),
  /** How long an open circuit refuses calls before one trial call. */
  CIRCUIT_RESET_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  /** Folder holding the H5 build to serve at `/`; empty disables static serving. */
  H5_DIST_DIR: z.string().default(''),
  /**
   * Signing secrets of insurers whose API requires signed requests: `id=secret,id2=secret2`.
   * Real secrets come from the deployment's secret store; `pnpm start` and the tests pass the sandbox's
   * fictional demo secrets.
   */
  INSURER_SECRETS: z
    .string()
    .default('')
    .refine((value) => value.trim() === '' || /^([a-z0-9-]+=[^,=\s]+)(,[a-z0-9-]+=[^,=\s]+)*$/.test(value.trim()), {
      message: 'must look like id=secret,id2=secret2',
    }),
  /** Signs access tokens (HS256); at least 32 characters. Required in production. */
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Encrypts personal data at rest (AES-256-GCM): 32 bytes, base64. Required in production. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded' })
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * A spent refresh token presented again this soon after its use is a client retry (an app killed
   * mid-refresh, two tabs), not theft: it gets a fresh pair instead of revoking the session.
   */
  REFRESH_REUSE_LEEWAY_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /** Sign-in attempts allowed per client IP, and per platform identity, per minute. */
  LOGIN_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_LIMIT_PER_IDENTITY_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The privacy policy version users must agree to (shown and recorded with each consent). */
  PRIVACY_POLICY_VERSION: z
    .string()
    .regex(/^[0-9A-Za-z._-]{1,32}$/)
    .default('2026-11-01'),
  /** WeChat mini-program credentials and API host (the sandbox plays api.weixin.qq.com). */
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_URL: z.string().url().optional(),
  /** Alipay mini-program app id, its RSA2 private key (base64 of the PEM) and gateway. */
  ALIPAY_APP_ID: z.string().optional(),
  ALIPAY_APP_PRIVATE_KEY: z.string().optional(),
  ALIPAY_GATEWAY_URL: z.string().url().optional(),
  /** SMS gateway for H5 sign-in codes. */
  SMS_API_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().optional(),
  /**
   * The subscription message templates of the real apps, as `KIND=id,…` with every kind
   * (PAYMENT_DUE, EXPIRY, COOLING_OFF_END, WAITING_PERIOD_END). Outside production the sandbox apps'
   * ids are the default; in production each is required with its platform.
   */
  WECHAT_REMINDER_TEMPLATES: z.string().optional(),
  ALIPAY_REMINDER_TEMPLATES: z.string().optional(),
  /** Insert the demo insurers at start; on by default in development only. */
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  /**
   * Scale runs (docs/performance.md): the sandbox plays this many insurers in all, generated ones
   * beyond its twelve; with the demo seed, the BFF seeds them too, as the sandbox lists them
   * (`GET /__insurers`). Unset or at most 12: the twelve demo insurers alone.
   */
  SANDBOX_GENERATED_INSURERS: z.coerce.number().int().min(0).max(1000).default(0),
  /**
   * Where people open the H5 app (https://…): the origin of every shared link. Required in
   * production; elsewhere a link takes the origin the request came to.
   */
  PUBLIC_APP_URL: z.string().url().optional(),
  /** Invite landings one client IP may open per minute. */
  INVITE_OPENS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Codes one client IP may try that lead nowhere, per hour; past it, every landing is refused for a while. */
  INVITE_MISSES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Invites one client IP may accept per minute, and one account. */
  INVITE_ACCEPTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  INVITE_ACCEPTS_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /**
   * Trusted documents (docs/decisions/012-trusted-documents.md): `enforce` runs only the client's
   * documents (the manifest), `allow` runs anything. Default: enforce in production, allow elsewhere.
   */
  TRUSTED_DOCUMENTS: z.enum(['enforce', 'allow']).optional(),
  /** The manifest (sha256 → document); default packages/schema/trusted-documents.json of this checkout. */
  TRUSTED_DOCUMENTS_MANIFEST: z.string().default(''),
  /**
   * How long an anonymous answer of a public catalogue query is served from memory (its ETag
   * answered with 304), at most; 0 turns the response cache off. Any insurer's data changing
   * drops the answers at once.
   */
  RESPONSE_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  /** Most answers the response cache keeps. */
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  /** Most bytes the response cache keeps (answers, their compressed forms, keys), in MiB. */
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(0).max(4096).default(32),
  /** Requests one client IP may send to /graphql per minute (429 with Retry-After past it). */
  REQUEST_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): `false` (none, the
   * default), `true` (any: only behind a proxy that overwrites the header), a number of hops, or
   * comma-separated addresses and CIDR ranges of the load balancers.
   */
  /**
   * Operators' secret for the jobs routes (`POST /ops/jobs/<name>`, `GET /ops/jobs/failed`, header
   * `X-Ops-Secret`); unset, the routes do not exist. `pnpm start` makes one (in .data/dev-secrets.json).
   */
  OPS_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** When the daily jobs run, China time (HH:MM). */
  JOBS_DAILY_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM or off')
    .default('09:00'),
  /**
   * Whole days (China's calendar) the personal-data audit trail is kept before the `audit-purge`
   * job deletes it; never less than 180.
   */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'must be at least 180: the audit trail is kept 180 days at least')
    .max(3650)
    .default(180),
  /** Attempts of a failing job, and the first retry's delay (doubling each time). */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(4),
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((value) => parseTrustProxy(value) !== undefined, {
      message: 'must be true, false, a number of hops, or comma-separated IP addresses / CIDR ranges',
    }),
});

export type AppConfig = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  redisUrl: string | null;
  redisKeyPrefix: string;
  /** Development and tests: the sandbox /health probes; null elsewhere. */
  sandboxUrl: string | null;
  upstreamTimeoutMs: number;
  catalogueFreshMs: number;
  catalogueMaxStaleMs: number;
  circuitFailureThreshold: number;
  circuitResetMs: number;
  h5DistDir: string | null;
  /** Seed the demo insurers, pointing at this sandbox; null when not asked to. */
  /** `generatedInsurers`: also seed the sandbox's generated insurers (SANDBOX_GENERATED_INSURERS > 12). */
  demoSeed: Readonly<{ sandboxUrl: string; generatedInsurers?: true }> | null;
  /**
   * Outside development: secrets and base URLs are required, demo data is not seeded unless asked,
   * and GraphiQL, introspection and field suggestions are off.
   */
  strict: boolean;
  requestLimitPerIpPerMinute: number;
  /** Which documents run, and where their manifest is (null: the one the client's codegen writes). */
  trustedDocuments: Readonly<{ mode: 'enforce' | 'allow'; manifestPath: string | null }>;
  /** Anonymous answers of public queries kept in memory (response-cache.ts); ttlMs 0: off. */
  responseCache: Readonly<{ ttlMs: number; maxEntries: number; maxBytes: number }>;
  trustProxy: boolean | number | string[];
  invites: Readonly<{
    /** The H5 app's origin for shared links; null outside production: the request's origin. */
    publicAppUrl: string | null;
    opensPerIpPerMinute: number;
    missesPerIpPerHour: number;
    acceptsPerIpPerMinute: number;
    acceptsPerAccountPerMinute: number;
  }>;
  /** Signing secret per insurer id. */
  insurerSecrets: Readonly<Record<string, string>>;
  auth: Readonly<{
    tokenSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    refreshReuseLeewayMs: number;
    loginLimitPerIp: number;
    loginLimitPerIdentity: number;
  }>;
  /** Secrets not given (outside production) and made up for this process only: they die with it. */
  generatedSecrets: readonly string[];
  /** 32-byte key for personal data at rest. */
  dataEncryptionKey: Buffer;
  privacyPolicyVersion: string;
  wechat: Readonly<{ appId: string; appSecret: string; apiUrl: string }> | null;
  alipay: Readonly<{ appId: string; privateKeyPem: string; gatewayUrl: string }> | null;
  sms: Readonly<{ apiUrl: string; apiKey: string }> | null;
  /**
   * Template ids per platform (reminders): given ones; null for a platform not given, which means the
   * sandbox apps' ids when `sandboxDefaults` (outside production) and no templates otherwise.
   */
  reminderTemplates: Readonly<{
    WECHAT: Readonly<Record<ReminderTemplateKind, string>> | null;
    ALIPAY: Readonly<Record<ReminderTemplateKind, string>> | null;
    sandboxDefaults: boolean;
  }>;
  jobs: Readonly<{
    /** Null: no operator routes. */
    opsSecret: string | null;
    /** Minutes after midnight, China time, when the daily jobs run. */
    /** Minute of the China day the daily jobs run; null (`off`): only when asked (`pnpm job`). */
    dailyAtMinute: number | null;
    attempts: number;
    backoffMs: number;
  }>;
  audit: Readonly<{
    /** Whole days entries are kept before the purge job deletes them (≥ 180). */
    retentionDays: number;
  }>;
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
  const strict = value.NODE_ENV !== 'development';
  const issues: string[] = [];
  const missingSecrets = (['AUTH_TOKEN_SECRET', 'DATA_ENCRYPTION_KEY'] as const).filter((setting) => !value[setting]);
  if (strict) {
    for (const setting of missingSecrets) issues.push(`${setting}: required outside development (not set)`);
  }
  // A platform is configured whole or not at all; no address falls back to the sandbox.
  const platforms: [string, readonly (string | undefined)[], readonly string[]][] = [
    [
      'WECHAT',
      [value.WECHAT_APP_ID, value.WECHAT_APP_SECRET, value.WECHAT_API_URL],
      ['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECHAT_API_URL'],
    ],
    [
      'ALIPAY',
      [value.ALIPAY_APP_ID, value.ALIPAY_APP_PRIVATE_KEY, value.ALIPAY_GATEWAY_URL],
      ['ALIPAY_APP_ID', 'ALIPAY_APP_PRIVATE_KEY', 'ALIPAY_GATEWAY_URL'],
    ],
    ['SMS', [value.SMS_API_URL, value.SMS_API_KEY], ['SMS_API_URL', 'SMS_API_KEY']],
  ];
  for (const [, values, names] of platforms) {
    const missing = names.filter((_name, index) => !values[index]);
    if (missing.length > 0 && missing.length < names.length) {
      issues.push(
        `${missing.join(', ')}: required with ${names.filter((name) => !missing.includes(name)).join(', ')} (not set)`,
      );
    }
  }
  const alipayKey = value.ALIPAY_APP_PRIVATE_KEY
    ? Buffer.from(value.ALIPAY_APP_PRIVATE_KEY, 'base64').toString('utf8')
    : null;
  if (alipayKey !== null && !alipayKey.includes('PRIVATE KEY')) {
    issues.push('ALIPAY_APP_PRIVATE_KEY: must be the base64 of a PEM private key');
  }
  const reminderTemplates = {
    WECHAT: parseTemplateIds('WECHAT_REMINDER_TEMPLATES', value.WECHAT_REMINDER_TEMPLATES, issues),
    ALIPAY: parseTemplateIds('ALIPAY_REMINDER_TEMPLATES', value.ALIPAY_REMINDER_TEMPLATES, issues),
    sandboxDefaults: value.NODE_ENV !== 'production',
  };
  if (value.NODE_ENV === 'production') {
    if (value.WECHAT_APP_ID && !value.WECHAT_REMINDER_TEMPLATES)
      issues.push('WECHAT_REMINDER_TEMPLATES: required in production with WECHAT_APP_ID (not set)');
    if (value.ALIPAY_APP_ID && !value.ALIPAY_REMINDER_TEMPLATES)
      issues.push('ALIPAY_REMINDER_TEMPLATES: required in production with ALIPAY_APP_ID (not set)');
  }
  const ids = [reminderTemplates.WECHAT, reminderTemplates.ALIPAY].flatMap((given) => Object.values(given ?? {}));
  if (new Set(ids).size !== ids.length)
    issues.push('WECHAT_REMINDER_TEMPLATES, ALIPAY_REMINDER_TEMPLATES: a template id is given twice');
  if (value.NODE_ENV === 'production' && !value.PUBLIC_APP_URL) {
    issues.push('PUBLIC_APP_URL: required in production, the origin of shared links (not set)');
  }
  const sandboxUrl = value.SANDBOX_URL ? trim(value.SANDBOX_URL) : strict ? null : 'http://127.0.0.1:3100';
  const seedDemoData = value.SEED_DEMO_DATA ? value.SEED_DEMO_DATA === 'true' : !strict;
  if (seedDemoData && !sandboxUrl)
    issues.push('SANDBOX_URL: required to seed demo data (SEED_DEMO_DATA=true) (not set)');
  if (issues.length > 0) throw new ConfigError(issues);

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
    redisKeyPrefix: value.REDIS_KEY_PREFIX,
    sandboxUrl,
    upstreamTimeoutMs: value.UPSTREAM_TIMEOUT_MS,
    catalogueFreshMs: value.CATALOGUE_FRESH_SECONDS * 1000,
    catalogueMaxStaleMs: value.CATALOGUE_MAX_STALE_SECONDS * 1000,
    circuitFailureThreshold: value.CIRCUIT_FAILURE_THRESHOLD,
    circuitResetMs: Math.round(value.CIRCUIT_RESET_SECONDS * 1000),
    h5DistDir: value.H5_DIST_DIR ? absolute(value.H5_DIST_DIR) : null,
    demoSeed:
      seedDemoData && sandboxUrl
        ? { sandboxUrl, ...(value.SANDBOX_GENERATED_INSURERS > 12 ? { generatedInsurers: true as const } : {}) }
        : null,
    strict,
    requestLimitPerIpPerMinute: value.REQUEST_LIMIT_PER_IP_PER_MINUTE,
    trustedDocuments: {
      mode: value.TRUSTED_DOCUMENTS ?? (value.NODE_ENV === 'production' ? 'enforce' : 'allow'),
      manifestPath: value.TRUSTED_DOCUMENTS_MANIFEST ? absolute(value.TRUSTED_DOCUMENTS_MANIFEST) : null,
    },
    responseCache: {
      ttlMs: Math.round(value.RESPONSE_CACHE_SECONDS * 1000),
      maxEntries: value.RESPONSE_CACHE_MAX_ENTRIES,
      maxBytes: Math.round(value.RESPONSE_CACHE_MAX_MB * 1024 * 1024),
    },
    trustProxy: parseTrustProxy(value.TRUST_PROXY) ?? false,
    invites: {
      publicAppUrl: value.PUBLIC_APP_URL ? trim(value.PUBLIC_APP_URL) : null,
      opensPerIpPerMinute: value.INVITE_OPENS_PER_IP_PER_MINUTE,
      missesPerIpPerHour: value.INVITE_MISSES_PER_IP_PER_HOUR,
      acceptsPerIpPerMinute: value.INVITE_ACCEPTS_PER_IP_PER_MINUTE,
      acceptsPerAccountPerMinute: value.INVITE_ACCEPTS_PER_ACCOUNT_PER_MINUTE,
    },
    insurerSecrets: parseSecrets(value.INSURER_SECRETS),
    auth: {
      tokenSecret: value.AUTH_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
      accessTokenTtlSeconds: value.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: value.REFRESH_TOKEN_TTL_DAYS,
      refreshReuseLeewayMs: value.REFRESH_REUSE_LEEWAY_SECONDS * 1000,
      loginLimitPerIp: value.LOGIN_LIMIT_PER_IP_PER_MINUTE,
      loginLimitPerIdentity: value.LOGIN_LIMIT_PER_IDENTITY_PER_MINUTE,
    },
    generatedSecrets: missingSecrets,
    dataEncryptionKey: value.DATA_ENCRYPTION_KEY ? Buffer.from(value.DATA_ENCRYPTION_KEY, 'base64') : randomBytes(32),
    privacyPolicyVersion: value.PRIVACY_POLICY_VERSION,
    wechat:
      value.WECHAT_APP_ID && value.WECHAT_APP_SECRET && value.WECHAT_API_URL
        ? { appId: value.WECHAT_APP_ID, appSecret: value.WECHAT_APP_SECRET, apiUrl: trim(value.WECHAT_API_URL) }
        : null,
    alipay:
      value.ALIPAY_APP_ID && alipayKey && value.ALIPAY_GATEWAY_URL
        ? { appId: value.ALIPAY_APP_ID, privateKeyPem: alipayKey, gatewayUrl: trim(value.ALIPAY_GATEWAY_URL) }
        : null,
    sms: value.SMS_API_URL && value.SMS_API_KEY ? { apiUrl: trim(value.SMS_API_URL), apiKey: value.SMS_API_KEY } : null,
    reminderTemplates,
    jobs: {
      opsSecret: value.OPS_SECRET ?? null,
      dailyAtMinute:
        value.JOBS_DAILY_AT === 'off'
          ? null
          : Number(value.JOBS_DAILY_AT.slice(0, 2)) * 60 + Number(value.JOBS_DAILY_AT.slice(3)),
      attempts: value.JOB_ATTEMPTS,
      backoffMs: value.JOB_BACKOFF_MS,
    },
    audit: { retentionDays: value.AUDIT_RETENTION_DAYS },
  };
}

const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-fA-F:]+(\/\d{1,3})?$/;

/** Fastify's `trustProxy` from the setting; undefined when the setting makes no sense. */
function parseTrustProxy(text: string): boolean | number | string[] | undefined {
  const value = text.trim();
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every(
    (entry) => IPV4_OR_CIDR.test(entry) || (entry.includes(':') && IPV6_OR_CIDR.test(entry)) || entry === 'loopback',
  );
  return valid ? entries : undefined;
}

const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `KIND=id,…` with each kind of news exactly once (ids of letters, digits, `-` and `_`, at most 64:
 * the consent table's column); null when not given. Problems go to `issues`, naming the setting.
 */
function parseTemplateIds(
  setting: string,
  text: string | undefined,
  issues: string[],
): Record<ReminderTemplateKind, string> | null {
  if (text === undefined || text.trim() === '') return null;
  const ids: Partial<Record<ReminderTemplateKind, string>> = {};
  for (const pair of text.split(',').map((entry) => entry.trim())) {
    const [kind, id, ...rest] = pair.split('=').map((part) => part.trim());
    if (!(REMINDER_TEMPLATE_KINDS as readonly string[]).includes(kind ?? '')) {
      issues.push(`${setting}: unknown kind "${kind ?? ''}" (one of ${REMINDER_TEMPLATE_KINDS.join(', ')})`);
    } else if (rest.length > 0 || !id || !TEMPLATE_ID.test(id)) {
      issues.push(`${setting}: the id of ${kind} must be 1–64 letters, digits, - or _`);
    } else if (ids[kind as ReminderTemplateKind] !== undefined) {
      issues.push(`${setting}: ${kind} is given twice`);
    } else {
      ids[kind as ReminderTemplateKind] = id;
    }
  }
  const missing = REMINDER_TEMPLATE_KINDS.filter((kind) => ids[kind] === undefined);
  if (missing.length > 0) issues.push(`${setting}: every kind needs its template, missing ${missing.join(', ')}`);
  return missing.length === 0 ? (ids as Record<ReminderTemplateKind, string>) : null;
}

function parseSecrets(text: string): Record<string, string> {
  const entries = text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => pair.split('=') as [string, string]);
  return Object.fromEntries(entries);
}

function trim(url: string): string {
  return url.replace(/\/+$/, '');
}
