/**
 * The PostgreSQL server the benchmarks may run a BFF on: BENCH_DATABASE_URL (default the machine's
 * server, `postgres://postgres@127.0.0.1:5432/postgres`; `none` to skip), and fresh databases on it.
 */
import pg from 'pg';

export const POSTGRES_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the server answers (false when BENCH_DATABASE_URL=none). */
export async function postgresAvailable(serverUrl = POSTGRES_SERVER_URL): Promise<boolean> {
  if (serverUrl === 'none') return false;
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A new database named `<prefix>_<time>` on the server: its URL, and how to drop it. */
export async function freshPostgresDatabase(
  prefix: string,
  serverUrl = POSTGRES_SERVER_URL,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
