import { type Job, type JobsOptions, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { logger } from '../common/logger.js';
import { type FailedJob, type JobDefinition, type JobOutcome, JobRunner, UnknownJobError } from './job-runner.js';

const QUEUE = 'jobs';
/** How long an operator's run may take before `runNow` stops waiting (the job goes on). */
const RUN_NOW_TIMEOUT_MS = 10 * 60_000;

/**
 * With Redis: one BullMQ queue shared by every instance. Each daily job is a job scheduler (cron,
 * Asia/Shanghai) that Redis keeps once however many instances declare it, and one worker takes each
 * job; failures are retried with exponential backoff and, after the last attempt, stay in the
 * queue's failed set: the dead-letter view.
 */
export class BullMqJobRunner extends JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private worker: Worker | null = null;

  constructor(
    private readonly jobs: ReadonlyMap<string, JobDefinition>,
    private readonly settings: {
      redisUrl: string;
      keyPrefix: string;
      dailyAtMinute: number | null;
      attempts: number;
      backoffMs: number;
    },
  ) {
    super();
    // BullMQ's blocking commands need maxRetriesPerRequest null; its keys live under the deployment's prefix.
    this.connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    const prefix = `${settings.keyPrefix}bull`;
    this.queue = new Queue(QUEUE, { connection: this.connection, prefix });
    this.events = new QueueEvents(QUEUE, { connection: this.connection.duplicate(), prefix });
    this.prefix = prefix;
    // Without listeners an emitter's 'error' would end the process: Redis going away is logged instead.
    const logError = (error: Error) => logger.error({ error: error.message }, 'job queue error');
    this.queue.on('error', logError);
    this.events.on('error', logError);
    this.connection.on('error', logError);
  }

  private readonly prefix: string;

  private get jobOptions(): JobsOptions {
    return {
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: 100,
      removeOnFail: false,
    };
  }

  async start(): Promise<void> {
    this.worker = new Worker(
      QUEUE,
      async (job: Job) => {
        const definition = this.jobs.get(job.name);
        if (!definition) throw new UnknownJobError(job.name);
        return definition.run();
      },
      { connection: this.connection.duplicate(), prefix: this.prefix, concurrency: 1 },
    );
    this.worker.on('failed', (job, error) =>
      logger.warn({ job: job?.name, attempt: job?.attemptsMade, error: error.message }, 'job attempt failed'),
    );
    this.worker.on('error', (error) => logger.error({ error: error.message }, 'job worker error'));
    const daily = this.settings.dailyAtMinute;
    for (const name of this.jobs.keys()) {
      if (daily === null) {
        // Switched off: a schedule an earlier start left in Redis goes too.
        await this.queue.removeJobScheduler(`daily:${name}`);
        continue;
      }
      await this.queue.upsertJobScheduler(
        `daily:${name}`,
        { pattern: `${daily % 60} ${Math.floor(daily / 60)} * * *`, tz: 'Asia/Shanghai' },
        { name, data: {}, opts: this.jobOptions },
      );
    }
    await this.events.waitUntilReady();
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.events.close();
    await this.queue.close();
    this.connection.disconnect();
  }

  async runNow(name: string): Promise<JobOutcome> {
    if (!this.jobs.has(name)) throw new UnknownJobError(name);
    const job = await this.queue.add(name, {}, this.jobOptions);
    try {
      const result = (await job.waitUntilFinished(this.events, RUN_NOW_TIMEOUT_MS)) as object;
      const done = await this.queue.getJob(job.id!);
      return { name, state: 'completed', attemptsMade: done?.attemptsMade ?? 1, result, error: null };
    } catch (error) {
      const failed = await this.queue.getJob(job.id!);
      return {
        name,
        state: 'failed',
        attemptsMade: failed?.attemptsMade ?? 0,
        result: null,
        error: failed?.failedReason ?? (error as Error).message,
      };
    }
  }

  async failedJobs(): Promise<FailedJob[]> {
    const failed = await this.queue.getFailed(0, 99);
    return failed.map((job) => ({
      id: String(job.id),
      name: job.name,
      attemptsMade: job.attemptsMade,
      error: job.failedReason,
      failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
    }));
  }
}
