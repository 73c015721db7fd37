// First: V8's settings, before any other module allocates (decision 019).
import './v8-flags.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createApp } from './app.factory.js';
import { logger } from './common/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  if (config.generatedSecrets.length > 0) {
    logger.warn(
      { settings: config.generatedSecrets },
      'secrets not set: made random ones for this process; sessions and encrypted data will not survive a restart',
    );
  }
  await app.listen({ port: config.port, host: config.host });
  // The bound port, not the configured one: PORT=0 (tests) picks a free port.
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`BFF ready: app ${base}/  GraphQL ${base}/graphql  health ${base}/health`);
}

void main();
