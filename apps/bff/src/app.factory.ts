import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { NestPinoLogger, configureLogger } from './common/logger.js';
import { runWithRequestId } from './common/request-context.js';

const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole BFF (used by main.ts and by the integration tests). Call `listen` to serve. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = configureLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Keep a caller's request id when it looks like one, so logs join up across services.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestId(request.id, done);
  });
  if (config.h5DistDir) {
    if (!existsSync(config.h5DistDir)) {
      logger.warn({ dir: config.h5DistDir }, 'H5 build not found; the app will not be served at /');
    } else {
      await fastify.register(fastifyStatic, {
        root: config.h5DistDir,
        prefix: '/',
        // Files are looked up per request, so a rebuilt H5 app is served without a restart.
        wildcard: true,
        // Hashed assets never change; index.html must be fetched fresh to pick up new hashes.
        setHeaders: (response, path) => {
          void response.header(
            'cache-control',
            path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          );
        },
      });
    }
  }
  app.enableShutdownHooks();
  return app;
}
