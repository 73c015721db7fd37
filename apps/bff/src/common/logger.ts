import type { LoggerService } from '@nestjs/common';
import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './request-context.js';

/**
 * Paths removed from every log line. Personal data must never be logged; these are the places it
 * could reach a log through request logging.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-session"]',
  'res.headers["set-cookie"]',
  '*.phone',
  '*.idNumber',
  '*.policyNumber',
  '*.name',
  '*.password',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'bff' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written inside a request carries its id, whoever writes it.
    // Fastify's request logger already binds it, so only loggers without that binding add it.
    mixin: (_merge, _level, instance) => {
      const requestId = currentRequestId();
      return requestId && !('reqId' in instance.bindings()) ? { reqId: requestId } : {};
    },
  };
}

/** The process-wide logger; reconfigured once at start by `configureLogger`. */
export let logger: Logger = pino(loggerOptions(process.env.LOG_LEVEL ?? 'info'));

export function configureLogger(level: string): Logger {
  logger = pino(loggerOptions(level));
  return logger;
}

/** Routes Nest's own log calls into the same JSON stream. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, context?: string): void {
    logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    logger.trace({ context }, String(message));
  }
}
