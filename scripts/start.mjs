#!/usr/bin/env node
// `pnpm start`: the whole product on one machine. Starts the sandbox (insurers and platform APIs) and
// the BFF on embedded PGlite (data in .data/pglite, migrations applied, demo data seeded), which also
// serves the H5 build. Run after `pnpm build` (the `start` script does both).
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_SMS_KEY,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  sandboxInsurerSecretsSetting,
} from '../apps/sandbox/dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const sandboxPort = process.env.SANDBOX_PORT ?? '3100';
const port = process.env.PORT ?? '3000';
const h5 = join(root, 'apps/miniapp/dist/h5');
if (!existsSync(join(h5, 'index.html'))) {
  console.error(`The H5 build is missing at ${h5}: run \`pnpm build\` first.`);
  process.exit(1);
}

/**
 * Development secrets, made once and kept in .data/ (ignored by git) so sessions and encrypted phone
 * numbers survive restarts: the token key, the data key, the mini-program's Alipay key pair and the
 * operators' secret of the jobs routes.
 */
function devSecrets() {
  const file = join(root, '.data/dev-secrets.json');
  if (existsSync(file)) {
    const held = JSON.parse(readFileSync(file, 'utf8'));
    // Files made before the jobs routes existed get the operators' secret added.
    if (!held.opsSecret) {
      held.opsSecret = randomBytes(24).toString('base64url');
      writeFileSync(file, JSON.stringify(held, null, 2), { mode: 0o600 });
    }
    return held;
  }
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secrets = {
    authTokenSecret: randomBytes(32).toString('base64url'),
    dataEncryptionKey: randomBytes(32).toString('base64'),
    alipayPrivateKey: Buffer.from(pair.privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
    alipayPublicKey: Buffer.from(pair.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
    // `pnpm job` runs jobs through the BFF's operators' routes with it (scripts/job.mjs).
    opsSecret: randomBytes(24).toString('base64url'),
  };
  mkdirSync(join(root, '.data'), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
const secrets = devSecrets();

const children = [];
function start(name, script, env) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
start('sandbox', 'apps/sandbox/dist/main.js', {
  SANDBOX_PORT: sandboxPort,
  SANDBOX_HOST: '127.0.0.1',
  SANDBOX_ALIPAY_APP_PUBLIC_KEY: secrets.alipayPublicKey,
});
await waitFor(`${sandboxUrl}/health`, 15_000);
start('bff', 'apps/bff/dist/main.js', {
  PORT: port,
  HOST: process.env.HOST ?? '127.0.0.1',
  SANDBOX_URL: sandboxUrl,
  // The sandbox's fictional signing secrets; a real deployment reads real ones from its secret store.
  INSURER_SECRETS: process.env.INSURER_SECRETS ?? sandboxInsurerSecretsSetting(),
  // The sandbox plays WeChat, Alipay and the SMS gateway with fictional credentials.
  WECHAT_APP_ID: SANDBOX_WECHAT_APP_ID,
  WECHAT_APP_SECRET: SANDBOX_WECHAT_APP_SECRET,
  WECHAT_API_URL: sandboxUrl,
  ALIPAY_APP_ID: SANDBOX_ALIPAY_APP_ID,
  ALIPAY_APP_PRIVATE_KEY: secrets.alipayPrivateKey,
  ALIPAY_GATEWAY_URL: `${sandboxUrl}/gateway.do`,
  SMS_API_URL: sandboxUrl,
  SMS_API_KEY: SANDBOX_SMS_KEY,
  AUTH_TOKEN_SECRET: process.env.AUTH_TOKEN_SECRET ?? secrets.authTokenSecret,
  DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? secrets.dataEncryptionKey,
  OPS_SECRET: process.env.OPS_SECRET ?? secrets.opsSecret,
  H5_DIST_DIR: h5,
  PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? join(root, '.data/pglite'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
await waitFor(`http://127.0.0.1:${port}/health`, 60_000);
console.log(`
  Family insurance is running
    H5 app    http://localhost:${port}/
    GraphQL   http://localhost:${port}/graphql   (GraphiQL: http://localhost:${port}/graphiql)
    Health    http://localhost:${port}/health
    Sandbox   http://localhost:${sandboxPort}   (faults: POST /__control)
    H5 sign-in codes: http://localhost:${sandboxPort}/__platform/sms/outbox?phone=<number>
  Ctrl+C stops everything.
`);
