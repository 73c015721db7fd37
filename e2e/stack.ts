import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type RunningSandbox, startSandbox } from '@family/sandbox';
import {
  alipayKeyPair,
  type BffProcess,
  freshDatabase,
  platformEnv,
  startBff,
  trustedDocumentHash,
} from '../apps/bff/test/harness.js';
import { launchChromium } from './browser.js';

export const H5_DIST = join(dirname(fileURLToPath(import.meta.url)), '../apps/miniapp/dist/h5');

export interface H5Stack {
  readonly sandbox: RunningSandbox;
  readonly bff: BffProcess;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * What every journey runs against: the sandbox (insurers, WeChat, Alipay, SMS), the real built BFF
 * serving the H5 build on a fresh database (PGlite, or a new PostgreSQL database when DATABASE_URL is
 * set), and headless Chromium. `env` overrides BFF settings.
 */
export async function startH5Stack(env: Record<string, string> = {}): Promise<H5Stack> {
  if (!existsSync(join(H5_DIST, 'index.html'))) throw new Error(`${H5_DIST} is missing: pnpm build first`);
  const sandbox = await startSandbox(0, '127.0.0.1', false, { alipayAppPublicKey: alipayKeyPair().publicKeyPem });
  const database = await freshDatabase();
  const bff = await startBff({
    ...platformEnv(sandbox.url),
    ...database.env,
    PORT: '0',
    SANDBOX_URL: sandbox.url,
    H5_DIST_DIR: H5_DIST,
    LOG_LEVEL: 'silent',
    JOBS_DAILY_AT: 'off',
    // As in production: the app's requests must be the client's trusted documents, sent by hash.
    TRUSTED_DOCUMENTS: 'enforce',
    ...env,
  });
  const browser = await launchChromium();
  return {
    sandbox,
    bff,
    browser,
    async close() {
      await browser.close();
      await bff.stop();
      await sandbox.close();
      await database.drop();
    },
  };
}

/** Taro's H5 router keeps the pages of the stack in the DOM, hiding all but the current one. */
export function visible(page: Page, selector: string) {
  return page.locator(`${selector} >> visible=true`);
}

/**
 * The body of a request for one of the client's operations, by its name: the hash of its trusted
 * document (packages/schema/trusted-documents.json), as the app sends it. The journeys' BFF runs
 * nothing else (TRUSTED_DOCUMENTS=enforce).
 */
export function trustedRequest(operationName: string, variables: object): string {
  const extensions = { persistedQuery: { version: 1, sha256Hash: trustedDocumentHash(operationName) } };
  return JSON.stringify({ operationName, variables, extensions });
}
