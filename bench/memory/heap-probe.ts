/**
 * Bench-only: preloaded into a BFF by memory.ts (`node --expose-gc --import dist/memory/heap-probe.js
 * apps/bff/dist/main.js`), never part of the BFF. It listens on a port of its own on 127.0.0.1 (written
 * to BENCH_HEAP_FILE); a GET there collects garbage (twice, so objects freed by finalisers go too) and
 * answers `process.memoryUsage()`. The BFF itself has no route or hook for this: a production BFF
 * cannot be asked to collect garbage. (Not a signal: Nest's shutdown hooks take SIGUSR2.)
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const file = process.env.BENCH_HEAP_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (file && collect) {
  const server = createServer((_request, response) => {
    collect();
    collect();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
  server.listen(0, '127.0.0.1', () => writeFileSync(file, String((server.address() as AddressInfo).port)));
  // Never what keeps the BFF running.
  server.unref();
}
