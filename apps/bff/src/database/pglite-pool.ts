import { EventEmitter } from 'node:events';
import { PGlite, type PGliteOptions, type Results, types } from '@electric-sql/pglite';

/**
 * A `pg`-shaped driver for TypeORM over one embedded PGlite.
 *
 * PGlite is a single connection. The pool hands it out exclusively: a query runner holds it from
 * `connect` until `release`, and everyone else waits their turn. So a transaction never sees another
 * request's statements between its BEGIN and COMMIT, and a plain query never lands inside someone
 * else's transaction (typeorm-pglite, used before, shared the connection among all query runners).
 * The price is that work on PGlite runs one query runner at a time: it is the engine for development
 * and tests, and PostgreSQL (DATABASE_URL) the one for production (docs/decisions/002).
 */

/** Waiting longer than this for the connection means a deadlock: someone queried outside its transaction. */
const CHECKOUT_TIMEOUT_MS = 15_000;

/** What TypeORM's postgres driver reads of a `pg` query result. */
interface PgResult {
  readonly rows: unknown[];
  readonly rowCount: number;
  readonly command: string;
  readonly fields: Results['fields'];
}

type QueryCallback = (error: Error | null, result?: PgResult) => void;
type Release = (error?: Error) => void;

// TypeORM passes booleans as JS values, PGlite's default serializer wants exactly true/false.
const serializeBoolean = (value: unknown): string => {
  if (value === true || value === 'true' || value === 1) return 't';
  if (value === false || value === 'false' || value === 0) return 'f';
  return String(value);
};

function commandOf(sql: string): string {
  const verb = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  // A statement starting with WITH reports the command of its final statement; ours are SELECTs.
  return verb === 'WITH' ? 'SELECT' : verb;
}

function toPgResult(sql: string, result: Results | undefined): PgResult {
  const rows = (result?.rows ?? []) as unknown[];
  const command = commandOf(sql);
  const changes = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(command);
  return { rows, rowCount: changes ? (result?.affectedRows ?? 0) : rows.length, command, fields: result?.fields ?? [] };
}

/** The connection lent to one query runner at a time. */
class PGliteClient extends EventEmitter {
  constructor(private readonly database: Promise<PGlite>) {
    super();
  }

  query(sql: string, parameters?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<PgResult> {
    const done = typeof parameters === 'function' ? parameters : callback;
    const values = Array.isArray(parameters) ? parameters : [];
    const result = this.database.then(async (database) =>
      values.length > 0
        ? toPgResult(sql, await database.query(sql, values))
        : // Without parameters a string may hold several statements (migrations); the last one answers.
          toPgResult(sql, (await database.exec(sql)).at(-1)),
    );
    if (done)
      result.then(
        (value) => done(null, value),
        (error: Error) => done(error),
      );
    return result;
  }
}

/** The options of the embedded database behind every pool this driver creates. */
export function pgliteDriver(options: PGliteOptions): { Pool: new () => EventEmitter } {
  return {
    Pool: class PGlitePool extends EventEmitter {
      private readonly database = PGlite.create({
        ...options,
        serializers: { [types.BOOL]: serializeBoolean, ...options.serializers },
      });
      private readonly client = new PGliteClient(this.database);
      /** Resolves when the connection is free; each checkout chains onto it. */
      private queue: Promise<void> = Promise.resolve();

      connect(callback: (error: Error | null, client: PGliteClient | null, release: Release) => void): void {
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        const turn = this.queue;
        this.queue = turn.then(() => released);
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `PGlite connection not free after ${CHECKOUT_TIMEOUT_MS} ms: a query outside an open transaction ` +
                    'waits for that transaction (use the Database manager inside @Transactional work)',
                ),
              ),
            CHECKOUT_TIMEOUT_MS,
          );
          timer.unref();
        });
        Promise.race([turn.then(() => this.database), timedOut]).then(
          () => {
            clearTimeout(timer);
            let returned = false;
            callback(null, this.client, () => {
              if (returned) return;
              returned = true;
              release();
            });
          },
          (error: Error) => {
            // Give the turn back so the queue does not stay blocked on a checkout nobody holds.
            release();
            callback(error, null, () => undefined);
          },
        );
      }

      end(callback?: (error: Error | null) => void): Promise<void> {
        const closed = this.queue.then(() => this.database).then((database) => database.close());
        closed.then(
          () => callback?.(null),
          (error: Error) => callback?.(error),
        );
        return closed;
      }
    },
  };
}
