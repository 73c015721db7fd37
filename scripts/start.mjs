#!/usr/bin/env node
// `pnpm start`: the whole product on one machine. Starts the sandbox (insurers and platform APIs) and
// the BFF on embedded PGlite (data in .data/pglite, migrations applied, demo data seeded), which also
// serves the H5 build. Run after `pnpm build` (the `start` script does both).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { devSecrets, root, startBffEnv } from './dev-env.mjs';

const sandboxPort = process.env.SANDBOX_PORT ?? '3100';
const port = process.env.PORT ?? '3000';
const h5 = join(root, 'apps/miniapp/dist/h5');
if (!existsSync(join(h5, 'index.html'))) {
  console.error(`The H5 build is missing at ${h5}: run \`pnpm build\` first.`);
  process.exit(1);
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
start('bff', 'apps/bff/dist/main.js', startBffEnv({ secrets, sandboxUrl, port, h5 }));
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
