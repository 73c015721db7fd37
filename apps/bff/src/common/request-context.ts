import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  readonly requestId: string;
  /** SQL statements run on behalf of the request (a diagnostic, see `countStatement`). */
  statements: number;
  /** The platform of the caller's session, once the guard has checked it. */
  platform?: string;
  /** Objects that live as long as the request, by name (see `requestScoped`). */
  readonly scoped: Map<string, unknown>;
  /** Work to finish before the request answers, by name, in the order first registered. */
  readonly beforeAnswer: Map<string, () => Promise<void>>;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with the request id visible to every log line written during it. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId, statements: 0, scoped: new Map(), beforeAnswer: new Map() }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Remembers the platform of the request's session (set by the auth guard), for records of what it did. */
export function setRequestPlatform(platform: string): void {
  const context = storage.getStore();
  if (context) context.platform = platform;
}

export function currentPlatform(): string | undefined {
  return storage.getStore()?.platform;
}

/**
 * The request's object named `name`, made by `create` the first time it is asked for; null outside
 * a request (a job, a unit test), where callers do their work at once instead.
 */
export function requestScoped<T>(name: string, create: () => T): T | null {
  const context = storage.getStore();
  if (!context) return null;
  if (!context.scoped.has(name)) context.scoped.set(name, create());
  return context.scoped.get(name) as T;
}

/**
 * Registers work to run once the request's operation has executed and before it answers (once per
 * name): the audit trail writes what a request read in one statement there. Returns false outside a
 * request.
 */
export function beforeAnswer(name: string, work: () => Promise<void>): boolean {
  const context = storage.getStore();
  if (!context) return false;
  if (!context.beforeAnswer.has(name)) context.beforeAnswer.set(name, work);
  return true;
}

/** Runs (and forgets) the work registered with `beforeAnswer`; throws when any of it fails. */
export async function finishBeforeAnswer(): Promise<void> {
  const context = storage.getStore();
  if (!context) return;
  const pending = [...context.beforeAnswer.values()];
  context.beforeAnswer.clear();
  for (const work of pending) await work();
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
