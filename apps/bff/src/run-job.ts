import { loadConfig } from './config/config.js';
import { createApp } from './app.factory.js';
import { JobRunner, type JobOutcome } from './jobs/job-runner.js';

/**
 * `pnpm job <name>` when no BFF answers and the database is a PostgreSQL server (scripts/job.mjs):
 * the whole BFF in this process, not listening, runs the job once with the runner's attempts and
 * backoff (BullMQ with REDIS_URL, in-process otherwise), then stops. The delivery table keeps it
 * from sending twice even if a BFF runs the same job meanwhile. Not on PGlite: it serves one process,
 * and a BFF starting meanwhile could not open it.
 */
export async function runJobStandalone(name: string, env: NodeJS.ProcessEnv): Promise<JobOutcome> {
  const config = loadConfig(env);
  if (config.database.kind !== 'postgres') {
    throw new Error('a job runs without a BFF only on a PostgreSQL server (DATABASE_URL)');
  }
  const app = await createApp(config);
  await app.init();
  try {
    return await app.get(JobRunner, { strict: false }).runNow(name);
  } finally {
    await app.close();
  }
}
