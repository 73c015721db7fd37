import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, type AppErrorCode } from '../app-error.js';

const STATUS: Readonly<Record<AppErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  UPSTREAM_UNAVAILABLE: 502,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * For plain HTTP routes (not GraphQL, which formats its own errors): an AppError answers its status
 * with `{ error: { code, message, reason? } }` and, for TOO_MANY_REQUESTS, `Retry-After`. Put on a
 * controller with `@UseFilters(AppErrorHttpFilter)`.
 */
@Catch(AppError)
export class AppErrorHttpFilter implements ExceptionFilter<AppError> {
  catch(error: AppError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const retryAfterSeconds = error.details?.retryAfterSeconds;
    if (error.code === 'TOO_MANY_REQUESTS' && typeof retryAfterSeconds === 'number')
      void reply.header('retry-after', String(retryAfterSeconds));
    const reason = typeof error.details?.reason === 'string' ? error.details.reason : undefined;
    void reply
      .status(STATUS[error.code])
      .header('cache-control', 'no-store')
      .send({ error: { code: error.code, message: error.userMessage, ...(reason ? { reason } : {}) } });
  }
}
