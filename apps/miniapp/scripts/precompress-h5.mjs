// Writes a .br and a .gz beside every script, style sheet and other text asset of the H5 build
// (dist/h5), once at build time, so the BFF sends them compressed without compressing per request
// (@fastify/static `preCompressed`, apps/bff/src/app.factory.ts). index.html is left alone: it is
// small, must be read fresh, and its security policy is computed from the file itself.
// Usage: node scripts/precompress-h5.mjs [dir]   (default dist/h5)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(
  process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5'),
);
const COMPRESSIBLE = /\.(js|css|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const file of files(root)) {
  if (!COMPRESSIBLE.test(file) || file.endsWith('.html') || statSync(file).size < MIN_BYTES) continue;
  const body = readFileSync(file);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  count += 1;
  before += body.length;
  afterBr += br.length;
}
console.log(
  `precompressed ${count} files in ${path.relative(process.cwd(), root) || root}: ` +
    `${Math.round(before / 1024)} KB → ${Math.round(afterBr / 1024)} KB as br`,
);
