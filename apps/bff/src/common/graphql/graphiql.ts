import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { GRAPHQL_PATH } from './graphql-over-http.js';

/** GraphiQL's page loads React and GraphiQL from unpkg.com; nothing else may. */
const GRAPHIQL_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Development only: Mercurius' GraphiQL page at /graphiql, talking to our /graphql. */
export async function registerGraphiql(fastify: FastifyInstance): Promise<void> {
  const staticDir = join(dirname(createRequire(import.meta.url).resolve('mercurius')), 'static');
  const files: Record<string, string> = {
    '/graphiql': 'graphiql.html',
    '/graphiql/main.js': 'main.js',
    '/graphiql/sw.js': 'sw.js',
  };
  for (const [path, file] of Object.entries(files)) {
    fastify.get(path, async (_request, reply) =>
      reply
        .header('content-security-policy', GRAPHIQL_POLICY)
        .type(file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/javascript')
        .send(await readFile(join(staticDir, file))),
    );
  }
  fastify.get('/graphiql/config.js', async (_request, reply) =>
    reply
      .type('application/javascript')
      .send(`window.GRAPHQL_ENDPOINT = '${GRAPHQL_PATH}';\nwindow.GRAPHIQL_PLUGIN_LIST = [];`),
  );
}
