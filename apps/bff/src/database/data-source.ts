import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import type { AppConfig } from '../config/config.js';
import { InsurerEntity } from '../catalogue/entities/insurer.entity.js';
import { CreateInsurer1763791200000 } from './migrations/1763791200000-create-insurer.js';
import { AllowSignedJsonWireFormat1764600000000 } from './migrations/1764600000000-allow-signed-json-wire-format.js';
import { CreateIdentity1764700000000 } from './migrations/1764700000000-create-identity.js';

export const ENTITIES = [InsurerEntity];
export const MIGRATIONS = [
  CreateInsurer1763791200000,
  AllowSignedJsonWireFormat1764600000000,
  CreateIdentity1764700000000,
];

/**
 * One set of entities and migrations for both engines: PostgreSQL when DATABASE_URL is set, embedded
 * PGlite otherwise. Never `synchronize`: the schema is what the migrations say.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (database.kind === 'postgres') return { ...common, url: database.url, extra: { max: 10 } };
  if (database.dataDir) mkdirSync(database.dataDir, { recursive: true });
  return {
    ...common,
    driver: new PGliteDriver({
      dataDir: database.dataDir ?? undefined,
      extensions: { uuid_ossp },
    }).driver,
  };
}

export async function openDataSource(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
