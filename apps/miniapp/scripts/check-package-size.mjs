#!/usr/bin/env node
// Checks the mini-program package sizes of the built dist/weapp and dist/alipay:
// the main package and every subpackage declared in the built app.json must each stay within
// 2 MB (2 * 1024 * 1024 bytes), the limit of WeChat and Alipay. Prints a table, exits 1 when over.
//
// Usage: node scripts/check-package-size.mjs [platform ...]   (default: weapp alipay)
// Run the builds first (pnpm build:weapp && pnpm build:alipay).
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 2 * 1024 * 1024;
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// IDE project files and source maps are not part of the uploaded code package.
const IGNORED = new Set(['project.config.json', 'project.private.config.json', 'mini.project.json', '.browserslistrc']);

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

async function measure(platform) {
  const distDir = path.join(appRoot, 'dist', platform);
  let appJson;
  try {
    appJson = JSON.parse(await readFile(path.join(distDir, 'app.json'), 'utf8'));
  } catch {
    throw new Error(`dist/${platform}/app.json not found: run \`pnpm build:${platform}\` first`);
  }
  const declared = appJson.subPackages ?? appJson.subpackages ?? [];
  const roots = declared.map((sub) =>
    toPosix(String(sub.root))
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, ''),
  );

  const sizes = new Map([['(main)', 0], ...roots.map((root) => [root, 0])]);
  for (const file of await listFiles(distDir)) {
    const rel = toPosix(path.relative(distDir, file));
    if (IGNORED.has(rel) || rel.endsWith('.map')) continue;
    const { size } = await stat(file);
    const owner = roots.find((root) => rel === root || rel.startsWith(`${root}/`)) ?? '(main)';
    sizes.set(owner, sizes.get(owner) + size);
  }
  return [...sizes].map(([name, bytes]) => ({ platform, name, bytes }));
}

const platforms = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['weapp', 'alipay'];
const rows = [];
let failed = false;
for (const platform of platforms) {
  try {
    rows.push(...(await measure(platform)));
  } catch (error) {
    console.error(`size:check: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  }
}

const header = ['platform', 'package', 'size', 'bytes', 'limit', 'status'];
const table = rows.map((r) => {
  const over = r.bytes > LIMIT;
  if (over) failed = true;
  return [r.platform, r.name, formatBytes(r.bytes), String(r.bytes), formatBytes(LIMIT), over ? 'OVER' : 'ok'];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

if (failed) {
  console.error('size:check: FAILED (a package is over 2 MB or a build is missing)');
  process.exit(1);
}
console.log('size:check: all packages are within 2 MB');
