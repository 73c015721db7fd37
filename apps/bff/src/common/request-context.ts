import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  readonly requestId: string;
  /** SQL statements run on behalf of the request (a diagnostic, see `countStatement`). */
  statements: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with the request id visible to every log line written during it. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId, statements: 0 }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Counts one SQL statement against the request running now, if any. */
export function countStatement(): void {
  const context = storage.getStore();
  if (context) context.statements += 1;
}

/** SQL statements the current request has run so far. */
export function statementsInRequest(): number {
  return storage.getStore()?.statements ?? 0;
}
