/**
 * Servers under test run in child processes, never in the load generator's process: the machine has
 * two cores, one for the server under test and one for autocannon. Every child started here is
 * tracked, so a failed or interrupted run still stops them all.
 */
import { type ChildProcess, fork } from 'node:child_process';

const children = new Set<ChildProcess>();

/** Tracks a child started elsewhere, so `stopAll` and the signal handlers also stop it. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

export interface ForkedServer {
  readonly child: ChildProcess;
  readonly port: number;
}

/**
 * Forks a server script that reports `{ type: 'ready', port }` over IPC when it listens, and closes
 * and exits when it receives `{ type: 'close' }` (see drivers/server.ts, catalogue/sandbox-server.ts).
 */
export function forkServer(
  label: string,
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  readyTimeoutMs = 60_000,
): Promise<ForkedServer> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [], env });
    track(child);
    const timer = setTimeout(
      () => reject(new Error(`${label}: not ready within ${readyTimeoutMs / 1000} s`)),
      readyTimeoutMs,
    );
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label}: server exited before it was ready (code ${code}, signal ${signal})`));
    });
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type !== 'ready' || typeof message.port !== 'number') return;
      clearTimeout(timer);
      resolve({ child, port: message.port });
    });
  });
}

/**
 * Stops one child: `{ type: 'close' }` over IPC when it has a channel, SIGTERM otherwise; SIGKILL
 * when it is still there 5 s later.
 */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'close' });
  else child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    console.warn(`server ${child.pid} did not close within 5 s; killing it`);
    child.kill('SIGKILL');
    await exited;
  }
  children.delete(child);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** Ctrl-C or a kill of the benchmark kills its servers too. */
export function killChildrenOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    });
  }
}

/**
 * Runs a benchmark's main function: children are stopped on a signal, and on failure the error is
 * printed, every child stopped and the process exits with 1.
 */
export function runBenchmark(main: () => Promise<void>): void {
  killChildrenOnSignals();
  main().then(
    () => process.exit(process.exitCode ?? 0),
    async (error: unknown) => {
      console.error('\nBENCHMARK FAILED:', error instanceof Error ? error.message : error);
      await stopAll().catch(() => undefined);
      process.exit(1);
    },
  );
}
