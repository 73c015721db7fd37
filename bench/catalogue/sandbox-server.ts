/**
 * The sandbox insurers in a process of their own, so they share an event loop with neither the BFF
 * under test nor the load generator. Started by catalogue.ts and abuse.ts (lib/stack.ts) as
 * `node dist/catalogue/sandbox-server.js`; reports `{ type: 'ready', port }` over IPC, closes and
 * exits on `{ type: 'close' }`.
 */
import { startSandbox } from '@family/sandbox';

async function main(): Promise<void> {
  if (!process.send)
    throw new Error('sandbox-server.ts must be started by a benchmark (lib/stack.ts; needs an IPC channel)');
  const sandbox = await startSandbox(0, '127.0.0.1', false);
  const port = Number(new URL(sandbox.url).port);
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'close') return;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  // If the parent dies without saying goodbye, do not linger.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error('[sandbox] failed to start:', error);
  process.exit(1);
});
