import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';

/**
 * Writes the schema the BFF serves to packages/schema/schema.graphql (the client generates its types
 * from it), or with --check fails when the committed file differs from it.
 */
const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages/schema/schema.graphql');
const HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# Run \`pnpm schema:emit\` after changing the BFF's GraphQL types.
# ------------------------------------------------------
`;

export async function currentSchemaText(): Promise<string> {
  const config = loadConfig({ PGLITE_DATA_DIR: 'memory', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false' });
  const app = await createApp(config);
  await app.init();
  try {
    const { schema } = app.get(GraphQLSchemaHost);
    return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const text = await currentSchemaText();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== text) {
      console.error(`${SCHEMA_FILE} is stale: run \`pnpm schema:emit\` and commit the result.`);
      process.exit(1);
    }
    console.log('schema.graphql is up to date');
    return;
  }
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
