/**
 * Bench-only: preloaded into a BFF by memory.ts (`node --expose-gc --import dist/memory/heap-probe.js
 * apps/bff/dist/main.js`), never part of the BFF. On SIGUSR2 it collects garbage (twice, so objects
 * freed by finalisers go too) and writes `process.memoryUsage()` as JSON to BENCH_HEAP_FILE. The BFF
 * itself has no route or hook for this: a production BFF cannot be asked to collect garbage.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (file && collect) {
  process.on('SIGUSR2', () => {
    collect();
    collect();
    writeFileSync(file, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
}
