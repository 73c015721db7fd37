/** A job: a name and the function that does it once. Every job is idempotent: running it twice, or on two instances at once, does the work once. */
export interface JobDefinition {
  readonly name: string;
  /** Does the work; resolves with a summary, throws to be retried. */
  run(): Promise<object>;
}

/** The jobs the runners know, by name (provided by JobsModule). */
export const JOB_DEFINITIONS = Symbol('JOB_DEFINITIONS');

export interface JobOutcome {
  readonly name: string;
  readonly state: 'completed' | 'failed';
  readonly attemptsMade: number;
  readonly result: object | null;
  readonly error: string | null;
}

/** A job that failed every attempt: the dead-letter view. */
export interface FailedJob {
  readonly id: string;
  readonly name: string;
  readonly attemptsMade: number;
  readonly error: string;
  readonly failedAt: string;
}

/**
 * Runs the jobs: every day at the configured China time, and now when an operator asks, with
 * attempts and exponential backoff; jobs that failed every attempt are kept for the dead-letter view.
 * BullMQ on Redis when REDIS_URL is set, an in-process scheduler otherwise; both run the same job
 * functions (docs/decisions/011-jobs.md).
 */
export abstract class JobRunner {
  abstract readonly kind: 'bullmq' | 'in-process';
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  /** Runs the job now with the runner's attempts and backoff, and waits for its outcome. */
  abstract runNow(name: string): Promise<JobOutcome>;
  abstract failedJobs(): Promise<FailedJob[]>;
}

export class UnknownJobError extends Error {
  constructor(readonly jobName: string) {
    super(`unknown job: ${jobName}`);
    this.name = 'UnknownJobError';
  }
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Milliseconds from `now` to the next `minuteOfDay` (China time), strictly after now. */
export function msUntilNextDaily(now: number, minuteOfDay: number): number {
  const chinaNow = now + CHINA_OFFSET_MS;
  const todayAt = Math.floor(chinaNow / DAY_MS) * DAY_MS + minuteOfDay * 60_000;
  return (todayAt > chinaNow ? todayAt : todayAt + DAY_MS) - chinaNow;
}

/** The delay before attempt `attempt + 1` after `attempt` failed (1-based): base, 2×base, 4×base… */
export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** (attempt - 1);
}
