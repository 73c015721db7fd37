import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Public } from '../common/auth/public-operations.js';
import { type FailedJob, type JobOutcome, JobRunner, UnknownJobError } from './job-runner.js';

/**
 * Operators' routes (`pnpm job`): run a job now, and the dead-letter view. Not for people: no session,
 * but the `X-Ops-Secret` header must equal OPS_SECRET; without that setting, or with a wrong secret,
 * the routes answer 404 as if they did not exist.
 */
@Controller('ops/jobs')
export class JobsController {
  constructor(
    private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post(':name')
  @HttpCode(200)
  async run(
    @Param('name') name: string,
    @Headers('x-ops-secret') secret: string | undefined,
  ): Promise<JobOutcome & { runner: string }> {
    this.authorize(secret);
    try {
      return { runner: this.runner.kind, ...(await this.runner.runNow(name)) };
    } catch (error) {
      if (error instanceof UnknownJobError) throw new NotFoundException(`unknown job: ${name}`);
      throw error;
    }
  }

  @Public()
  @Get('failed')
  async failed(@Headers('x-ops-secret') secret: string | undefined): Promise<{ runner: string; failed: FailedJob[] }> {
    this.authorize(secret);
    return { runner: this.runner.kind, failed: await this.runner.failedJobs() };
  }

  private authorize(given: string | undefined): void {
    const expected = this.config.jobs.opsSecret;
    const ok =
      expected !== null &&
      given !== undefined &&
      Buffer.byteLength(given) === Buffer.byteLength(expected) &&
      timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!ok) throw new NotFoundException();
  }
}
