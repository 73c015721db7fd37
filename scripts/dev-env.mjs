// The BFF settings `pnpm start` runs with (scripts/start.mjs), shared with `pnpm job` when it runs a
// job without a BFF (scripts/job.mjs): the sandbox plays WeChat, Alipay, SMS and the insurers, and the
// development secrets are kept in .data/ (ignored by git).
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

export const root = new URL('..', import.meta.url).pathname;

/**
 * Development secrets, made once and kept in .data/ (ignored by git) so sessions and encrypted phone
 * numbers survive restarts: the token key, the data key, the mini-program's Alipay key pair and the
 * operators' secret of the jobs routes.
 */
export function devSecrets() {
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

/** The BFF's environment under `pnpm start`, against the sandbox at `sandboxUrl`. */
export function startBffEnv({ secrets, sandboxUrl, port, h5 }) {
  return {
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
    ...(h5 ? { H5_DIST_DIR: h5 } : {}),
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? join(root, '.data/pglite'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
}
