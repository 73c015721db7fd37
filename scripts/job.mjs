#!/usr/bin/env node
// `pnpm job <name>`: runs one job now, for operators and tests, and prints what it did.
// `pnpm job --failed`: the dead-letter view (jobs that failed every attempt).
//
// The job runs inside the BFF that is running (the one `pnpm start` started, with its configuration,
// or a deployment's), through its operators' route `POST /ops/jobs/<name>` with the `X-Ops-Secret`
// header: embedded PGlite serves one process only, so a second process could not open the database,
// and with Redis the run goes through the same queue (attempts, backoff, dead letters) as the daily
// one. Settings: BFF_URL (default http://127.0.0.1:$PORT, PORT default 3000) and OPS_SECRET (default:
// the one `pnpm start` keeps in .data/dev-secrets.json). See docs/reminders.md.
//
// When no BFF answers and DATABASE_URL names a PostgreSQL server, the job runs here instead: the BFF
// (apps/bff/dist/run-job.js) boots in this process with the settings `pnpm start` gives it
// (scripts/dev-env.mjs; any setting in the environment wins), runs the job once with its attempts and
// backoff, and stops. The dead-letter view (`--failed`) needs the running BFF.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const failedView = args.includes('--failed');
const name = args.find((arg) => !arg.startsWith('--'));
if (!failedView && !name) {
  console.error('Usage: pnpm job <name>   (jobs: reminders)\n       pnpm job --failed');
  process.exit(2);
}

function opsSecret() {
  if (process.env.OPS_SECRET) return process.env.OPS_SECRET;
  const file = join(root, '.data/dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).opsSecret;
  return undefined;
}
const secret = opsSecret();
if (!secret) {
  console.error('OPS_SECRET is not set and .data/dev-secrets.json has none: run `pnpm start` once, or set OPS_SECRET.');
  process.exit(2);
}
const base = (process.env.BFF_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`).replace(/\/$/, '');

/** Runs the job in this process, without a BFF (PostgreSQL only): what the operators' route answers. */
async function runHere(jobName) {
  const { devSecrets, startBffEnv } = await import('./dev-env.mjs');
  const sandboxUrl = process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? '3100'}`;
  const defaults = startBffEnv({ secrets: devSecrets(), sandboxUrl, port: '0', h5: null });
  const { runJobStandalone } = await import('../apps/bff/dist/run-job.js');
  try {
    const outcome = await runJobStandalone(jobName, { ...defaults, ...process.env });
    return { ...outcome, runner: process.env.REDIS_URL ? 'bullmq' : 'in-process' };
  } catch (error) {
    if (error.name === 'UnknownJobError') {
      console.error(`No job "${jobName}".`);
      process.exit(1);
    }
    throw error;
  }
}

let body;
let response;
try {
  response = await fetch(failedView ? `${base}/ops/jobs/failed` : `${base}/ops/jobs/${encodeURIComponent(name)}`, {
    method: failedView ? 'GET' : 'POST',
    headers: { 'x-ops-secret': secret },
  });
} catch (error) {
  if (failedView || !process.env.DATABASE_URL) {
    console.error(
      `No BFF answers at ${base} (${error.cause?.code ?? error.message}): start it (\`pnpm start\`) or set BFF_URL` +
        (failedView ? '.' : '; with DATABASE_URL (a PostgreSQL server) the job runs without one.'),
    );
    process.exit(1);
  }
  console.log(`No BFF answers at ${base}: running the job here, on the database of DATABASE_URL.`);
  body = await runHere(name);
}
if (!body) {
  if (response.status === 404) {
    console.error(
      failedView
        ? `${base} refused: OPS_SECRET differs from the BFF's, or the BFF has none.`
        : `${base} refused: no job "${name}", or OPS_SECRET differs from the BFF's (or the BFF has none).`,
    );
    process.exit(1);
  }
  if (!response.ok) {
    console.error(`${base} answered HTTP ${response.status}: ${await response.text()}`);
    process.exit(1);
  }
  body = await response.json();
}

if (failedView) {
  console.log(`Failed jobs (${body.runner} runner): ${body.failed.length}`);
  for (const job of body.failed)
    console.log(`  ${job.failedAt}  ${job.name}  after ${job.attemptsMade} attempts: ${job.error}`);
  process.exit(0);
}

console.log(`Job ${body.name} (${body.runner} runner): ${body.state} after ${body.attemptsMade} attempt(s)`);
if (body.result) {
  const r = body.result;
  if (body.name === 'reminders') {
    console.log(`  date ${r.date}: ${r.events} event(s) due`);
    console.log(`  sent ${r.sent}, already sent ${r.alreadySent}`);
    console.log(`  skipped without consent ${r.skippedWithoutConsent}, switched off ${r.skippedSwitchedOff}`);
    console.log(`  rejected ${r.rejected}, failed ${r.failed}`);
  } else if (body.name === 'audit-purge') {
    console.log(`  deleted ${r.deleted} audit entries made before ${r.cutoff} (retention ${r.retentionDays} days)`);
  } else {
    console.log(JSON.stringify(r, null, 2));
  }
}
if (body.error) console.log(`  error: ${body.error}`);
process.exit(body.state === 'completed' ? 0 : 1);
