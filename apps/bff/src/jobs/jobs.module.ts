import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import { logger } from '../common/logger.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuditModule, AuditPurgeService } from '../audit/index.js';
import { ReminderRunService, RemindersModule } from '../reminders/index.js';
import { InProcessJobRunner } from './in-process.job-runner.js';
import { JOB_DEFINITIONS, type JobDefinition, JobRunner } from './job-runner.js';
import { JobsController } from './jobs.controller.js';

/** The jobs, by name: `pnpm job <name>` and the daily schedule run these. */
function definitions(reminders: ReminderRunService, audit: AuditPurgeService): ReadonlyMap<string, JobDefinition> {
  const jobs: JobDefinition[] = [
    { name: 'reminders', run: () => reminders.run() },
    // The personal-data audit trail past AUDIT_RETENTION_DAYS (docs/audit.md).
    { name: 'audit-purge', run: () => audit.run() },
  ];
  return new Map(jobs.map((job) => [job.name, job]));
}

/** Scheduled work (F5): the runner (BullMQ with Redis, in-process without), the jobs and the operators' routes. */
@Module({
  imports: [RemindersModule, AuditModule],
  controllers: [JobsController],
  providers: [
    { provide: JOB_DEFINITIONS, inject: [ReminderRunService, AuditPurgeService], useFactory: definitions },
    {
      provide: JobRunner,
      inject: [JOB_DEFINITIONS, APP_CONFIG, CLOCK],
      // BullMQ (and ioredis) are loaded only with REDIS_URL: without Redis the BFF does not hold them.
      useFactory: async (
        jobs: ReadonlyMap<string, JobDefinition>,
        config: AppConfig,
        clock: Clock,
      ): Promise<JobRunner> => {
        if (!config.redisUrl) return new InProcessJobRunner(jobs, config.jobs, clock);
        const { BullMqJobRunner } = await import('./bullmq.job-runner.js');
        return new BullMqJobRunner(jobs, {
          redisUrl: config.redisUrl,
          keyPrefix: config.redisKeyPrefix,
          ...config.jobs,
        });
      },
    },
  ],
  exports: [JobRunner],
})
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(JobRunner) private readonly runner: JobRunner) {}

  /** Starts the schedule without holding up the start: Redis away must not keep the BFF from serving. */
  onApplicationBootstrap(): void {
    this.runner.start().catch((error: Error) => logger.error({ error: error.message }, 'job runner did not start'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
