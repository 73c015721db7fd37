import v8 from 'node:v8';

/**
 * V8 settings of the BFF's process, set before anything else is loaded (main.ts imports this first).
 * Decision 019; figures in docs/performance.md, "Memory at 100 insurers".
 *
 * No allocation-site pretenuring. Node's HTTP client and server share one parser, whose callbacks
 * allocate every request's and response's `IncomingMessage` and its stream state. A catalogue load
 * keeps hundreds of insurer responses alive while their bodies arrive, so V8 learns that the objects
 * of those allocation sites survive, and allocates them in the old generation from then on. That
 * includes the objects of every request the BFF serves afterwards: at 100 insurers, cached traffic
 * then left about 4 MB of garbage a second in the old generation (measured), which only a full
 * collection frees, and the process's peak memory rose with it. Without pretenuring, those objects
 * die young again. The catalogue's own objects are copied once more on their way to the old
 * generation, and the first load measured no slower.
 *
 * Flags that size V8's heap stay a deployment's choice (NODE_OPTIONS); this one is part of the
 * program, because what it corrects is the program's own pattern of allocation.
 */
v8.setFlagsFromString('--no-allocation-site-pretenuring');
