import { randomUUID } from 'node:crypto';
import type { Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import {
  type FailedJob,
  type JobDefinition,
  type JobOutcome,
  JobRunner,
  UnknownJobError,
  backoffDelay,
  msUntilNextDaily,
} from './job-runner.js';

/** Failed jobs this process remembers (the newest). */
const MAX_FAILED = 100;

/**
 * Without Redis: a timer in this process runs every job daily, with attempts and backoff in memory.
 * With several instances each runs them; the jobs' own idempotence keeps the work single.
 */
export class InProcessJobRunner extends JobRunner {
  readonly kind = 'in-process' as const;
  private timer: NodeJS.Timeout | null = null;
  private readonly failed: FailedJob[] = [];
  private stopped = false;

  constructor(
    private readonly jobs: ReadonlyMap<string, JobDefinition>,
    private readonly settings: { dailyAtMinute: number | null; attempts: number; backoffMs: number },
    private readonly clock: Clock,
  ) {
    super();
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const daily = this.settings.dailyAtMinute;
    if (this.stopped || daily === null) return;
    this.timer = setTimeout(
      () => {
        void (async () => {
          for (const name of this.jobs.keys()) await this.runNow(name);
          this.schedule();
        })();
      },
      msUntilNextDaily(this.clock.now(), daily),
    );
    this.timer.unref();
  }

  async runNow(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new UnknownJobError(name);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await job.run();
        return { name, state: 'completed', attemptsMade: attempt, result, error: null };
      } catch (failure) {
        const error = (failure as Error).message;
        logger.warn({ job: name, attempt, error }, 'job attempt failed');
        if (attempt < this.settings.attempts && !this.stopped) {
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(this.settings.backoffMs, attempt)));
        } else {
          this.failed.unshift({
            id: randomUUID(),
            name,
            attemptsMade: attempt,
            error,
            failedAt: new Date(this.clock.now()).toISOString(),
          });
          this.failed.length = Math.min(this.failed.length, MAX_FAILED);
          return { name, state: 'failed', attemptsMade: attempt, result: null, error };
        }
      }
    }
  }

  async failedJobs(): Promise<FailedJob[]> {
    return [...this.failed];
  }
}
